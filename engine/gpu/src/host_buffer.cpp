#include "kagami/gpu/host_buffer.h"

#include <algorithm>

namespace kagami::gpu {

void reserve_host_buffer(Device& device, Buffer& buffer, VkDeviceSize bytes, VkBufferUsageFlags usage,
                         const char* name, VkDeviceSize min_bytes) {
  bytes = std::max<VkDeviceSize>(bytes, 1);
  if (buffer && buffer.size >= bytes) return;
  if (buffer) device.retire(buffer);
  buffer = device.create_buffer({std::max(bytes * 2, min_bytes), usage, MemoryUsage::upload, name});
}

}  // namespace kagami::gpu
