#include "kagami/gpu/pipeline.h"

#include <cstring>

#include "kagami/core/file_io.h"
#include "kagami/gpu/check.h"
#include "kagami/gpu/device.h"

namespace kagami::gpu {

Result<std::vector<std::uint32_t>> load_spirv(const std::filesystem::path& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return make_error("shader ", bytes.error().message);
  if (bytes->size() < 20 || bytes->size() % 4 != 0)
    return make_error(path.string(), ": not a SPIR-V module (size ", bytes->size(), ")");
  std::vector<std::uint32_t> words(bytes->size() / 4);
  std::memcpy(words.data(), bytes->data(), bytes->size());
  if (words[0] != 0x07230203u) return make_error(path.string(), ": not a SPIR-V module (bad magic number)");
  return words;
}

namespace {

Result<VkShaderModule> create_module(Device& device, const std::filesystem::path& path) {
  auto code = load_spirv(path);
  if (!code) return code.error();
  VkShaderModuleCreateInfo info{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
  info.codeSize = code->size() * 4;
  info.pCode = code->data();
  VkShaderModule module = VK_NULL_HANDLE;
  KAGAMI_VK(vkCreateShaderModule(device.vk(), &info, nullptr, &module));
  device.debug().name(VK_OBJECT_TYPE_SHADER_MODULE, module, path.filename().c_str());
  return module;
}

VkPipelineShaderStageCreateInfo stage(VkShaderStageFlagBits bit, VkShaderModule module) {
  VkPipelineShaderStageCreateInfo s{VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
  s.stage = bit;
  s.module = module;
  s.pName = "main";
  return s;
}

}  // namespace

VkDescriptorSetLayout create_set_layout(Device& device, const std::vector<DescriptorBinding>& bindings, bool push,
                                        const char* name) {
  std::vector<VkDescriptorSetLayoutBinding> vk_bindings;
  for (auto& b : bindings) vk_bindings.push_back({b.binding, b.type, b.count, b.stages, nullptr});
  VkDescriptorSetLayoutCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  info.flags = push ? VK_DESCRIPTOR_SET_LAYOUT_CREATE_PUSH_DESCRIPTOR_BIT_KHR : 0;
  info.bindingCount = std::uint32_t(vk_bindings.size());
  info.pBindings = vk_bindings.data();
  VkDescriptorSetLayout layout = VK_NULL_HANDLE;
  KAGAMI_VK(vkCreateDescriptorSetLayout(device.vk(), &info, nullptr, &layout));
  device.debug().name(VK_OBJECT_TYPE_DESCRIPTOR_SET_LAYOUT, layout, name);
  return layout;
}

VkPipelineLayout create_pipeline_layout(Device& device, const PipelineLayoutDesc& desc, const char* name) {
  VkPipelineLayoutCreateInfo info{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  info.setLayoutCount = std::uint32_t(desc.sets.size());
  info.pSetLayouts = desc.sets.data();
  info.pushConstantRangeCount = std::uint32_t(desc.push_constants.size());
  info.pPushConstantRanges = desc.push_constants.data();
  VkPipelineLayout layout = VK_NULL_HANDLE;
  KAGAMI_VK(vkCreatePipelineLayout(device.vk(), &info, nullptr, &layout));
  device.debug().name(VK_OBJECT_TYPE_PIPELINE_LAYOUT, layout, name);
  return layout;
}

Result<VkPipeline> create_graphics_pipeline(Device& device, const GraphicsPipelineDesc& desc) {
  auto vs = create_module(device, desc.vertex_shader);
  if (!vs) return vs.error();
  std::vector<VkPipelineShaderStageCreateInfo> stages = {stage(VK_SHADER_STAGE_VERTEX_BIT, *vs)};
  VkShaderModule fs_module = VK_NULL_HANDLE;
  if (!desc.fragment_shader.empty()) {
    auto fs = create_module(device, desc.fragment_shader);
    if (!fs) {
      vkDestroyShaderModule(device.vk(), *vs, nullptr);
      return fs.error();
    }
    fs_module = *fs;
    stages.push_back(stage(VK_SHADER_STAGE_FRAGMENT_BIT, fs_module));
  }

  VkPipelineVertexInputStateCreateInfo vertex_input{VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO};
  vertex_input.vertexBindingDescriptionCount = std::uint32_t(desc.vertex_bindings.size());
  vertex_input.pVertexBindingDescriptions = desc.vertex_bindings.data();
  vertex_input.vertexAttributeDescriptionCount = std::uint32_t(desc.vertex_attributes.size());
  vertex_input.pVertexAttributeDescriptions = desc.vertex_attributes.data();

  VkPipelineInputAssemblyStateCreateInfo assembly{VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO};
  assembly.topology = desc.topology;

  VkPipelineViewportStateCreateInfo viewport{VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO};
  viewport.viewportCount = 1;
  viewport.scissorCount = 1;

  VkPipelineRasterizationStateCreateInfo raster{VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO};
  raster.polygonMode = VK_POLYGON_MODE_FILL;
  raster.cullMode = desc.cull;
  raster.frontFace = desc.front_face;
  raster.lineWidth = 1.0f;

  VkPipelineMultisampleStateCreateInfo multisample{VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO};
  multisample.rasterizationSamples = desc.samples;

  VkPipelineDepthStencilStateCreateInfo depth{VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO};
  depth.depthTestEnable = desc.depth_test;
  depth.depthWriteEnable = desc.depth_write;
  depth.depthCompareOp = desc.depth_compare;

  std::vector<VkPipelineColorBlendAttachmentState> blends(desc.color_formats.size());
  for (auto& b : blends) {
    b.colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT |
                       VK_COLOR_COMPONENT_A_BIT;
    if (desc.blend == BlendMode::opaque) continue;
    b.blendEnable = VK_TRUE;
    b.srcColorBlendFactor = desc.blend == BlendMode::alpha ? VK_BLEND_FACTOR_SRC_ALPHA : VK_BLEND_FACTOR_ONE;
    b.dstColorBlendFactor = desc.blend == BlendMode::alpha ? VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA : VK_BLEND_FACTOR_ONE;
    b.colorBlendOp = VK_BLEND_OP_ADD;
    b.srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE;
    b.dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    b.alphaBlendOp = VK_BLEND_OP_ADD;
  }
  VkPipelineColorBlendStateCreateInfo blend{VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
  blend.attachmentCount = std::uint32_t(blends.size());
  blend.pAttachments = blends.data();

  VkDynamicState dynamic_states[] = {VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
  VkPipelineDynamicStateCreateInfo dynamic{VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO};
  dynamic.dynamicStateCount = 2;
  dynamic.pDynamicStates = dynamic_states;

  VkPipelineRenderingCreateInfo rendering{VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO};
  rendering.colorAttachmentCount = std::uint32_t(desc.color_formats.size());
  rendering.pColorAttachmentFormats = desc.color_formats.data();
  rendering.depthAttachmentFormat = desc.depth_format;

  VkGraphicsPipelineCreateInfo info{VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO};
  info.pNext = &rendering;
  info.stageCount = std::uint32_t(stages.size());
  info.pStages = stages.data();
  info.pVertexInputState = &vertex_input;
  info.pInputAssemblyState = &assembly;
  info.pViewportState = &viewport;
  info.pRasterizationState = &raster;
  info.pMultisampleState = &multisample;
  info.pDepthStencilState = &depth;
  info.pColorBlendState = &blend;
  info.pDynamicState = &dynamic;
  info.layout = desc.layout;
  VkPipeline pipeline = VK_NULL_HANDLE;
  VkResult result = vkCreateGraphicsPipelines(device.vk(), VK_NULL_HANDLE, 1, &info, nullptr, &pipeline);
  vkDestroyShaderModule(device.vk(), *vs, nullptr);
  if (fs_module) vkDestroyShaderModule(device.vk(), fs_module, nullptr);
  KAGAMI_VK(result);
  device.debug().name(VK_OBJECT_TYPE_PIPELINE, pipeline, desc.name.c_str());
  return pipeline;
}

Result<VkPipeline> create_compute_pipeline(Device& device, const ComputePipelineDesc& desc) {
  auto cs = create_module(device, desc.shader);
  if (!cs) return cs.error();
  VkComputePipelineCreateInfo info{VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
  info.stage = stage(VK_SHADER_STAGE_COMPUTE_BIT, *cs);
  info.layout = desc.layout;
  VkPipeline pipeline = VK_NULL_HANDLE;
  VkResult result = vkCreateComputePipelines(device.vk(), VK_NULL_HANDLE, 1, &info, nullptr, &pipeline);
  vkDestroyShaderModule(device.vk(), *cs, nullptr);
  KAGAMI_VK(result);
  device.debug().name(VK_OBJECT_TYPE_PIPELINE, pipeline, desc.name.c_str());
  return pipeline;
}

}  // namespace kagami::gpu
