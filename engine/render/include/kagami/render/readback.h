#pragma once
// Copies a colour image to the CPU as 8-bit RGBA (PNG output, golden tests).
#include "kagami/core/image.h"
#include "kagami/gpu/device.h"
#include "kagami/render/frame_graph.h"

namespace kagami::render {

struct Readback {
  gpu::Buffer buffer;  // host-visible, tightly packed rows
  VkExtent2D extent{0, 0};
  VkFormat format = VK_FORMAT_UNDEFINED;
};

Readback make_readback(gpu::Device& device, VkFormat format, VkExtent2D extent);
// A transfer pass copying `image` into the read-back buffer; the graph leaves
// the buffer visible to the host (a side effect: never culled).
void add_readback_pass(FrameGraph& frame, graph::TextureHandle image, const Readback& readback);
// After the frame has completed on the GPU: converts to RGBA8 (swizzling BGRA) and retires the buffer.
Result<ImageRgba8> finish_readback(gpu::Device& device, Readback& readback);

}  // namespace kagami::render
