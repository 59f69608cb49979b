// The offline renderer's contact sheet: one shrunken frame per shot, in order.
#include <gtest/gtest.h>

#include "kagami/core/contact_sheet.h"

namespace kagami {
namespace {

ImageRgba8 solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  ImageRgba8 image{w, h, {}};
  for (int i = 0; i < w * h; ++i) image.pixels.insert(image.pixels.end(), {r, g, b, 255});
  return image;
}

const std::uint8_t* at(const ImageRgba8& image, int x, int y) { return &image.pixels[(std::size_t(y) * image.width + x) * 4]; }

TEST(ContactSheet, ShrinkingAveragesAndKeepsTheAspectRatio) {
  ImageRgba8 stripes{4, 2, {}};
  // Columns alternate black and white: every 2x2 box averages to mid grey.
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 4; ++x) {
      std::uint8_t v = (x % 2) ? 255 : 0;
      stripes.pixels.insert(stripes.pixels.end(), {v, v, v, 255});
    }
  ImageRgba8 small = shrink_image(stripes, 2);
  ASSERT_EQ(small.width, 2);
  ASSERT_EQ(small.height, 1);
  EXPECT_EQ(at(small, 0, 0)[0], 128);
  EXPECT_EQ(at(small, 1, 0)[0], 128);
  EXPECT_EQ(shrink_image(solid(1280, 720, 1, 2, 3), 320).height, 180);
  EXPECT_EQ(shrink_image(stripes, 10).width, 4) << "never enlarges";
}

TEST(ContactSheet, FramesGoLeftToRightThenDownInOrder) {
  std::vector<ImageRgba8> frames = {solid(64, 36, 255, 0, 0), solid(64, 36, 0, 255, 0), solid(64, 36, 0, 0, 255)};
  ImageRgba8 sheet = make_contact_sheet(frames, 2, 32, 4);
  // Two columns of 32 px with 4 px gaps; two rows of 18 px.
  EXPECT_EQ(sheet.width, 4 + 2 * 36);
  EXPECT_EQ(sheet.height, 4 + 2 * 22);
  EXPECT_EQ(at(sheet, 4 + 16, 4 + 9)[0], 255);        // first: red, top left
  EXPECT_EQ(at(sheet, 40 + 16, 4 + 9)[1], 255);       // second: green, top right
  EXPECT_EQ(at(sheet, 4 + 16, 26 + 9)[2], 255);       // third: blue, second row
  EXPECT_EQ(at(sheet, 40 + 16, 26 + 9)[0], 16);       // the empty cell is background
  EXPECT_EQ(at(sheet, 1, 1)[2], 20);                  // so is the border
}

}  // namespace
}  // namespace kagami
