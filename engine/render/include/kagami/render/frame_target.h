#pragma once
#include <vulkan/vulkan.h>

namespace kagami::render {

// The image a frame ends in (a swapchain image or an offscreen colour image)
// and the state it must be left in for whoever uses it next.
struct FrameTarget {
  VkImage image = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;
  VkFormat format = VK_FORMAT_UNDEFINED;
  VkExtent2D extent{0, 0};
  VkImageLayout final_layout = VK_IMAGE_LAYOUT_PRESENT_SRC_KHR;
  VkPipelineStageFlags2 final_stage = VK_PIPELINE_STAGE_2_NONE;
  VkAccessFlags2 final_access = VK_ACCESS_2_NONE;
};

}  // namespace kagami::render
