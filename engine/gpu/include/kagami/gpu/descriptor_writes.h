#pragma once
// One-descriptor writes for push descriptors (Device::push_descriptors), the
// way every pass binds its resources: a storage buffer or an image at a
// binding. `info` must outlive the push.
#include <vulkan/vulkan.h>

#include <cstdint>

namespace kagami::gpu {

inline VkWriteDescriptorSet descriptor_write(std::uint32_t binding, VkDescriptorType type) {
  VkWriteDescriptorSet w{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
  w.dstBinding = binding;
  w.descriptorCount = 1;
  w.descriptorType = type;
  return w;
}

inline VkWriteDescriptorSet storage_buffer_write(std::uint32_t binding, const VkDescriptorBufferInfo* info) {
  VkWriteDescriptorSet w = descriptor_write(binding, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER);
  w.pBufferInfo = info;
  return w;
}

// A sampled image by default; VK_DESCRIPTOR_TYPE_STORAGE_IMAGE for one written by a compute pass.
inline VkWriteDescriptorSet image_write(std::uint32_t binding, const VkDescriptorImageInfo* info,
                                        VkDescriptorType type = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER) {
  VkWriteDescriptorSet w = descriptor_write(binding, type);
  w.pImageInfo = info;
  return w;
}

}  // namespace kagami::gpu
