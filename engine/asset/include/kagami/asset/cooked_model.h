#pragma once
// Cooked models: a ModelData turned into the bytes the GPU wants (optimised,
// interleaved meshes; full mip chains, block-compressed where it fits) and
// written to one versioned file (layout: cooked_format.h), then read back with
// one read and no per-vertex parsing: CookedModel keeps the file's bytes and
// hands out spans into them.
//
// Loading trusts nothing: magic, versions, checksums, every section bound and
// count, every index. A file that fails any check is refused with an Error
// naming the file and the reason; no file can crash the reader.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kagami/asset/cooked_format.h"
#include "kagami/asset/model.h"
#include "kagami/core/result.h"

namespace kagami::asset {

// A file the source referenced, as recorded for the cache (see asset_cache.h).
struct CookedDependency {
  std::string path;    // relative to the source's folder, '/' separated
  std::uint64_t bytes = kMissingDependency;
  std::uint64_t hash = 0;
};

struct CookOptions {
  std::uint32_t cooker_version = kCookerVersion;  // written to the header
  std::uint64_t content_hash = 0;                 // the cache key, written to the header
  std::vector<CookedDependency> dependencies;     // written to DEPS
  // false keeps every texture RGBA8 (faster cooking, four to eight times the memory).
  bool compress_textures = true;
  // meshopt_optimizeOverdraw: how much worse the vertex cache may get (1.05 = 5%)
  // in exchange for fewer overdrawn pixels.
  float overdraw_threshold = 1.05f;
};

// Cooks a model into the bytes of a .kgmc file. Refuses (Error starting with the
// model's source path) a model that fails check_model or does not fit the format.
Result<std::vector<std::uint8_t>> cook_model(const ModelData& model, const CookOptions& options = {});
// cook_model, then write_file_atomic: a crash mid-write never leaves a broken file.
Result<void> write_cooked_model(const ModelData& model, const std::filesystem::path& path,
                                const CookOptions& options = {});

// --- The loaded view ------------------------------------------------------

struct CookedMesh {
  std::string_view name;
  std::uint32_t material = 0;  // index into CookedModel::materials()
  std::uint32_t vertex_count = 0;
  std::uint32_t index_count = 0;
  bool has_uv0 = false;
  Aabb bounds;  // object space
  // Ready to upload: vertex_count CookedVertex (32 bytes, MeshVertex layout),
  // index_count uint32 (< vertex_count), vertex_count vec4 tangents or empty.
  std::span<const std::uint8_t> vertex_bytes;
  std::span<const std::uint8_t> index_bytes;
  std::span<const std::uint8_t> tangent_bytes;

  std::size_t triangle_count() const { return index_count / 3; }
  // Element access for tools and tests (copies; the render path uses the spans).
  CookedVertex vertex(std::size_t i) const;
  std::uint32_t index(std::size_t i) const;
  glm::vec4 tangent(std::size_t i) const;
};

struct CookedMipLevel {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::span<const std::uint8_t> bytes;  // texture_level_bytes(format, width, height)
};

struct CookedTexture {
  std::string_view name;
  TextureFormat format = TextureFormat::rgba8_unorm;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::span<const CookedMipLevel> levels;  // full chain, largest first
};

struct CookedMaterial {
  std::string_view name;
  glm::vec4 base_color_factor{1.0f};
  float metallic_factor = 1.0f;
  float roughness_factor = 1.0f;
  glm::vec3 emissive_factor{0.0f};
  AlphaMode alpha_mode = AlphaMode::opaque;
  float alpha_cutoff = 0.5f;
  bool double_sided = false;
  // Indices into CookedModel::textures(); whether a texture is sRGB is in its format.
  std::optional<std::uint32_t> base_color_texture;
  std::optional<std::uint32_t> metal_rough_texture;
  std::optional<std::uint32_t> normal_texture;
  std::optional<std::uint32_t> emissive_texture;
};

struct CookedInstance {
  std::uint32_t mesh = 0;
  glm::mat4 world{1.0f};
  std::string_view node_name;
};

struct CookedLoadOptions {
  // The header, the section table and every small section (names, mesh,
  // material, texture and instance records) are always checked against their
  // checksums. The bulk data (vertices, indices, texels: nearly all of a file)
  // is hashed only when this is set: damage there cannot make the loader or the
  // renderer misbehave (every index is range-checked; any bits are valid
  // floats and BC blocks), only draw wrong pixels, and hashing it costs as much
  // as reading it. cook_cached verifies it whenever it hands out a file.
  bool verify_bulk_data = false;
};

namespace detail {
struct CookedReader;
}

// Move-only: the spans and string_views point into the bytes it owns.
class CookedModel {
 public:
  CookedModel() = default;
  CookedModel(CookedModel&&) noexcept = default;
  CookedModel& operator=(CookedModel&&) noexcept = default;
  CookedModel(const CookedModel&) = delete;
  CookedModel& operator=(const CookedModel&) = delete;

