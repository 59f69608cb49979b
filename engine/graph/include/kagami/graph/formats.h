#pragma once
// What the graph needs to know about a VkFormat: which aspects it has and
// which usages it can serve. Deliberately a small table, not a replacement for
// vkGetPhysicalDeviceFormatProperties (the executor still asks the device).
#include <cstdint>
#include <string>

#include <vulkan/vulkan_core.h>

#include "kagami/graph/types.h"

namespace kagami::graph {

bool is_depth_format(VkFormat format);    // has a depth aspect
bool is_stencil_format(VkFormat format);  // has a stencil aspect
inline bool is_depth_stencil_format(VkFormat format) { return is_depth_format(format) || is_stencil_format(format); }
bool is_compressed_format(VkFormat format);  // block-compressed (BC, ETC2, ASTC): sampled/transfer only
bool is_srgb_format(VkFormat format);        // sRGB formats cannot be storage images on common hardware

VkImageAspectFlags format_aspect(VkFormat format);

// Bytes per texel (per 4x4 block for compressed formats); 0 for formats the table does not know.
std::uint32_t format_texel_bytes(VkFormat format);

// Bytes a texture occupies with a tight layout: every mip level, layer and
// sample. Used by tests, benchmarks and tools as a stand-in for the driver's
// vkGetImageMemoryRequirements; unknown formats count 4 bytes per texel.
std::uint64_t estimate_texture_bytes(const TextureDesc& desc);

// Short name without the VK_FORMAT_ prefix ("R16G16B16A16_SFLOAT"); "FORMAT_<n>" when unknown.
std::string format_name(VkFormat format);

}  // namespace kagami::graph
