#include "kagami/gpu/staging_ring.h"

namespace kagami::gpu {

StagingRing::StagingRing(Device& device, VkDeviceSize bytes_per_slot, std::uint32_t slots)
    : device_(device), per_slot_(bytes_per_slot) {
  buffer_ = device.create_buffer(
      {bytes_per_slot * slots, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUsage::upload, "staging ring"});
}

StagingRing::~StagingRing() { device_.retire(buffer_); }

void StagingRing::begin(std::uint32_t slot) {
  slot_ = slot;
  head_ = 0;
}

std::optional<StagingSpan> StagingRing::allocate(VkDeviceSize size, VkDeviceSize alignment) {
  VkDeviceSize start = (head_ + alignment - 1) / alignment * alignment;
  if (start + size > per_slot_) return std::nullopt;
  head_ = start + size;
  VkDeviceSize offset = VkDeviceSize(slot_) * per_slot_ + start;
  return StagingSpan{buffer_.handle, offset, static_cast<std::uint8_t*>(buffer_.mapped()) + offset, size};
}

}  // namespace kagami::gpu
