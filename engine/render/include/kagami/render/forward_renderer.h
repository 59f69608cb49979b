#pragma once
// Draws a DrawList (one model, or a whole scene) lit by a sun with cascaded
// shadows, point and spot lights (clustered) and the sky's ambient. Every
// frame is a render graph: light culling (compute) and the shadow cascades,
// the forward pass rendering linear radiance into an HDR image, then the post
// chain (post_chain.h: sky, fog, bloom, tonemapping, FXAA) into the target,
// plus a read-back pass when rendering offscreen.
#include <array>
#include <memory>

#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/camera.h"
#include "kagami/render/data_blocks.h"
#include "kagami/render/dissolve_fragments.h"
#include "kagami/render/frame_target.h"
#include "kagami/render/draw_list.h"
#include "kagami/render/graph_executor.h"
#include "kagami/look/look_settings.h"
#include "kagami/look/sky_ambient.h"
#include "kagami/render/light_culling.h"
#include "kagami/render/local_shadows.h"
#include "kagami/render/mesh_pass.h"
#include "kagami/render/post_chain.h"
#include "kagami/render/shadow_pass.h"
#include "kagami/render/snow_system.h"

namespace kagami::render {

struct Lighting {
  glm::vec3 sun_direction = glm::normalize(glm::vec3(-0.4f, -1.0f, -0.55f));
  glm::vec3 sun_radiance{2.6f, 2.5f, 2.3f};
  glm::vec3 ambient_sky{0.30f, 0.34f, 0.42f};
  glm::vec3 ambient_ground{0.12f, 0.10f, 0.09f};
  glm::vec4 clear_color{0.06f, 0.07f, 0.09f, 1.0f};
  std::vector<PunctualLight> lights;  // point and spot lights, world space
  std::vector<DirectionalLight> directional_lights;  // beyond the sun: a moon, a fill (no shadows)
  bool sun_shadows = true;            // cascaded shadows when the sun is up and lit
  bool local_shadows = true;          // point/spot shadows for the few lights marked `shadows` (local_shadows.h)
  look::LookSettings look;     // sky, fog and the HDR image pipeline after the forward pass
  look::SkyAmbient sky_ambient;  // the sky as SH ambient (set by scene_lighting; zero by default)
};

// Glowing fragments streaming off one dissolving mesh (DissolveFragments),
// replayed from their seed every frame so they are a pure function of time.
struct FragmentEmitter {
  const DissolveSource* source = nullptr;  // alive until the graph has executed
  glm::mat4 world{1.0f};                   // the source's placement
  DissolveSettings dissolve;               // as the mesh shader cuts it (progress: see below)
  FragmentSettings settings;
  std::vector<float> progress;  // the dissolve's progress at each replayed step, oldest first, the last at `time`
  // A skinned source: its skinning matrices at each replayed step, back to
  // back in step order (so fragments leave the pose of their step); empty:
  // the bind pose.
  std::vector<glm::mat4> poses;
  std::uint32_t seed = 1;
};

// The effects of one frame, what the film's parameter tracks drive (all off
// by default): the snowstorm drawn over the lit, fogged scene, snow lying on
// upward faces and the scenery dissolving (in the mesh shader), fragments
// leaving dissolving meshes, drifting data blocks (draws of their own), and
// the image breaking up into data blocks (a post pass before bloom).
struct FrameEffects {
  bool snow = false;
  SnowSettings snow_settings;
  FxTime time;  // the effects' clock: film time, never the wall clock
  // > 0: every frame restarts the simulation from its seed and runs this many
  // steps of time.delta ending at `time`, so the flakes are a pure function of
  // time (offline renders in any order). 0: one step per frame (stateful).
  std::uint32_t snow_replay_steps = 0;
  // With replay: > 0, the steps before the last one share this many seconds
  // (the last is always time.delta, which the streaks show). The flakes relax
  // exponentially towards the wind, so a few coarse steps settle them as well
  // as a frame's worth each, for a fraction of the cost. 0: every step is time.delta.
  float snow_replay_seconds = 0.0f;
  float snow_cover = 0.0f;    // snow lying on upward faces, 0..1
  float dissolve = 0.0f;      // every surface dissolving into data: 0 whole, 1 gone (distant first)
  float data_breakup = 0.0f;  // the image breaking up into data blocks: 0 none, 1 gone to black
  float data_pulse = 0.0f;    // the data world: glowing (emissive) surfaces pulse in waves flowing with time, 0..1
  std::vector<FragmentEmitter> fragments;  // drawn over the lit, fogged image, before bloom
  DataBlockSettings data_blocks;           // amount > 0: the data world's drifting blocks around the camera
};

class ForwardRenderer {
 public:
  static constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;
  static Result<std::unique_ptr<ForwardRenderer>> create(gpu::Device& device, VkFormat color_format);
  ~ForwardRenderer();

  // Adds the scene passes and the post chain, drawing `draws` into `target`,
  // and returns the target's new version. `slot` selects the per-frame
  // uniforms. `draws` and `lighting` must stay alive until the graph has executed.
  // `effects` (optional) must stay alive until the graph has executed too.
  graph::TextureHandle add_passes(FrameGraph& frame, std::uint32_t slot, const DrawList& draws, const Camera& camera,
                                  const Lighting& lighting, graph::TextureHandle target, VkExtent2D extent,
                                  const FrameEffects* effects = nullptr);

