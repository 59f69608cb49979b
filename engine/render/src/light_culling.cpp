#include "kagami/render/light_culling.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>

#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/host_buffer.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {

float effective_range(const PunctualLight& light) {
  if (light.range > 0.0f) return light.range;
  float peak = std::max({light.radiant_intensity.r, light.radiant_intensity.g, light.radiant_intensity.b});
  return std::clamp(std::sqrt(peak / kLightCutoff), 0.01f, 10000.0f);
}

shader::GpuLight pack_light(const PunctualLight& light, const ShadowedLight* shadow) {
  shader::GpuLight g{};
  g.position_range = glm::vec4(light.position, effective_range(light));
  g.color_type = glm::vec4(light.radiant_intensity, light.spot ? 1.0f : 0.0f);
  float outer = std::clamp(light.outer_cone, 0.0f, 1.5707964f);
  float inner = std::clamp(light.inner_cone, 0.0f, outer);
  g.direction_cos = glm::vec4(glm::normalize(light.direction), light.spot ? std::cos(outer) : -1.0f);
  g.spot = glm::vec4(std::cos(inner), std::sin(outer), -1.0f, 0.0f);
  if (shadow) {
    g.spot.z = float(shadow->first_view);
    g.spot.w = shadow->texel_per_metre;
  }
  return g;
}

Aabb reach_bounds(const PunctualLight& light) {
  const float range = effective_range(light);
  Aabb box;
  if (!light.spot || light.outer_cone >= 1.5f) {
    box.extend(light.position - glm::vec3(range));
    box.extend(light.position + glm::vec3(range));
    return box;
  }
  const glm::vec3 axis = glm::normalize(light.direction);
  const float outer = std::max(light.outer_cone, 0.0f);
  const glm::vec3 disc_center = light.position + axis * (range * std::cos(outer));
  const glm::vec3 disc_extent = range * std::sin(outer) * glm::sqrt(glm::max(glm::vec3(1.0f) - axis * axis, 0.0f));
  box.extend(light.position);
  box.extend(light.position + axis * range);
  box.extend(disc_center - disc_extent);
  box.extend(disc_center + disc_extent);
  return box;
}

Result<std::unique_ptr<LightCulling>> LightCulling::create(gpu::Device& device) {
  std::unique_ptr<LightCulling> c(new LightCulling(device));
  c->set_layout_ = gpu::create_set_layout(device,
                                          {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_COMPUTE_BIT},
                                           {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_COMPUTE_BIT},
                                           {2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_COMPUTE_BIT}},
                                          /*push=*/true, "light cull set");
  c->layout_ = gpu::create_pipeline_layout(device, {{c->set_layout_}, {}}, "light cull layout");
  auto pipeline = gpu::create_compute_pipeline(device, {"light cull", shader_path("light_cull.comp"), c->layout_});
  if (!pipeline) return pipeline.error();
  c->pipeline_ = *pipeline;
  return c;
}

LightCulling::~LightCulling() {
  gpu::retire(device_, {{pipeline_}, layout_, set_layout_});
  for (auto& buffer : lights_)
    if (buffer.handle) device_.retire(buffer);
}

std::uint32_t LightCulling::upload(std::uint32_t slot, std::span<const PunctualLight> lights,
                                   std::span<const DirectionalLight> directional,
                                   std::span<const ShadowedLight> shadowed) {
  gpu::Buffer& buffer = lights_[slot];
  const std::size_t total = lights.size() + directional.size();
  gpu::reserve_host_buffer(device_, buffer, total * sizeof(shader::GpuLight), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                           "lights", 64 * sizeof(shader::GpuLight));
  auto* out = static_cast<shader::GpuLight*>(buffer.mapped());
  for (std::size_t i = 0; i < lights.size(); ++i) out[i] = pack_light(lights[i]);
  for (const ShadowedLight& s : shadowed) out[s.light] = pack_light(lights[s.light], &s);
  for (std::size_t i = 0; i < directional.size(); ++i) {
    shader::GpuLight g{};
    g.color_type = glm::vec4(directional[i].radiance, 2.0f);
    g.direction_cos = glm::vec4(glm::normalize(directional[i].direction), -1.0f);
    out[lights.size() + i] = g;
  }
  return std::uint32_t(lights.size());
}

graph::BufferHandle LightCulling::add_pass(FrameGraph& frame, std::uint32_t slot, VkBuffer view_uniforms) {
  VkBuffer lights = lights_[slot].handle;
  frame.add_pass(
      "light culling", graph::QueueKind::compute,
      [&](graph::PassBuilder& pass) {
        clusters_ = pass.write(pass.create_buffer("light clusters", {kClusterBytes}), graph::Usage::storage_write);
      },
      // The handle is read when the pass records: setup has filled it by then.
      [this, view_uniforms, lights](PassContext& ctx) {
        VkDescriptorBufferInfo infos[3] = {{view_uniforms, 0, sizeof(shader::ViewUniforms)},
                                           {lights, 0, VK_WHOLE_SIZE},
                                           {ctx.buffer(clusters_), 0, VK_WHOLE_SIZE}};
        const std::array<VkWriteDescriptorSet, 3> writes = {
            gpu::storage_buffer_write(0, &infos[0]), gpu::storage_buffer_write(1, &infos[1]),
            gpu::storage_buffer_write(2, &infos[2])};
        vkCmdBindPipeline(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline_);
        device_.push_descriptors(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout_, 0, writes);
        vkCmdDispatch(ctx.cmd, (KAGAMI_CLUSTER_COUNT + KAGAMI_CLUSTER_GROUP - 1) / KAGAMI_CLUSTER_GROUP, 1, 1);
      });
  return clusters_;
}

}  // namespace kagami::render
