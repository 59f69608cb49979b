#include "kagami/render/model_renderer.h"

#include <cstring>

#include "kagami/render/readback.h"
#include "kagami/render/shader_types.h"

namespace kagami::render {
namespace {

VkImageMemoryBarrier2 transition(VkImage image, VkImageAspectFlags aspect, VkImageLayout from, VkImageLayout to,
                                 VkPipelineStageFlags2 src_stage, VkAccessFlags2 src_access,
                                 VkPipelineStageFlags2 dst_stage, VkAccessFlags2 dst_access) {
  VkImageMemoryBarrier2 b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2};
  b.srcStageMask = src_stage;
  b.srcAccessMask = src_access;
  b.dstStageMask = dst_stage;
  b.dstAccessMask = dst_access;
  b.oldLayout = from;
  b.newLayout = to;
  b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  b.image = image;
  b.subresourceRange = {aspect, 0, 1, 0, 1};
  return b;
}

void barriers(VkCommandBuffer cmd, std::initializer_list<VkImageMemoryBarrier2> list) {
  VkDependencyInfo dep{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
  dep.imageMemoryBarrierCount = std::uint32_t(list.size());
  dep.pImageMemoryBarriers = list.begin();
  vkCmdPipelineBarrier2(cmd, &dep);
}

}  // namespace

Result<std::unique_ptr<ModelRenderer>> ModelRenderer::create(gpu::Device& device, VkFormat color_format) {
  std::unique_ptr<ModelRenderer> r(new ModelRenderer(device));
  auto pass = MeshPass::create(device, color_format, kDepthFormat);
  if (!pass) return pass.error();
  r->mesh_pass_ = std::move(*pass);
  for (auto& ubo : r->view_uniforms_)
    ubo = device.create_buffer({sizeof(shader::ViewUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT,
                                gpu::MemoryUsage::upload, "view uniforms"});
  return r;
}

ModelRenderer::~ModelRenderer() {
  for (auto& ubo : view_uniforms_) device_.retire(ubo);
  device_.retire(depth_);
}

void ModelRenderer::ensure_depth(VkExtent2D extent) {
  if (depth_ && depth_.desc.width == extent.width && depth_.desc.height == extent.height) return;
  device_.retire(depth_);
  gpu::ImageDesc desc;
  desc.format = kDepthFormat;
  desc.width = extent.width;
  desc.height = extent.height;
  desc.usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
  desc.name = "depth";
  depth_ = device_.create_image(desc);
}

void ModelRenderer::record(VkCommandBuffer cmd, std::uint32_t slot, const GpuModel& model, const Camera& camera,
                           const Lighting& lighting, const FrameTarget& target) {
  ensure_depth(target.extent);
  float aspect = float(target.extent.width) / float(target.extent.height);
  shader::ViewUniforms view{};
  view.view_proj = camera.view_projection(aspect);
  view.camera_position = glm::vec4(camera.position, 1.0f);
  view.sun_direction = glm::vec4(glm::normalize(lighting.sun_direction), 0.0f);
  view.sun_radiance = glm::vec4(lighting.sun_radiance, 0.0f);
  view.ambient_sky = glm::vec4(lighting.ambient_sky, 0.0f);
  view.ambient_ground = glm::vec4(lighting.ambient_ground, 0.0f);
  std::memcpy(view_uniforms_[slot].mapped(), &view, sizeof view);

  // Both attachments are fully overwritten, so their old contents are discarded.
  barriers(cmd, {transition(target.image, VK_IMAGE_ASPECT_COLOR_BIT, VK_IMAGE_LAYOUT_UNDEFINED,
                            VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                            VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                            VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT),
                 transition(depth_.handle, VK_IMAGE_ASPECT_DEPTH_BIT, VK_IMAGE_LAYOUT_UNDEFINED,
                            VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                            VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                            VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
                            VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                            VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT |
                                VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT)});

  VkRenderingAttachmentInfo color{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  color.imageView = target.view;
  color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  color.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  color.clearValue.color = {{lighting.clear_color.r, lighting.clear_color.g, lighting.clear_color.b,
                             lighting.clear_color.a}};
  VkRenderingAttachmentInfo depth{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  depth.imageView = depth_.view;
  depth.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
  depth.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  depth.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  depth.clearValue.depthStencil = {0.0f, 0};  // reverse-Z: far is 0
  VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
  rendering.renderArea = {{0, 0}, target.extent};
  rendering.layerCount = 1;
  rendering.colorAttachmentCount = 1;
  rendering.pColorAttachments = &color;
  rendering.pDepthAttachment = &depth;

  device_.debug().begin_label(cmd, "forward");
  vkCmdBeginRendering(cmd, &rendering);
  mesh_pass_->record(cmd, model, view_uniforms_[slot].handle, target.extent);
  vkCmdEndRendering(cmd);
  device_.debug().end_label(cmd);

  barriers(cmd, {transition(target.image, VK_IMAGE_ASPECT_COLOR_BIT, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                            target.final_layout, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                            VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT, target.final_stage, target.final_access)});
}

Result<ImageRgba8> render_model_offscreen(gpu::Device& device, const GpuModel& model, const Camera& camera,
                                          const Lighting& lighting, VkExtent2D extent) {
  constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
  auto renderer = ModelRenderer::create(device, kFormat);
  if (!renderer) return renderer.error();
  gpu::ImageDesc desc;
  desc.format = kFormat;
  desc.width = extent.width;
  desc.height = extent.height;
  desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  desc.name = "offscreen colour";
  gpu::Image color = device.create_image(desc);
  FrameTarget target{color.handle, color.view, kFormat, extent, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                     VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT};
  Readback readback;
  device.run_now([&](VkCommandBuffer cmd) {
    (*renderer)->record(cmd, 0, model, camera, lighting, target);
    readback = record_readback(device, cmd, color.handle, kFormat, extent);
  });
  device.retire(color);
  return finish_readback(device, readback);
}

}  // namespace kagami::render
