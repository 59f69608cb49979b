#include <algorithm>
#include <array>
#include <bit>

#include "kagami/core/strings.h"
#include "kagami/render/post_passes.h"

namespace kagami::render {

BloomResult add_bloom_passes(FrameGraph& frame, const PostFrame& post, graph::TextureHandle hdr) {
  constexpr int kMaxLevels = 6;
  const std::uint32_t smaller = std::min(post.extent.width, post.extent.height);
  // Level i is 2^(i+1) times smaller than the image; the smallest keeps at least 2 pixels.
  const int levels = std::min(kMaxLevels, int(std::bit_width(smaller)) - 2);
  if (levels < 1 || post.look->post.bloom_strength <= 0.0f) return {hdr, 0};

  std::array<graph::TextureHandle, kMaxLevels> level{};
  std::array<VkExtent2D, kMaxLevels> size{};
  VkExtent2D source_size = post.extent;
  graph::TextureHandle source = hdr;
  for (int i = 0; i < levels; ++i) {
    size[i] = {std::max(source_size.width / 2, 1u), std::max(source_size.height / 2, 1u)};
    glm::vec4 push(1.0f / float(source_size.width), 1.0f / float(source_size.height), 0.0f, 0.0f);
    frame.add_pass(
        cat("bloom down ", i + 1), graph::QueueKind::raster,
        [&](graph::PassBuilder& pass) {
          pass.read(source, graph::Usage::sampled);
          level[i] = pass.create_texture(cat("bloom ", i + 1), {kHdrFormat, size[i].width, size[i].height});
          level[i] = pass.write(level[i], graph::Usage::color_attachment);
        },
        [post, source, push](PassContext& ctx) {
          post.kit->draw(ctx.cmd, post.pipelines->bloom_down, ctx.extent, post.uniforms,
                         {{ctx.view(source), sampled_layout(kHdrFormat)}}, push);
        });
    source = level[i];
    source_size = size[i];
  }
  for (int i = levels - 2; i >= 0; --i) {
    graph::TextureHandle smaller_level = level[i + 1];
    glm::vec4 push(1.0f / float(size[i + 1].width), 1.0f / float(size[i + 1].height), post.look->post.bloom_radius,
                   0.0f);
    frame.add_pass(
        cat("bloom up ", i + 1), graph::QueueKind::raster,
        [&](graph::PassBuilder& pass) {
          pass.read(smaller_level, graph::Usage::sampled);
          level[i] = pass.write(level[i], graph::Usage::color_attachment);  // added onto (blend ONE, ONE)
        },
        [post, smaller_level, push](PassContext& ctx) {
          post.kit->draw(ctx.cmd, post.pipelines->bloom_up, ctx.extent, post.uniforms,
                         {{ctx.view(smaller_level), sampled_layout(kHdrFormat)}}, push);
        });
  }
  return {level[0], levels};
}

}  // namespace kagami::render
