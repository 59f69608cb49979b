// The passes before the forward pass and the per-view constants they share:
// draw order (blended draws back to front), the light buffer and its culling
// pass, the sun's shadow cascades and the point/spot lights' shadow views.
#include <algorithm>
#include <cstring>

#include "kagami/core/light_clusters.h"
#include "kagami/graph/usage.h"
#include "kagami/render/forward_renderer.h"

namespace kagami::render {
namespace {

bool sun_casts_shadows(const Lighting& lighting) {
  glm::vec3 radiance = lighting.sun_radiance;
  return lighting.sun_shadows && lighting.sun_direction.y < 0.0f && std::max({radiance.r, radiance.g, radiance.b}) > 0.0f;
}

}  // namespace

ForwardRenderer::LightingPasses ForwardRenderer::add_lighting_passes(FrameGraph& frame, std::uint32_t slot,
                                                                     const DrawList& draws, const Camera& camera,
                                                                     const Lighting& lighting, VkExtent2D extent,
                                                                     const FrameEffects& effects) {
  const float aspect = float(extent.width) / float(extent.height);
  shader::ViewUniforms view{};
  view.view_proj = camera.view_projection(aspect);
  view.view = camera.view();
  view.camera_position = glm::vec4(camera.position, 1.0f);
  const glm::vec3 sun_direction = glm::normalize(lighting.sun_direction);
  view.sun_direction = glm::vec4(sun_direction, glm::clamp(effects.data_pulse, 0.0f, 1.0f));
  view.sun_radiance = glm::vec4(lighting.sun_radiance, effects.time.seconds);
  view.ambient_sky = glm::vec4(lighting.ambient_sky, glm::clamp(effects.snow_cover, 0.0f, 1.0f));
  view.ambient_ground = glm::vec4(lighting.ambient_ground, glm::clamp(effects.dissolve, 0.0f, 1.0f));

  // The data blocks drift with this frame's time (drawn like the scenery, after its opaque draws).
  std::vector<DrawItem>& blocks = block_draws_[slot];
  blocks.clear();
  if (effects.data_blocks.amount > 0.0f)
    data_blocks_->add_draws(effects.data_blocks, effects.time.seconds, camera.position, blocks);

  // Opaque and masked draws keep the list's order; blended ones go last, farthest first.
  ordered_.clear();
  for (const DrawItem& item : draws.items())
    if (!item.material.alpha_blend) ordered_.push_back(&item);
  for (const DrawItem& item : blocks) ordered_.push_back(&item);
  const std::size_t opaque = ordered_.size();
  for (const DrawItem& item : draws.items())
    if (item.material.alpha_blend) ordered_.push_back(&item);
  auto distance2 = [&](const DrawItem* d) {
    glm::vec3 center = d->world_bounds.valid() ? d->world_bounds.center() : glm::vec3(d->world[3]);
    glm::vec3 to = center - camera.position;
    return glm::dot(to, to);
  };
  std::stable_sort(ordered_.begin() + std::ptrdiff_t(opaque), ordered_.end(),
                   [&](const DrawItem* a, const DrawItem* b) { return distance2(a) > distance2(b); });

  const ClusterGrid grid = make_cluster_grid(camera.fov_y, aspect, camera.near_plane, camera.far_plane);
  view.cluster_params = {grid.near_plane, grid.far_plane, grid.tan_half_x, grid.tan_half_y};
  LocalShadowSettings local_settings = local_shadow_settings_;
  local_settings.enabled = local_settings.enabled && lighting.local_shadows;
  const LocalShadowPlan local = plan_local_shadows(lighting.lights, camera, aspect, local_settings);
  // The fog's beams (post chain) read the same maps through the same matrices.
  LightingPasses passes;
  LocalShadowMaps& maps = passes.local_shadows;
  maps.lights = local.lights;
  for (std::size_t i = 0; i < local.views.size(); ++i) maps.view_proj[local.view_index[i]] = local.views[i].view_proj;
  std::copy(maps.view_proj.begin(), maps.view_proj.end(), view.local_shadow_view_proj);
  view.local_shadow_params = {local.views.empty() ? 0.0f : 1.0f, local_settings.normal_offset, local_settings.depth_bias,
                              0.0f};
  const std::uint32_t light_count =
      light_culling_->upload(slot, lighting.lights, lighting.directional_lights, local.lights);
  view.light_info = {light_count, clustered_lights_ ? 1u : 0u, std::uint32_t(lighting.directional_lights.size()), 0u};

  const bool shadows = sun_casts_shadows(lighting);
  ShadowSettings shadow = shadow_settings_;
  if (shadow.resolution == 0) shadow.resolution = cascade_resolution_for(extent.width, extent.height);
  ShadowCascades cascades;
  if (shadows) {
    CascadeView cascade_view{camera.position, glm::normalize(camera.target - camera.position), camera.up,
                             grid.tan_half_x, grid.tan_half_y};
    cascades = fit_cascades(cascade_view, camera.near_plane, camera.far_plane, sun_direction, shadow, draws.bounds());
    for (std::size_t i = 0; i < KAGAMI_SHADOW_CASCADES; ++i) {
      view.shadow_view_proj[i] = cascades.cascades[i].view_proj;
      view.cascade_far[int(i)] = cascades.far_depth[i];
      view.cascade_texel[int(i)] = cascades.cascades[i].texel_size;
    }
    view.shadow_params = {1.0f, shadow.normal_offset, shadow.depth_bias, shadow.blend_band};
  }
  std::memcpy(view_uniforms_[slot].mapped(), &view, sizeof view);

  if (clustered_lights_) passes.clusters = light_culling_->add_pass(frame, slot, view_uniforms_[slot].handle);
  const ShadowInputs casters{upload_joints(slot, draws.joint_matrices()), view_uniforms_[slot].handle,
                             view.ambient_ground.w};
  passes.shadow_atlas =
      shadow_pass_->add_pass(frame, ordered_, shadows ? &cascades : nullptr, shadow.resolution, casters);
  passes.local_shadow_atlas = shadow_pass_->add_views_pass(frame, "local shadows", "local shadow atlas", ordered_,
                                                           local.views, local.atlas_size, casters);
  if (!local.views.empty()) maps.atlas = passes.local_shadow_atlas;
  return passes;
}

}  // namespace kagami::render
