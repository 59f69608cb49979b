#pragma once
// Hand-written barriers for work outside the render graph (uploads, streaming,
// read-backs). Everything a frame renders gets its barriers from the graph.
#include <cstdint>

#include <vulkan/vulkan.h>

namespace kagami::gpu {

struct SyncScope {
  VkPipelineStageFlags2 stages = VK_PIPELINE_STAGE_2_NONE;
  VkAccessFlags2 access = VK_ACCESS_2_NONE;
};

// A layout transition of mips [base_mip, base_mip + mip_count) of a colour image.
void transition_image(VkCommandBuffer cmd, VkImage image, VkImageLayout from, VkImageLayout to, SyncScope src,
                      SyncScope dst, std::uint32_t base_mip = 0, std::uint32_t mip_count = VK_REMAINING_MIP_LEVELS);
// A global memory dependency.
void memory_barrier(VkCommandBuffer cmd, SyncScope src, SyncScope dst);

}  // namespace kagami::gpu
