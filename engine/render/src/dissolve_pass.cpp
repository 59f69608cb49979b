#include "kagami/render/dissolve_pass.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>

#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/gpu/upload.h"
#include "kagami/render/particle_shader_types.h"
#include "kagami/render/shader_paths.h"
#include "kagami/render/shader_types.h"

namespace kagami::render {

Result<void> set_dissolve_parameter(DissolveSettings& settings, std::string_view name, std::span<const float> values) {
  const std::size_t want = name == "dissolve.edge_color" ? 3 : 1;
  if (values.size() != want)
    return make_error("dissolve parameter '", name, "' takes ", want, want == 1 ? " value" : " values", ", got ",
                      values.size());
  for (float v : values)
    if (!std::isfinite(v)) return make_error("dissolve parameter '", name, "' got a value that is not finite");
  if (name == "dissolve.progress") settings.progress = std::clamp(values[0], 0.0f, 1.0f);
  else if (name == "dissolve.edge_width") settings.edge_width = std::clamp(values[0], 1e-3f, 1.0f);
  else if (name == "dissolve.noise_scale") settings.noise_scale = std::max(values[0], 0.0f);
  else if (name == "dissolve.edge_color") settings.edge_color = {values[0], values[1], values[2]};
  else
    return make_error("unknown dissolve parameter '", name,
                      "' (known: dissolve.progress, dissolve.edge_width, dissolve.edge_color, dissolve.noise_scale)");
  return {};
}

glm::vec4 dissolve_vector(const DissolveSettings& s) {
  return {s.progress, s.edge_width, s.noise_scale, float(s.seed & 0xFFFFFFu)};
}

Result<std::unique_ptr<DissolvePass>> DissolvePass::create(gpu::Device& device, VkFormat color_format,
                                                           VkFormat depth_format) {
  std::unique_ptr<DissolvePass> d(new DissolvePass(device));
  d->set_layout_ = gpu::create_set_layout(
      device,
      {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT},
       {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT}},
      /*push=*/true, "dissolve set");
  d->layout_ = gpu::create_pipeline_layout(
      device,
      {{d->set_layout_},
       {{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(shader::DissolvePush)}}},
      "dissolve layout");
  gpu::GraphicsPipelineDesc desc;
  desc.name = "dissolve";
  desc.vertex_shader = shader_path("dissolve.vert");
  desc.fragment_shader = shader_path("dissolve.frag");
  desc.layout = d->layout_;
  desc.vertex_bindings = {{0, sizeof(shader::MeshVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
  desc.vertex_attributes = {
      {0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(shader::MeshVertex, position)},
      {1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(shader::MeshVertex, normal)},
      {2, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(shader::MeshVertex, uv)},
  };
  desc.cull = VK_CULL_MODE_NONE;  // the inside of a shell shows through its holes
  desc.color_formats = {color_format};
  desc.depth_format = depth_format;
  auto pipeline = gpu::create_graphics_pipeline(device, desc);
  if (!pipeline) return pipeline.error();
  d->pipeline_ = *pipeline;
  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = sampler.minFilter = VK_FILTER_LINEAR;
  sampler.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
  sampler.maxLod = VK_LOD_CLAMP_NONE;
  d->sampler_ = device.create_sampler(sampler, "dissolve sampler");
  const std::array<std::uint8_t, 4> white = {255, 255, 255, 255};
  d->white_ = gpu::upload_texture_rgba8(device, 1, 1, white, true, "dissolve white");
  for (auto& ubo : d->uniforms_)
    ubo = device.create_buffer({sizeof(shader::ParticleDrawUniforms), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                gpu::MemoryUsage::upload, "dissolve uniforms"});
  return d;
}

DissolvePass::~DissolvePass() {
  gpu::retire(device_, {{pipeline_}, layout_, set_layout_, {sampler_}});
  device_.retire(white_);
  for (auto& ubo : uniforms_) device_.retire(ubo);
}

StageTargets DissolvePass::add_pass(FrameGraph& frame, std::uint32_t slot, std::span<const DrawItem> draws,
                                    const DissolveSettings& settings, const ParticleLook& lighting,
                                    const Camera& camera, StageTargets targets, VkExtent2D extent) {
  shader::ParticleDrawUniforms u;
  fill_particle_uniforms(lighting, camera, extent, u);
  std::memcpy(uniforms_.at(slot).mapped(), &u, sizeof u);
  VkBuffer ubo = uniforms_[slot].handle;
  const glm::vec4 dissolve = dissolve_vector(settings);
  const glm::vec4 edge(settings.edge_color, 0.0f);
  frame.add_pass(
      "dissolve", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        targets.depth = pass.write(targets.depth, graph::Usage::depth_attachment);
        targets.color = pass.write(targets.color, graph::Usage::color_attachment);
      },
      [this, ubo, draws, dissolve, edge](PassContext& ctx) {
        VkViewport viewport{0.0f, 0.0f, float(ctx.extent.width), float(ctx.extent.height), 0.0f, 1.0f};
        VkRect2D scissor{{0, 0}, ctx.extent};
        vkCmdSetViewport(ctx.cmd, 0, 1, &viewport);
        vkCmdSetScissor(ctx.cmd, 0, 1, &scissor);
        vkCmdBindPipeline(ctx.cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
        VkDescriptorBufferInfo view_info{ubo, 0, sizeof(shader::ParticleDrawUniforms)};
        for (const DrawItem& draw : draws) {
          const VkImageView base_color = draw.textures[std::size_t(TextureSlot::base_color)];
          VkDescriptorImageInfo image_info{sampler_, base_color ? base_color : white_.view,
                                           VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
          const std::array<VkWriteDescriptorSet, 2> writes = {gpu::storage_buffer_write(0, &view_info),
                                                              gpu::image_write(1, &image_info)};
          device_.push_descriptors(ctx.cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, writes);
          shader::DissolvePush push{draw.world, draw.material.base_color_factor, dissolve, edge};
          vkCmdPushConstants(ctx.cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                             sizeof push, &push);
          VkDeviceSize offset = 0;
          vkCmdBindVertexBuffers(ctx.cmd, 0, 1, &draw.mesh->vertices.handle, &offset);
          vkCmdBindIndexBuffer(ctx.cmd, draw.mesh->indices.handle, 0, VK_INDEX_TYPE_UINT32);
          vkCmdDrawIndexed(ctx.cmd, draw.mesh->index_count, 1, 0, 0, 0);
        }
      });
  return targets;
}

}  // namespace kagami::render
