// Cooked textures: the format chosen for each use, full mip chains of the right
// sizes, mips averaged in linear light, and BC blocks that decode back to what
// went in (decoded here by an independent BC1/BC3 reader).
#include <gtest/gtest.h>

#include <cmath>

#include "asset_cook_support.h"

namespace kagami::asset {
namespace {

using namespace kagami::asset::test;

const CookedTexture& only_texture(const CookedModel& model) {
  EXPECT_EQ(model.textures().size(), 1u);
  return model.textures()[0];
}

void expect_every_texel(const ImageRgba8& image, std::array<std::uint8_t, 4> rgba, int tolerance) {
  for (std::size_t i = 0; i < image.pixels.size(); ++i)
    ASSERT_LE(std::abs(int(image.pixels[i]) - int(rgba[i % 4])), tolerance)
        << "texel " << i / 4 << " channel " << i % 4 << " of " << image.width << "x" << image.height;
}

TEST(AssetCookTexture, SolidOpaqueColourIsBc1AndDecodesBack) {
  const std::array<std::uint8_t, 4> colour = {200, 40, 90, 255};
  const CookedModel model = parse_ok(cook_ok(textured_quad(solid_image(16, 16, colour))));
  const CookedTexture& texture = only_texture(model);
  EXPECT_EQ(texture.format, TextureFormat::bc1_srgb);
  ASSERT_EQ(texture.levels.size(), 5u);  // 16, 8, 4, 2, 1
  for (const CookedMipLevel& level : texture.levels) {
    EXPECT_EQ(level.bytes.size(), std::size_t((level.width + 3) / 4) * ((level.height + 3) / 4) * 8);
    // 5:6:5 endpoints plus interpolation: within a few steps of the colour,
    // and a solid colour stays solid through every mip.
    expect_every_texel(decode_level(texture.format, level), colour, 4);
  }
}

TEST(AssetCookTexture, VaryingAlphaIsBc3AndKeepsAlpha) {
  ImageRgba8 image = solid_image(8, 8, {30, 160, 220, 255});
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 4; ++x) image.pixels[(y * 8 + x) * 4 + 3] = 0;  // left half transparent
  const CookedModel model = parse_ok(cook_ok(textured_quad(image)));
  const CookedTexture& texture = only_texture(model);
  EXPECT_EQ(texture.format, TextureFormat::bc3_srgb);
  const ImageRgba8 decoded = decode_level(texture.format, texture.levels[0]);
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 8; ++x) {
      EXPECT_EQ(decoded.pixels[(y * 8 + x) * 4 + 3], x < 4 ? 0 : 255) << x << "," << y;
      if (x >= 4) {
        EXPECT_NEAR(decoded.pixels[(y * 8 + x) * 4 + 1], 160, 4);
      }
    }
}

TEST(AssetCookTexture, ConstantNonOpaqueAlphaIsNotDropped) {
  const CookedModel model = parse_ok(cook_ok(textured_quad(solid_image(8, 8, {255, 255, 255, 128}))));
  const CookedTexture& texture = only_texture(model);
  EXPECT_EQ(texture.format, TextureFormat::bc3_srgb);
  expect_every_texel(decode_level(texture.format, texture.levels[0]), {255, 255, 255, 128}, 2);
}

TEST(AssetCookTexture, FormatFollowsTheSlot) {
  const ImageRgba8 image = solid_image(8, 8, {128, 128, 255, 255});
  EXPECT_EQ(only_texture(parse_ok(cook_ok(textured_quad(image, MaterialSlot::metal_rough)))).format, TextureFormat::bc1_unorm);
  EXPECT_EQ(only_texture(parse_ok(cook_ok(textured_quad(image, MaterialSlot::emissive)))).format, TextureFormat::bc1_srgb);
  // Normal maps are never BC1/BC3 (see cooked_texture.cpp).
  EXPECT_EQ(only_texture(parse_ok(cook_ok(textured_quad(image, MaterialSlot::normal)))).format, TextureFormat::rgba8_unorm);
  CookOptions uncompressed;
  uncompressed.compress_textures = false;
  EXPECT_EQ(only_texture(parse_ok(cook_ok(textured_quad(image), uncompressed))).format, TextureFormat::rgba8_srgb);
}

// The same image used as colour and as data is two textures (different formats).
TEST(AssetCookTexture, OneImageInTwoRolesIsTwoTextures) {
  ModelData model = textured_quad(solid_image(8, 8, {10, 20, 30, 255}));
  model.materials[0].metal_rough_texture = TextureRef{0, false};
  MaterialData second = model.materials[0];
  second.name = "second";
  model.materials.push_back(second);  // shares both textures with the first
  const CookedModel cooked = parse_ok(cook_ok(model));
  ASSERT_EQ(cooked.textures().size(), 2u);
  EXPECT_EQ(cooked.materials()[0].base_color_texture, cooked.materials()[1].base_color_texture);
  EXPECT_NE(cooked.materials()[0].base_color_texture, cooked.materials()[0].metal_rough_texture);
  EXPECT_TRUE(is_srgb(cooked.textures()[*cooked.materials()[0].base_color_texture].format));
  EXPECT_FALSE(is_srgb(cooked.textures()[*cooked.materials()[0].metal_rough_texture].format));
}

