#include "kagami/gpu/device.h"

#include "kagami/gpu/check.h"

namespace kagami::gpu {

Result<std::unique_ptr<Device>> Device::create(const ContextOptions& options) {
  auto context = Context::create(options);
  if (!context) return context.error();
  std::unique_ptr<Device> device(new Device());
  device->context_ = std::move(*context);
  device->allocator_ = std::make_unique<Allocator>(*device->context_);
  device->debug_.load(device->context_->instance(), device->context_->device());
  device->push_descriptor_fn_ = reinterpret_cast<PFN_vkCmdPushDescriptorSetKHR>(
      vkGetDeviceProcAddr(device->vk(), "vkCmdPushDescriptorSetKHR"));

  VkSemaphoreTypeCreateInfo type{VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO};
  type.semaphoreType = VK_SEMAPHORE_TYPE_TIMELINE;
  type.initialValue = 0;
  VkSemaphoreCreateInfo sem{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
  sem.pNext = &type;
  KAGAMI_VK(vkCreateSemaphore(device->vk(), &sem, nullptr, &device->timeline_));
  device->debug_.name(VK_OBJECT_TYPE_SEMAPHORE, device->timeline_, "frame timeline");

  VkCommandPoolCreateInfo pool{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT | VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pool.queueFamilyIndex = device->context_->queue_family();
  KAGAMI_VK(vkCreateCommandPool(device->vk(), &pool, nullptr, &device->oneoff_pool_));
  return device;
}

Device::~Device() {
  if (!context_) return;
  vkDeviceWaitIdle(vk());
  for (auto& r : retired_) r.destroy();
  retired_.clear();
  vkDestroyCommandPool(vk(), oneoff_pool_, nullptr);
  vkDestroySemaphore(vk(), timeline_, nullptr);
  allocator_.reset();
}

Buffer Device::create_buffer(const BufferDesc& desc) {
  Buffer buffer;
  buffer.size = desc.size;
  VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  info.size = desc.size;
  info.usage = desc.usage;
  info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  KAGAMI_VK(vkCreateBuffer(vk(), &info, nullptr, &buffer.handle));
  VkMemoryRequirements req;
  vkGetBufferMemoryRequirements(vk(), buffer.handle, &req);
  buffer.allocation = allocator_->allocate(req, desc.memory, ResourceKind::linear);
  KAGAMI_VK(vkBindBufferMemory(vk(), buffer.handle, buffer.allocation.memory, buffer.allocation.offset));
  if (desc.usage & VK_BUFFER_USAGE_SHADER_DEVICE_ADDRESS_BIT) {
    VkBufferDeviceAddressInfo address{VK_STRUCTURE_TYPE_BUFFER_DEVICE_ADDRESS_INFO};
    address.buffer = buffer.handle;
    buffer.address = vkGetBufferDeviceAddress(vk(), &address);
  }
  debug_.name(VK_OBJECT_TYPE_BUFFER, buffer.handle, desc.name.c_str());
  return buffer;
}

Image Device::create_image(const ImageDesc& desc) {
  Image image;
  image.desc = desc;
  image.aspect = aspect_of(desc.format);
  VkImageCreateInfo info = image_create_info(desc);
  KAGAMI_VK(vkCreateImage(vk(), &info, nullptr, &image.handle));
  VkMemoryRequirements req;
  vkGetImageMemoryRequirements(vk(), image.handle, &req);
  image.allocation = allocator_->allocate(req, MemoryUsage::gpu_only, ResourceKind::optimal);
  KAGAMI_VK(vkBindImageMemory(vk(), image.handle, image.allocation.memory, image.allocation.offset));
  debug_.name(VK_OBJECT_TYPE_IMAGE, image.handle, desc.name.c_str());
  image.view = create_view(image, 0, desc.mip_levels,
                           desc.array_layers > 1 ? VK_IMAGE_VIEW_TYPE_2D_ARRAY : VK_IMAGE_VIEW_TYPE_2D);
  return image;
}

VkImageView Device::create_view(const Image& image, std::uint32_t base_mip, std::uint32_t mip_count,
                                VkImageViewType type) {
  VkImageViewCreateInfo info{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
  info.image = image.handle;
  info.viewType = type;
  info.format = image.desc.format;
  info.subresourceRange = {image.aspect, base_mip, mip_count, 0, image.desc.array_layers};
  VkImageView view = VK_NULL_HANDLE;
  KAGAMI_VK(vkCreateImageView(vk(), &info, nullptr, &view));
  debug_.name(VK_OBJECT_TYPE_IMAGE_VIEW, view, image.desc.name.c_str());
  return view;
}

VkSampler Device::create_sampler(const VkSamplerCreateInfo& info, const char* name) {
  VkSampler sampler = VK_NULL_HANDLE;
  KAGAMI_VK(vkCreateSampler(vk(), &info, nullptr, &sampler));
  debug_.name(VK_OBJECT_TYPE_SAMPLER, sampler, name);
  return sampler;
}

void Device::retire(std::function<void()> destroy) { retired_.push_back({submitted_ + 1, std::move(destroy)}); }

void Device::retire(Buffer& buffer) {
  if (!buffer) return;
  retire([this, b = buffer] {
    vkDestroyBuffer(vk(), b.handle, nullptr);
    allocator_->free(b.allocation);
  });
  buffer = {};
}

void Device::retire(Image& image) {
  if (!image) return;
  retire([this, i = image] {
    vkDestroyImageView(vk(), i.view, nullptr);
    vkDestroyImage(vk(), i.handle, nullptr);
    allocator_->free(i.allocation);
  });
  image = {};
}

std::uint64_t Device::submit(const SubmitInfo& info) {
  VkCommandBufferSubmitInfo cmd{VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
  cmd.commandBuffer = info.commands;
  std::vector<VkSemaphoreSubmitInfo> signal(info.signal.begin(), info.signal.end());
  VkSemaphoreSubmitInfo timeline{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
  timeline.semaphore = timeline_;
  timeline.value = submitted_ + 1;
  timeline.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
  signal.push_back(timeline);

  VkSubmitInfo2 submit{VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
  submit.waitSemaphoreInfoCount = std::uint32_t(info.wait.size());
  submit.pWaitSemaphoreInfos = info.wait.data();
  submit.commandBufferInfoCount = info.commands ? 1 : 0;
  submit.pCommandBufferInfos = &cmd;
  submit.signalSemaphoreInfoCount = std::uint32_t(signal.size());
  submit.pSignalSemaphoreInfos = signal.data();
  KAGAMI_VK(vkQueueSubmit2(context_->queue(), 1, &submit, VK_NULL_HANDLE));
  return ++submitted_;
}

std::uint64_t Device::completed_value() const {
  std::uint64_t value = 0;
  KAGAMI_VK(vkGetSemaphoreCounterValue(vk(), timeline_, &value));
  return value;
}

void Device::wait_for(std::uint64_t value) const {
  VkSemaphoreWaitInfo info{VK_STRUCTURE_TYPE_SEMAPHORE_WAIT_INFO};
  info.semaphoreCount = 1;
  info.pSemaphores = &timeline_;
  info.pValues = &value;
  KAGAMI_VK(vkWaitSemaphores(vk(), &info, UINT64_MAX));
}

void Device::collect() {
  std::uint64_t done = completed_value();
  // Entries are appended in non-decreasing value order, so the finished ones form a prefix.
  std::size_t n = 0;
  while (n < retired_.size() && retired_[n].value <= done) retired_[n++].destroy();
  retired_.erase(retired_.begin(), retired_.begin() + std::ptrdiff_t(n));
}

void Device::wait_idle() {
  wait_for(submitted_);
  // Objects retired after the last submit were never used by the GPU since.
  for (auto& r : retired_) r.destroy();
  retired_.clear();
}

void Device::push_descriptors(VkCommandBuffer cmd, VkPipelineBindPoint bind_point, VkPipelineLayout layout,
                              std::uint32_t set, std::span<const VkWriteDescriptorSet> writes) const {
  push_descriptor_fn_(cmd, bind_point, layout, set, std::uint32_t(writes.size()), writes.data());
}

void Device::run_now(const std::function<void(VkCommandBuffer)>& record) {
  VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  alloc.commandPool = oneoff_pool_;
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 1;
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  KAGAMI_VK(vkAllocateCommandBuffers(vk(), &alloc, &cmd));
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  KAGAMI_VK(vkBeginCommandBuffer(cmd, &begin));
  record(cmd);
  KAGAMI_VK(vkEndCommandBuffer(cmd));
  wait_for(submit({cmd, {}, {}}));
  vkFreeCommandBuffers(vk(), oneoff_pool_, 1, &cmd);
  collect();
}

}  // namespace kagami::gpu
