#include "kagami/render/readback.h"

#include <cstring>

namespace kagami::render {

Readback record_readback(gpu::Device& device, VkCommandBuffer cmd, VkImage image, VkFormat format, VkExtent2D extent) {
  Readback r;
  r.extent = extent;
  r.format = format;
  r.buffer = device.create_buffer({VkDeviceSize(extent.width) * extent.height * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                   gpu::MemoryUsage::readback, "readback"});
  VkBufferImageCopy copy{};
  copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  copy.imageExtent = {extent.width, extent.height, 1};
  vkCmdCopyImageToBuffer(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, r.buffer.handle, 1, &copy);
  // Makes the copy visible to the host once the submission has completed.
  VkBufferMemoryBarrier2 to_host{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER_2};
  to_host.srcStageMask = VK_PIPELINE_STAGE_2_COPY_BIT;
  to_host.srcAccessMask = VK_ACCESS_2_TRANSFER_WRITE_BIT;
  to_host.dstStageMask = VK_PIPELINE_STAGE_2_HOST_BIT;
  to_host.dstAccessMask = VK_ACCESS_2_HOST_READ_BIT;
  to_host.srcQueueFamilyIndex = to_host.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  to_host.buffer = r.buffer.handle;
  to_host.size = VK_WHOLE_SIZE;
  VkDependencyInfo dep{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
  dep.bufferMemoryBarrierCount = 1;
  dep.pBufferMemoryBarriers = &to_host;
  vkCmdPipelineBarrier2(cmd, &dep);
  return r;
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
