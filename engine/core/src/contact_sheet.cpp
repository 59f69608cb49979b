#include "kagami/core/contact_sheet.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kagami {

ImageRgba8 shrink_image(const ImageRgba8& image, int width) {
  if (width <= 0 || image.width <= width) return image;
  ImageRgba8 out;
  out.width = width;
  out.height = std::max(1, int(std::lround(double(image.height) * width / image.width)));
  out.pixels.resize(std::size_t(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y) {
    // The source rows and columns that fall inside this output pixel.
    const int y0 = y * image.height / out.height, y1 = std::max(y0 + 1, (y + 1) * image.height / out.height);
    for (int x = 0; x < out.width; ++x) {
      const int x0 = x * image.width / out.width, x1 = std::max(x0 + 1, (x + 1) * image.width / out.width);
      std::array<std::uint32_t, 4> sum{};
      for (int sy = y0; sy < y1; ++sy)
        for (int sx = x0; sx < x1; ++sx)
          for (int c = 0; c < 4; ++c) sum[c] += image.pixels[(std::size_t(sy) * image.width + sx) * 4 + c];
      const std::uint32_t n = std::uint32_t((y1 - y0) * (x1 - x0));
      for (int c = 0; c < 4; ++c)
        out.pixels[(std::size_t(y) * out.width + x) * 4 + c] = std::uint8_t((sum[c] + n / 2) / n);
    }
  }
  return out;
}

ImageRgba8 make_contact_sheet(std::span<const ImageRgba8> frames, int columns, int thumb_width, int gap,
                              std::array<std::uint8_t, 4> background) {
  std::vector<ImageRgba8> thumbs;
  int cell_height = 0;
  for (const ImageRgba8& f : frames) {
    thumbs.push_back(shrink_image(f, thumb_width));
    cell_height = std::max(cell_height, thumbs.back().height);
  }
  columns = std::max(1, std::min(columns, int(thumbs.size())));
  const int rows = thumbs.empty() ? 0 : (int(thumbs.size()) + columns - 1) / columns;
  ImageRgba8 sheet;
  sheet.width = gap + columns * (thumb_width + gap);
  sheet.height = gap + rows * (cell_height + gap);
  sheet.pixels.resize(std::size_t(sheet.width) * sheet.height * 4);
  for (std::size_t i = 0; i < sheet.pixels.size(); i += 4) std::memcpy(&sheet.pixels[i], background.data(), 4);
  for (std::size_t i = 0; i < thumbs.size(); ++i) {
    const ImageRgba8& t = thumbs[i];
    const int left = gap + int(i % columns) * (thumb_width + gap);
    const int top = gap + int(i / columns) * (cell_height + gap);
    for (int y = 0; y < t.height; ++y)
      std::memcpy(&sheet.pixels[(std::size_t(top + y) * sheet.width + left) * 4], &t.pixels[std::size_t(y) * t.width * 4],
                  std::size_t(std::min(t.width, thumb_width)) * 4);
  }
  return sheet;
}

}  // namespace kagami
