#pragma once
// Internal to the asset module: the per-mesh and per-texture steps of cooking,
// split from the file assembly in cooked_writer.cpp.
#include <cstdint>
#include <string_view>
#include <vector>

#include "kagami/asset/cooked_format.h"
#include "kagami/asset/model.h"
#include "kagami/core/image.h"
#include "kagami/core/result.h"

namespace kagami::asset::detail {

// A mesh reordered for the GPU: vertex cache, then overdraw, then vertex fetch
// (meshoptimizer), interleaved. Vertices no triangle uses are dropped, so the
// vertex count can shrink; the triangles are the same set, reordered.
struct OptimisedMesh {
  std::vector<CookedVertex> vertices;
  std::vector<std::uint32_t> indices;
  std::vector<glm::vec4> tangents;  // empty when the source has none
};
OptimisedMesh optimise_mesh(const MeshData& mesh, float overdraw_threshold);

// How a material uses a texture, which decides its filtering and format.
enum class TextureUsage : std::uint8_t {
  color,   // sRGB colour (base colour, emissive): filtered in linear light
  data,    // linear data (metal-rough): filtered as stored
  normal,  // tangent-space normal: filtered, then renormalised; never BC1/BC3
};

struct CookedTextureData {
  TextureFormat format = TextureFormat::rgba8_unorm;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::vector<std::vector<std::uint8_t>> levels;  // full chain, largest first
};

TextureFormat choose_texture_format(const ImageRgba8& image, TextureUsage usage, bool srgb, bool compress);
// The full mip chain of `image` as RGBA8 (level 0 is a copy).
std::vector<ImageRgba8> build_mip_chain(const ImageRgba8& image, TextureUsage usage, bool srgb);
// BC1 (alpha == false) or BC3 blocks of one level; edge blocks of sizes that
// are not multiples of 4 (and levels under 4x4) are padded by repeating the
// last row and column, which Vulkan ignores when sampling.
std::vector<std::uint8_t> compress_level(const ImageRgba8& level, bool alpha);
Result<CookedTextureData> cook_texture(const ImageRgba8& image, TextureUsage usage, bool srgb, bool compress,
                                       std::string_view name);

}  // namespace kagami::asset::detail
