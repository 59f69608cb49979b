#include "kagami/gpu/resources.h"

#include <algorithm>
#include <bit>

namespace kagami::gpu {

bool is_depth_format(VkFormat f) {
  switch (f) {
    case VK_FORMAT_D16_UNORM: case VK_FORMAT_X8_D24_UNORM_PACK32: case VK_FORMAT_D32_SFLOAT:
    case VK_FORMAT_D16_UNORM_S8_UINT: case VK_FORMAT_D24_UNORM_S8_UINT: case VK_FORMAT_D32_SFLOAT_S8_UINT:
      return true;
    default:
      return false;
  }
}

bool has_stencil(VkFormat f) {
  return f == VK_FORMAT_D16_UNORM_S8_UINT || f == VK_FORMAT_D24_UNORM_S8_UINT || f == VK_FORMAT_D32_SFLOAT_S8_UINT;
}

VkImageAspectFlags aspect_of(VkFormat f) {
  if (!is_depth_format(f)) return VK_IMAGE_ASPECT_COLOR_BIT;
  return VK_IMAGE_ASPECT_DEPTH_BIT | (has_stencil(f) ? VK_IMAGE_ASPECT_STENCIL_BIT : 0);
}

std::uint32_t mip_count_for(std::uint32_t width, std::uint32_t height) {
  return std::uint32_t(std::bit_width(std::max(width, height)));
}

}  // namespace kagami::gpu
