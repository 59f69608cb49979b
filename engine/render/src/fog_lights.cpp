#include "kagami/render/fog_lights.h"

#include <algorithm>

#include "kagami/core/light_ranking.h"

namespace kagami::render {

std::vector<std::uint32_t> most_important_lights(std::span<const PunctualLight> lights, const Camera& camera,
                                                 float aspect, std::size_t count,
                                                 const std::function<bool(const PunctualLight&)>& wanted) {
  // Effects matter where the eye looks: rank from a point a few metres ahead.
  constexpr float kFocusDistance = 10.0f;
  const glm::vec3 focus = camera.position + glm::normalize(camera.target - camera.position) * kFocusDistance;
  std::vector<RankedLight> candidates;
  for (std::uint32_t i = 0; i < lights.size(); ++i) {
    const PunctualLight& light = lights[i];
    if (wanted && !wanted(light)) continue;
    const glm::vec3 c = light.radiant_intensity;
    candidates.push_back({i, light.position, std::max({c.r, c.g, c.b}), reach_bounds(light)});
  }
  return rank_lights_in_view(candidates, Frustum::from_matrix(camera.view_projection(aspect)), focus, count);
}

}  // namespace kagami::render
