// PNG round trips, in-memory decoding with a size limit, and the image
// comparison golden tests are judged by.
#include "test_scratch.h"
#include <gtest/gtest.h>

#include <filesystem>

#include "kagami/core/file_io.h"
#include "kagami/core/image.h"

namespace kagami {
namespace {

namespace fs = std::filesystem;

using kagami::testing::scratch_folder;

// A gradient with varied alpha, so a channel swap or a row flip shows.
ImageRgba8 gradient(int w, int h) {
  ImageRgba8 image{w, h, std::vector<std::uint8_t>(std::size_t(w) * h * 4)};
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint8_t* p = &image.pixels[(std::size_t(y) * w + x) * 4];
      p[0] = std::uint8_t(x * 255 / std::max(1, w - 1));
      p[1] = std::uint8_t(y * 255 / std::max(1, h - 1));
      p[2] = std::uint8_t((x * 31 + y * 17) & 0xff);
      p[3] = std::uint8_t(255 - (x + y) % 200);
    }
  return image;
}

TEST(CoreImage, PngRoundTrip) {
  const fs::path dir = scratch_folder();
  const ImageRgba8 image = gradient(37, 19);  // odd sizes: no row padding assumptions
  auto written = write_png(dir / "gradient.png", image);
  ASSERT_TRUE(written.ok()) << written.error().message;
  auto back = read_png(dir / "gradient.png");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->width, 37);
  EXPECT_EQ(back->height, 19);
  EXPECT_EQ(back->pixels, image.pixels);
  // It is a real PNG file: the signature is there.
  auto bytes = read_file_bytes(dir / "gradient.png");
  ASSERT_TRUE(bytes.ok());
  ASSERT_GT(bytes->size(), 8u);
  EXPECT_EQ((*bytes)[1], 'P');
  EXPECT_EQ((*bytes)[2], 'N');
  EXPECT_EQ((*bytes)[3], 'G');
}

TEST(CoreImage, WritePngRefusesInconsistentImages) {
  const fs::path dir = scratch_folder();
  ImageRgba8 image = gradient(4, 4);
  image.pixels.pop_back();
  auto r = write_png(dir / "bad.png", image);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, (dir / "bad.png").string() + ": image has inconsistent size");
  EXPECT_FALSE(fs::exists(dir / "bad.png"));
  EXPECT_FALSE(write_png(dir / "empty.png", ImageRgba8{}).ok());
}

TEST(CoreImage, ReadPngErrorsNameTheFile) {
  const fs::path dir = scratch_folder();
  auto missing = read_png(dir / "missing.png");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, (dir / "missing.png").string() + ": file not found");

  ASSERT_TRUE(write_file_atomic(dir / "text.png", std::string_view("this is not an image")).ok());
  auto garbage = read_png(dir / "text.png");
  ASSERT_FALSE(garbage.ok());
  EXPECT_TRUE(garbage.error().message.starts_with((dir / "text.png").string() + ": not a readable image"))
      << garbage.error().message;
}

TEST(CoreImage, DecodeFromMemoryWithDimensionLimit) {
  const fs::path dir = scratch_folder();
  ASSERT_TRUE(write_png(dir / "g.png", gradient(40, 10)).ok());
  auto bytes = read_file_bytes(dir / "g.png");
  ASSERT_TRUE(bytes.ok());

  auto decoded = decode_image(*bytes, "mem.png");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->pixels, gradient(40, 10).pixels);

  auto too_wide = decode_image(*bytes, "mem.png", 39);
  ASSERT_FALSE(too_wide.ok());
  EXPECT_EQ(too_wide.error().message, "mem.png: image is 40x10, over the limit of 39 pixels a side");
  EXPECT_TRUE(decode_image(*bytes, "mem.png", 40).ok());

  auto empty = decode_image({}, "nothing");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message, "nothing: image data is empty");

  // A truncated PNG: the header still reads, the pixel data does not.
  auto cut = decode_image(std::span(*bytes).first(bytes->size() / 2), "cut.png");
  EXPECT_FALSE(cut.ok());
}

TEST(CoreImage, CompareIdenticalImages) {
  const ImageRgba8 a = gradient(8, 6);
  ImageDiff diff = compare_images(a, a, 0);
  EXPECT_TRUE(diff.same_size);
  EXPECT_EQ(diff.pixel_count, 48u);
  EXPECT_EQ(diff.pixels_over_tolerance, 0u);
  EXPECT_EQ(diff.max_channel_difference, 0);
  EXPECT_EQ(diff.fraction_within(), 1.0);
}

TEST(CoreImage, CompareCountsPixelsOverTolerance) {
  const ImageRgba8 expected = gradient(10, 10);
  ImageRgba8 actual = expected;
  auto px = [&](int x, int y) { return &actual.pixels[(std::size_t(y) * 10 + x) * 4]; };
  px(0, 0)[0] = std::uint8_t(expected.pixels[0] + 3);   // small difference (red)
  px(5, 5)[3] = std::uint8_t(px(5, 5)[3] - 10);          // alpha counts too
  px(9, 9)[1] = std::uint8_t(px(9, 9)[1] ^ 0x80);        // large difference
  px(2, 7)[2] = std::uint8_t(px(2, 7)[2] == 255 ? 250 : px(2, 7)[2] + 5);

  ImageDiff strict = compare_images(expected, actual, 0);
  EXPECT_EQ(strict.pixels_over_tolerance, 4u);
  EXPECT_EQ(strict.max_channel_difference, 128);
  EXPECT_DOUBLE_EQ(strict.fraction_within(), 0.96);

  // A tolerance of 3 forgives the difference of exactly 3, not the others.
  EXPECT_EQ(compare_images(expected, actual, 3).pixels_over_tolerance, 3u);
  EXPECT_EQ(compare_images(expected, actual, 5).pixels_over_tolerance, 2u);
  EXPECT_EQ(compare_images(expected, actual, 10).pixels_over_tolerance, 1u);
  EXPECT_EQ(compare_images(expected, actual, 128).pixels_over_tolerance, 0u);

  // The visual marks exactly the differing pixels in red.
  const ImageRgba8& v = strict.visual;
  ASSERT_EQ(v.pixels.size(), expected.pixels.size());
  auto vis = [&](int x, int y) { return &v.pixels[(std::size_t(y) * 10 + x) * 4]; };
  EXPECT_EQ(vis(9, 9)[0], 255);
  EXPECT_EQ(vis(9, 9)[1], 0);
  EXPECT_EQ(vis(9, 9)[2], 0);
  EXPECT_EQ(vis(1, 1)[0], expected.pixels[(1 * 10 + 1) * 4] / 4);  // dimmed copy elsewhere
}

TEST(CoreImage, CompareDifferentSizes) {
  ImageDiff diff = compare_images(gradient(4, 4), gradient(4, 5), 255);
  EXPECT_FALSE(diff.same_size);
  EXPECT_EQ(diff.pixel_count, 0u);
  EXPECT_EQ(diff.fraction_within(), 0.0);
}

}  // namespace
}  // namespace kagami
