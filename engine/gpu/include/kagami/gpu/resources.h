#pragma once
// Plain descriptions and handles of GPU objects. Objects are created and
// retired through gpu::Device, which defers destruction until every frame that
// could have used them has retired.
#include <cstdint>
#include <string>

#include <vulkan/vulkan.h>

#include "kagami/gpu/allocator.h"

namespace kagami::gpu {

struct BufferDesc {
  VkDeviceSize size = 0;
  VkBufferUsageFlags usage = 0;
  MemoryUsage memory = MemoryUsage::gpu_only;
  std::string name;
};

struct Buffer {
  VkBuffer handle = VK_NULL_HANDLE;
  Allocation allocation;
  VkDeviceSize size = 0;
  VkDeviceAddress address = 0;  // when created with SHADER_DEVICE_ADDRESS usage
  void* mapped() const { return allocation.mapped; }
  explicit operator bool() const { return handle != VK_NULL_HANDLE; }
};

struct ImageDesc {
  VkFormat format = VK_FORMAT_R8G8B8A8_UNORM;
  std::uint32_t width = 1, height = 1;
  std::uint32_t mip_levels = 1;
  std::uint32_t array_layers = 1;
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
  VkImageUsageFlags usage = 0;
  std::string name;
};

struct Image {
  VkImage handle = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;  // all mips and layers
  Allocation allocation;
  ImageDesc desc;
  VkImageAspectFlags aspect = VK_IMAGE_ASPECT_COLOR_BIT;
  explicit operator bool() const { return handle != VK_NULL_HANDLE; }
};

// The create info of a 2D optimal-tiling image: shared by Device::create_image
// and the render graph's transient images.
VkImageCreateInfo image_create_info(const ImageDesc& desc);

bool is_depth_format(VkFormat format);
bool has_stencil(VkFormat format);
VkImageAspectFlags aspect_of(VkFormat format);
std::uint32_t mip_count_for(std::uint32_t width, std::uint32_t height);

}  // namespace kagami::gpu
