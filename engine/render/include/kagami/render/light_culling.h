#pragma once
// Point and spot lights on the GPU: the per-frame light buffer and the
// compute pass that sorts them into the froxel grid (shaders/light_cull.comp,
// the GPU twin of kagami/core/light_clusters.h) for the forward pass to read.
#include <array>
#include <memory>
#include <span>

#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/frame_graph.h"
#include "kagami/render/shader_types.h"

namespace kagami::render {

// A point or spot light in world space, its colour already scaled by
// intensity and exposure.
struct PunctualLight {
  bool spot = false;
  glm::vec3 position{0.0f};
  glm::vec3 direction{0.0f, 0.0f, -1.0f};  // unit, where a spot points
  glm::vec3 radiant_intensity{1.0f};       // colour * intensity (candela) * exposure
  float range = 0.0f;                      // 0: where the light falls below kLightCutoff
  float inner_cone = 0.0f;                 // radians from the axis
  float outer_cone = 0.7853982f;
  bool shadows = false;       // may cast shadows (render/local_shadows.h picks the few that do each frame)
  std::uint64_t fixture = 0;  // the scene entity the light hangs on (0: none), what encloses it: casts no shadow for it
};

// A light from a direction (a moon, a fill light): lights every pixel, so it
// skips the clusters; the sky's sun (with shadows) is not one of these.
struct DirectionalLight {
  glm::vec3 direction{0.0f, -1.0f, 0.0f};  // unit, where the light travels
  glm::vec3 radiance{1.0f};                // colour * illuminance
};

// Radiance (after exposure) below which a light without a range is cut off.
inline constexpr float kLightCutoff = 0.01f;

// The range the shaders use: the light's own, or where it falls below kLightCutoff.
float effective_range(const PunctualLight& light);
// A light with a shadow map this frame: its first view in the local shadow
// atlas and the world size of a shadow texel per metre from it (GpuLight.spot.zw).
struct ShadowedLight {
  std::uint32_t light = 0;  // index into the frame's lights
  std::uint32_t first_view = 0;
  float texel_per_metre = 0.0f;
};

// The light as the shaders read it; with `shadow`, shadowed through its map.
shader::GpuLight pack_light(const PunctualLight& light, const ShadowedLight* shadow = nullptr);
// A box around what a light can reach: its range sphere, or for a spot the
// apex and the cone's end cap (a disc plus the cap's tip).
Aabb reach_bounds(const PunctualLight& light);

class LightCulling {
 public:
  static constexpr VkDeviceSize kClusterBytes =
      VkDeviceSize(KAGAMI_CLUSTER_COUNT) * KAGAMI_CLUSTER_STRIDE * sizeof(std::uint32_t);

  static Result<std::unique_ptr<LightCulling>> create(gpu::Device& device);
  ~LightCulling();
  LightCulling(const LightCulling&) = delete;
  LightCulling& operator=(const LightCulling&) = delete;

  // Writes `lights`, then `directional` after them, into slot's light buffer
  // (grown when needed); returns the count of `lights` (the culled ones).
  // `shadowed` marks the lights with a shadow map this frame.
  std::uint32_t upload(std::uint32_t slot, std::span<const PunctualLight> lights,
                       std::span<const DirectionalLight> directional = {},
                       std::span<const ShadowedLight> shadowed = {});
  VkBuffer lights(std::uint32_t slot) const { return lights_[slot].handle; }

  // Adds the culling pass; returns the cluster buffer it writes. The view
  // uniforms' cluster_params and light_info must be filled for this frame.
  graph::BufferHandle add_pass(FrameGraph& frame, std::uint32_t slot, VkBuffer view_uniforms);

 private:
  explicit LightCulling(gpu::Device& device) : device_(device) {}
  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> lights_;
  graph::BufferHandle clusters_;  // this frame's, written by add_pass
};

}  // namespace kagami::render
