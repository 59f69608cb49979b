#include "kagami/gpu/upload.h"

#include <algorithm>
#include <cstring>

#include "kagami/gpu/barriers.h"

namespace kagami::gpu {
namespace {

Buffer make_staging(Device& device, std::span<const std::uint8_t> bytes, const std::string& name) {
  Buffer staging = device.create_buffer(
      {std::max<VkDeviceSize>(bytes.size(), 4), VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUsage::upload, name + " staging"});
  std::memcpy(staging.mapped(), bytes.data(), bytes.size());
  return staging;
}

}  // namespace

Buffer upload_buffer(Device& device, std::span<const std::uint8_t> bytes, VkBufferUsageFlags usage,
                     const std::string& name) {
  Buffer buffer = device.create_buffer({std::max<VkDeviceSize>(bytes.size(), 4),
                                        usage | VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUsage::gpu_only, name});
  Buffer staging = make_staging(device, bytes, name);
  device.run_now([&](VkCommandBuffer cmd) {
    VkBufferCopy region{0, 0, bytes.size()};
    vkCmdCopyBuffer(cmd, staging.handle, buffer.handle, 1, &region);
  });
  device.retire(staging);
  return buffer;
}

Image upload_texture_rgba8(Device& device, std::uint32_t width, std::uint32_t height,
                           std::span<const std::uint8_t> pixels, bool srgb, const std::string& name) {
  ImageDesc desc;
  desc.format = srgb ? VK_FORMAT_R8G8B8A8_SRGB : VK_FORMAT_R8G8B8A8_UNORM;
  desc.width = width;
  desc.height = height;
  desc.mip_levels = mip_count_for(width, height);
  desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  desc.name = name;
  Image image = device.create_image(desc);
  Buffer staging = make_staging(device, pixels, name);

  device.run_now([&](VkCommandBuffer cmd) {
    const std::uint32_t mips = desc.mip_levels;
    const SyncScope transfer_write{VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT};
    const SyncScope transfer_read{VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_READ_BIT};
    const SyncScope sampled{VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};
    transition_image(cmd, image.handle, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, {},
                     transfer_write, 0, mips);
    VkBufferImageCopy copy{};
    copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    copy.imageExtent = {width, height, 1};
    vkCmdCopyBufferToImage(cmd, staging.handle, image.handle, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &copy);

    // Each level is blitted from the one above, which is first moved to TRANSFER_SRC.
    std::int32_t w = std::int32_t(width), h = std::int32_t(height);
    for (std::uint32_t mip = 1; mip < mips; ++mip) {
      transition_image(cmd, image.handle, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                       transfer_write, transfer_read, mip - 1, 1);
      std::int32_t nw = std::max(1, w / 2), nh = std::max(1, h / 2);
      VkImageBlit blit{};
      blit.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, mip - 1, 0, 1};
      blit.srcOffsets[1] = {w, h, 1};
      blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, mip, 0, 1};
      blit.dstOffsets[1] = {nw, nh, 1};
      vkCmdBlitImage(cmd, image.handle, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, image.handle,
                     VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_LINEAR);
      w = nw;
      h = nh;
    }
    if (mips > 1)
      transition_image(cmd, image.handle, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                       VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, transfer_read, sampled, 0, mips - 1);
    transition_image(cmd, image.handle, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                     transfer_write, sampled, mips - 1, 1);
  });
  device.retire(staging);
  return image;
}

}  // namespace kagami::gpu
