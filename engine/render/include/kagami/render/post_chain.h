#pragma once
// Everything after the forward pass: sky, height fog, bloom, tonemapping with
// grading and vignette, FXAA, ending in a write of the frame's target. Owns
// the post pipelines and one PostUniforms buffer per frame slot.
#include <array>
#include <functional>
#include <memory>

#include "kagami/gpu/frames.h"
#include "kagami/render/camera.h"
#include "kagami/render/light_culling.h"
#include "kagami/render/post_passes.h"

namespace kagami::render {

struct Lighting;

// The point and spot lights' shadow maps of a frame (local_shadows.h): the
// fog shadows the beams of the lights that have one.
struct LocalShadowMaps {
  graph::TextureHandle atlas;         // invalid: no maps (the fog's beams are unshadowed)
  std::vector<ShadowedLight> lights;  // the lights with maps (indices into Lighting::lights)
  std::array<glm::mat4, KAGAMI_LOCAL_SHADOW_VIEWS> view_proj{};  // world -> clip of each view slot
};

// What the scene passes leave for the post chain.
struct SceneTargets {
  graph::TextureHandle hdr;    // kHdrFormat, linear radiance
  graph::TextureHandle depth;  // reverse-Z (0 = far plane)
  LocalShadowMaps local_shadows;
};

// What effects add to the post chain.
struct PostEffects {
  // Draws over the lit, fogged HDR image (the snow); returns its new version.
  std::function<graph::TextureHandle(graph::TextureHandle hdr)> over_atmosphere;
  float data_breakup = 0.0f;  // > 0: "data break-up" before bloom (0..1)
  float time = 0.0f;          // seconds: the break-up's flicker
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
                                  VkExtent2D extent, const PostEffects& effects = {});

  // This frame's uniforms, filled by add_passes (tests add single passes with them).
  PostFrame frame_state(std::uint32_t slot, const Camera& camera, const Lighting& lighting, VkExtent2D extent,
                        const LocalShadowMaps& local_shadows = {});

 private:
  PostChain(gpu::Device& device, VkFormat target_format) : device_(device), target_format_(target_format) {}
  gpu::Device& device_;
  VkFormat target_format_;
  std::unique_ptr<PostKit> kit_;
  PostPipelines pipelines_;
  VkPipeline breakup_ = VK_NULL_HANDLE;  // data_breakup.frag
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> uniforms_;
};

bool encodes_srgb(VkFormat format);

}  // namespace kagami::render