  // The passes that light the scene into a fresh HDR image and depth buffer.
  SceneTargets add_scene_passes(FrameGraph& frame, std::uint32_t slot, const DrawList& draws, const Camera& camera,
                                const Lighting& lighting, VkExtent2D extent, const FrameEffects* effects = nullptr);

  // Builds and executes a whole frame into `target`.
  Result<void> record(VkCommandBuffer cmd, std::uint32_t slot, const DrawList& draws, const Camera& camera,
                      const Lighting& lighting, const FrameTarget& target);

  // Off: the forward pass loops over every light per pixel (for comparison).
  void set_clustered_lights(bool on) { clustered_lights_ = on; }
  ShadowSettings& shadow_settings() { return shadow_settings_; }
  LocalShadowSettings& local_shadow_settings() { return local_shadow_settings_; }

  GraphExecutor& executor() { return executor_; }
  PostChain& post_chain() { return *post_chain_; }
  FrameGraph& frame_graph() { return frame_; }

 private:
  explicit ForwardRenderer(gpu::Device& device) : device_(device), executor_(device) {}

  gpu::Device& device_;
  GraphExecutor executor_;
  FrameGraph frame_;
  // Fills the view uniforms and adds the passes the forward pass reads
  // (light culling, shadow cascades); returns what it binds.
  struct LightingPasses {
    graph::BufferHandle clusters;  // null with clustering off
    graph::TextureHandle shadow_atlas;
    graph::TextureHandle local_shadow_atlas;  // point and spot lights
    LocalShadowMaps local_shadows;             // the same atlas when it holds maps, and what the fog needs of them
  };
  LightingPasses add_lighting_passes(FrameGraph& frame, std::uint32_t slot, const DrawList& draws,
                                     const Camera& camera, const Lighting& lighting, VkExtent2D extent,
                                     const FrameEffects& effects);
  // The snow passes over the lit, fogged HDR image (forward_effects.cpp).
  graph::TextureHandle add_snow_passes(FrameGraph& frame, std::uint32_t slot, const FrameEffects& effects,
                                       const Camera& camera, const Lighting& lighting, graph::TextureHandle hdr,
                                       graph::TextureHandle depth, VkExtent2D extent);

  std::unique_ptr<MeshPass> mesh_pass_;
  std::unique_ptr<LightCulling> light_culling_;
  std::unique_ptr<ShadowPass> shadow_pass_;
  ShadowSettings shadow_settings_;
  LocalShadowSettings local_shadow_settings_;
  bool clustered_lights_ = true;
  std::vector<const DrawItem*> ordered_;  // this frame's draws: opaque, then blended back to front
  std::unique_ptr<PostChain> post_chain_;
  std::unique_ptr<SnowSystem> snow_;
  // One system per emitter of a frame, made when a frame first has that many.
  std::vector<std::unique_ptr<DissolveFragments>> fragments_;
  graph::TextureHandle add_fragment_passes(FrameGraph& frame, std::uint32_t slot, const FrameEffects& effects,
                                           const Camera& camera, graph::TextureHandle hdr, graph::TextureHandle depth,
                                           VkExtent2D extent);
  std::unique_ptr<DataBlocks> data_blocks_;
  std::array<std::vector<DrawItem>, gpu::FrameRing::kSlots> block_draws_;  // this frame's blocks, per slot
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> view_uniforms_;
  // The draw list's joint matrices (skinned draws), per slot; grown on demand.
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> joints_;
  VkBuffer upload_joints(std::uint32_t slot, std::span<const glm::mat4> matrices);
  std::array<std::vector<const DrawItem*>, gpu::FrameRing::kSlots> visible_;  // the draws inside the view, per slot
};

// An image to render into offscreen and read back.
gpu::Image create_color_target(gpu::Device& device, VkFormat format, VkExtent2D extent, const char* name);

graph::TextureHandle import_target(FrameGraph& frame, const FrameTarget& target, const glm::vec4& clear_color);

struct OffscreenOptions {
  graph::CompileOptions compile;  // culling, aliasing or batching off
  std::uint32_t frames = 1;       // frames rendered; the last is read back (2+: GPU timings of the graph)
  bool clustered_lights = true;   // false: every light evaluated per pixel
  const FrameEffects* effects = nullptr;  // snow, snow cover, dissolve, data break-up
};

// What the last frame's graph looked like and cost, for `kagami graph`.
struct FrameReport {
  graph::CompiledGraph compiled;
  std::vector<graph::PassTiming> timings;  // by PassId
};

// Renders offscreen and reads the last frame back: the path of `kagami
// render` and of golden-image tests.
Result<ImageRgba8> render_offscreen(gpu::Device& device, const DrawList& draws, const Camera& camera,
                                    const Lighting& lighting, VkExtent2D extent, const OffscreenOptions& options = {},
                                    FrameReport* report = nullptr);

}  // namespace kagami::render
