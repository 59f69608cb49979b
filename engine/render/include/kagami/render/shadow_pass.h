#pragma once
// The sun's cascaded shadow map: four cascades fitted to slices of the view
// (kagami/core/shadow_cascades.h) rendered depth-only into the tiles of one
// atlas, which the forward pass samples with comparison filtering.
#include <array>
#include <memory>
#include <span>
#include <vector>

#include "kagami/core/shadow_cascades.h"
#include "kagami/gpu/device.h"
#include "kagami/render/draw_list.h"
#include "kagami/render/frame_graph.h"
#include "kagami/render/shader_types.h"

namespace kagami::render {

struct ShadowSettings {
  std::uint32_t resolution = 0;     // per cascade (the atlas is twice this across); 0: cascade_resolution_for(output)
  float max_distance = 150.0f;      // view depth covered by the last cascade
  float split_lambda = 0.75f;       // 1: logarithmic splits, 0: uniform
  float normal_offset = 1.5f;       // texels along the normal
  float depth_bias = 1.0f;          // texels towards the light
  float blend_band = 0.1f;          // fraction of each cascade blended into the next
};

struct ShadowCascades {
  std::array<Cascade, KAGAMI_SHADOW_CASCADES> cascades;
  std::array<float, KAGAMI_SHADOW_CASCADES> far_depth{};  // view depth where each ends
};

// Fits the cascades for a camera (world position and axes, its near plane and
// far plane) and a sun travelling along `light_direction`.
ShadowCascades fit_cascades(const CascadeView& view, float near_plane, float far_plane,
                            const glm::vec3& light_direction, const ShadowSettings& settings, const Aabb& casters);

class ShadowPass {
 public:
  static constexpr VkFormat kFormat = VK_FORMAT_D32_SFLOAT;
  static Result<std::unique_ptr<ShadowPass>> create(gpu::Device& device);
  ~ShadowPass();
  ShadowPass(const ShadowPass&) = delete;
  ShadowPass& operator=(const ShadowPass&) = delete;

  // Adds the pass drawing every non-blended draw into each cascade's tile
  // (or, with `cascades` null, a cleared 1x1 atlas: nothing is shadowed) and
  // returns the atlas. `draws` must outlive the graph's execution. Skinned
  // draws read their matrices from `joints` (the list's joint_matrices()).
  graph::TextureHandle add_pass(FrameGraph& frame, std::span<const DrawItem* const> draws,
                                const ShadowCascades* cascades, std::uint32_t resolution,
                                VkBuffer joints = VK_NULL_HANDLE);

  VkSampler sampler() const { return sampler_; }

 private:
  explicit ShadowPass(gpu::Device& device) : device_(device) {}
  void record(VkCommandBuffer cmd, std::span<const DrawItem* const> draws, std::uint32_t resolution,
              VkBuffer joints) const;

  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;  // the joint matrices (pushed; skinned draws only)
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  VkPipeline skinned_pipeline_ = VK_NULL_HANDLE;
  VkSampler sampler_ = VK_NULL_HANDLE;  // comparison sampler for sampler2DShadow
  ShadowCascades cascades_;             // this frame's, read by record
};

}  // namespace kagami::render
