#pragma once
// gpu::Device: the context plus the allocator, object creation, one timeline
// of submissions, and the deferred-destruction queue. One lifetime model for
// every GPU object: `retire(x)` destroys x once all work submitted so far has
// finished on the GPU.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "kagami/gpu/allocator.h"
#include "kagami/gpu/context.h"
#include "kagami/gpu/debug.h"
#include "kagami/gpu/resources.h"

namespace kagami::gpu {

struct SubmitInfo {
  VkCommandBuffer commands = VK_NULL_HANDLE;
  std::span<const VkSemaphoreSubmitInfo> wait;    // binary semaphores (e.g. swapchain acquire)
  std::span<const VkSemaphoreSubmitInfo> signal;  // binary semaphores (e.g. present)
};

class Device {
 public:
  static Result<std::unique_ptr<Device>> create(const ContextOptions& options);
  ~Device();
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;

  Context& context() { return *context_; }
  const Context& context() const { return *context_; }
  VkDevice vk() const { return context_->device(); }
  Allocator& allocator() { return *allocator_; }
  const DebugUtils& debug() const { return debug_; }

  Buffer create_buffer(const BufferDesc& desc);
  Image create_image(const ImageDesc& desc);
  VkImageView create_view(const Image& image, std::uint32_t base_mip, std::uint32_t mip_count,
                          VkImageViewType type = VK_IMAGE_VIEW_TYPE_2D);
  VkSampler create_sampler(const VkSamplerCreateInfo& info, const char* name);

  // Deferred destruction: the object is destroyed once the GPU has finished
  // everything submitted up to and including the next submit.
  void retire(Buffer& buffer);
  void retire(Image& image);
  void retire(std::function<void()> destroy);

  // Submits to the one queue and signals the timeline; returns the value that
  // marks this submission's completion.
  std::uint64_t submit(const SubmitInfo& info);
  std::uint64_t last_submitted() const { return submitted_; }
  std::uint64_t completed_value() const;
  void wait_for(std::uint64_t value) const;
  // Runs destructors for retired objects whose work has completed.
  void collect();
  void wait_idle();

  // vkCmdPushDescriptorSetKHR (VK_KHR_push_descriptor), loaded at creation.
  void push_descriptors(VkCommandBuffer cmd, VkPipelineBindPoint bind_point, VkPipelineLayout layout,
                        std::uint32_t set, std::span<const VkWriteDescriptorSet> writes) const;

  // Records with `record` into a one-off command buffer, submits and waits.
  // For loading and tests; frames use their own command buffers.
  void run_now(const std::function<void(VkCommandBuffer)>& record);

 private:
  Device() = default;
  struct Retired {
    std::uint64_t value;
    std::function<void()> destroy;
  };
  std::unique_ptr<Context> context_;
  std::unique_ptr<Allocator> allocator_;
  DebugUtils debug_;
  VkSemaphore timeline_ = VK_NULL_HANDLE;
  std::uint64_t submitted_ = 0;
  std::vector<Retired> retired_;
  VkCommandPool oneoff_pool_ = VK_NULL_HANDLE;
  PFN_vkCmdPushDescriptorSetKHR push_descriptor_fn_ = nullptr;
};

}  // namespace kagami::gpu
