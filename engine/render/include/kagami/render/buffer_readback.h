#pragma once
// Copies a graph buffer (e.g. a particle buffer) to the CPU: for tests and tools.
#include "kagami/gpu/device.h"
#include "kagami/render/frame_graph.h"

namespace kagami::render {

// A host-visible buffer of `size` bytes to copy into.
gpu::Buffer make_buffer_readback(gpu::Device& device, VkDeviceSize size, const char* name);
// A transfer pass copying `source` into `destination` (from make_buffer_readback);
// the graph leaves it visible to the host. Never culled.
void add_buffer_readback_pass(FrameGraph& frame, graph::BufferHandle source, const gpu::Buffer& destination);

}  // namespace kagami::render
