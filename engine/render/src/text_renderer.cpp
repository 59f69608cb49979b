#include "kagami/render/text_renderer.h"

#include <algorithm>
#include <cstring>
#include <tuple>

#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/host_buffer.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/gpu/upload.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {

static_assert(sizeof(shader::TextVertex) == 48, "TextVertex is the vertex stride of text.vert");
static_assert(sizeof(shader::TextPush) == 16, "TextPush must match text.vert/frag");

Result<std::unique_ptr<TextRenderer>> TextRenderer::create(gpu::Device& device, VkFormat color_format,
                                                           const std::filesystem::path& font_path) {
  auto font = asset::Font::load(font_path);
  if (!font) return font.error();
  std::unique_ptr<TextRenderer> r(new TextRenderer(device, std::move(*font)));

  // One channel would do; the shared upload path takes RGBA8, and the atlas is small.
  const auto& sdf = r->font_.atlas();
  std::vector<std::uint8_t> rgba(sdf.size() * 4);
  for (std::size_t i = 0; i < sdf.size(); ++i) std::fill_n(&rgba[i * 4], 4, sdf[i]);
  r->atlas_ = gpu::upload_texture_rgba8(device, r->font_.atlas_width(), r->font_.atlas_height(), rgba,
                                        /*srgb=*/false, "font atlas");

  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = sampler.minFilter = VK_FILTER_LINEAR;
  sampler.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  sampler.maxLod = VK_LOD_CLAMP_NONE;
  r->sampler_ = device.create_sampler(sampler, "font sampler");

  r->set_layout_ = gpu::create_set_layout(
      device, {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT}}, /*push=*/true,
      "text set");
  r->layout_ = gpu::create_pipeline_layout(
      device,
      {{r->set_layout_}, {{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(shader::TextPush)}}},
      "text layout");
  gpu::GraphicsPipelineDesc desc;
  desc.name = "text";
  desc.vertex_shader = shader_path("text.vert");
  desc.fragment_shader = shader_path("text.frag");
  desc.layout = r->layout_;
  desc.vertex_bindings = {{0, sizeof(shader::TextVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
  desc.vertex_attributes = {
      {0, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(shader::TextVertex, position)},
      {1, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(shader::TextVertex, uv)},
      {2, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(shader::TextVertex, color)},
      {3, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(shader::TextVertex, outline)},
  };
  desc.cull = VK_CULL_MODE_NONE;
  desc.color_formats = {color_format};
  desc.depth_test = desc.depth_write = false;
  desc.blend = gpu::BlendMode::alpha;
  auto pipeline = gpu::create_graphics_pipeline(device, desc);
  if (!pipeline) return pipeline.error();
  r->pipeline_ = *pipeline;
  return r;
}

TextRenderer::~TextRenderer() {
  for (auto& buffer : vertices_)
    if (buffer) device_.retire(buffer);
  device_.retire(atlas_);
  gpu::retire(device_, {{pipeline_}, layout_, set_layout_, {sampler_}});
}

glm::vec2 TextRenderer::measure(std::string_view utf8, const TextStyle& style) const {
  return asset::layout_text(font_, utf8, style.size, style.align, style.wrap_width).size;
}

glm::vec2 TextRenderer::add(std::string_view utf8, glm::vec2 anchor, const TextStyle& style) {
  asset::TextLayout layout = asset::layout_text(font_, utf8, style.size, style.align, style.wrap_width);
  glm::vec2 origin = anchor;
  if (style.align == asset::TextAlign::center) origin.x -= layout.size.x * 0.5f;
  if (style.align == asset::TextAlign::right) origin.x -= layout.size.x;
  for (const asset::TextQuad& q : layout.quads) {
    const glm::vec2 p0 = origin + q.min, p1 = origin + q.max;
    auto corner = [&](float x, float y, float u, float v) {
      queued_.push_back({{x, y}, {u, v}, style.color, style.outline});
    };
    corner(p0.x, p0.y, q.uv_min.x, q.uv_min.y);
    corner(p1.x, p0.y, q.uv_max.x, q.uv_min.y);
    corner(p1.x, p1.y, q.uv_max.x, q.uv_max.y);
    corner(p0.x, p0.y, q.uv_min.x, q.uv_min.y);
    corner(p1.x, p1.y, q.uv_max.x, q.uv_max.y);
    corner(p0.x, p1.y, q.uv_min.x, q.uv_max.y);
  }
  return layout.size;
}

graph::TextureHandle TextRenderer::add_pass(FrameGraph& frame, std::uint32_t slot, graph::TextureHandle target) {
  const auto count = std::uint32_t(queued_.size());
  if (count == 0) return target;  // no pass at all: nothing to draw
  const VkDeviceSize bytes = count * sizeof(shader::TextVertex);
  gpu::Buffer& buffer = vertices_[slot];
  gpu::reserve_host_buffer(device_, buffer, bytes, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, "text vertices", 64 * 1024);
  std::memcpy(buffer.mapped(), queued_.data(), bytes);
  queued_.clear();
  frame.add_pass(
      "text", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) { target = pass.write(target, graph::Usage::color_attachment); },
      [this, slot, count](PassContext& ctx) { record(ctx.cmd, slot, count, ctx.extent); });
  return target;
}

void TextRenderer::record(VkCommandBuffer cmd, std::uint32_t slot, std::uint32_t vertex_count,
                          VkExtent2D extent) const {
  VkViewport viewport{0.0f, 0.0f, float(extent.width), float(extent.height), 0.0f, 1.0f};
  VkRect2D scissor{{0, 0}, extent};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
  VkDescriptorImageInfo image_info{sampler_, atlas_.view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkWriteDescriptorSet write = gpu::image_write(0, &image_info);
  device_.push_descriptors(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, std::span(&write, 1));
  shader::TextPush push{{float(extent.width), float(extent.height)}, font_.sdf_spread(), 0.35f * font_.sdf_spread()};
  vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof push, &push);
  VkDeviceSize offset = 0;
  vkCmdBindVertexBuffers(cmd, 0, 1, &vertices_[slot].handle, &offset);
  vkCmdDraw(cmd, vertex_count, 1, 0, 0);
}

}  // namespace kagami::render
