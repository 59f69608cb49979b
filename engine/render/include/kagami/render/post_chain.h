#pragma once
// Everything after the forward pass: sky, height fog, bloom, tonemapping with
// grading and vignette, FXAA, ending in a write of the frame's target. Owns
// the post pipelines and one PostUniforms buffer per frame slot.
#include <array>
#include <memory>

#include "kagami/gpu/frames.h"
#include "kagami/render/camera.h"
#include "kagami/render/post_passes.h"

namespace kagami::render {

struct Lighting;

// What the scene passes leave for the post chain.
struct SceneTargets {
  graph::TextureHandle hdr;    // kHdrFormat, linear radiance
  graph::TextureHandle depth;  // reverse-Z (0 = far plane)
};

class PostChain {
 public:
  static Result<std::unique_ptr<PostChain>> create(gpu::Device& device, VkFormat target_format);
  ~PostChain();
  PostChain(const PostChain&) = delete;
  PostChain& operator=(const PostChain&) = delete;

  // Adds the post passes reading `scene` and writing `target`; returns the
  // target's new version. `lighting` must stay alive until the graph has executed.
  graph::TextureHandle add_passes(FrameGraph& frame, std::uint32_t slot, const SceneTargets& scene,
                                  const Camera& camera, const Lighting& lighting, graph::TextureHandle target,
                                  VkExtent2D extent);

  // This frame's uniforms, filled by add_passes (tests add single passes with them).
  PostFrame frame_state(std::uint32_t slot, const Camera& camera, const Lighting& lighting, VkExtent2D extent);

 private:
  PostChain(gpu::Device& device, VkFormat target_format) : device_(device), target_format_(target_format) {}
  gpu::Device& device_;
  VkFormat target_format_;
  std::unique_ptr<PostKit> kit_;
  PostPipelines pipelines_;
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> uniforms_;
};

bool encodes_srgb(VkFormat format);

}  // namespace kagami::render
