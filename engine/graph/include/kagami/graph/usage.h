#pragma once
// How each Usage maps onto Vulkan synchronization2: the pipeline stages, access
// mask and image layout of the access, and which usages a format, resource
// kind and queue kind can serve. The compiler, the hazard checker and the
// executor all read the same table, so an access means one thing everywhere.
#include <vulkan/vulkan_core.h>

#include "kagami/graph/types.h"

namespace kagami::graph {

struct AccessInfo {
  VkPipelineStageFlags2 stages = VK_PIPELINE_STAGE_2_NONE;
  VkAccessFlags2 access = VK_ACCESS_2_NONE;
  VkImageLayout layout = VK_IMAGE_LAYOUT_UNDEFINED;  // UNDEFINED for buffers
};

// Every access bit that writes memory. A barrier's source access mask only
// needs these (reads have nothing to make available).
inline constexpr VkAccessFlags2 kWriteAccessMask =
    VK_ACCESS_2_SHADER_WRITE_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT |
    VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT | VK_ACCESS_2_TRANSFER_WRITE_BIT | VK_ACCESS_2_HOST_WRITE_BIT |
    VK_ACCESS_2_MEMORY_WRITE_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT;

// Shader stages of a shader usage (sampled, storage, uniform) when the pass
// did not name them: fragment for textures and vertex|fragment for buffers in
// raster passes, compute in compute passes.
VkPipelineStageFlags2 default_shader_stages(QueueKind queue, ResourceKind kind);

// The access one usage performs. `shader_stages` (non-zero) replaces the
// default stages of shader usages; other usages have fixed stages. Depth
// formats sample in DEPTH(_STENCIL)_READ_ONLY_OPTIMAL so that sampling and a
// read-only depth attachment share a layout (soft particles need no barrier).
AccessInfo usage_access(Usage usage, QueueKind queue, ResourceKind kind, VkFormat format,
                        VkPipelineStageFlags2 shader_stages = 0);

// Why `usage` is impossible for this resource in this pass, or nullptr when it
// is fine: a depth format as colour attachment, a colour format as depth, a
// storage image in an sRGB or depth format, an attachment in a compute pass,
// a vertex "texture"...
const char* usage_problem(Usage usage, QueueKind queue, ResourceKind kind, VkFormat format);

// Vulkan usage flags the resource needs to be created with.
VkImageUsageFlags image_usage_flags(UsageMask usages);
VkBufferUsageFlags buffer_usage_flags(UsageMask usages);

const char* usage_name(Usage usage);
const char* queue_name(QueueKind queue);
const char* resource_kind_name(ResourceKind kind);

}  // namespace kagami::graph
