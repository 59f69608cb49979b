#pragma once
// The on-disk layout of a cooked model (.kgmc): everything the reader validates
// and the writer produces, in one place. Little-endian, every structure a fixed
// size (static_asserts below), every section 16-byte aligned so vertex, index
// and texel data can be handed to an upload without copying or parsing.
//
//   offset 0   CookedFileHeader (72 bytes)
//   offset 72  CookedSectionEntry[section_count] (24 bytes each)
//   ...        sections, each at a 16-byte aligned offset, in any order
//
// Sections (kind = four ASCII characters read as a little-endian uint32):
//   STRS  bytes           every name, referenced by CookedStringRef
//   MODL  CookedModelRecord (exactly one): source name, model bounds
//   MESH  CookedMeshRecord[]
//   VERT  CookedVertex[]  interleaved, all meshes back to back (MeshVertex layout)
//   INDX  uint32[]        triangle lists, all meshes back to back, mesh-relative
//   TANG  vec4[]          optional: per-vertex tangents of meshes that have them
//   MATL  CookedMaterialRecord[]
//   TEXR  CookedTextureRecord[]
//   MIPS  CookedMipRecord[]  every texture's levels, largest first
//   TXLS  bytes           texel data of every level, each 16-byte aligned
//   INST  CookedInstanceRecord[]
//   DEPS  CookedDependencyRecord[]  the files the source referenced (for the cache)
//
// Compatibility: the magic and format_version sit at fixed offsets forever, so
// any build can say "was cooked by format version N". Anything else about the
// layout may change, and then kCookedFormatVersion goes up: there are no
// partial readers of older versions; an old file is simply re-cooked.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kagami/core/math.h"

