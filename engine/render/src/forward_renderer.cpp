#include "kagami/render/forward_renderer.h"

#include <algorithm>
#include <cstring>

#include "kagami/gpu/host_buffer.h"
#include "kagami/graph/usage.h"
#include "kagami/render/readback.h"
#include "kagami/render/shader_types.h"

namespace kagami::render {

Result<std::unique_ptr<ForwardRenderer>> ForwardRenderer::create(gpu::Device& device, VkFormat color_format) {
  std::unique_ptr<ForwardRenderer> r(new ForwardRenderer(device));
  auto pass = MeshPass::create(device, kHdrFormat, kDepthFormat);
  if (!pass) return pass.error();
  r->mesh_pass_ = std::move(*pass);
  auto culling = LightCulling::create(device);
  if (!culling) return culling.error();
  r->light_culling_ = std::move(*culling);
  auto shadows = ShadowPass::create(device);
  if (!shadows) return shadows.error();
  r->shadow_pass_ = std::move(*shadows);
  auto snow = SnowSystem::create(device, kHdrFormat, kDepthFormat);
  if (!snow) return snow.error();
  r->snow_ = std::move(*snow);
  r->data_blocks_ = std::make_unique<DataBlocks>(device);
  auto post = PostChain::create(device, color_format);
  if (!post) return post.error();
  r->post_chain_ = std::move(*post);
  for (auto& ubo : r->view_uniforms_)
    ubo = device.create_buffer({sizeof(shader::ViewUniforms), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                gpu::MemoryUsage::upload, "view uniforms"});
  return r;
}

ForwardRenderer::~ForwardRenderer() {
  for (auto& ubo : view_uniforms_) device_.retire(ubo);
  for (auto& joints : joints_) device_.retire(joints);
}

VkBuffer ForwardRenderer::upload_joints(std::uint32_t slot, std::span<const glm::mat4> matrices) {
  // At least one matrix, so the binding is valid in frames without skinned draws.
  gpu::Buffer& buffer = joints_[slot];
  gpu::reserve_host_buffer(device_, buffer, matrices.size_bytes(), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                           "joint matrices", sizeof(glm::mat4));
  if (!matrices.empty()) std::memcpy(buffer.mapped(), matrices.data(), matrices.size_bytes());
  return buffer.handle;
}

gpu::Image create_color_target(gpu::Device& device, VkFormat format, VkExtent2D extent, const char* name) {
  gpu::ImageDesc desc;
  desc.format = format;
  desc.width = extent.width;
  desc.height = extent.height;
  desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  desc.name = name;
  return device.create_image(desc);
}

graph::TextureHandle import_target(FrameGraph& frame, const FrameTarget& target, const glm::vec4& clear_color) {
  graph::ImportedTexture desc;
  desc.desc.format = target.format;
  desc.desc.width = target.extent.width;
  desc.desc.height = target.extent.height;
  desc.desc.clear = graph::ClearValue::rgba(clear_color.r, clear_color.g, clear_color.b, clear_color.a);
  desc.initial = target.initial;
  desc.final_state = target.final_state;
  return frame.import_texture("target", desc, {target.image, target.view});
}

graph::TextureHandle ForwardRenderer::add_passes(FrameGraph& frame, std::uint32_t slot, const DrawList& draws,
                                               const Camera& camera, const Lighting& lighting,
                                               graph::TextureHandle target, VkExtent2D extent,
                                               const FrameEffects* effects) {
  SceneTargets scene = add_scene_passes(frame, slot, draws, camera, lighting, extent, effects);
  PostEffects post;
  if (effects) {
    post.data_breakup = effects->data_breakup;
    post.time = effects->time.seconds;
    const bool snow = effects->snow && effects->snow_settings.intensity > 0.0f;
    if (snow || !effects->fragments.empty())
      post.over_atmosphere = [&, snow](graph::TextureHandle hdr) {
        if (snow) hdr = add_snow_passes(frame, slot, *effects, camera, lighting, hdr, scene.depth, extent);
        return add_fragment_passes(frame, slot, *effects, camera, hdr, scene.depth, extent);
      };
  }
  return post_chain_->add_passes(frame, slot, scene, camera, lighting, target, extent, post);
}

SceneTargets ForwardRenderer::add_scene_passes(FrameGraph& frame, std::uint32_t slot, const DrawList& draws,
                                               const Camera& camera, const Lighting& lighting, VkExtent2D extent,
                                               const FrameEffects* effects) {
  // Lighting (owned by the lights work): view constants, light culling and shadow cascades.
  const LightingPasses lit = add_lighting_passes(frame, slot, draws, camera, lighting, extent,
                                                 effects ? *effects : FrameEffects{});
  MeshFrameBindings bindings;
  bindings.view_uniforms = view_uniforms_[slot].handle;
  bindings.lights = light_culling_->lights(slot);
  bindings.shadow_sampler = shadow_pass_->sampler();
  bindings.joints = joints_[slot].handle;  // filled by add_lighting_passes
  bindings.shadow_layout = graph::usage_access(graph::Usage::sampled, graph::QueueKind::raster,
                                               graph::ResourceKind::texture, ShadowPass::kFormat).layout;
  // Only what the camera can see reaches the forward pass (casters outside
  // the view still reach the shadow pass): on a CPU rasteriser every vertex
  // costs, and a location seen from inside is mostly behind the camera.
  std::vector<const DrawItem*>& visible = visible_[slot];
  cull_draws(ordered_, Frustum::from_matrix(camera.view_projection(float(extent.width) / float(extent.height))), visible);

  SceneTargets targets;
  targets.local_shadows = lit.local_shadows;
  frame.add_pass(
      "forward", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        graph::TextureDesc depth{kDepthFormat, extent.width, extent.height};
        depth.clear = graph::ClearValue::depth_stencil(0.0f);  // reverse-Z: far is 0
        graph::TextureHandle depth_buffer = pass.create_texture("depth", depth);
        targets.depth = pass.write(depth_buffer, graph::Usage::depth_attachment);
        if (lit.clusters.valid()) pass.read(lit.clusters, graph::Usage::storage_read, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT);
        pass.read(lit.shadow_atlas, graph::Usage::sampled);
        pass.read(lit.local_shadow_atlas, graph::Usage::sampled);
        graph::TextureDesc hdr{kHdrFormat, extent.width, extent.height};
        hdr.clear = graph::ClearValue::rgba(0.0f, 0.0f, 0.0f, 1.0f);  // the sky pass fills what stays empty
        targets.hdr = pass.write(pass.create_texture("hdr", hdr), graph::Usage::color_attachment);
      },
      [this, bindings, lit, &visible](PassContext& ctx) {
        MeshFrameBindings b = bindings;
        b.clusters = lit.clusters.valid() ? ctx.buffer(lit.clusters) : b.lights;  // unread with clustering off
        b.shadow_atlas = ctx.view(lit.shadow_atlas);
        b.local_shadow_atlas = ctx.view(lit.local_shadow_atlas);
        mesh_pass_->record(ctx.cmd, visible, b, ctx.extent);
      });
  return targets;
}

