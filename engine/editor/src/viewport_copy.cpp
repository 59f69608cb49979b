#include "viewport_copy.h"

#include "kagami/gpu/barriers.h"

namespace kagami::editor {

graph::TextureHandle add_viewport_copy_pass(render::FrameGraph& frame, graph::TextureHandle viewport,
                                            graph::TextureHandle window, VkRect2D area, const glm::vec4& clear) {
  frame.add_pass(
      "viewport copy", graph::QueueKind::transfer,
      [&](graph::PassBuilder& pass) {
        pass.read(viewport, graph::Usage::transfer_src);
        window = pass.write(window, graph::Usage::transfer_dst);
      },
      [viewport, window, area, clear](render::PassContext& ctx) {
        VkImage dst = ctx.image(window);
        VkClearColorValue color{{clear.r, clear.g, clear.b, clear.a}};
        VkImageSubresourceRange range{VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        vkCmdClearColorImage(ctx.cmd, dst, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &color, 1, &range);
        // The clear and the copy both write the window image: order them.
        gpu::memory_barrier(ctx.cmd, {VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT},
                            {VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT});
        VkImageCopy copy{};
        copy.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        copy.dstSubresource = copy.srcSubresource;
        copy.dstOffset = {area.offset.x, area.offset.y, 0};
        copy.extent = {area.extent.width, area.extent.height, 1};
        vkCmdCopyImage(ctx.cmd, ctx.image(viewport), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, dst,
                       VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &copy);
      });
  return window;
}

}  // namespace kagami::editor
