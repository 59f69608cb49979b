#include "kagami/gpu/frames.h"

#include "kagami/core/strings.h"
#include "kagami/gpu/check.h"
#include "kagami/gpu/device.h"

namespace kagami::gpu {

FrameRing::FrameRing(Device& device) : device_(device) {
  for (std::uint32_t i = 0; i < kSlots; ++i) {
    Slot& s = slots_[i];
    VkCommandPoolCreateInfo pool{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    pool.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    pool.queueFamilyIndex = device.context().queue_family();
    KAGAMI_VK(vkCreateCommandPool(device.vk(), &pool, nullptr, &s.pool));
    VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    alloc.commandPool = s.pool;
    alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    alloc.commandBufferCount = 1;
    KAGAMI_VK(vkAllocateCommandBuffers(device.vk(), &alloc, &s.cmd));
    VkSemaphoreCreateInfo sem{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    KAGAMI_VK(vkCreateSemaphore(device.vk(), &sem, nullptr, &s.image_available));
    std::string name = cat("frame slot ", i);
    device.debug().name(VK_OBJECT_TYPE_COMMAND_BUFFER, s.cmd, name.c_str());
  }
  slot_ = kSlots - 1;
}

FrameRing::~FrameRing() {
  device_.wait_idle();
  for (auto& s : slots_) {
    vkDestroySemaphore(device_.vk(), s.image_available, nullptr);
    vkDestroyCommandPool(device_.vk(), s.pool, nullptr);
  }
}

VkCommandBuffer FrameRing::begin() {
  slot_ = (slot_ + 1) % kSlots;
  Slot& s = slots_[slot_];
  device_.wait_for(s.submitted_value);
  device_.collect();
  KAGAMI_VK(vkResetCommandPool(device_.vk(), s.pool, 0));
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  KAGAMI_VK(vkBeginCommandBuffer(s.cmd, &begin));
  return s.cmd;
}

void FrameRing::end_and_submit(std::span<const VkSemaphoreSubmitInfo> wait,
                               std::span<const VkSemaphoreSubmitInfo> signal) {
  Slot& s = slots_[slot_];
  KAGAMI_VK(vkEndCommandBuffer(s.cmd));
  s.submitted_value = device_.submit({s.cmd, wait, signal});
  ++frame_;
}

}  // namespace kagami::gpu
