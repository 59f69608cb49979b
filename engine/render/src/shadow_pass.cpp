#include "kagami/render/shadow_pass.h"

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <tuple>

#include "kagami/anim/skin.h"
#include "kagami/core/frustum.h"
#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {
namespace {

// Can a draw cast into this view? Culled by the view's clip volume; a draw
// without bounds always can.
bool casts_into(const DrawItem& draw, const ShadowView& view, const Frustum& frustum) {
  if (!draw.casts_shadow || draw.material.alpha_blend || (view.skip_entity != 0 && draw.entity == view.skip_entity))
    return false;
  return !draw.world_bounds.valid() || frustum.intersects(draw.world_bounds);
}

bool dissolving(const DrawItem& draw, const ShadowInputs& inputs) {
  return inputs.scene_dissolve > 0.0f || draw.dissolve.x > 0.0f;
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
  pass->set_layout_ = gpu::create_set_layout(device,
                                             {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT},
                                              {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT},
                                              {2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_FRAGMENT_BIT}},
                                             /*push=*/true, "shadow set");
  pass->layout_ = gpu::create_pipeline_layout(
      device, {{pass->set_layout_}, {{kPushStages, 0, sizeof(shader::DrawPush)}}}, "shadow layout");
  for (bool skinned : {false, true})
    for (bool dissolving : {false, true}) {
      gpu::GraphicsPipelineDesc desc;
      desc.name = std::string("shadow cascades") + (skinned ? " skinned" : "") + (dissolving ? " dissolving" : "");
      desc.vertex_shader = shader_path(dissolving ? (skinned ? "shadow_dissolve_skinned.vert" : "shadow_dissolve.vert")
                                                  : (skinned ? "shadow_skinned.vert" : "shadow.vert"));
      // Only dissolving casters run a fragment shader: the rest stay depth-only.
      if (dissolving) desc.fragment_shader = shader_path("shadow_dissolve.frag");
      desc.layout = pass->layout_;
      desc.vertex_bindings = {{0, sizeof(shader::MeshVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
      desc.vertex_attributes = {{0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(shader::MeshVertex, position)}};
      if (skinned) {
        desc.vertex_bindings.push_back({1, sizeof(anim::VertexSkin), VK_VERTEX_INPUT_RATE_VERTEX});
        desc.vertex_attributes.push_back({3, 1, VK_FORMAT_R16G16B16A16_UINT, offsetof(anim::VertexSkin, joints)});
        desc.vertex_attributes.push_back({4, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(anim::VertexSkin, weights)});
      }
      desc.depth_format = kFormat;
      desc.depth_compare = VK_COMPARE_OP_LESS_OR_EQUAL;  // depth 0 is nearest the sun
      // Both faces cast: single-sided sheets (awnings, leaves) must shadow too.
      desc.cull = VK_CULL_MODE_NONE;
      auto pipeline = gpu::create_graphics_pipeline(device, desc);
      if (!pipeline) return pipeline.error();
      pass->pipelines_[skinned][dissolving] = *pipeline;
    }

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
  gpu::retire(device_, {{pipelines_[0][0], pipelines_[0][1], pipelines_[1][0], pipelines_[1][1]},
                        layout_,
                        set_layout_,
                        {sampler_}});
}

graph::TextureHandle ShadowPass::add_pass(FrameGraph& frame, std::span<const DrawItem* const> draws,
                                          const ShadowCascades* cascades, std::uint32_t resolution,
                                          const ShadowInputs& inputs) {
  std::vector<ShadowView> views;
  if (cascades)
    for (std::uint32_t i = 0; i < KAGAMI_SHADOW_CASCADES; ++i)
      views.push_back({cascades->cascades[i].view_proj,
                       {{std::int32_t((i % 2) * resolution), std::int32_t((i / 2) * resolution)}, {resolution, resolution}}});
  return add_views_pass(frame, "shadow cascades", "shadow atlas", draws, std::move(views), resolution * 2, inputs);
}

graph::TextureHandle ShadowPass::add_views_pass(FrameGraph& frame, const char* name, const char* atlas_name,
                                                std::span<const DrawItem* const> draws, std::vector<ShadowView> views,
                                                std::uint32_t size, const ShadowInputs& inputs) {
  if (views.empty()) size = 1;
  // The views' matrices for dissolving casters, written by a transfer pass
  // (the record callbacks read the handle through the pointer: setup fills
  // it after they are made).
  auto view_list = std::make_shared<graph::BufferHandle>();
  const bool any_dissolving = !views.empty() && std::any_of(draws.begin(), draws.end(), [&](const DrawItem* d) {
    return d->casts_shadow && dissolving(*d, inputs);
  });
  if (any_dissolving) {
    std::vector<glm::mat4> matrices;
    for (const ShadowView& view : views) matrices.push_back(view.view_proj);
    const graph::BufferDesc desc{VkDeviceSize(matrices.size() * sizeof(glm::mat4))};  // before the move below
    frame.add_pass(
        std::string(name) + " views", graph::QueueKind::transfer,
        [&](graph::PassBuilder& pass) {
          *view_list = pass.write(pass.create_buffer(std::string(atlas_name) + " views", desc),
                                  graph::Usage::transfer_dst);
        },
        [view_list, matrices = std::move(matrices)](PassContext& ctx) {
          // vkCmdUpdateBuffer takes at most 64 KiB at a time.
          constexpr std::size_t kChunk = 65536 / sizeof(glm::mat4);
          for (std::size_t first = 0; first < matrices.size(); first += kChunk) {
            const std::size_t n = std::min(kChunk, matrices.size() - first);
            vkCmdUpdateBuffer(ctx.cmd, ctx.buffer(*view_list), first * sizeof(glm::mat4), n * sizeof(glm::mat4),
                              &matrices[first]);
          }
        });
  }
  graph::TextureHandle atlas;
  frame.add_pass(
      name, graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        graph::TextureDesc desc{kFormat, size, size};
        desc.clear = graph::ClearValue::depth_stencil(1.0f);
        atlas = pass.write(pass.create_texture(atlas_name, desc), graph::Usage::depth_attachment);
        if (any_dissolving) pass.read(*view_list, graph::Usage::storage_read, VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT);
      },
      [this, draws, views = std::move(views), inputs, view_list](PassContext& ctx) {
        if (!views.empty()) record(ctx, draws, views, inputs, *view_list);
      });
  return atlas;
}

void ShadowPass::record(PassContext& ctx, std::span<const DrawItem* const> draws, std::span<const ShadowView> views,
                        const ShadowInputs& inputs, graph::BufferHandle view_list) const {
  VkCommandBuffer cmd = ctx.cmd;
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelines_[0][0]);
  VkPipeline bound = pipelines_[0][0];
  // One layout for every pipeline: what is bound stays bound across switches.
  const bool has_views = view_list.valid();
  const VkDescriptorBufferInfo infos[3] = {{inputs.joints, 0, VK_WHOLE_SIZE},
                                           {has_views ? ctx.buffer(view_list) : VK_NULL_HANDLE, 0, VK_WHOLE_SIZE},
                                           {inputs.view_uniforms, 0, VK_WHOLE_SIZE}};
  std::array<VkWriteDescriptorSet, 3> writes{};
  std::size_t count = 0;
  for (std::uint32_t b = 0; b < 3; ++b)
    if (infos[b].buffer != VK_NULL_HANDLE) writes[count++] = gpu::storage_buffer_write(b, &infos[b]);
  if (count > 0)
    device_.push_descriptors(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, std::span(writes.data(), count));
  for (std::uint32_t v = 0; v < views.size(); ++v) {
    const ShadowView& view = views[v];
    const VkViewport viewport{float(view.tile.offset.x), float(view.tile.offset.y), float(view.tile.extent.width),
                              float(view.tile.extent.height), 0.0f, 1.0f};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &view.tile);
    const Frustum frustum = Frustum::from_matrix(view.view_proj);
    for (const DrawItem* draw : draws) {
      if (!casts_into(*draw, view, frustum)) continue;
      const bool skinned = draw->skinned() && inputs.joints != VK_NULL_HANDLE;
      // A dissolving caster needs the views' matrices and the frame's
      // ViewUniforms; without them (never in a frame) it casts whole.
      const bool cut = dissolving(*draw, inputs) && has_views && inputs.view_uniforms != VK_NULL_HANDLE;
      VkPipeline p = pipelines_[skinned][cut];
      if (p != bound) {
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, p);
        bound = p;
      }
      shader::DrawPush push{};
      // Dissolving casters: the world matrix here, the view's from the list
      // (shared/shadow_dissolve_vertex.glsl); solid ones: the product.
      push.model = cut ? draw->world : view.view_proj * draw->world;
      push.emissive = glm::vec4(0.0f, 0.0f, float(v), skinned ? float(draw->joint_offset) : 0.0f);
      push.dissolve = draw->dissolve;
      vkCmdPushConstants(cmd, layout_, kPushStages, 0, sizeof push, &push);
      const VkBuffer buffers[2] = {draw->mesh->vertices.handle, draw->mesh->skin.handle};
      const VkDeviceSize offsets[2] = {0, 0};
      vkCmdBindVertexBuffers(cmd, 0, skinned ? 2 : 1, buffers, offsets);
      vkCmdBindIndexBuffer(cmd, draw->mesh->indices.handle, 0, VK_INDEX_TYPE_UINT32);
      vkCmdDrawIndexed(cmd, draw->mesh->index_count, 1, 0, 0, 0);
    }
  }
}

}  // namespace kagami::render
