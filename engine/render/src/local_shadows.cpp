#include "kagami/render/local_shadows.h"

#include <algorithm>

#include "kagami/core/local_shadows.h"
#include "kagami/render/fog_lights.h"

namespace kagami::render {
namespace {

VkRect2D tile_of(std::uint32_t slot, std::uint32_t tile) {
  return {{std::int32_t(slot % KAGAMI_LOCAL_SHADOW_TILES * tile), std::int32_t(slot / KAGAMI_LOCAL_SHADOW_TILES * tile)},
          {tile, tile}};
}

}  // namespace

static_assert(KAGAMI_LOCAL_SHADOW_VIEWS <= KAGAMI_LOCAL_SHADOW_TILES * KAGAMI_LOCAL_SHADOW_TILES,
              "every shadow view needs a tile of the atlas");

LocalShadowPlan plan_local_shadows(std::span<const PunctualLight> lights, const Camera& camera, float aspect,
                                   const LocalShadowSettings& settings) {
  LocalShadowPlan plan;
  if (!settings.enabled) return plan;
  const std::uint32_t tile = settings.tile;
  auto add_view = [&](std::uint32_t slot, const glm::mat4& view_proj, const PunctualLight& light) {
    plan.views.push_back({view_proj, tile_of(slot, tile), light.fixture});
    plan.view_index.push_back(slot);
  };
  const auto spots = most_important_lights(lights, camera, aspect, KAGAMI_LOCAL_SHADOW_SPOTS,
                                           [](const PunctualLight& l) { return l.shadows && l.spot; });
  for (std::uint32_t s = 0; s < spots.size(); ++s) {
    const PunctualLight& light = lights[spots[s]];
    const float fov = 2.0f * std::clamp(light.outer_cone, 0.01f, kMaxShadowSpotCone);
    plan.lights.push_back({spots[s], s, shadow_texel_per_metre(fov, tile)});
    add_view(s, spot_shadow_view_proj(light.position, light.direction, light.outer_cone, effective_range(light)), light);
  }
  const auto points = most_important_lights(lights, camera, aspect, KAGAMI_LOCAL_SHADOW_POINTS,
                                            [](const PunctualLight& l) { return l.shadows && !l.spot; });
  for (std::uint32_t p = 0; p < points.size(); ++p) {
    const PunctualLight& light = lights[points[p]];
    const std::uint32_t first = KAGAMI_LOCAL_SHADOW_SPOTS + 6 * p;
    plan.lights.push_back({points[p], first, shadow_texel_per_metre(1.5707964f, tile)});
    for (std::uint32_t face = 0; face < 6; ++face)
      add_view(first + face, point_shadow_view_proj(light.position, face, effective_range(light)), light);
  }
  if (!plan.views.empty()) plan.atlas_size = tile * KAGAMI_LOCAL_SHADOW_TILES;
  return plan;
}

}  // namespace kagami::render
