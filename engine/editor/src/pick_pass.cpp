#include "pick_pass.h"

#include <cstring>

#include "kagami/gpu/pipeline.h"
#include "pipeline_swap.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/shader_paths.h"
#include "kagami/render/shader_types.h"

namespace kagami::editor {

Result<std::unique_ptr<PickPass>> PickPass::create(gpu::Device& device) {
  std::unique_ptr<PickPass> pass(new PickPass(device));
  pass->layout_ = gpu::create_pipeline_layout(
      device, {{}, {{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(shader::IdPush)}}},
      "entity id layout");
  if (auto built = pass->rebuild_pipeline(); !built) return built.error();
  for (auto& buffer : pass->results_)
    buffer = device.create_buffer({4, VK_BUFFER_USAGE_TRANSFER_DST_BIT, gpu::MemoryUsage::readback, "pick result"});
  return pass;
}

Result<void> PickPass::rebuild_pipeline() {
  gpu::GraphicsPipelineDesc desc;
  desc.name = "entity id";
  desc.vertex_shader = render::shader_path("entity_id.vert");
  desc.fragment_shader = render::shader_path("entity_id.frag");
  desc.layout = layout_;
  desc.vertex_bindings = {{0, sizeof(shader::MeshVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
  desc.vertex_attributes = {{0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(shader::MeshVertex, position)}};
  desc.cull = VK_CULL_MODE_NONE;  // a click on a back face still names the entity
  desc.color_formats = {kIdFormat};
  desc.depth_format = render::ForwardRenderer::kDepthFormat;
  auto pipeline = gpu::create_graphics_pipeline(device_, desc);
  if (!pipeline) return pipeline.error();
  replace_pipeline(device_, pipeline_, *pipeline);
  return {};
}

PickPass::~PickPass() {
  VkDevice vk = device_.vk();
  VkPipeline pipeline = pipeline_;
  VkPipelineLayout layout = layout_;
  device_.retire([vk, pipeline, layout] {
    vkDestroyPipeline(vk, pipeline, nullptr);
    vkDestroyPipelineLayout(vk, layout, nullptr);
  });
  for (auto& buffer : results_) device_.retire(buffer);
}

std::optional<std::uint32_t> PickPass::take_result(std::uint32_t slot) {
  if (!pending_[slot]) return std::nullopt;
  pending_[slot] = false;
  std::uint32_t id = 0;
  std::memcpy(&id, results_[slot].mapped(), sizeof id);
  return id;
}

void PickPass::add_passes(render::FrameGraph& frame, std::uint32_t slot, const render::DrawList& draws,
                          const glm::mat4& view_proj, VkExtent2D extent, VkRect2D area, glm::uvec2 pixel) {
  pixel = glm::min(pixel, glm::uvec2(extent.width - 1, extent.height - 1));
  graph::TextureHandle ids;
  frame.add_pass(
      "entity ids", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        graph::TextureDesc id_desc{kIdFormat, extent.width, extent.height};
        id_desc.clear = graph::ClearValue::rgba(0, 0, 0, 0);
        graph::TextureDesc depth{render::ForwardRenderer::kDepthFormat, extent.width, extent.height};
        depth.clear = graph::ClearValue::depth_stencil(0.0f);  // reverse-Z
        ids = pass.write(pass.create_texture("entity ids", id_desc), graph::Usage::color_attachment);
        pass.write(pass.create_texture("entity id depth", depth), graph::Usage::depth_attachment);
      },
      [this, &draws, view_proj, area](render::PassContext& ctx) { record(ctx.cmd, draws, view_proj, area); });

  graph::ImportedBuffer desc;
  desc.desc.size = 4;
  desc.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT};
  desc.final_state = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT};
  graph::BufferHandle result = frame.import_buffer("pick result", desc, results_[slot].handle);
  frame.add_pass(
      "pick readback", graph::QueueKind::transfer,
      [&](graph::PassBuilder& pass) {
        pass.read(ids, graph::Usage::transfer_src);
        result = pass.write(result, graph::Usage::transfer_dst);
      },
      [ids, result, pixel](render::PassContext& ctx) {
        VkBufferImageCopy copy{};
        copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        copy.imageOffset = {std::int32_t(pixel.x), std::int32_t(pixel.y), 0};
        copy.imageExtent = {1, 1, 1};
        vkCmdCopyImageToBuffer(ctx.cmd, ctx.image(ids), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, ctx.buffer(result), 1,
                               &copy);
      },
      graph::PassFlags::side_effects);
  pending_[slot] = true;
}

void PickPass::record(VkCommandBuffer cmd, const render::DrawList& draws, const glm::mat4& view_proj,
                      VkRect2D area) const {
  VkViewport viewport{float(area.offset.x), float(area.offset.y), float(area.extent.width), float(area.extent.height),
                      0.0f, 1.0f};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &area);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
  for (const render::DrawItem& draw : draws.items()) {
    shader::IdPush push{};
    push.model_view_proj = view_proj * draw.world;
    push.entity = std::uint32_t(draw.entity);
    vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof push, &push);
    VkDeviceSize offset = 0;
    vkCmdBindVertexBuffers(cmd, 0, 1, &draw.mesh->vertices.handle, &offset);
    vkCmdBindIndexBuffer(cmd, draw.mesh->indices.handle, 0, VK_INDEX_TYPE_UINT32);
    vkCmdDrawIndexed(cmd, draw.mesh->index_count, 1, 0, 0, 0);
  }
}

}  // namespace kagami::editor
