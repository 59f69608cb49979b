// Textures for the cooked format: a full mip chain built on the CPU, then
// BC1/BC3 blocks where they fit.
//
// Format choice (per texture, one format for every level, since a VkImage has one):
//   - normal maps stay RGBA8: BC1/BC3 quantise x and y together into a 5:6:5
//     line and visibly facet lighting; BC5 is the right format and needs the
//     shader to rebuild z (not done yet).
//   - textures smaller than 4x4 stay RGBA8: a BC block would be no smaller.
//   - otherwise BC1 when every level-0 alpha is 255, else BC3 (alpha kept).
//     Levels under 4x4 (the tail of the chain) are padded to one block.
// Mips are a 2x2 box (stb's box filter) of the level above, in linear light for
// sRGB textures and weighted by alpha for colour, so transparent texels do not
// bleed their (meaningless) colour into visible ones.
#include <stb_dxt.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "cooked_cook.h"

namespace kagami::asset::detail {
namespace {

bool alpha_is_opaque(const ImageRgba8& image) {
  for (std::size_t i = 3; i < image.pixels.size(); i += 4)
    if (image.pixels[i] != 255) return false;
  return true;
}

// Box filtering shortens normals (two opposite slopes average to a short
// vertical): rescale to unit length so lighting of distant surfaces stays right.
void renormalise(ImageRgba8& level) {
  for (std::size_t i = 0; i + 3 < level.pixels.size(); i += 4) {
    glm::vec3 n(level.pixels[i], level.pixels[i + 1], level.pixels[i + 2]);
    n = n / 127.5f - 1.0f;
    const float length = glm::length(n);
    if (length < 1e-4f) continue;
    n = (n / length + 1.0f) * 127.5f;
    for (int c = 0; c < 3; ++c) level.pixels[i + c] = std::uint8_t(std::clamp(std::lround(n[c]), 0l, 255l));
  }
}

}  // namespace

TextureFormat choose_texture_format(const ImageRgba8& image, TextureUsage usage, bool srgb, bool compress) {
  const bool bc = compress && usage != TextureUsage::normal && image.width >= 4 && image.height >= 4;
  if (!bc) return srgb ? TextureFormat::rgba8_srgb : TextureFormat::rgba8_unorm;
  if (alpha_is_opaque(image)) return srgb ? TextureFormat::bc1_srgb : TextureFormat::bc1_unorm;
  return srgb ? TextureFormat::bc3_srgb : TextureFormat::bc3_unorm;
}

std::vector<ImageRgba8> build_mip_chain(const ImageRgba8& image, TextureUsage usage, bool srgb) {
  const std::uint32_t count = full_mip_count(std::uint32_t(image.width), std::uint32_t(image.height));
  std::vector<ImageRgba8> chain;
  chain.reserve(count);
  chain.push_back(image);
  // Colour is alpha-weighted; data and normal channels are independent values.
  const int alpha_channel = usage == TextureUsage::color ? 3 : STBIR_ALPHA_CHANNEL_NONE;
  for (std::uint32_t level = 1; level < count; ++level) {
    const ImageRgba8& above = chain.back();
    ImageRgba8 next;
    next.width = int(mip_extent(std::uint32_t(image.width), level));
    next.height = int(mip_extent(std::uint32_t(image.height), level));
    next.pixels.resize(std::size_t(next.width) * std::size_t(next.height) * 4);
    const int ok = stbir_resize_uint8_generic(above.pixels.data(), above.width, above.height, 0, next.pixels.data(),
                                              next.width, next.height, 0, 4, alpha_channel, 0, STBIR_EDGE_CLAMP,
                                              STBIR_FILTER_BOX, srgb ? STBIR_COLORSPACE_SRGB : STBIR_COLORSPACE_LINEAR,
                                              nullptr);
    if (!ok) {
      // stb only fails when its scratch allocation fails: a plain 2x2 average
      // is a fine (if gamma-naive) fallback rather than a failed cook.
      for (int y = 0; y < next.height; ++y)
        for (int x = 0; x < next.width; ++x)
          for (int c = 0; c < 4; ++c) {
            int sum = 0;
            for (int dy = 0; dy < 2; ++dy)
              for (int dx = 0; dx < 2; ++dx) {
                const int sx = std::min(x * 2 + dx, above.width - 1), sy = std::min(y * 2 + dy, above.height - 1);
                sum += above.pixels[(std::size_t(sy) * std::size_t(above.width) + std::size_t(sx)) * 4 + std::size_t(c)];
              }
            next.pixels[(std::size_t(y) * std::size_t(next.width) + std::size_t(x)) * 4 + std::size_t(c)] =
                std::uint8_t((sum + 2) / 4);
          }
    }
    if (usage == TextureUsage::normal) renormalise(next);
    chain.push_back(std::move(next));
  }
  return chain;
}

std::vector<std::uint8_t> compress_level(const ImageRgba8& level, bool alpha) {
  const std::size_t block_bytes = alpha ? 16 : 8;
  const int blocks_x = (level.width + 3) / 4, blocks_y = (level.height + 3) / 4;
  std::vector<std::uint8_t> out(std::size_t(blocks_x) * std::size_t(blocks_y) * block_bytes);
  std::uint8_t block[16 * 4];
  std::uint8_t* dest = out.data();
  for (int by = 0; by < blocks_y; ++by) {
    for (int bx = 0; bx < blocks_x; ++bx) {
      for (int y = 0; y < 4; ++y) {
        const int sy = std::min(by * 4 + y, level.height - 1);
        for (int x = 0; x < 4; ++x) {
          const int sx = std::min(bx * 4 + x, level.width - 1);
          std::memcpy(block + (y * 4 + x) * 4, &level.pixels[(std::size_t(sy) * std::size_t(level.width) + std::size_t(sx)) * 4], 4);
        }
      }
      stb_compress_dxt_block(dest, block, alpha ? 1 : 0, STB_DXT_HIGHQUAL);
      dest += block_bytes;
    }
  }
  return out;
}

Result<CookedTextureData> cook_texture(const ImageRgba8& image, TextureUsage usage, bool srgb, bool compress,
                                       std::string_view name) {
  if (image.width < 1 || image.height < 1 || std::uint32_t(image.width) > kCookedMaxTextureDimension ||
      std::uint32_t(image.height) > kCookedMaxTextureDimension)
    return make_error(name, ": image is ", image.width, "x", image.height, "; a cooked texture is 1 to ",
                      kCookedMaxTextureDimension, " pixels a side");
  if (image.pixels.size() != std::size_t(image.width) * std::size_t(image.height) * 4)
    return make_error(name, ": image holds ", image.pixels.size(), " bytes, not ", image.width, "x", image.height, "x4");

  CookedTextureData out;
  out.format = choose_texture_format(image, usage, srgb, compress);
  out.width = std::uint32_t(image.width);
  out.height = std::uint32_t(image.height);
  std::vector<ImageRgba8> chain = build_mip_chain(image, usage, srgb);
  out.levels.reserve(chain.size());
  const bool bc = is_block_compressed(out.format);
  const bool alpha = out.format == TextureFormat::bc3_srgb || out.format == TextureFormat::bc3_unorm;
  for (ImageRgba8& level : chain) out.levels.push_back(bc ? compress_level(level, alpha) : std::move(level.pixels));
  return out;
}

}  // namespace kagami::asset::detail