  const std::string& path() const { return path_; }  // as given to load (for messages)
  std::string_view source() const { return source_; }  // the file it was cooked from
  std::uint32_t cooker_version() const { return cooker_version_; }
  std::uint64_t content_hash() const { return content_hash_; }
  const Aabb& bounds() const { return bounds_; }

  std::span<const CookedMesh> meshes() const { return meshes_; }
  std::span<const CookedMaterial> materials() const { return materials_; }
  std::span<const CookedTexture> textures() const { return textures_; }
  std::span<const CookedInstance> instances() const { return instances_; }
  std::span<const CookedDependency> dependencies() const { return dependencies_; }

  // The whole file as read.
  std::span<const std::uint8_t> file_bytes() const { return {bytes_.get(), size_}; }
  // Vertex, tangent, index and texel bytes: what an upload copies to the GPU.
  std::uint64_t gpu_bytes() const;
  std::size_t total_vertices() const;
  std::size_t instanced_triangles() const;

 private:
  friend struct detail::CookedReader;  // fills the views while validating
  std::unique_ptr<std::uint8_t[]> bytes_;
  std::size_t size_ = 0;
  std::string path_;
  std::string_view source_;
  std::uint32_t cooker_version_ = 0;
  std::uint64_t content_hash_ = 0;
  Aabb bounds_;
  std::vector<CookedMesh> meshes_;
  std::vector<CookedMaterial> materials_;
  std::vector<CookedMipLevel> levels_;
  std::vector<CookedTexture> textures_;
  std::vector<CookedInstance> instances_;
  std::vector<CookedDependency> dependencies_;
};

// One read of the whole file, then validation; no copy of the bytes afterwards.
Result<CookedModel> load_cooked_model(const std::filesystem::path& path, const CookedLoadOptions& options = {});
// Validates bytes already in memory; takes ownership. `name` starts every message.
Result<CookedModel> parse_cooked_model(std::unique_ptr<std::uint8_t[]> bytes, std::size_t size, std::string name,
                                       const CookedLoadOptions& options = {});
// Copies `bytes` first (tests, bytes from elsewhere).
Result<CookedModel> parse_cooked_model(std::span<const std::uint8_t> bytes, std::string name,
                                       const CookedLoadOptions& options = {});

// Reads a whole file into an uninitialised buffer with one read(2) loop: what
// load_cooked_model does before validating (also the benchmarks' baseline).
struct FileBuffer {
  std::unique_ptr<std::uint8_t[]> bytes;
  std::size_t size = 0;
};
Result<FileBuffer> read_whole_file(const std::filesystem::path& path);

// The checksums of a cooked file as its bytes are now (they need at least a
// header; sections the table places outside the bytes are skipped), and
// seal_cooked_file, which writes all three into the header. For the writer,
// for tools that edit a cooked file, and for tests that damage one on purpose.
std::uint64_t cooked_header_checksum(std::span<const std::uint8_t> bytes);
std::uint64_t cooked_metadata_checksum(std::span<const std::uint8_t> bytes);
std::uint64_t cooked_payload_checksum(std::span<const std::uint8_t> bytes);
void seal_cooked_file(std::span<std::uint8_t> bytes);

}  // namespace kagami::asset
