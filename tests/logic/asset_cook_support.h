#pragma once
// Shared by the asset_cook_* tests: cooking in memory, hand-built models with
// textures, and a BC1/BC3 decoder (written from the format description, so the
// tests check the cooker's blocks against an independent reading of them).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "asset_test_support.h"
#include "kagami/asset/cooked_model.h"

namespace kagami::asset::test {

inline std::vector<std::uint8_t> cook_ok(const ModelData& model, const CookOptions& options = {}) {
  auto bytes = cook_model(model, options);
  EXPECT_TRUE(bytes.ok()) << (bytes.ok() ? "" : bytes.error().message);
  return bytes.ok() ? std::move(*bytes) : std::vector<std::uint8_t>{};
}

inline CookedModel parse_ok(std::span<const std::uint8_t> bytes, const CookedLoadOptions& options = {}) {
  auto model = parse_cooked_model(bytes, "test.kgmc", options);
  EXPECT_TRUE(model.ok()) << (model.ok() ? "" : model.error().message);
  return model.ok() ? std::move(*model) : CookedModel{};
}

inline ImageRgba8 solid_image(int width, int height, std::array<std::uint8_t, 4> rgba) {
  ImageRgba8 image{width, height, {}};
  for (int i = 0; i < width * height; ++i) image.pixels.insert(image.pixels.end(), rgba.begin(), rgba.end());
  return image;
}

// A quad (two triangles) whose one material uses `image` in `slot`.
inline ModelData textured_quad(ImageRgba8 image, MaterialSlot slot = MaterialSlot::base_color) {
  ModelData model;
  model.source = "quad.gltf";
  MeshData mesh;
  mesh.name = "quad";
  mesh.positions = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}};
  mesh.normals.assign(4, glm::vec3(0, 0, 1));
  mesh.uv0 = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
  mesh.has_uv0 = true;
  mesh.tangents.assign(4, glm::vec4(1, 0, 0, 1));
  mesh.indices = {0, 1, 2, 0, 2, 3};
  for (const auto& p : mesh.positions) mesh.bounds.extend(p);
  model.bounds = mesh.bounds;
  model.meshes.push_back(mesh);
  MaterialData material;
  material.name = "quad material";
  const bool srgb = slot == MaterialSlot::base_color || slot == MaterialSlot::emissive;
  const TextureRef ref{0, srgb};
  if (slot == MaterialSlot::base_color) material.base_color_texture = ref;
  if (slot == MaterialSlot::metal_rough) material.metal_rough_texture = ref;
  if (slot == MaterialSlot::normal) material.normal_texture = ref;
  if (slot == MaterialSlot::emissive) material.emissive_texture = ref;
  model.materials.push_back(material);
  model.images.push_back(ModelImage{"image.png", std::move(image)});
  model.instances.push_back(MeshInstance{0, glm::mat4(1.0f), "quad node"});
  return model;
}

// --- BC1 / BC3 decoding -----------------------------------------------------

inline std::array<std::uint8_t, 3> rgb565(std::uint16_t c) {
  const int r = (c >> 11) & 31, g = (c >> 5) & 63, b = c & 31;
  return {std::uint8_t((r << 3) | (r >> 2)), std::uint8_t((g << 2) | (g >> 4)), std::uint8_t((b << 3) | (b >> 2))};
}

// Decodes the colour part of a BC1/BC3 block (8 bytes) into 16 RGBA texels
// (alpha 255). Four-colour mode when c0 > c1; BC3 colour blocks are always
// decoded in four-colour mode.
inline void decode_bc1_colour(const std::uint8_t* block, std::uint8_t out[16][4], bool always_four_colours) {
  const std::uint16_t c0 = std::uint16_t(block[0] | block[1] << 8), c1 = std::uint16_t(block[2] | block[3] << 8);
  const auto a = rgb565(c0), b = rgb565(c1);
  std::uint8_t palette[4][4];
  for (int ch = 0; ch < 3; ++ch) {
    palette[0][ch] = a[ch];
    palette[1][ch] = b[ch];
    if (c0 > c1 || always_four_colours) {
      palette[2][ch] = std::uint8_t((2 * a[ch] + b[ch]) / 3);
      palette[3][ch] = std::uint8_t((a[ch] + 2 * b[ch]) / 3);
    } else {
      palette[2][ch] = std::uint8_t((a[ch] + b[ch]) / 2);
      palette[3][ch] = 0;
    }
  }
  for (int i = 0; i < 4; ++i) palette[i][3] = 255;
  if (!(c0 > c1 || always_four_colours)) palette[3][3] = 0;
  const std::uint32_t bits = std::uint32_t(block[4] | block[5] << 8 | block[6] << 16 | std::uint32_t(block[7]) << 24);
  for (int t = 0; t < 16; ++t) std::copy_n(palette[(bits >> (2 * t)) & 3], 4, out[t]);
}

// BC3: 8 bytes of interpolated alpha, then a BC1 colour block.
inline void decode_bc3(const std::uint8_t* block, std::uint8_t out[16][4]) {
  decode_bc1_colour(block + 8, out, true);
  const int a0 = block[0], a1 = block[1];
  int palette[8] = {a0, a1};
  if (a0 > a1) {
    for (int i = 1; i < 7; ++i) palette[i + 1] = ((7 - i) * a0 + i * a1) / 7;
  } else {
    for (int i = 1; i < 5; ++i) palette[i + 1] = ((5 - i) * a0 + i * a1) / 5;
    palette[6] = 0;
    palette[7] = 255;
  }
  std::uint64_t bits = 0;
  for (int i = 0; i < 6; ++i) bits |= std::uint64_t(block[2 + i]) << (8 * i);
  for (int t = 0; t < 16; ++t) out[t][3] = std::uint8_t(palette[(bits >> (3 * t)) & 7]);
}

// A whole level back to RGBA8 (width x height, padding dropped).
inline ImageRgba8 decode_level(TextureFormat format, const CookedMipLevel& level) {
  ImageRgba8 image{int(level.width), int(level.height), std::vector<std::uint8_t>(std::size_t(level.width) * level.height * 4)};
  if (!is_block_compressed(format)) {
    std::copy(level.bytes.begin(), level.bytes.end(), image.pixels.begin());
    return image;
  }
  const bool bc3 = format == TextureFormat::bc3_srgb || format == TextureFormat::bc3_unorm;
  const std::uint32_t blocks_x = (level.width + 3) / 4, blocks_y = (level.height + 3) / 4;
  for (std::uint32_t by = 0; by < blocks_y; ++by)
    for (std::uint32_t bx = 0; bx < blocks_x; ++bx) {
      std::uint8_t texels[16][4];
      const std::uint8_t* block = level.bytes.data() + (by * blocks_x + bx) * (bc3 ? 16 : 8);
      if (bc3) decode_bc3(block, texels); else decode_bc1_colour(block, texels, false);
      for (std::uint32_t y = 0; y < 4; ++y)
        for (std::uint32_t x = 0; x < 4; ++x) {
          const std::uint32_t px = bx * 4 + x, py = by * 4 + y;
          if (px < level.width && py < level.height)
            std::copy_n(texels[y * 4 + x], 4, &image.pixels[(std::size_t(py) * level.width + px) * 4]);
        }
    }
  return image;
}

}  // namespace kagami::asset::test
