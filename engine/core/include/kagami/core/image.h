#pragma once
// 8-bit RGBA images on the CPU: PNG read/write (stb) and the comparison used by
// golden-image tests.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include "kagami/core/result.h"

namespace kagami {

struct ImageRgba8 {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // width * height * 4, rows top to bottom
};

// Decodes any format stb_image reads (PNG, JPEG, TGA, BMP, ...) to RGBA8. The
// header is probed first, so an image wider or taller than max_dimension is
// refused before any pixel memory is allocated. `source_name` names the image in
// messages (a file path, or "model.glb: embedded image 2").
Result<ImageRgba8> decode_image(std::span<const std::uint8_t> bytes, std::string_view source_name,
                                int max_dimension = 16384);
// Reads and decodes an image file (despite the name, any format decode_image accepts).
Result<ImageRgba8> read_png(const std::filesystem::path& path);
// Atomic: written to a temporary and renamed.
Result<void> write_png(const std::filesystem::path& path, const ImageRgba8& image);

struct ImageDiff {
  bool same_size = false;
  std::uint64_t pixel_count = 0;
  std::uint64_t pixels_over_tolerance = 0;  // any channel differs by more than the tolerance
  int max_channel_difference = 0;
  ImageRgba8 visual;  // differing pixels in red over a dimmed copy of the expected image
  double fraction_within() const {
    return pixel_count ? 1.0 - double(pixels_over_tolerance) / double(pixel_count) : 0.0;
  }
};
ImageDiff compare_images(const ImageRgba8& expected, const ImageRgba8& actual, int tolerance);

}  // namespace kagami
