#pragma once
// Copies a colour image to the CPU as 8-bit RGBA (PNG output, golden tests).
#include "kagami/core/image.h"
#include "kagami/gpu/device.h"

namespace kagami::render {

struct Readback {
  gpu::Buffer buffer;  // host-visible, tightly packed rows
  VkExtent2D extent{0, 0};
  VkFormat format = VK_FORMAT_UNDEFINED;
};

// Records the copy of `image` (in TRANSFER_SRC_OPTIMAL) into a fresh host buffer.
Readback record_readback(gpu::Device& device, VkCommandBuffer cmd, VkImage image, VkFormat format, VkExtent2D extent);
// After the copy has completed on the GPU: converts to RGBA8 (swizzling BGRA) and retires the buffer.
Result<ImageRgba8> finish_readback(gpu::Device& device, Readback& readback);

}  // namespace kagami::render
