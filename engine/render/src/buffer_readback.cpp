#include "kagami/render/buffer_readback.h"

namespace kagami::render {

gpu::Buffer make_buffer_readback(gpu::Device& device, VkDeviceSize size, const char* name) {
  return device.create_buffer({size, VK_BUFFER_USAGE_TRANSFER_DST_BIT, gpu::MemoryUsage::readback, name});
}

void add_buffer_readback_pass(FrameGraph& frame, graph::BufferHandle source, const gpu::Buffer& destination) {
  graph::ImportedBuffer desc;
  desc.desc.size = destination.size;
  desc.final_state = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT};
  graph::BufferHandle target = frame.import_buffer("buffer readback", desc, destination.handle);
  const VkDeviceSize size = destination.size;
  frame.add_pass(
      "buffer readback", graph::QueueKind::transfer,
      [&](graph::PassBuilder& pass) {
        pass.read(source, graph::Usage::transfer_src);
        target = pass.write(target, graph::Usage::transfer_dst);
      },
      [source, target, size](PassContext& ctx) {
        VkBufferCopy copy{0, 0, size};
        vkCmdCopyBuffer(ctx.cmd, ctx.buffer(source), ctx.buffer(target), 1, &copy);
      },
      graph::PassFlags::side_effects);
}

}  // namespace kagami::render
