#pragma once
// What a pass owns beside its buffers and images: pipelines, their layout, the
// descriptor set layout and samplers. Passes hand them to the device's
// deferred destruction in one call, so no frame still in flight loses them.
#include <vector>

#include <vulkan/vulkan.h>

namespace kagami::gpu {

class Device;

struct PipelineObjects {
  std::vector<VkPipeline> pipelines;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  VkDescriptorSetLayout set_layout = VK_NULL_HANDLE;
  std::vector<VkSampler> samplers;
};

// Destroys them once the frames now in flight are done (null handles are skipped).
void retire(Device& device, PipelineObjects objects);

}  // namespace kagami::gpu
