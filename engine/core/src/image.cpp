#include "kagami/core/image.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

#include <stb_image.h>
#include <stb_image_write.h>

#include "kagami/core/file_io.h"

namespace kagami {

Result<ImageRgba8> decode_image(std::span<const std::uint8_t> bytes, std::string_view source_name,
                                int max_dimension) {
  if (bytes.empty()) return make_error(source_name, ": image data is empty");
  if (bytes.size() > std::size_t(std::numeric_limits<int>::max()))
    return make_error(source_name, ": image data is ", bytes.size(), " bytes, too large to decode");
  const int length = int(bytes.size());
  int w = 0, h = 0, channels = 0;
  if (!stbi_info_from_memory(bytes.data(), length, &w, &h, &channels))
    return make_error(source_name, ": not a readable image (", stbi_failure_reason(), ")");
  if (w <= 0 || h <= 0 || w > max_dimension || h > max_dimension)
    return make_error(source_name, ": image is ", w, "x", h, ", over the limit of ", max_dimension, " pixels a side");
  stbi_uc* data = stbi_load_from_memory(bytes.data(), length, &w, &h, &channels, 4);
  if (!data) return make_error(source_name, ": not a readable image (", stbi_failure_reason(), ")");
  ImageRgba8 image{w, h, std::vector<std::uint8_t>(data, data + std::size_t(w) * std::size_t(h) * 4)};
  stbi_image_free(data);
  return image;
}

Result<ImageRgba8> read_png(const std::filesystem::path& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return decode_image(*bytes, path.string());
}

Result<void> write_png(const std::filesystem::path& path, const ImageRgba8& image) {
  if (image.width <= 0 || image.height <= 0 || image.pixels.size() != std::size_t(image.width) * image.height * 4)
    return make_error(path.string(), ": image has inconsistent size");
  // stbi_write_png_to_mem is not declared by stb_image_write.h (only inside its
  // implementation), so encode through the public callback interface.
  std::vector<std::uint8_t> png;
  auto append = [](void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
  };
  if (!stbi_write_png_to_func(append, &png, image.width, image.height, 4, image.pixels.data(), image.width * 4))
    return make_error(path.string(), ": PNG encoding failed");
  return write_file_atomic(path, std::span<const std::uint8_t>(png));
}

ImageDiff compare_images(const ImageRgba8& expected, const ImageRgba8& actual, int tolerance) {
  ImageDiff diff;
  diff.same_size = expected.width == actual.width && expected.height == actual.height &&
                   expected.pixels.size() == actual.pixels.size();
  if (!diff.same_size) return diff;
  diff.pixel_count = std::uint64_t(expected.width) * expected.height;
  diff.visual = expected;
  for (std::size_t p = 0; p < diff.pixel_count; ++p) {
    int worst = 0;
    for (int c = 0; c < 4; ++c) {
      int d = std::abs(int(expected.pixels[p * 4 + c]) - int(actual.pixels[p * 4 + c]));
      worst = std::max(worst, d);
    }
    diff.max_channel_difference = std::max(diff.max_channel_difference, worst);
    std::uint8_t* v = &diff.visual.pixels[p * 4];
    if (worst > tolerance) {
      ++diff.pixels_over_tolerance;
      v[0] = 255; v[1] = 0; v[2] = 0; v[3] = 255;
    } else {
      v[0] /= 4; v[1] /= 4; v[2] /= 4; v[3] = 255;
    }
  }
  return diff;
}

}  // namespace kagami
