#pragma once
// The passes after the forward pass, each a render-graph pass declared by one
// function in its own file: sky_pass.cpp, fog_pass.cpp, bloom_pass.cpp,
// tonemap_pass.cpp, fxaa_pass.cpp. PostChain (post_chain.h) strings them
// together; tests may call them one by one on synthetic inputs.
#include "kagami/look/look_settings.h"
#include "kagami/render/frame_graph.h"
#include "kagami/render/post_kit.h"

namespace kagami::render {

struct PostPipelines {
  VkPipeline sky = VK_NULL_HANDLE;
  VkPipeline fog = VK_NULL_HANDLE;
  VkPipeline bloom_down = VK_NULL_HANDLE;
  VkPipeline bloom_up = VK_NULL_HANDLE;
  VkPipeline tonemap_ldr = VK_NULL_HANDLE;     // into the LDR image FXAA reads
  VkPipeline tonemap_target = VK_NULL_HANDLE;  // straight into the target (FXAA off)
  VkPipeline fxaa = VK_NULL_HANDLE;
};

// What the post passes of one frame share. Pointers must outlive the graph's execution.
struct PostFrame {
  const PostKit* kit = nullptr;
  const PostPipelines* pipelines = nullptr;
  const look::LookSettings* look = nullptr;
  VkBuffer uniforms = VK_NULL_HANDLE;  // shader::PostUniforms of this frame
  VkExtent2D extent{0, 0};
  bool target_encodes_srgb = true;  // the target is an sRGB format: write linear values
};

inline constexpr VkFormat kHdrFormat = VK_FORMAT_R16G16B16A16_SFLOAT;
inline constexpr VkFormat kLdrFormat = VK_FORMAT_R8G8B8A8_UNORM;

// "sky": where depth is still at the far plane. Returns the HDR image's new version.
graph::TextureHandle add_sky_pass(FrameGraph& frame, const PostFrame& post, graph::TextureHandle hdr,
                                  graph::TextureHandle depth);
// "fog": height fog over everything, from the depth buffer, with the beams
// of the lights that have maps in `local_shadow_atlas` (if valid) shadowed.
graph::TextureHandle add_fog_pass(FrameGraph& frame, const PostFrame& post, graph::TextureHandle hdr,
                                  graph::TextureHandle depth, graph::TextureHandle local_shadow_atlas = {});

// "data break-up": the image breaking up into data blocks (Act 2 -> Act 3):
// `amount` 0..1 displaces and quantises blocks, outlines them in glowing teal
// and drops them out to black. `pipeline`: data_breakup.frag into kHdrFormat.
// Returns a new HDR image.
graph::TextureHandle add_data_breakup_pass(FrameGraph& frame, const PostFrame& post, VkPipeline pipeline,
                                           graph::TextureHandle hdr, float amount, float time);

struct BloomResult {
  graph::TextureHandle image;  // half resolution: the sum of every level
  int levels = 0;              // 0: no bloom (too small an image or strength 0)
};
// "bloom down N" / "bloom up N": a progressive downsample chain and tent upsampling back.
BloomResult add_bloom_passes(FrameGraph& frame, const PostFrame& post, graph::TextureHandle hdr);

// "tonemap": into `out` if valid (the target), else into a new LDR image for FXAA.
graph::TextureHandle add_tonemap_pass(FrameGraph& frame, const PostFrame& post, graph::TextureHandle hdr,
                                      const BloomResult& bloom, graph::TextureHandle out);
// "fxaa": the tonemapped image into the target.
graph::TextureHandle add_fxaa_pass(FrameGraph& frame, const PostFrame& post, graph::TextureHandle ldr,
                                   graph::TextureHandle target);

}  // namespace kagami::render
