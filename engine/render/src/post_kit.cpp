#include "kagami/render/post_kit.h"

#include <array>

#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/graph/usage.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {

Result<std::unique_ptr<PostKit>> PostKit::create(gpu::Device& device) {
  std::unique_ptr<PostKit> kit(new PostKit(device));
  kit->set_layout_ = gpu::create_set_layout(
      device,
      {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_FRAGMENT_BIT},
       {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT},
       {2, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT}},
      /*push=*/true, "post set");
  kit->layout_ = gpu::create_pipeline_layout(
      device, {{kit->set_layout_}, {{VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(shader::PostPush)}}}, "post layout");
  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = sampler.minFilter = VK_FILTER_LINEAR;
  sampler.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  kit->linear_ = device.create_sampler(sampler, "post linear");
  sampler.magFilter = sampler.minFilter = VK_FILTER_NEAREST;
  kit->nearest_ = device.create_sampler(sampler, "post nearest");
  // As the shadow pass samples its maps (standard depth, 0 nearest the light).
  sampler.magFilter = sampler.minFilter = VK_FILTER_LINEAR;
  sampler.compareEnable = VK_TRUE;
  sampler.compareOp = VK_COMPARE_OP_LESS_OR_EQUAL;
  kit->compare_ = device.create_sampler(sampler, "post shadow compare");
  return kit;
}

PostKit::~PostKit() {
  gpu::retire(device_, {pipelines_, layout_, set_layout_, {linear_, nearest_, compare_}});
}

Result<VkPipeline> PostKit::pipeline(std::string_view shader, VkFormat color, gpu::BlendMode blend, bool sky_depth) {
  gpu::GraphicsPipelineDesc desc;
  desc.name = std::string(shader);
  desc.vertex_shader = shader_path("fullscreen.vert");
  desc.fragment_shader = shader_path(shader);
  desc.layout = layout_;
  desc.cull = VK_CULL_MODE_NONE;
  desc.color_formats = {color};
  desc.blend = blend;
  desc.depth_write = false;
  desc.depth_test = sky_depth;
  desc.depth_compare = VK_COMPARE_OP_EQUAL;  // fullscreen.vert puts the triangle at depth 0: the far plane
  if (sky_depth) desc.depth_format = ForwardRenderer::kDepthFormat;
  auto created = gpu::create_graphics_pipeline(device_, desc);
  if (!created) return created.error();
  pipelines_.push_back(*created);
  return *created;
}

void PostKit::draw(VkCommandBuffer cmd, VkPipeline pipeline, VkExtent2D extent, VkBuffer uniforms,
                   std::initializer_list<PostInput> inputs, const glm::vec4& push) const {
  VkViewport viewport{0.0f, 0.0f, float(extent.width), float(extent.height), 0.0f, 1.0f};
  VkRect2D scissor{{0, 0}, extent};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);

  VkDescriptorBufferInfo buffer{uniforms, 0, sizeof(shader::PostUniforms)};
  std::array<VkDescriptorImageInfo, 2> images{};
  std::array<VkWriteDescriptorSet, 3> writes{};
  writes[0] = gpu::storage_buffer_write(0, &buffer);
  std::uint32_t count = 1;
  for (const PostInput& input : inputs) {
    const VkSampler sampler = input.compare ? compare_ : (input.filtered ? linear_ : nearest_);
    images.at(count - 1) = {sampler, input.view, input.layout};
    writes[count] = gpu::image_write(count, &images[count - 1]);
    ++count;
  }
  device_.push_descriptors(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, std::span(writes.data(), count));
  shader::PostPush constants{push};
  vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof constants, &constants);
  vkCmdDraw(cmd, 3, 1, 0, 0);
}

VkImageLayout sampled_layout(VkFormat format) {
  return graph::usage_access(graph::Usage::sampled, graph::QueueKind::raster, graph::ResourceKind::texture, format)
      .layout;
}

}  // namespace kagami::render
