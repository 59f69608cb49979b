#pragma once
// Per-frame data written by the CPU each frame (uniforms that change, joint
// matrices, vertex streams of text and UI): a host-visible buffer per frame
// slot that grows when a frame needs more and otherwise is reused as is.
#include "kagami/gpu/device.h"

namespace kagami::gpu {

// Makes `buffer` a mapped upload buffer of at least `bytes` (and at least
// `min_bytes`). A buffer too small is retired (its slot's previous frame may
// still read it) and replaced by one with room to grow: twice the size
// needed, so a slowly growing stream does not reallocate every frame.
void reserve_host_buffer(Device& device, Buffer& buffer, VkDeviceSize bytes, VkBufferUsageFlags usage,
                         const char* name, VkDeviceSize min_bytes = 0);

}  // namespace kagami::gpu
