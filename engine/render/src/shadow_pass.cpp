#include "kagami/render/shadow_pass.h"

#include <algorithm>
#include <tuple>

#include "kagami/anim/skin.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {
namespace {

// Does a world box overlap a cascade's light-space box (clip x, y in [-1, 1],
// depth in [0, 1])? Casters beyond the far side cannot shadow anything seen.
bool overlaps(const Aabb& box, const glm::mat4& view_proj) {
  if (!box.valid()) return true;
  Aabb clip;
  for (int c = 0; c < 8; ++c) {
    glm::vec3 corner((c & 1) ? box.max.x : box.min.x, (c & 2) ? box.max.y : box.min.y, (c & 4) ? box.max.z : box.min.z);
    clip.extend(glm::vec3(view_proj * glm::vec4(corner, 1.0f)));
  }
  return clip.max.x >= -1.0f && clip.min.x <= 1.0f && clip.max.y >= -1.0f && clip.min.y <= 1.0f &&
         clip.max.z >= 0.0f && clip.min.z <= 1.0f;
}

}  // namespace

ShadowCascades fit_cascades(const CascadeView& view, float near_plane, float far_plane,
                            const glm::vec3& light_direction, const ShadowSettings& settings, const Aabb& casters) {
  ShadowCascades result;
  const float far_depth = std::min(far_plane, settings.max_distance);
  std::vector<float> splits =
      cascade_splits(near_plane, std::max(far_depth, near_plane * 2.0f), KAGAMI_SHADOW_CASCADES, settings.split_lambda);
  for (std::uint32_t i = 0; i < KAGAMI_SHADOW_CASCADES; ++i) {
    // Each cascade reaches back over the previous one's blend band.
    float start = i == 0 ? splits[0] : splits[i] - (splits[i] - splits[i - 1]) * settings.blend_band;
    result.cascades[i] = fit_cascade(view, start, splits[i + 1], light_direction, settings.resolution, casters);
    result.far_depth[i] = splits[i + 1];
  }
  return result;
}

Result<std::unique_ptr<ShadowPass>> ShadowPass::create(gpu::Device& device) {
  std::unique_ptr<ShadowPass> pass(new ShadowPass(device));
  pass->set_layout_ = gpu::create_set_layout(
      device, {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT}}, /*push=*/true, "shadow joint set");
  pass->layout_ = gpu::create_pipeline_layout(
      device, {{pass->set_layout_}, {{VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof(shader::DrawPush)}}}, "shadow layout");
  gpu::GraphicsPipelineDesc desc;
  desc.name = "shadow cascades";
  desc.vertex_shader = shader_path("shadow.vert");
  desc.layout = pass->layout_;
  desc.vertex_bindings = {{0, sizeof(shader::MeshVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
  desc.vertex_attributes = {{0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(shader::MeshVertex, position)}};
  desc.depth_format = kFormat;
  desc.depth_compare = VK_COMPARE_OP_LESS_OR_EQUAL;  // depth 0 is nearest the sun
  // Both faces cast: single-sided sheets (awnings, leaves) must shadow too.
  desc.cull = VK_CULL_MODE_NONE;
  auto pipeline = gpu::create_graphics_pipeline(device, desc);
  if (!pipeline) return pipeline.error();
  pass->pipeline_ = *pipeline;
  desc.name = "shadow cascades skinned";
  desc.vertex_shader = shader_path("shadow_skinned.vert");
  desc.vertex_bindings.push_back({1, sizeof(anim::VertexSkin), VK_VERTEX_INPUT_RATE_VERTEX});
  desc.vertex_attributes.push_back({3, 1, VK_FORMAT_R16G16B16A16_UINT, offsetof(anim::VertexSkin, joints)});
  desc.vertex_attributes.push_back({4, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(anim::VertexSkin, weights)});
  auto skinned = gpu::create_graphics_pipeline(device, desc);
  if (!skinned) return skinned.error();
  pass->skinned_pipeline_ = *skinned;

  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = sampler.minFilter = VK_FILTER_LINEAR;
  sampler.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  sampler.compareEnable = VK_TRUE;
  sampler.compareOp = VK_COMPARE_OP_LESS_OR_EQUAL;  // lit when the receiver is no farther than the caster
  pass->sampler_ = device.create_sampler(sampler, "shadow sampler");
  return pass;
}

ShadowPass::~ShadowPass() {
  gpu::retire(device_, {{pipeline_, skinned_pipeline_}, layout_, set_layout_, {sampler_}});
}

graph::TextureHandle ShadowPass::add_pass(FrameGraph& frame, std::span<const DrawItem* const> draws,
                                          const ShadowCascades* cascades, std::uint32_t resolution,
                                          VkBuffer joints) {
  const std::uint32_t size = cascades ? resolution * 2 : 1;
  if (cascades) cascades_ = *cascades;
  graph::TextureHandle atlas;
  frame.add_pass(
      "shadow cascades", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        graph::TextureDesc desc{kFormat, size, size};
        desc.clear = graph::ClearValue::depth_stencil(1.0f);
        atlas = pass.write(pass.create_texture("shadow atlas", desc), graph::Usage::depth_attachment);
      },
      [this, draws, resolution, joints, on = cascades != nullptr](PassContext& ctx) {
        if (on) record(ctx.cmd, draws, resolution, joints);
      });
  return atlas;
}

void ShadowPass::record(VkCommandBuffer cmd, std::span<const DrawItem* const> draws, std::uint32_t resolution,
                        VkBuffer joints) const {
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
  VkPipeline bound = pipeline_;
  if (joints != VK_NULL_HANDLE) {
    // One layout for both pipelines: the joint buffer stays bound across switches.
    const VkDescriptorBufferInfo info{joints, 0, VK_WHOLE_SIZE};
    VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
    write.dstBinding = 0;
    write.descriptorCount = 1;
    write.descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    write.pBufferInfo = &info;
    device_.push_descriptors(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, {&write, 1});
  }
  for (std::uint32_t i = 0; i < KAGAMI_SHADOW_CASCADES; ++i) {
    const glm::mat4& view_proj = cascades_.cascades[i].view_proj;
    VkViewport viewport{float((i % 2) * resolution), float((i / 2) * resolution), float(resolution), float(resolution),
                        0.0f, 1.0f};
    VkRect2D scissor{{std::int32_t((i % 2) * resolution), std::int32_t((i / 2) * resolution)}, {resolution, resolution}};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    for (const DrawItem* draw : draws) {
      if (!draw->casts_shadow || draw->material.alpha_blend || !overlaps(draw->world_bounds, view_proj)) continue;
      const bool skinned = draw->skinned() && joints != VK_NULL_HANDLE;
      VkPipeline p = skinned ? skinned_pipeline_ : pipeline_;
      if (p != bound) {
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, p);
        bound = p;
      }
      shader::DrawPush push{};
      push.model = view_proj * draw->world;
      push.emissive.w = skinned ? float(draw->joint_offset) : 0.0f;
      vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof push, &push);
      const VkBuffer buffers[2] = {draw->mesh->vertices.handle, draw->mesh->skin.handle};
      const VkDeviceSize offsets[2] = {0, 0};
      vkCmdBindVertexBuffers(cmd, 0, skinned ? 2 : 1, buffers, offsets);
      vkCmdBindIndexBuffer(cmd, draw->mesh->indices.handle, 0, VK_INDEX_TYPE_UINT32);
      vkCmdDrawIndexed(cmd, draw->mesh->index_count, 1, 0, 0, 0);
    }
  }
}

}  // namespace kagami::render
