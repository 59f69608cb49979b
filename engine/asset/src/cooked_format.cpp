// Texture format arithmetic shared by the cooker and the reader, and the small
// accessors of the loaded view.
#include <cstring>

#include "kagami/asset/cooked_model.h"

namespace kagami::asset {

const char* to_string(TextureFormat format) {
  switch (format) {
    case TextureFormat::rgba8_unorm: return "rgba8_unorm";
    case TextureFormat::rgba8_srgb: return "rgba8_srgb";
    case TextureFormat::bc1_unorm: return "bc1_unorm";
    case TextureFormat::bc1_srgb: return "bc1_srgb";
    case TextureFormat::bc3_unorm: return "bc3_unorm";
    case TextureFormat::bc3_srgb: return "bc3_srgb";
  }
  return "unknown";
}

bool is_block_compressed(TextureFormat format) {
  return format != TextureFormat::rgba8_unorm && format != TextureFormat::rgba8_srgb;
}

bool is_srgb(TextureFormat format) {
  return format == TextureFormat::rgba8_srgb || format == TextureFormat::bc1_srgb || format == TextureFormat::bc3_srgb;
}

std::uint64_t texture_level_bytes(TextureFormat format, std::uint32_t width, std::uint32_t height) {
  const std::uint64_t w = width, h = height;
  switch (format) {
    case TextureFormat::rgba8_unorm:
    case TextureFormat::rgba8_srgb: return w * h * 4;
    case TextureFormat::bc1_unorm:
    case TextureFormat::bc1_srgb: return ((w + 3) / 4) * ((h + 3) / 4) * 8;
    case TextureFormat::bc3_unorm:
    case TextureFormat::bc3_srgb: return ((w + 3) / 4) * ((h + 3) / 4) * 16;
  }
  return 0;
}

std::uint32_t full_mip_count(std::uint32_t width, std::uint32_t height) {
  std::uint32_t largest = width > height ? width : height;
  std::uint32_t levels = 1;
  while (largest > 1) {
    largest >>= 1;
    ++levels;
  }
  return levels;
}

// memcpy: the spans are aligned, but reading through a cast pointer would
// rely on object lifetimes C++20 cannot express; the copies compile to loads.
CookedVertex CookedMesh::vertex(std::size_t i) const {
  CookedVertex v;
  std::memcpy(&v, vertex_bytes.data() + i * sizeof(CookedVertex), sizeof v);
  return v;
}

std::uint32_t CookedMesh::index(std::size_t i) const {
  std::uint32_t v;
  std::memcpy(&v, index_bytes.data() + i * sizeof v, sizeof v);
  return v;
}

glm::vec4 CookedMesh::tangent(std::size_t i) const {
  glm::vec4 v;
  std::memcpy(&v, tangent_bytes.data() + i * sizeof v, sizeof v);
  return v;
}

std::uint64_t CookedModel::gpu_bytes() const {
  std::uint64_t total = 0;
  for (const CookedMesh& mesh : meshes_) total += mesh.vertex_bytes.size() + mesh.index_bytes.size() + mesh.tangent_bytes.size();
  for (const CookedMipLevel& level : levels_) total += level.bytes.size();
  return total;
}

std::size_t CookedModel::total_vertices() const {
  std::size_t total = 0;
  for (const CookedMesh& mesh : meshes_) total += mesh.vertex_count;
  return total;
}

std::size_t CookedModel::instanced_triangles() const {
  std::size_t total = 0;
  for (const CookedInstance& instance : instances_) total += meshes_[instance.mesh].triangle_count();
  return total;
}

}  // namespace kagami::asset
