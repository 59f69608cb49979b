#pragma once
// Dissolving meshes: draws DrawItems cut by shaders/shared/dissolve.glsl (a
// per-pixel 3D-noise threshold with a glowing edge), lit like the effect
// stage. The include is what mesh.frag will call once the effect is wired
// into the main pass; until then this pass draws the dissolving objects.
#include <array>
#include <memory>
#include <span>
#include <string_view>

#include "kagami/gpu/frames.h"
#include "kagami/render/draw_list.h"
#include "kagami/render/particle_draw.h"
#include "kagami/render/snow_stage.h"

namespace kagami::render {

struct DissolveSettings {
  float progress = 0.0f;      // 0: whole, 1: gone ("dissolve.progress")
  float edge_width = 0.08f;   // of the glowing band, in noise units ("dissolve.edge_width")
  glm::vec3 edge_color{6.0f, 2.2f, 0.6f};  // radiance at the hole's border ("dissolve.edge_color")
  float noise_scale = 2.0f;   // noise features per object unit ("dissolve.noise_scale")
  std::uint32_t seed = 1;     // < 2^24 (passed to the shader as an exact float)
};

// Sets "dissolve.progress", "dissolve.edge_width", "dissolve.edge_color" (3
// values) or "dissolve.noise_scale"; errors name the parameter.
Result<void> set_dissolve_parameter(DissolveSettings& settings, std::string_view name, std::span<const float> values);

// The shader's view of the settings (DissolvePush::dissolve).
glm::vec4 dissolve_vector(const DissolveSettings& settings);

class DissolvePass {
 public:
  static Result<std::unique_ptr<DissolvePass>> create(gpu::Device& device, VkFormat color_format,
                                                      VkFormat depth_format);
  ~DissolvePass();
  DissolvePass(const DissolvePass&) = delete;
  DissolvePass& operator=(const DissolvePass&) = delete;

  // "dissolve": draws `draws` (alive until the graph has executed) into
  // `color`, depth-tested and written into `depth`. Returns both new versions.
  StageTargets add_pass(FrameGraph& frame, std::uint32_t slot, std::span<const DrawItem> draws,
                        const DissolveSettings& settings, const ParticleLook& lighting, const Camera& camera,
                        StageTargets targets, VkExtent2D extent);

 private:
  explicit DissolvePass(gpu::Device& device) : device_(device) {}
  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  VkSampler sampler_ = VK_NULL_HANDLE;
  gpu::Image white_;
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> uniforms_;
};

}  // namespace kagami::render
