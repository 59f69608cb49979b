#include "kagami/gpu/barriers.h"

#include <cstdint>

namespace kagami::gpu {

void transition_image(VkCommandBuffer cmd, VkImage image, VkImageLayout from, VkImageLayout to, SyncScope src,
                      SyncScope dst, std::uint32_t base_mip, std::uint32_t mip_count) {
  VkImageMemoryBarrier2 b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2};
  b.srcStageMask = src.stages;
  b.srcAccessMask = src.access;
  b.dstStageMask = dst.stages;
  b.dstAccessMask = dst.access;
  b.oldLayout = from;
  b.newLayout = to;
  b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  b.image = image;
  b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, base_mip, mip_count, 0, 1};
  VkDependencyInfo dep{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
  dep.imageMemoryBarrierCount = 1;
  dep.pImageMemoryBarriers = &b;
  vkCmdPipelineBarrier2(cmd, &dep);
}

void memory_barrier(VkCommandBuffer cmd, SyncScope src, SyncScope dst) {
  VkMemoryBarrier2 b{VK_STRUCTURE_TYPE_MEMORY_BARRIER_2};
  b.srcStageMask = src.stages;
  b.srcAccessMask = src.access;
  b.dstStageMask = dst.stages;
  b.dstAccessMask = dst.access;
  VkDependencyInfo dep{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
  dep.memoryBarrierCount = 1;
  dep.pMemoryBarriers = &b;
  vkCmdPipelineBarrier2(cmd, &dep);
}

}  // namespace kagami::gpu
