#pragma once
// Draws a particle buffer (snow flakes, dissolve fragments) as camera-facing,
// velocity-stretched quads: one instanced draw, depth-tested against the scene
// depth without writing it, blended into the colour target.
#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "kagami/core/math.h"
#include "kagami/core/result.h"
#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/camera.h"
#include "kagami/render/frame_graph.h"

namespace kagami::shader { struct ParticleDrawUniforms; }

namespace kagami::render {

// A point light (outer_angle <= 0) or a spot light lighting particles.
struct ParticleLightDesc {
  glm::vec3 position{0.0f};
  glm::vec3 color{1.0f};
  float intensity = 10.0f;
  float range = 20.0f;
  glm::vec3 direction{0.0f, -1.0f, 0.0f};  // spots: where the cone points
  float inner_angle = 0.3f;                // radians from the axis: full intensity inside
  float outer_angle = 0.0f;                // radians; 0: a point light
};

struct ParticleLook {
  glm::vec3 ambient{0.25f, 0.27f, 0.32f};  // radiance reaching a flake from everywhere
  float opacity = 0.8f;
  glm::vec3 emissive{0.0f};  // added radiance (glowing fragments)
  float size_scale = 1.0f;
  float streak_seconds = 0.03f;  // how much motion one flake's streak shows
  float fade_seconds = 1.0f;     // settled flakes fade out over their last seconds
  bool glow = false;             // additive, fading over each particle's life (fragments)
  std::vector<ParticleLightDesc> lights;  // at most KAGAMI_MAX_PARTICLE_LIGHTS are used
};

// The draw uniforms for `look` seen by `camera` (also used by passes lit like the flakes).
void fill_particle_uniforms(const ParticleLook& look, const Camera& camera, VkExtent2D extent,
                            shader::ParticleDrawUniforms& out);

class ParticleDraw {
 public:
  enum class Blend { alpha, additive };
  static Result<std::unique_ptr<ParticleDraw>> create(gpu::Device& device, VkFormat color_format,
                                                      VkFormat depth_format, Blend blend);
  ~ParticleDraw();
  ParticleDraw(const ParticleDraw&) = delete;
  ParticleDraw& operator=(const ParticleDraw&) = delete;

  // Adds a compute pass lighting each particle in view once ("<name>
  // lighting", into a transient buffer) and a raster pass `name` drawing
  // `count` particles of `particles` into `color`, tested against `depth`.
  // Returns the colour's new version. `slot` selects the per-frame uniforms
  // (one draw per slot per frame).
  graph::TextureHandle add_pass(FrameGraph& frame, std::string_view name, std::uint32_t slot,
                                graph::BufferHandle particles, std::uint32_t count, const ParticleLook& look,
                                const Camera& camera, graph::TextureHandle color, graph::TextureHandle depth,
                                VkExtent2D extent);

 private:
  explicit ParticleDraw(gpu::Device& device) : device_(device) {}
  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  VkPipeline light_ = VK_NULL_HANDLE;  // particle_light.comp
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> uniforms_;
  graph::BufferHandle light_buffer_;  // this frame's per-particle light (transient)
  void bind(PassContext& ctx, VkPipelineBindPoint point, VkBuffer uniforms, graph::BufferHandle particles) const;
};

}  // namespace kagami::render
