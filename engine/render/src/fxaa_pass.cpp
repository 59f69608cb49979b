#include "kagami/render/post_passes.h"

namespace kagami::render {

graph::TextureHandle add_fxaa_pass(FrameGraph& frame, const PostFrame& post, graph::TextureHandle ldr,
                                   graph::TextureHandle target) {
  frame.add_pass(
      "fxaa", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        pass.read(ldr, graph::Usage::sampled);
        target = pass.write(target, graph::Usage::color_attachment);
      },
      [post, ldr](PassContext& ctx) {
        glm::vec4 push(1.0f / float(post.extent.width), 1.0f / float(post.extent.height), 0.0f,
                       post.target_encodes_srgb ? 1.0f : 0.0f);
        post.kit->draw(ctx.cmd, post.pipelines->fxaa, ctx.extent, post.uniforms,
                       {{ctx.view(ldr), sampled_layout(kLdrFormat)}}, push);
      });
  return target;
}

}  // namespace kagami::render
