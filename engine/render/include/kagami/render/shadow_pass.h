#pragma once
// Shadow maps (depth only but for dissolving casters, alone or with the whole
// scene, which keep the holes their visible surface has): the sun's four cascades fitted to slices of the view
// (kagami/core/shadow_cascades.h) in the tiles of one atlas, and the point and
// spot lights' perspective views (local_shadows.h) in the tiles of another.
// The forward pass samples both with comparison filtering.
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

// One view rendered into a tile of a shadow atlas. A draw is skipped when its
// bounds lie outside the view's clip volume (for a light, beyond its range:
// such casters cannot shadow anything it lights).
struct ShadowView {
  glm::mat4 view_proj{1.0f};  // world -> clip (depth 0 nearest the light)
  VkRect2D tile{};            // texels of the atlas
  std::uint64_t skip_entity = 0;  // a lamp's own glass (its light's fixture) never shadows it
};

// What the casters need besides their draws.
struct ShadowInputs {
  VkBuffer joints = VK_NULL_HANDLE;         // skinned draws' matrices (the list's joint_matrices())
  VkBuffer view_uniforms = VK_NULL_HANDLE;  // the frame's ViewUniforms: the camera and the scene's dissolve
  float scene_dissolve = 0.0f;              // FrameEffects::dissolve: every caster dissolves with the scene
};

class ShadowPass {
 public:
  static constexpr VkFormat kFormat = VK_FORMAT_D32_SFLOAT;
  static Result<std::unique_ptr<ShadowPass>> create(gpu::Device& device);
  ~ShadowPass();
  ShadowPass(const ShadowPass&) = delete;
  ShadowPass& operator=(const ShadowPass&) = delete;

  // Adds the pass drawing every non-blended draw into each cascade's tile
  // (or, with `cascades` null, a cleared 1x1 atlas: nothing is shadowed) and
  // returns the atlas. `draws` must outlive the graph's execution.
  graph::TextureHandle add_pass(FrameGraph& frame, std::span<const DrawItem* const> draws,
                                const ShadowCascades* cascades, std::uint32_t resolution, const ShadowInputs& inputs);

  // Adds a pass named `name` drawing `draws` into each view's tile of a
  // `size` square atlas named `atlas_name` (with no views, a cleared 1x1
  // atlas: nothing is shadowed) and returns it. When some caster dissolves,
  // a transfer pass first writes the views' matrices into a transient buffer
  // the dissolving casters' vertex shader reads.
  graph::TextureHandle add_views_pass(FrameGraph& frame, const char* name, const char* atlas_name,
                                      std::span<const DrawItem* const> draws, std::vector<ShadowView> views,
                                      std::uint32_t size, const ShadowInputs& inputs);

  VkSampler sampler() const { return sampler_; }

 private:
  explicit ShadowPass(gpu::Device& device) : device_(device) {}
  void record(PassContext& ctx, std::span<const DrawItem* const> draws, std::span<const ShadowView> views,
              const ShadowInputs& inputs, graph::BufferHandle view_list) const;

  gpu::Device& device_;
  // Pushed: 0 the joint matrices (skinned draws), 1 the views' matrices and
  // 2 the ViewUniforms (dissolving casters).
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  // [skinned][dissolving]: dissolving casters (DrawItem::dissolve.x > 0, or
  // all of them while the scene dissolves) cut their holes in a fragment
  // shader; the others write depth only.
  VkPipeline pipelines_[2][2] = {};
  static constexpr VkShaderStageFlags kPushStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
  VkSampler sampler_ = VK_NULL_HANDLE;  // comparison sampler for sampler2DShadow
};

}  // namespace kagami::render
