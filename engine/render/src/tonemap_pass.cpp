#include "kagami/render/post_passes.h"

namespace kagami::render {

graph::TextureHandle add_tonemap_pass(FrameGraph& frame, const PostFrame& post, graph::TextureHandle hdr,
                                      const BloomResult& bloom, graph::TextureHandle out) {
  const bool to_target = out.valid();
  frame.add_pass(
      "tonemap", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        pass.read(hdr, graph::Usage::sampled);
        if (bloom.levels > 0) pass.read(bloom.image, graph::Usage::sampled);
        if (!to_target) out = pass.create_texture("ldr", {kLdrFormat, post.extent.width, post.extent.height});
        out = pass.write(out, graph::Usage::color_attachment);
      },
      [post, hdr, bloom, to_target](PassContext& ctx) {
        // Without bloom the HDR image stands in for it (mixed in with strength 0).
        graph::TextureHandle glow = bloom.levels > 0 ? bloom.image : hdr;
        glm::vec4 push(bloom.levels > 0 ? 1.0f / float(bloom.levels) : 0.0f, 0.0f, 0.0f,
                       to_target && post.target_encodes_srgb ? 1.0f : 0.0f);
        VkPipeline pipeline = to_target ? post.pipelines->tonemap_target : post.pipelines->tonemap_ldr;
        post.kit->draw(ctx.cmd, pipeline, ctx.extent, post.uniforms,
                       {{ctx.view(hdr), sampled_layout(kHdrFormat), false}, {ctx.view(glow), sampled_layout(kHdrFormat)}},
                       push);
      });
  return out;
}

}  // namespace kagami::render
