#pragma once
// Frames in flight. Each slot owns a command pool and buffer and the
// semaphore used to acquire a swapchain image; beginning a slot waits only for
// the frame that last used it, so the CPU records frame N+1 while the GPU runs N.
#include <array>
#include <cstdint>
#include <span>

#include <vulkan/vulkan.h>

namespace kagami::gpu {

class Device;

class FrameRing {
 public:
  static constexpr std::uint32_t kSlots = 2;
  explicit FrameRing(Device& device);
  ~FrameRing();
  FrameRing(const FrameRing&) = delete;
  FrameRing& operator=(const FrameRing&) = delete;

  // Waits for the slot's previous frame, frees retired objects, resets and begins its command buffer.
  VkCommandBuffer begin();
  // Ends and submits; waits/signals are binary semaphores (swapchain acquire/present).
  void end_and_submit(std::span<const VkSemaphoreSubmitInfo> wait, std::span<const VkSemaphoreSubmitInfo> signal);

  std::uint32_t slot() const { return slot_; }
  std::uint64_t frame_number() const { return frame_; }
  VkSemaphore image_available() const { return slots_[slot_].image_available; }

 private:
  struct Slot {
    VkCommandPool pool = VK_NULL_HANDLE;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    VkSemaphore image_available = VK_NULL_HANDLE;
    std::uint64_t submitted_value = 0;
  };
  Device& device_;
  std::array<Slot, kSlots> slots_;
  std::uint32_t slot_ = 0;
  std::uint64_t frame_ = 0;
};

}  // namespace kagami::gpu
