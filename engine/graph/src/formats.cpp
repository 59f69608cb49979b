#include "kagami/graph/formats.h"

#include <algorithm>

#include "kagami/core/strings.h"

namespace kagami::graph {
namespace {

enum FormatFlag : std::uint8_t { kDepth = 1, kStencil = 2, kSrgb = 4 };

struct FormatInfo {
  VkFormat format;
  const char* name;
  std::uint8_t bytes;  // per texel, or per 4x4 block when compressed
};

#define KAGAMI_FORMAT(f, bytes) {VK_FORMAT_##f, #f, bytes}
constexpr FormatInfo kFormats[] = {
    KAGAMI_FORMAT(R8_UNORM, 1),
    KAGAMI_FORMAT(R8_UINT, 1),
    KAGAMI_FORMAT(R8G8_UNORM, 2),
    KAGAMI_FORMAT(R8G8B8A8_UNORM, 4),
    KAGAMI_FORMAT(R8G8B8A8_SNORM, 4),
    KAGAMI_FORMAT(R8G8B8A8_UINT, 4),
    KAGAMI_FORMAT(R8G8B8A8_SRGB, 4),
    KAGAMI_FORMAT(B8G8R8A8_UNORM, 4),
    KAGAMI_FORMAT(B8G8R8A8_SRGB, 4),
    KAGAMI_FORMAT(A2R10G10B10_UNORM_PACK32, 4),
    KAGAMI_FORMAT(A2B10G10R10_UNORM_PACK32, 4),
    KAGAMI_FORMAT(B10G11R11_UFLOAT_PACK32, 4),
    KAGAMI_FORMAT(E5B9G9R9_UFLOAT_PACK32, 4),
    KAGAMI_FORMAT(R16_UNORM, 2),
    KAGAMI_FORMAT(R16_UINT, 2),
    KAGAMI_FORMAT(R16_SFLOAT, 2),
    KAGAMI_FORMAT(R16G16_UNORM, 4),
    KAGAMI_FORMAT(R16G16_SFLOAT, 4),
    KAGAMI_FORMAT(R16G16B16A16_UNORM, 8),
    KAGAMI_FORMAT(R16G16B16A16_SFLOAT, 8),
    KAGAMI_FORMAT(R32_UINT, 4),
    KAGAMI_FORMAT(R32_SFLOAT, 4),
    KAGAMI_FORMAT(R32G32_UINT, 8),
    KAGAMI_FORMAT(R32G32_SFLOAT, 8),
    KAGAMI_FORMAT(R32G32B32A32_UINT, 16),
    KAGAMI_FORMAT(R32G32B32A32_SFLOAT, 16),
    KAGAMI_FORMAT(D16_UNORM, 2),
    KAGAMI_FORMAT(X8_D24_UNORM_PACK32, 4),
    KAGAMI_FORMAT(D32_SFLOAT, 4),
    KAGAMI_FORMAT(S8_UINT, 1),
    KAGAMI_FORMAT(D16_UNORM_S8_UINT, 4),
    KAGAMI_FORMAT(D24_UNORM_S8_UINT, 4),
    KAGAMI_FORMAT(D32_SFLOAT_S8_UINT, 8),
    KAGAMI_FORMAT(BC1_RGB_UNORM_BLOCK, 8),
    KAGAMI_FORMAT(BC1_RGB_SRGB_BLOCK, 8),
    KAGAMI_FORMAT(BC1_RGBA_UNORM_BLOCK, 8),
    KAGAMI_FORMAT(BC1_RGBA_SRGB_BLOCK, 8),
    KAGAMI_FORMAT(BC3_UNORM_BLOCK, 16),
    KAGAMI_FORMAT(BC3_SRGB_BLOCK, 16),
    KAGAMI_FORMAT(BC4_UNORM_BLOCK, 8),
    KAGAMI_FORMAT(BC5_UNORM_BLOCK, 16),
    KAGAMI_FORMAT(BC6H_UFLOAT_BLOCK, 16),
    KAGAMI_FORMAT(BC7_UNORM_BLOCK, 16),
    KAGAMI_FORMAT(BC7_SRGB_BLOCK, 16),
};
#undef KAGAMI_FORMAT

const FormatInfo* find(VkFormat format) {
  for (const FormatInfo& info : kFormats) {
    if (info.format == format) return &info;
  }
  return nullptr;
}

// The compiler asks these for every access: a switch (a jump table) instead of the table scan.
std::uint8_t format_flags(VkFormat format) {
  switch (format) {
    case VK_FORMAT_D16_UNORM:
    case VK_FORMAT_X8_D24_UNORM_PACK32:
    case VK_FORMAT_D32_SFLOAT: return kDepth;
    case VK_FORMAT_S8_UINT: return kStencil;
    case VK_FORMAT_D16_UNORM_S8_UINT:
    case VK_FORMAT_D24_UNORM_S8_UINT:
    case VK_FORMAT_D32_SFLOAT_S8_UINT: return kDepth | kStencil;
    case VK_FORMAT_R8_SRGB:
    case VK_FORMAT_R8G8_SRGB:
    case VK_FORMAT_R8G8B8_SRGB:
    case VK_FORMAT_B8G8R8_SRGB:
    case VK_FORMAT_R8G8B8A8_SRGB:
    case VK_FORMAT_B8G8R8A8_SRGB:
    case VK_FORMAT_A8B8G8R8_SRGB_PACK32:
    case VK_FORMAT_BC1_RGB_SRGB_BLOCK:
    case VK_FORMAT_BC1_RGBA_SRGB_BLOCK:
    case VK_FORMAT_BC2_SRGB_BLOCK:
    case VK_FORMAT_BC3_SRGB_BLOCK:
    case VK_FORMAT_BC7_SRGB_BLOCK: return kSrgb;
    default: return 0;
  }
}

bool has_flag(VkFormat format, std::uint8_t flag) { return (format_flags(format) & flag) != 0; }

}  // namespace

bool is_depth_format(VkFormat format) { return has_flag(format, kDepth); }
bool is_stencil_format(VkFormat format) { return has_flag(format, kStencil); }
bool is_srgb_format(VkFormat format) { return has_flag(format, kSrgb); }

bool is_compressed_format(VkFormat format) {
  // Every block-compressed core format sits in one contiguous range of the enum.
  return format >= VK_FORMAT_BC1_RGB_UNORM_BLOCK && format <= VK_FORMAT_ASTC_12x12_SRGB_BLOCK;
}

VkImageAspectFlags format_aspect(VkFormat format) {
  VkImageAspectFlags aspect = 0;
  if (is_depth_format(format)) aspect |= VK_IMAGE_ASPECT_DEPTH_BIT;
  if (is_stencil_format(format)) aspect |= VK_IMAGE_ASPECT_STENCIL_BIT;
  return aspect != 0 ? aspect : static_cast<VkImageAspectFlags>(VK_IMAGE_ASPECT_COLOR_BIT);
}

std::uint32_t format_texel_bytes(VkFormat format) {
  const FormatInfo* info = find(format);
  return info != nullptr ? info->bytes : 0;
}

std::uint64_t estimate_texture_bytes(const TextureDesc& desc) {
  const bool compressed = is_compressed_format(desc.format);
  std::uint64_t unit = format_texel_bytes(desc.format);
  if (unit == 0) unit = compressed ? 16 : 4;
  std::uint64_t total = 0;
  for (std::uint32_t mip = 0; mip < std::max(desc.mip_levels, 1u); ++mip) {
    std::uint64_t w = std::max(desc.width >> mip, 1u);
    std::uint64_t h = std::max(desc.height >> mip, 1u);
    if (compressed) {
      w = (w + 3) / 4;
      h = (h + 3) / 4;
    }
    total += w * h * unit;
  }
  return total * std::max(desc.array_layers, 1u) * static_cast<std::uint64_t>(desc.samples);
}

std::string format_name(VkFormat format) {
  const FormatInfo* info = find(format);
  if (info != nullptr) return info->name;
  if (format == VK_FORMAT_UNDEFINED) return "UNDEFINED";
  return cat("FORMAT_", static_cast<int>(format));
}

}  // namespace kagami::graph