namespace kagami::asset {

static_assert(std::endian::native == std::endian::little, "cooked files are little-endian and read in place");

inline constexpr char kCookedMagic[4] = {'K', 'G', 'M', 'C'};
// The layout described in this header. Bump on any change to it.
inline constexpr std::uint32_t kCookedFormatVersion = 1;
// What the cooker does to the data (optimiser settings, mip filter, BC encoder,
// format choices). Bump when the same source should cook to different bytes:
// the cache then re-cooks everything.
inline constexpr std::uint32_t kCookerVersion = 1;
inline constexpr std::uint32_t kCookedSectionAlignment = 16;
inline constexpr std::uint32_t kCookedMaxSections = 64;
inline constexpr std::uint32_t kCookedMaxTextureDimension = 16384;
inline constexpr std::uint32_t kCookedNoTexture = 0xFFFFFFFFu;

// The GPU format of a cooked texture, one per texture for all its levels. The
// asset module does not see Vulkan; the renderer maps these onto VkFormat
// (R8G8B8A8_UNORM/_SRGB, BC1_RGB(A)_UNORM/_SRGB_BLOCK, BC3_UNORM/_SRGB_BLOCK).
// BC1 blocks are always in four-colour mode (c0 > c1), or c0 == c1 with no
// texel using index 3, so the RGB and RGBA BC1 formats decode them the same.
enum class TextureFormat : std::uint32_t {
  rgba8_unorm = 0,
  rgba8_srgb = 1,
  bc1_unorm = 2,  // opaque: RGB in 4 bits per pixel
  bc1_srgb = 3,
  bc3_unorm = 4,  // RGB + interpolated alpha in 8 bits per pixel
  bc3_srgb = 5,
};
inline constexpr std::uint32_t kTextureFormatCount = 6;

const char* to_string(TextureFormat format);
bool is_block_compressed(TextureFormat format);
bool is_srgb(TextureFormat format);
// Bytes of one level of width x height texels (BC: whole 4x4 blocks, so a
// 2x1 level still takes one block).
std::uint64_t texture_level_bytes(TextureFormat format, std::uint32_t width, std::uint32_t height);
// Levels of a full chain down to 1x1: floor(log2(max(width, height))) + 1.
std::uint32_t full_mip_count(std::uint32_t width, std::uint32_t height);
// Size of level `level` of a width x height texture: each side halved, at least 1.
inline std::uint32_t mip_extent(std::uint32_t size, std::uint32_t level) {
  return level >= 32 ? 1u : (size >> level) > 0 ? (size >> level) : 1u;
}

constexpr std::uint32_t cooked_section_kind(const char (&name)[5]) {
  return std::uint32_t(std::uint8_t(name[0])) | std::uint32_t(std::uint8_t(name[1])) << 8 |
         std::uint32_t(std::uint8_t(name[2])) << 16 | std::uint32_t(std::uint8_t(name[3])) << 24;
}

namespace section {
inline constexpr std::uint32_t strings = cooked_section_kind("STRS");
inline constexpr std::uint32_t model = cooked_section_kind("MODL");
inline constexpr std::uint32_t meshes = cooked_section_kind("MESH");
inline constexpr std::uint32_t vertices = cooked_section_kind("VERT");
inline constexpr std::uint32_t indices = cooked_section_kind("INDX");
inline constexpr std::uint32_t tangents = cooked_section_kind("TANG");
inline constexpr std::uint32_t materials = cooked_section_kind("MATL");
inline constexpr std::uint32_t textures = cooked_section_kind("TEXR");
inline constexpr std::uint32_t mips = cooked_section_kind("MIPS");
inline constexpr std::uint32_t texels = cooked_section_kind("TXLS");
inline constexpr std::uint32_t instances = cooked_section_kind("INST");
inline constexpr std::uint32_t dependencies = cooked_section_kind("DEPS");
}  // namespace section

// Bulk sections: the data an upload copies (nearly all of a file's bytes).
constexpr bool is_bulk_section(std::uint32_t kind) {
  return kind == section::vertices || kind == section::indices || kind == section::tangents || kind == section::texels;
}

// Interleaved static-mesh vertex, identical to shaders/shared/types.h MeshVertex
// (the renderer static_asserts the match; asset cannot include render headers).
struct CookedVertex {
  glm::vec3 position;
  glm::vec3 normal;
  glm::vec2 uv;
};
static_assert(sizeof(CookedVertex) == 32 && offsetof(CookedVertex, normal) == 12 && offsetof(CookedVertex, uv) == 24);

struct CookedFileHeader {
  char magic[4];                      // "KGMC"                         (fixed forever)
  std::uint32_t format_version;       // kCookedFormatVersion           (fixed forever)
  std::uint32_t cooker_version;       // kCookerVersion of the cooker that wrote it
  std::uint32_t header_bytes;         // sizeof(CookedFileHeader)
  std::uint64_t content_hash;         // the cache key: source + referenced files + cooker
  std::uint64_t file_bytes;           // the whole file: a truncated copy is caught at once
  std::uint64_t section_table_offset;
  std::uint32_t section_count;
  std::uint32_t flags;                // 0; reserved
  // Three checksums (content_hash64), so that a load can check everything that
  // steers it without hashing the bulk data (see CookedLoadOptions):
  std::uint64_t metadata_checksum;    // the section table, then every section but VERT/INDX/TANG/TXLS
  std::uint64_t payload_checksum;     // bytes [header_bytes, file_bytes): everything after the header
  std::uint64_t header_checksum;      // the 64 bytes before this field
};
static_assert(sizeof(CookedFileHeader) == 72 && offsetof(CookedFileHeader, header_checksum) == 64);

struct CookedSectionEntry {
  std::uint32_t kind;
  std::uint32_t record_bytes;  // size of one element; 1 for plain bytes
  std::uint64_t offset;        // from the start of the file, 16-byte aligned
  std::uint64_t bytes;         // a multiple of record_bytes
};
static_assert(sizeof(CookedSectionEntry) == 24);

struct CookedStringRef {
  std::uint32_t offset;  // into STRS
  std::uint32_t length;
};

struct CookedModelRecord {
  CookedStringRef source;  // the source file's name, for messages
  float bounds_min[3];
  float bounds_max[3];
};
static_assert(sizeof(CookedModelRecord) == 32);

namespace mesh_flags {
inline constexpr std::uint32_t has_uv0 = 1u << 0;
inline constexpr std::uint32_t has_tangents = 1u << 1;
inline constexpr std::uint32_t all = has_uv0 | has_tangents;
}  // namespace mesh_flags

struct CookedMeshRecord {
  CookedStringRef name;
  std::uint32_t material;
  std::uint32_t flags;         // mesh_flags
  std::uint32_t vertex_count;
  std::uint32_t index_count;   // a multiple of 3
  std::uint64_t first_vertex;  // element of VERT (and of TANG when has_tangents)
  std::uint64_t first_index;   // element of INDX
  std::uint64_t first_tangent; // element of TANG; 0 without tangents
  float bounds_min[3];         // object space
  float bounds_max[3];
};
static_assert(sizeof(CookedMeshRecord) == 72);

namespace material_flags {
inline constexpr std::uint32_t double_sided = 1u << 0;
inline constexpr std::uint32_t all = double_sided;
}  // namespace material_flags

// Texture slots of a material, in CookedMaterialRecord::textures.
enum class MaterialSlot : std::uint32_t { base_color = 0, metal_rough = 1, normal = 2, emissive = 3 };
inline constexpr std::uint32_t kMaterialSlotCount = 4;

struct CookedMaterialRecord {
  CookedStringRef name;
  float base_color_factor[4];
  float metallic_factor;
  float roughness_factor;
  float emissive_factor[3];
  float alpha_cutoff;
  std::uint32_t alpha_mode;  // AlphaMode
  std::uint32_t flags;       // material_flags
  std::uint32_t textures[kMaterialSlotCount];  // index into TEXR, or kCookedNoTexture
};
static_assert(sizeof(CookedMaterialRecord) == 72);

struct CookedTextureRecord {
  CookedStringRef name;     // the image's source ("BoxTextured0.png", "<model>#embedded 0")
  std::uint32_t format;     // TextureFormat
  std::uint32_t width;      // level 0
  std::uint32_t height;
  std::uint32_t mip_count;  // always the full chain: full_mip_count(width, height)
  std::uint32_t first_mip;  // element of MIPS
  std::uint32_t reserved;   // 0
};
static_assert(sizeof(CookedTextureRecord) == 32);

struct CookedMipRecord {
  std::uint32_t width;
  std::uint32_t height;
  std::uint64_t offset;  // into TXLS, 16-byte aligned
  std::uint64_t bytes;   // texture_level_bytes(format, width, height)
};
static_assert(sizeof(CookedMipRecord) == 24);

struct CookedInstanceRecord {
  std::uint32_t mesh;
  CookedStringRef node_name;
  std::uint32_t reserved;  // 0
  float world[16];         // column-major, object -> model space
};
static_assert(sizeof(CookedInstanceRecord) == 80);

// A file the source referenced when it was cooked, as the cache saw it.
struct CookedDependencyRecord {
  CookedStringRef path;  // relative to the source's folder, '/' separated
  std::uint64_t bytes;   // kMissingDependency when the file did not exist
  std::uint64_t hash;    // content_hash64 of its bytes; 0 when missing
};
static_assert(sizeof(CookedDependencyRecord) == 24);
inline constexpr std::uint64_t kMissingDependency = ~0ull;

}  // namespace kagami::asset
