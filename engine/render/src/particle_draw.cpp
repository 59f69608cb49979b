#include "kagami/render/particle_draw.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/render/particle_shader_types.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {

Result<std::unique_ptr<ParticleDraw>> ParticleDraw::create(gpu::Device& device, VkFormat color_format,
                                                           VkFormat depth_format, Blend blend) {
  std::unique_ptr<ParticleDraw> d(new ParticleDraw(device));
  // One layout for both passes: the lighting writes binding 2, the draw reads it.
  constexpr VkShaderStageFlags kAll =
      VK_SHADER_STAGE_COMPUTE_BIT | VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
  d->set_layout_ = gpu::create_set_layout(device,
                                          {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kAll},
                                           {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kAll},
                                           {2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kAll}},
                                          /*push=*/true, "particle draw set");
  d->layout_ = gpu::create_pipeline_layout(
      device, {{d->set_layout_}, {{VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(std::uint32_t)}}}, "particle draw layout");
  auto light = gpu::create_compute_pipeline(device, {"particle lighting", shader_path("particle_light.comp"), d->layout_});
  if (!light) return light.error();
  d->light_ = *light;
  gpu::GraphicsPipelineDesc desc;
  desc.name = blend == Blend::alpha ? "particles (alpha)" : "particles (additive)";
  desc.vertex_shader = shader_path("particle_draw.vert");
  desc.fragment_shader = shader_path("particle_draw.frag");
  desc.layout = d->layout_;
  desc.cull = VK_CULL_MODE_NONE;
  desc.color_formats = {color_format};
  desc.depth_format = depth_format;
  desc.depth_write = false;  // translucent: tested against the scene, never occluding each other
  desc.blend = blend == Blend::alpha ? gpu::BlendMode::alpha : gpu::BlendMode::additive;
  auto pipeline = gpu::create_graphics_pipeline(device, desc);
  if (!pipeline) return pipeline.error();
  d->pipeline_ = *pipeline;
  for (auto& ubo : d->uniforms_)
    ubo = device.create_buffer({sizeof(shader::ParticleDrawUniforms), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                gpu::MemoryUsage::upload, "particle draw uniforms"});
  return d;
}

ParticleDraw::~ParticleDraw() {
  gpu::retire(device_, {{pipeline_, light_}, layout_, set_layout_});
  for (auto& ubo : uniforms_) device_.retire(ubo);
}

void fill_particle_uniforms(const ParticleLook& look, const Camera& camera, VkExtent2D extent,
                            shader::ParticleDrawUniforms& u) {
  u = {};
  u.view_proj = camera.view_projection(float(extent.width) / float(extent.height));
  u.camera_position = glm::vec4(camera.position, look.streak_seconds);
  u.ambient = glm::vec4(look.ambient, look.opacity);
  u.emissive = glm::vec4(look.emissive, 0.0f);
  const std::size_t lights = std::min<std::size_t>(look.lights.size(), KAGAMI_MAX_PARTICLE_LIGHTS);
  u.params = glm::vec4(float(lights), look.size_scale, look.fade_seconds, look.glow ? 1.0f : 0.0f);
  for (std::size_t i = 0; i < lights; ++i) {
    const ParticleLightDesc& l = look.lights[i];
    shader::ParticleLight& out = u.lights[i];
    out.position_range = glm::vec4(l.position, l.range);
    out.color = glm::vec4(l.color * l.intensity, 0.0f);
    const bool spot = l.outer_angle > 0.0f;
    out.direction_cos_outer = glm::vec4(glm::normalize(l.direction), spot ? std::cos(l.outer_angle) : -2.0f);
    out.cone = glm::vec4(std::cos(std::min(l.inner_angle, l.outer_angle)), 0.0f, 0.0f, 0.0f);
  }
}

void ParticleDraw::bind(PassContext& ctx, VkPipelineBindPoint point, VkBuffer uniforms,
                        graph::BufferHandle particles) const {
  const VkDescriptorBufferInfo infos[3] = {{uniforms, 0, sizeof(shader::ParticleDrawUniforms)},
                                           {ctx.buffer(particles), 0, VK_WHOLE_SIZE},
                                           {ctx.buffer(light_buffer_), 0, VK_WHOLE_SIZE}};
  const std::array<VkWriteDescriptorSet, 3> writes = {gpu::storage_buffer_write(0, &infos[0]),
                                                      gpu::storage_buffer_write(1, &infos[1]),
                                                      gpu::storage_buffer_write(2, &infos[2])};
  device_.push_descriptors(ctx.cmd, point, layout_, 0, writes);
}

graph::TextureHandle ParticleDraw::add_pass(FrameGraph& frame, std::string_view name, std::uint32_t slot,
                                            graph::BufferHandle particles, std::uint32_t count,
                                            const ParticleLook& look, const Camera& camera,
                                            graph::TextureHandle color, graph::TextureHandle depth,
                                            VkExtent2D extent) {
  shader::ParticleDrawUniforms u;
  fill_particle_uniforms(look, camera, extent, u);
  std::memcpy(uniforms_.at(slot).mapped(), &u, sizeof u);
  VkBuffer ubo = uniforms_[slot].handle;
  frame.add_pass(
      std::string(name) + " lighting", graph::QueueKind::compute,
      [&](graph::PassBuilder& pass) {
        pass.read(particles, graph::Usage::storage_read);
        light_buffer_ = pass.write(
            pass.create_buffer("particle light", {std::max<VkDeviceSize>(count, 1) * sizeof(glm::vec4)}),
            graph::Usage::storage_write);
      },
      // light_buffer_ is read when the pass records: setup has filled it by then.
      [this, ubo, particles, count](PassContext& ctx) {
        if (count == 0) return;
        vkCmdBindPipeline(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, light_);
        bind(ctx, VK_PIPELINE_BIND_POINT_COMPUTE, ubo, particles);
        vkCmdPushConstants(ctx.cmd, layout_, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof count, &count);
        vkCmdDispatch(ctx.cmd, (count + KAGAMI_PARTICLE_GROUP - 1) / KAGAMI_PARTICLE_GROUP, 1, 1);
      });
  frame.add_pass(
      name, graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        pass.read(particles, graph::Usage::storage_read, VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT);
        pass.read(light_buffer_, graph::Usage::storage_read, VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT);
        pass.read(depth, graph::Usage::depth_read_only);
        color = pass.write(color, graph::Usage::color_attachment);
      },
      // light_buffer_ is read when the pass records: setup has filled it by then.
      [this, ubo, particles, count](PassContext& ctx) {
        if (count == 0) return;
        VkViewport viewport{0.0f, 0.0f, float(ctx.extent.width), float(ctx.extent.height), 0.0f, 1.0f};
        VkRect2D scissor{{0, 0}, ctx.extent};
        vkCmdSetViewport(ctx.cmd, 0, 1, &viewport);
        vkCmdSetScissor(ctx.cmd, 0, 1, &scissor);
        vkCmdBindPipeline(ctx.cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
        bind(ctx, VK_PIPELINE_BIND_POINT_GRAPHICS, ubo, particles);
        vkCmdDraw(ctx.cmd, 6, count, 0, 0);  // 6 vertices per quad, one instance per particle
      });
  return color;
}

}  // namespace kagami::render
