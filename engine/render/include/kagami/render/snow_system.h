#pragma once
// The snowstorm: a compute simulation of flakes in a persistent storage
// buffer (spawned around the camera, blown by gusty, turbulent wind, landing
// on the ground or a heightfield, lying a while and fading), drawn as lit,
// motion-streaked quads. Everything is a render-graph pass: the caller adds
// them to its frame with the colour and depth targets of the scene.
//
// Deterministic: a flake's random numbers hash (index, frame, seed); each
// invocation writes only its own slot, so the same settings and frame
// sequence give the same bytes.
#include <memory>
#include <span>
#include <string_view>

#include "kagami/core/result.h"
#include "kagami/gpu/device.h"
#include "kagami/render/camera.h"
#include "kagami/render/frame_graph.h"
#include "kagami/render/particle_draw.h"
#include "kagami/render/particle_shader_types.h"

namespace kagami::render {

// Scene height the flakes land on, above the ground plane: the red channel of
// a sampled RGBA8 texture (SHADER_READ_ONLY_OPTIMAL) over a world rectangle.
struct SnowHeightfield {
  VkImageView view = VK_NULL_HANDLE;  // null: the ground plane only
  glm::vec2 min_corner{-10.0f, -10.0f};  // world x, z
  glm::vec2 size{20.0f, 20.0f};
  float height_scale = 1.0f;  // metres at red = 1
};

struct SnowSettings {
  std::uint32_t count = 100000;  // particle slots ("snow.count"); a change restarts the simulation
  std::uint32_t seed = 1;        // ("snow.seed"); a change restarts the simulation
  float intensity = 1.0f;        // active fraction of the slots, 0..1 ("snow.intensity")
  glm::vec2 wind{1.5f, 0.4f};    // base wind along world x and z, m/s ("snow.wind")
  float gust = 0.6f;             // gusts add up to this fraction of the wind ("snow.gust")
  float turbulence = 0.8f;       // swirl speed, m/s ("snow.turbulence")
  float fall_speed = 1.1f;       // terminal fall speed, m/s ("snow.fall_speed")
  float drag = 2.5f;             // 1/s, how quickly flakes follow the air
  float flake_size = 0.025f;     // mean diameter, m ("snow.flake_size")
  float settle_seconds = 6.0f;   // mean time a landed flake lies before it fades ("snow.settle_seconds")
  float half_width = 12.0f;      // the volume around the camera: +-half_width in x and z
  float top = 10.0f;             // and up to `top` above the camera
  float ground_height = 0.0f;    // the ground plane's y
  SnowHeightfield heightfield;
  ParticleLook look;             // ambient, opacity, streaks, lights ("snow.opacity", "snow.streak")
};

// Sets one named parameter (what a sequencer track drives): "snow.intensity",
// "snow.wind" (2 values: x, z), "snow.gust", "snow.turbulence",
// "snow.fall_speed", "snow.flake_size", "snow.settle_seconds", "snow.opacity",
// "snow.streak", "snow.count", "snow.seed". Unknown names or a wrong number of
// values are errors naming the parameter.
Result<void> set_snow_parameter(SnowSettings& settings, std::string_view name, std::span<const float> values);

// Time of the frame being simulated (from the frame index, never the wall clock).
struct FxTime {
  std::uint32_t frame = 0;
  float seconds = 0.0f;  // time at the end of the step
  float delta = 1.0f / 24.0f;
};

class SnowSystem {
 public:
  static Result<std::unique_ptr<SnowSystem>> create(gpu::Device& device, VkFormat color_format,
                                                    VkFormat depth_format);
  ~SnowSystem();
  SnowSystem(const SnowSystem&) = delete;
  SnowSystem& operator=(const SnowSystem&) = delete;

  // "snow simulate": advances the persistent particle buffer by one step
  // (the first step, or one after a new count or seed, spawns every flake).
  // Returns the buffer's written version for later passes to read.
  graph::BufferHandle add_simulate_pass(FrameGraph& frame, const SnowSettings& settings, const FxTime& time,
                                        const Camera& camera);
  // "snow replay": a pure function of `time` rather than of the frames before
  // it. Restarts from the seed and runs `steps` steps ending at `time` in one
  // pass, the camera where it is now: the last of time.delta, those before it
  // of time.delta each or, with `seconds` > 0, sharing `seconds` between them.
  // The same settings, time and camera give the same bytes in any order.
  graph::BufferHandle add_replay_pass(FrameGraph& frame, const SnowSettings& settings, const FxTime& time,
                                      const Camera& camera, std::uint32_t steps, float seconds = 0.0f);
  // "snow draw": the flakes of `particles` blended into `color`, tested against `depth`.
  graph::TextureHandle add_draw_pass(FrameGraph& frame, std::uint32_t slot, const SnowSettings& settings,
                                     const Camera& camera, graph::BufferHandle particles,
                                     graph::TextureHandle color, graph::TextureHandle depth, VkExtent2D extent);
  // Both; returns the colour's new version.
  graph::TextureHandle add_passes(FrameGraph& frame, std::uint32_t slot, const SnowSettings& settings,
                                  const FxTime& time, const Camera& camera, graph::TextureHandle color,
                                  graph::TextureHandle depth, VkExtent2D extent);

  // The persistent particle buffer (shader::Particle[count]); TRANSFER_SRC for read-back.
  const gpu::Buffer& particles() const { return particles_; }
  std::uint32_t count() const { return count_; }
  void restart() { restart_ = true; }

 private:
  explicit SnowSystem(gpu::Device& device) : device_(device) {}
  void ensure_capacity(std::uint32_t count);
  shader::SnowSimPush make_push(const SnowSettings& settings, const FxTime& time, const Camera& camera) const;
  graph::BufferHandle import_particles(FrameGraph& frame, bool keep_contents);
  void record_step(PassContext& ctx, graph::BufferHandle particles, const shader::SnowSimPush& push,
                   VkImageView heightfield) const;

  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline simulate_ = VK_NULL_HANDLE;
  VkSampler sampler_ = VK_NULL_HANDLE;
  gpu::Image flat_;  // the heightfield bound when there is none
  gpu::Buffer particles_;
  std::uint32_t count_ = 0;
  std::uint32_t seed_ = 0;
  bool restart_ = true;
  bool written_ = false;  // whether a previous frame left the buffer in the simulate pass's final state
  std::unique_ptr<ParticleDraw> draw_;
};

}  // namespace kagami::render
