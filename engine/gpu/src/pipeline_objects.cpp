#include "kagami/gpu/pipeline_objects.h"

#include "kagami/gpu/device.h"

namespace kagami::gpu {

void retire(Device& device, PipelineObjects objects) {
  device.retire([vk = device.vk(), objects = std::move(objects)] {
    for (VkPipeline pipeline : objects.pipelines) vkDestroyPipeline(vk, pipeline, nullptr);
    vkDestroyPipelineLayout(vk, objects.layout, nullptr);
    vkDestroyDescriptorSetLayout(vk, objects.set_layout, nullptr);
    for (VkSampler sampler : objects.samplers) vkDestroySampler(vk, sampler, nullptr);
  });
}

}  // namespace kagami::gpu
