#include "kagami/render/post_passes.h"

namespace kagami::render {

graph::TextureHandle add_data_breakup_pass(FrameGraph& frame, const PostFrame& post, VkPipeline pipeline,
                                           graph::TextureHandle hdr, float amount, float time) {
  graph::TextureHandle out;
  const glm::vec4 push(amount, time, 0.0f, 0.0f);
  frame.add_pass(
      "data break-up", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        pass.read(hdr, graph::Usage::sampled);  // blocks sample away from their own pixels
        out = pass.create_texture("broken hdr", {kHdrFormat, post.extent.width, post.extent.height});
        out = pass.write(out, graph::Usage::color_attachment);
      },
      [post, pipeline, hdr, push](PassContext& ctx) {
        post.kit->draw(ctx.cmd, pipeline, ctx.extent, post.uniforms, {{ctx.view(hdr), sampled_layout(kHdrFormat)}},
                       push);
      });
  return out;
}

}  // namespace kagami::render
