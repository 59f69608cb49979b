#include "kagami/render/post_passes.h"

namespace kagami::render {

graph::TextureHandle add_sky_pass(FrameGraph& frame, const PostFrame& post, graph::TextureHandle hdr,
                                  graph::TextureHandle depth) {
  frame.add_pass(
      "sky", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        pass.read(depth, graph::Usage::depth_read_only);  // depth test only: draw where nothing was drawn
        hdr = pass.write(hdr, graph::Usage::color_attachment);
      },
      [post](PassContext& ctx) {
        post.kit->draw(ctx.cmd, post.pipelines->sky, ctx.extent, post.uniforms, {});
      });
  return hdr;
}

}  // namespace kagami::render
