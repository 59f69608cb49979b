#pragma once
#include <vulkan/vulkan.h>

#include "kagami/graph/types.h"

namespace kagami::render {

// The image a frame ends in (a swapchain image or an offscreen colour image),
// the state it is in when the frame starts, and the state it must be left in.
struct FrameTarget {
  VkImage image = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;
  VkFormat format = VK_FORMAT_UNDEFINED;
  VkExtent2D extent{0, 0};
  // A swapchain image: the stage the acquire semaphore waits at, contents undefined.
  graph::ResourceState initial{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                               VK_ACCESS_2_NONE};
  graph::ResourceState final_state{VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
};

}  // namespace kagami::render
