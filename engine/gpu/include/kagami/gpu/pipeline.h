#pragma once
// Shader modules, pipeline layouts and graphics/compute pipelines (dynamic
// rendering: pipelines name attachment formats, never a VkRenderPass).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include "kagami/core/result.h"

namespace kagami::gpu {

class Device;

Result<std::vector<std::uint32_t>> load_spirv(const std::filesystem::path& path);

enum class BlendMode { opaque, alpha, additive };

struct DescriptorBinding {
  std::uint32_t binding;
  VkDescriptorType type;
  VkShaderStageFlags stages;
  std::uint32_t count = 1;
};

// push = true makes a layout for vkCmdPushDescriptorSetKHR (no pools, no sets to manage).
VkDescriptorSetLayout create_set_layout(Device& device, const std::vector<DescriptorBinding>& bindings, bool push,
                                        const char* name);

struct PipelineLayoutDesc {
  std::vector<VkDescriptorSetLayout> sets;
  std::vector<VkPushConstantRange> push_constants;
};
VkPipelineLayout create_pipeline_layout(Device& device, const PipelineLayoutDesc& desc, const char* name);

struct GraphicsPipelineDesc {
  std::string name;
  std::filesystem::path vertex_shader;    // .spv
  std::filesystem::path fragment_shader;  // .spv; empty for depth-only
  VkPipelineLayout layout = VK_NULL_HANDLE;
  std::vector<VkVertexInputBindingDescription> vertex_bindings;
  std::vector<VkVertexInputAttributeDescription> vertex_attributes;
  VkPrimitiveTopology topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
  VkCullModeFlags cull = VK_CULL_MODE_BACK_BIT;
  VkFrontFace front_face = VK_FRONT_FACE_COUNTER_CLOCKWISE;
  std::vector<VkFormat> color_formats;
  VkFormat depth_format = VK_FORMAT_UNDEFINED;
  bool depth_test = true;
  bool depth_write = true;
  VkCompareOp depth_compare = VK_COMPARE_OP_GREATER;  // reverse-Z: near = 1, far = 0
  BlendMode blend = BlendMode::opaque;
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
};

struct ComputePipelineDesc {
  std::string name;
  std::filesystem::path shader;
  VkPipelineLayout layout = VK_NULL_HANDLE;
};

// Errors (a missing or corrupt .spv) come back as Result; Vulkan failures throw.
Result<VkPipeline> create_graphics_pipeline(Device& device, const GraphicsPipelineDesc& desc);
Result<VkPipeline> create_compute_pipeline(Device& device, const ComputePipelineDesc& desc);

}  // namespace kagami::gpu
