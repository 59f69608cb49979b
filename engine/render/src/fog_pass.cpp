#include "kagami/render/forward_renderer.h"
#include "kagami/render/post_passes.h"

namespace kagami::render {

graph::TextureHandle add_fog_pass(FrameGraph& frame, const PostFrame& post, graph::TextureHandle hdr,
                                  graph::TextureHandle depth) {
  frame.add_pass(
      "fog", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        pass.read(depth, graph::Usage::sampled);
        hdr = pass.write(hdr, graph::Usage::color_attachment);  // alpha-blended over the lit scene
      },
      [post, depth](PassContext& ctx) {
        PostInput depth_input{ctx.view(depth), sampled_layout(ForwardRenderer::kDepthFormat), false};
        post.kit->draw(ctx.cmd, post.pipelines->fog, ctx.extent, post.uniforms, {depth_input});
      });
  return hdr;
}

}  // namespace kagami::render