Result<void> ForwardRenderer::record(VkCommandBuffer cmd, std::uint32_t slot, const DrawList& draws,
                                   const Camera& camera, const Lighting& lighting, const FrameTarget& target) {
  frame_.clear();
  graph::TextureHandle color = import_target(frame_, target, lighting.clear_color);
  add_passes(frame_, slot, draws, camera, lighting, color, target.extent);
  return executor_.execute(frame_, cmd, slot);
}

Result<ImageRgba8> render_offscreen(gpu::Device& device, const DrawList& draws, const Camera& camera,
                                    const Lighting& lighting, VkExtent2D extent, const OffscreenOptions& options,
                                    FrameReport* report) {
  constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
  auto renderer = ForwardRenderer::create(device, kFormat);
  if (!renderer) return renderer.error();
  (*renderer)->set_clustered_lights(options.clustered_lights);
  gpu::Image color = create_color_target(device, kFormat, extent, "offscreen colour");
  Readback readback = make_readback(device, kFormat, extent);

  FrameTarget target{color.handle, color.view, kFormat, extent};
  target.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
  target.final_state = {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
  Result<void> executed;
  for (std::uint32_t i = 0; i < std::max(options.frames, 1u) && executed.ok(); ++i) {
    FrameGraph& frame = (*renderer)->frame_graph();
    frame.clear();
    graph::TextureHandle image = import_target(frame, target, lighting.clear_color);
    image = (*renderer)->add_passes(frame, 0, draws, camera, lighting, image, extent, options.effects);
    add_readback_pass(frame, image, readback);
    device.run_now([&](VkCommandBuffer cmd) {
      executed = (*renderer)->executor().execute(frame, cmd, 0, options.compile);
    });
  }
  device.retire(color);
  if (!executed) {
    device.retire(readback.buffer);
    return executed.error();
  }
  if (report) *report = {(*renderer)->executor().compiled(), (*renderer)->executor().timings()};
  return finish_readback(device, readback);
}

}  // namespace kagami::render
