#pragma once
// Glowing fragments flying off a dissolving mesh: GPU particles (the same
// Particle buffer and draw as the snow) spawned on the mesh's triangles
// (area-weighted, seeded) where the dissolve's edge currently burns, rising,
// swirling and fading. One system per dissolving mesh.
#include <memory>
#include <span>

#include "kagami/asset/model.h"
#include "kagami/render/dissolve_pass.h"
#include "kagami/render/particle_shader_types.h"
#include "kagami/render/snow_system.h"

namespace kagami::render {

// A mesh's triangles with their cumulative area, object space, on the GPU.
struct DissolveSource {
  gpu::Buffer triangles;  // shader::FxTriangle[count]
  std::uint32_t count = 0;
};

// The cumulative-area table of `mesh` (what make_dissolve_source uploads); an
// error names the mesh when it has no triangle of non-zero area.
Result<std::vector<shader::FxTriangle>> dissolve_triangles(const asset::MeshData& mesh);
Result<DissolveSource> make_dissolve_source(gpu::Device& device, const asset::MeshData& mesh);
void release_dissolve_source(gpu::Device& device, DissolveSource& source);

struct FragmentSettings {
  std::uint32_t count = 20000;  // fragment slots
  float spawn_chance = 0.15f;   // per free slot and frame (the spawn also needs a point on the edge)
  float rise_speed = 0.5f;      // m/s
  float life_seconds = 1.6f;    // mean
  float size = 0.03f;           // m
};

class DissolveFragments {
 public:
  static Result<std::unique_ptr<DissolveFragments>> create(gpu::Device& device, VkFormat color_format,
                                                           VkFormat depth_format);
  ~DissolveFragments();
  DissolveFragments(const DissolveFragments&) = delete;
  DissolveFragments& operator=(const DissolveFragments&) = delete;

  // "dissolve fragments": one step of the fragments of `source` placed by `world`.
  graph::BufferHandle add_emit_pass(FrameGraph& frame, const DissolveSource& source, const glm::mat4& world,
                                    const DissolveSettings& dissolve, const FragmentSettings& settings,
                                    std::uint32_t seed, const FxTime& time);
  // "dissolve fragments replay": the fragments as a pure function of time
  // (offline frames in any order): every slot is reset, then one step of
  // time.delta runs per entry of `progress` (the dissolve's progress at that
  // step, oldest first), the last ending at `time`. `dissolve.progress` is
  // unused unless `progress` is empty (one step). Replaying at least the
  // longest life (1.5 * settings.life_seconds) gives the same fragments a
  // stateful run would have at `time`, whatever came before.
  graph::BufferHandle add_replay_pass(FrameGraph& frame, const DissolveSource& source, const glm::mat4& world,
                                      const DissolveSettings& dissolve, std::span<const float> progress,
                                      const FragmentSettings& settings, std::uint32_t seed, const FxTime& time);
  // "dissolve fragments draw": additive glowing quads in the edge colour.
  graph::TextureHandle add_draw_pass(FrameGraph& frame, std::uint32_t slot, const DissolveSettings& dissolve,
                                     const Camera& camera,
                                     graph::BufferHandle particles, graph::TextureHandle color,
                                     graph::TextureHandle depth, VkExtent2D extent);

  const gpu::Buffer& particles() const { return particles_; }

 private:
  explicit DissolveFragments(gpu::Device& device) : device_(device) {}
  bool ensure_capacity(std::uint32_t count);  // true: the buffer is new
  shader::DissolveEmitPush make_push(const DissolveSource& source, const glm::mat4& world,
                                     const DissolveSettings& dissolve, const FragmentSettings& settings,
                                     std::uint32_t seed, const FxTime& time) const;
  graph::BufferHandle import_particles(FrameGraph& frame, bool keep_contents);
  void record_step(PassContext& ctx, graph::BufferHandle particles, VkBuffer triangles,
                   const shader::DissolveEmitPush& push) const;
  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline emit_ = VK_NULL_HANDLE;
  gpu::Buffer particles_;
  std::uint32_t count_ = 0;
  bool written_ = false;
  std::unique_ptr<ParticleDraw> draw_;
};

}  // namespace kagami::render
