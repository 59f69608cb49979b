#include "kagami/render/forward_renderer.h"
#include "kagami/render/post_passes.h"

namespace kagami::render {

graph::TextureHandle add_fog_pass(FrameGraph& frame, const PostFrame& post, graph::TextureHandle hdr,
                                  graph::TextureHandle depth, graph::TextureHandle local_shadow_atlas) {
  frame.add_pass(
      "fog", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        pass.read(depth, graph::Usage::sampled);
        if (local_shadow_atlas.valid()) pass.read(local_shadow_atlas, graph::Usage::sampled);
        hdr = pass.write(hdr, graph::Usage::color_attachment);  // alpha-blended over the lit scene
      },
      [post, depth, local_shadow_atlas](PassContext& ctx) {
        PostInput depth_input{ctx.view(depth), sampled_layout(ForwardRenderer::kDepthFormat), false};
        // With no atlas no fog light is marked shadowed and the shader never
        // samples binding 2, but it must hold a depth image: the depth buffer.
        PostInput shadow_input = depth_input;
        if (local_shadow_atlas.valid())
          shadow_input = {ctx.view(local_shadow_atlas), sampled_layout(ShadowPass::kFormat), true};
        shadow_input.compare = true;
        post.kit->draw(ctx.cmd, post.pipelines->fog, ctx.extent, post.uniforms, {depth_input, shadow_input});
      });
  return hdr;
}

}  // namespace kagami::render
