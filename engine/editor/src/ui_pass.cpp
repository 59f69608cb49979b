#include "ui_pass.h"

#include <cstring>
#include <tuple>

#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/host_buffer.h"
#include "kagami/gpu/pipeline.h"
#include "pipeline_swap.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/gpu/upload.h"
#include "kagami/render/shader_paths.h"
#include "kagami/render/shader_types.h"

namespace kagami::editor {

namespace {

bool is_srgb(VkFormat format) {
  return format == VK_FORMAT_B8G8R8A8_SRGB || format == VK_FORMAT_R8G8B8A8_SRGB || format == VK_FORMAT_A8B8G8R8_SRGB_PACK32;
}

}  // namespace

Result<std::unique_ptr<UiPass>> UiPass::create(gpu::Device& device, VkFormat target_format) {
  std::unique_ptr<UiPass> pass(new UiPass(device, target_format));
  pass->set_layout_ = gpu::create_set_layout(
      device, {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT}}, /*push=*/true, "ui set");
  pass->layout_ = gpu::create_pipeline_layout(
      device, {{pass->set_layout_}, {{VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof(shader::UiPush)}}}, "ui layout");
  if (auto built = pass->rebuild_pipeline(); !built) return built.error();

  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = VK_FILTER_LINEAR;
  sampler.minFilter = VK_FILTER_LINEAR;
  sampler.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  pass->sampler_ = device.create_sampler(sampler, "ui sampler");
  return pass;
}

Result<void> UiPass::rebuild_pipeline() {
  gpu::GraphicsPipelineDesc desc;
  desc.name = "ui";
  desc.vertex_shader = render::shader_path("imgui.vert");
  desc.fragment_shader = render::shader_path("imgui.frag");
  desc.layout = layout_;
  desc.vertex_bindings = {{0, sizeof(ImDrawVert), VK_VERTEX_INPUT_RATE_VERTEX}};
  desc.vertex_attributes = {
      {0, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(ImDrawVert, pos)},
      {1, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(ImDrawVert, uv)},
      {2, 0, VK_FORMAT_R8G8B8A8_UNORM, offsetof(ImDrawVert, col)},
  };
  desc.cull = VK_CULL_MODE_NONE;
  desc.color_formats = {format_};
  desc.depth_test = false;
  desc.depth_write = false;
  desc.blend = gpu::BlendMode::alpha;
  auto pipeline = gpu::create_graphics_pipeline(device_, desc);
  if (!pipeline) return pipeline.error();
  replace_pipeline(device_, pipeline_, *pipeline);
  return {};
}

UiPass::~UiPass() {
  gpu::retire(device_, {{pipeline_}, layout_, set_layout_, {sampler_}});
  if (font_) device_.retire(font_);
  for (auto& b : buffers_) {
    if (b.vertices) device_.retire(b.vertices);
    if (b.indices) device_.retire(b.indices);
  }
}

void UiPass::upload_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  if (font_) device_.retire(font_);
  font_ = gpu::upload_texture_rgba8(device_, std::uint32_t(width), std::uint32_t(height),
                                    {pixels, std::size_t(width) * std::size_t(height) * 4}, /*srgb=*/false, "ui font atlas");
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(font_.view));
}

graph::TextureHandle UiPass::add_pass(render::FrameGraph& frame, std::uint32_t slot, const ImDrawData& data,
                                      graph::TextureHandle target) {
  draws_.clear();
  display_pos_ = data.DisplayPos;
  display_size_ = data.DisplaySize;
  framebuffer_scale_ = data.FramebufferScale;
  SlotBuffers& buffers = buffers_[slot];
  const VkDeviceSize vertex_bytes = VkDeviceSize(std::max(data.TotalVtxCount, 1)) * sizeof(ImDrawVert);
  const VkDeviceSize index_bytes = VkDeviceSize(std::max(data.TotalIdxCount, 1)) * sizeof(ImDrawIdx);
  // The slot's previous frame has retired (FrameRing::begin waited), so its buffers are free to overwrite.
  gpu::reserve_host_buffer(device_, buffers.vertices, vertex_bytes, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, "ui vertices",
                           64 * 1024);
  gpu::reserve_host_buffer(device_, buffers.indices, index_bytes, VK_BUFFER_USAGE_INDEX_BUFFER_BIT, "ui indices",
                           64 * 1024);
  auto* vertices = static_cast<ImDrawVert*>(buffers.vertices.mapped());
  auto* indices = static_cast<ImDrawIdx*>(buffers.indices.mapped());
  std::int32_t vertex_base = 0;
  std::uint32_t index_base = 0;
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList* list = data.CmdLists[l];
    std::memcpy(vertices + vertex_base, list->VtxBuffer.Data, std::size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    std::memcpy(indices + index_base, list->IdxBuffer.Data, std::size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) continue;  // the editor's windows use no callbacks
      draws_.push_back({cmd.ClipRect, cmd.ElemCount, index_base + cmd.IdxOffset,
                        vertex_base + std::int32_t(cmd.VtxOffset)});
    }
    vertex_base += list->VtxBuffer.Size;
    index_base += std::uint32_t(list->IdxBuffer.Size);
  }
  frame.add_pass(
      "ui", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) { target = pass.write(target, graph::Usage::color_attachment); },
      [this, slot](render::PassContext& ctx) { record(ctx.cmd, ctx.extent, slot); });
  return target;
}

void UiPass::record(VkCommandBuffer cmd, VkExtent2D extent, std::uint32_t slot) const {
  if (draws_.empty()) return;
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
  VkViewport viewport{0.0f, 0.0f, float(extent.width), float(extent.height), 0.0f, 1.0f};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  VkDescriptorImageInfo image{sampler_, font_.view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkWriteDescriptorSet write = gpu::image_write(0, &image);
  device_.push_descriptors(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, {&write, 1});

  shader::UiPush push{};
  push.scale = {2.0f / display_size_.x, 2.0f / display_size_.y};
  push.translate = {-1.0f - display_pos_.x * push.scale.x, -1.0f - display_pos_.y * push.scale.y};
  push.srgb_target = is_srgb(format_) ? 1u : 0u;
  vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof push, &push);
  VkDeviceSize offset = 0;
  vkCmdBindVertexBuffers(cmd, 0, 1, &buffers_[slot].vertices.handle, &offset);
  vkCmdBindIndexBuffer(cmd, buffers_[slot].indices.handle, 0,
                       sizeof(ImDrawIdx) == 2 ? VK_INDEX_TYPE_UINT16 : VK_INDEX_TYPE_UINT32);
  for (const Draw& d : draws_) {
    // Clip rectangles are in ImGui's display space; scissors in framebuffer pixels, inside the target.
    float x0 = (d.clip.x - display_pos_.x) * framebuffer_scale_.x;
    float y0 = (d.clip.y - display_pos_.y) * framebuffer_scale_.y;
    float x1 = (d.clip.z - display_pos_.x) * framebuffer_scale_.x;
    float y1 = (d.clip.w - display_pos_.y) * framebuffer_scale_.y;
    x0 = std::max(x0, 0.0f);
    y0 = std::max(y0, 0.0f);
    x1 = std::min(x1, float(extent.width));
    y1 = std::min(y1, float(extent.height));
    if (x1 <= x0 || y1 <= y0) continue;
    VkRect2D scissor{{std::int32_t(x0), std::int32_t(y0)}, {std::uint32_t(x1 - x0), std::uint32_t(y1 - y0)}};
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    vkCmdDrawIndexed(cmd, d.index_count, 1, d.first_index, d.vertex_offset, 0);
  }
}

}  // namespace kagami::editor
