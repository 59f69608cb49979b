#include "kagami/render/forward_renderer.h"

#include <cstring>

#include "kagami/render/readback.h"
#include "kagami/render/shader_types.h"

namespace kagami::render {

Result<std::unique_ptr<ForwardRenderer>> ForwardRenderer::create(gpu::Device& device, VkFormat color_format) {
  std::unique_ptr<ForwardRenderer> r(new ForwardRenderer(device));
  auto pass = MeshPass::create(device, color_format, kDepthFormat);
  if (!pass) return pass.error();
  r->mesh_pass_ = std::move(*pass);
  for (auto& ubo : r->view_uniforms_)
    ubo = device.create_buffer({sizeof(shader::ViewUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT,
                                gpu::MemoryUsage::upload, "view uniforms"});
  return r;
}

ForwardRenderer::~ForwardRenderer() {
  for (auto& ubo : view_uniforms_) device_.retire(ubo);
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
                                               graph::TextureHandle target, VkExtent2D extent, VkRect2D area) {
  if (area.extent.width == 0 || area.extent.height == 0) area = {{0, 0}, extent};
  shader::ViewUniforms view{};
  view.view_proj = camera.view_projection(float(area.extent.width) / float(area.extent.height));
  view.camera_position = glm::vec4(camera.position, 1.0f);
  view.sun_direction = glm::vec4(glm::normalize(lighting.sun_direction), 0.0f);
  view.sun_radiance = glm::vec4(lighting.sun_radiance, 0.0f);
  view.ambient_sky = glm::vec4(lighting.ambient_sky, 0.0f);
  view.ambient_ground = glm::vec4(lighting.ambient_ground, 0.0f);
  std::memcpy(view_uniforms_[slot].mapped(), &view, sizeof view);

  VkBuffer ubo = view_uniforms_[slot].handle;
  frame.add_pass(
      "forward", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        graph::TextureDesc depth{kDepthFormat, extent.width, extent.height};
        depth.clear = graph::ClearValue::depth_stencil(0.0f);  // reverse-Z: far is 0
        graph::TextureHandle depth_buffer = pass.create_texture("depth", depth);
        pass.write(depth_buffer, graph::Usage::depth_attachment);
        target = pass.write(target, graph::Usage::color_attachment);
      },
      [this, &draws, ubo, area](PassContext& ctx) { mesh_pass_->record(ctx.cmd, draws.items(), ubo, ctx.extent, area); });
  return target;
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
    image = (*renderer)->add_passes(frame, 0, draws, camera, lighting, image, extent);
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