TEST(AssetCookTexture, ChainOfANonSquareNonPowerOfTwoTexture) {
  const CookedModel model = parse_ok(cook_ok(textured_quad(solid_image(13, 5, {0, 0, 0, 255}))));
  const CookedTexture& texture = only_texture(model);
  EXPECT_EQ(texture.format, TextureFormat::bc1_srgb);
  const std::uint32_t expected[4][2] = {{13, 5}, {6, 2}, {3, 1}, {1, 1}};
  ASSERT_EQ(texture.levels.size(), 4u);
  for (std::size_t l = 0; l < 4; ++l) {
    EXPECT_EQ(texture.levels[l].width, expected[l][0]);
    EXPECT_EQ(texture.levels[l].height, expected[l][1]);
  }
  // Levels under 4x4 are padded to whole blocks: 4x2 blocks, 2x1, 1x1, 1x1.
  EXPECT_EQ(texture.levels[0].bytes.size(), 4u * 2 * 8);
  EXPECT_EQ(texture.levels[1].bytes.size(), 2u * 1 * 8);
  EXPECT_EQ(texture.levels[2].bytes.size(), 8u);
  EXPECT_EQ(texture.levels[3].bytes.size(), 8u);
}

TEST(AssetCookTexture, TinyTexturesStayRgba8) {
  const CookedModel model = parse_ok(cook_ok(textured_quad(solid_image(2, 8, {9, 8, 7, 255}))));
  const CookedTexture& texture = only_texture(model);
  EXPECT_EQ(texture.format, TextureFormat::rgba8_srgb);
  ASSERT_EQ(texture.levels.size(), 4u);  // 2x8, 1x4, 1x2, 1x1
  EXPECT_EQ(texture.levels[1].bytes.size(), 1u * 4 * 4);
  expect_every_texel(decode_level(texture.format, texture.levels[3]), {9, 8, 7, 255}, 0);
}

// A black/white checkerboard averages to half the light, which is sRGB 188,
// not 128: mips of colour textures are filtered in linear light.
TEST(AssetCookTexture, ColourMipsAverageInLinearLight) {
  ImageRgba8 image = solid_image(2, 2, {0, 0, 0, 255});
  for (int i : {0, 3}) std::fill_n(&image.pixels[i * 4], 3, 255);
  const CookedModel srgb = parse_ok(cook_ok(textured_quad(image)));
  ASSERT_EQ(only_texture(srgb).levels.size(), 2u);
  expect_every_texel(decode_level(only_texture(srgb).format, only_texture(srgb).levels[1]), {188, 188, 188, 255}, 1);
  // The same image as linear data averages the stored values.
  const CookedModel data = parse_ok(cook_ok(textured_quad(image, MaterialSlot::metal_rough)));
  expect_every_texel(decode_level(only_texture(data).format, only_texture(data).levels[1]), {128, 128, 128, 255}, 1);
}

// Transparent texels do not bleed their colour into the mip (alpha-weighted).
TEST(AssetCookTexture, TransparentTexelsDoNotBleed) {
  ImageRgba8 image = solid_image(2, 2, {255, 0, 0, 0});  // invisible red
  std::array<std::uint8_t, 4> green = {0, 255, 0, 255};
  std::copy(green.begin(), green.end(), image.pixels.begin());
  const CookedModel model = parse_ok(cook_ok(textured_quad(image)));
  const ImageRgba8 mip = decode_level(only_texture(model).format, only_texture(model).levels[1]);
  EXPECT_EQ(mip.pixels[0], 0);    // no red
  EXPECT_GT(mip.pixels[1], 200);  // green
}

// Box-filtered normals are rescaled to unit length.
TEST(AssetCookTexture, NormalMapMipsAreRenormalised) {
  // Two normals tilted +-45 degrees about y: their average is (0, 0, 0.707).
  ImageRgba8 image = solid_image(2, 2, {0, 0, 0, 255});
  const float c = std::sqrt(0.5f);
  auto encode = [](float v) { return std::uint8_t(std::lround((v + 1.0f) * 127.5f)); };
  for (int i = 0; i < 4; ++i) {
    const float x = (i % 2 == 0) ? c : -c;
    image.pixels[i * 4 + 0] = encode(x);
    image.pixels[i * 4 + 1] = encode(0.0f);
    image.pixels[i * 4 + 2] = encode(c);
  }
  const CookedModel model = parse_ok(cook_ok(textured_quad(image, MaterialSlot::normal)));
  const CookedTexture& texture = only_texture(model);
  ASSERT_EQ(texture.format, TextureFormat::rgba8_unorm);
  const auto& level = texture.levels[1].bytes;
  glm::vec3 n(level[0], level[1], level[2]);
  n = n / 127.5f - 1.0f;
  EXPECT_NEAR(glm::length(n), 1.0f, 0.02f);
  EXPECT_NEAR(n.z, 1.0f, 0.02f);
}

}  // namespace
}  // namespace kagami::asset
