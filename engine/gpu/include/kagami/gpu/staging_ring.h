#pragma once
// A staging ring: one host-visible buffer split into a region per frame slot.
// Streaming copies its budgeted bytes for a frame into the slot's region, and
// the frame's command buffer copies them on to their GPU destinations. A
// region is reused only once its frame has retired (FrameRing guarantees it),
// so the ring never waits and never allocates after creation.
#include <cstdint>
#include <optional>

#include "kagami/gpu/device.h"

namespace kagami::gpu {

struct StagingSpan {
  VkBuffer buffer = VK_NULL_HANDLE;
  VkDeviceSize offset = 0;  // in `buffer`
  std::uint8_t* data = nullptr;
  VkDeviceSize size = 0;
};

class StagingRing {
 public:
  StagingRing(Device& device, VkDeviceSize bytes_per_slot, std::uint32_t slots);
  ~StagingRing();
  StagingRing(const StagingRing&) = delete;
  StagingRing& operator=(const StagingRing&) = delete;

  // Starts filling `slot`'s region (its previous frame has retired).
  void begin(std::uint32_t slot);
  // Space for `size` bytes at `alignment`, or nothing when this frame's region is full.
  std::optional<StagingSpan> allocate(VkDeviceSize size, VkDeviceSize alignment = 16);

  VkDeviceSize bytes_per_slot() const { return per_slot_; }
  VkDeviceSize used() const { return head_; }

 private:
  Device& device_;
  Buffer buffer_;
  VkDeviceSize per_slot_;
  std::uint32_t slot_ = 0;
  VkDeviceSize head_ = 0;
};

}  // namespace kagami::gpu
