#include "kagami/render/readback.h"

#include <cstring>

namespace kagami::render {

Readback make_readback(gpu::Device& device, VkFormat format, VkExtent2D extent) {
  Readback r;
  r.extent = extent;
  r.format = format;
  r.buffer = device.create_buffer({VkDeviceSize(extent.width) * extent.height * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                   gpu::MemoryUsage::readback, "readback"});
  return r;
}

void add_readback_pass(FrameGraph& frame, graph::TextureHandle image, const Readback& readback) {
  graph::ImportedBuffer desc;
  desc.desc.size = readback.buffer.size;
  desc.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
  desc.final_state = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT};
  graph::BufferHandle buffer = frame.import_buffer("readback", desc, readback.buffer.handle);
  VkExtent2D extent = readback.extent;
  frame.add_pass(
      "readback", graph::QueueKind::transfer,
      [&](graph::PassBuilder& pass) {
        pass.read(image, graph::Usage::transfer_src);
        buffer = pass.write(buffer, graph::Usage::transfer_dst);
      },
      [image, buffer, extent](PassContext& ctx) {
        VkBufferImageCopy copy{};
        copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        copy.imageExtent = {extent.width, extent.height, 1};
        vkCmdCopyImageToBuffer(ctx.cmd, ctx.image(image), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, ctx.buffer(buffer), 1,
                               &copy);
      },
      graph::PassFlags::side_effects);
}

Result<ImageRgba8> finish_readback(gpu::Device& device, Readback& r) {
  bool bgra = r.format == VK_FORMAT_B8G8R8A8_SRGB || r.format == VK_FORMAT_B8G8R8A8_UNORM;
  bool rgba = r.format == VK_FORMAT_R8G8B8A8_SRGB || r.format == VK_FORMAT_R8G8B8A8_UNORM;
  if (!bgra && !rgba) {
    device.retire(r.buffer);
    return make_error("read-back of format ", int(r.format), " is not supported");
  }
  ImageRgba8 image;
  image.width = int(r.extent.width);
  image.height = int(r.extent.height);
  image.pixels.resize(std::size_t(image.width) * image.height * 4);
  std::memcpy(image.pixels.data(), r.buffer.mapped(), image.pixels.size());
  if (bgra)
    for (std::size_t i = 0; i < image.pixels.size(); i += 4) std::swap(image.pixels[i], image.pixels[i + 2]);
  device.retire(r.buffer);
  return image;
}

}  // namespace kagami::render
