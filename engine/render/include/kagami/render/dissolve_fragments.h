#pragma once
// Glowing fragments flying off a dissolving mesh: GPU particles (the same
// Particle buffer and draw as the snow) spawned on the mesh's triangles
// (area-weighted, seeded) where the dissolve's edge currently burns, rising,
// swirling and fading. One system per dissolving mesh. A skinned source
// emits from the pose of each step (its skinning matrices), so fragments leave
// the body where it is, not where its bind pose would be.
#include <array>
#include <memory>
#include <span>

#include "kagami/asset/model.h"
#include "kagami/render/dissolve_pass.h"
#include "kagami/render/particle_shader_types.h"
#include "kagami/render/snow_system.h"

namespace kagami::render {

// A mesh's triangles with their cumulative area, object space (the bind
// pose), on the GPU, and for a skinned mesh their corners' joints.
struct DissolveSource {
  gpu::Buffer triangles;  // shader::FxTriangle[count]
  gpu::Buffer skin;       // shader::FxTriangleSkin[count]; empty: rigid
  std::uint32_t count = 0;
  bool skinned() const { return skin.handle != VK_NULL_HANDLE; }
};

// The cumulative-area table of `mesh` and, when it has a skin, the joints of
// each listed triangle's corners (what make_dissolve_source uploads). Area is
// measured in the bind pose. An error names the mesh when it has no triangle
// of non-zero area.
struct DissolveTable {
  std::vector<shader::FxTriangle> triangles;
  std::vector<shader::FxTriangleSkin> skin;  // empty, or one per triangle
};
Result<DissolveTable> dissolve_triangles(const asset::MeshData& mesh);
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

  // "dissolve fragments": one step of the fragments of `source` placed by
  // `world`. `pose`: for a skinned source, its skinning matrices (one per
  // joint its skin names); empty: the bind pose.
  graph::BufferHandle add_emit_pass(FrameGraph& frame, std::uint32_t slot, const DissolveSource& source,
                                    const glm::mat4& world, std::span<const glm::mat4> pose,
                                    const DissolveSettings& dissolve, const FragmentSettings& settings,
                                    std::uint32_t seed, const FxTime& time);
  // "dissolve fragments replay": the fragments as a pure function of time
  // (offline frames in any order): every slot is reset, then one step of
  // time.delta runs per entry of `progress` (the dissolve's progress at that
  // step, oldest first), the last ending at `time`. `dissolve.progress` is
  // unused unless `progress` is empty (one step). Replaying at least the
  // longest life (1.5 * settings.life_seconds) gives the same fragments a
  // stateful run would have at `time`, whatever came before. `poses`: for a
  // skinned source, each step's skinning matrices back to back (the same
  // number per step, progress.size() steps); empty: the bind pose throughout.
  graph::BufferHandle add_replay_pass(FrameGraph& frame, std::uint32_t slot, const DissolveSource& source,
                                      const glm::mat4& world, std::span<const glm::mat4> poses,
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
  // What the steps bind; `poses` (`steps` of them back to back) go into this
  // slot's upload buffer. Without poses (or a skin) the source's triangles
  // stand in for the skin and joints, which the shader then never reads.
  struct StepBuffers {
    VkBuffer triangles, skin, joints;
    std::uint32_t joints_per_step;  // 0: emit from the bind pose
  };
  StepBuffers step_buffers(std::uint32_t slot, const DissolveSource& source, std::span<const glm::mat4> poses,
                           std::size_t steps);
  void record_step(PassContext& ctx, graph::BufferHandle particles, const StepBuffers& buffers,
                   const shader::DissolveEmitPush& push) const;
  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline emit_ = VK_NULL_HANDLE;
  gpu::Buffer particles_;
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> poses_;  // this frame's skinning matrices, per slot
  std::uint32_t count_ = 0;
  bool written_ = false;
  std::unique_ptr<ParticleDraw> draw_;
};

}  // namespace kagami::render
