#include "kagami/render/snow_stage.h"

#include <cstring>

#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/render/particle_shader_types.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {
namespace {

struct StagePush {
  glm::vec4 sphere;
  glm::vec4 cover;
  glm::vec4 ground;
};

constexpr std::uint32_t kSphereVertices = 48 * 24 * 6;  // snow_stage.vert: kSlices * kStacks quads

}  // namespace

Result<std::unique_ptr<SnowStage>> SnowStage::create(gpu::Device& device, VkFormat color_format) {
  std::unique_ptr<SnowStage> s(new SnowStage(device));
  s->set_layout_ = gpu::create_set_layout(
      device, {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT}},
      /*push=*/true, "snow stage set");
  s->layout_ = gpu::create_pipeline_layout(
      device,
      {{s->set_layout_}, {{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(StagePush)}}},
      "snow stage layout");
  gpu::GraphicsPipelineDesc desc;
  desc.name = "snow stage";
  desc.vertex_shader = shader_path("snow_stage.vert");
  desc.fragment_shader = shader_path("snow_stage.frag");
  desc.layout = s->layout_;
  desc.cull = VK_CULL_MODE_NONE;
  desc.color_formats = {color_format};
  desc.depth_format = kDepthFormat;
  auto pipeline = gpu::create_graphics_pipeline(device, desc);
  if (!pipeline) return pipeline.error();
  s->pipeline_ = *pipeline;
  for (auto& ubo : s->uniforms_)
    ubo = device.create_buffer({sizeof(shader::ParticleDrawUniforms), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                gpu::MemoryUsage::upload, "snow stage uniforms"});
  return s;
}

SnowStage::~SnowStage() {
  gpu::retire(device_, {{pipeline_}, layout_, set_layout_});
  for (auto& ubo : uniforms_) device_.retire(ubo);
}

StageTargets SnowStage::add_pass(FrameGraph& frame, std::uint32_t slot, const SnowStageSettings& settings,
                                 const ParticleLook& lighting, const Camera& camera, graph::TextureHandle color,
                                 VkExtent2D extent) {
  shader::ParticleDrawUniforms u;
  fill_particle_uniforms(lighting, camera, extent, u);
  std::memcpy(uniforms_.at(slot).mapped(), &u, sizeof u);
  VkBuffer ubo = uniforms_[slot].handle;
  StagePush push{glm::vec4(settings.sphere_center, settings.sphere_radius),
                 glm::vec4(settings.snow_amount, settings.height_range, settings.ground_half_size),
                 glm::vec4(settings.ground_height, 0.0f, 0.0f, 0.0f)};
  StageTargets out;
  frame.add_pass(
      "snow stage", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        graph::TextureDesc depth{kDepthFormat, extent.width, extent.height};
        depth.clear = graph::ClearValue::depth_stencil(0.0f);  // reverse-Z: far is 0
        out.depth = pass.write(pass.create_texture("stage depth", depth), graph::Usage::depth_attachment);
        out.color = pass.write(color, graph::Usage::color_attachment);
      },
      [this, ubo, push](PassContext& ctx) {
        VkViewport viewport{0.0f, 0.0f, float(ctx.extent.width), float(ctx.extent.height), 0.0f, 1.0f};
        VkRect2D scissor{{0, 0}, ctx.extent};
        vkCmdSetViewport(ctx.cmd, 0, 1, &viewport);
        vkCmdSetScissor(ctx.cmd, 0, 1, &scissor);
        vkCmdBindPipeline(ctx.cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
        VkDescriptorBufferInfo info{ubo, 0, sizeof(shader::ParticleDrawUniforms)};
        const VkWriteDescriptorSet write = gpu::storage_buffer_write(0, &info);
        device_.push_descriptors(ctx.cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, {&write, 1});
        vkCmdPushConstants(ctx.cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                           sizeof push, &push);
        vkCmdDraw(ctx.cmd, 6 + kSphereVertices, 1, 0, 0);
      });
  return out;
}

}  // namespace kagami::render
