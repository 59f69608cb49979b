#include "kagami/render/fog_lights.h"

#include <algorithm>
#include <cmath>

#include "kagami/core/frustum.h"

namespace kagami::render {

namespace {

// A box around what a light can reach: its range sphere, or for a spot the
// apex and the cone's end cap (a disc plus the cap's tip).
Aabb reach_bounds(const PunctualLight& light) {
  const float range = effective_range(light);
  Aabb box;
  if (!light.spot || light.outer_cone >= 1.5f) {
    box.extend(light.position - glm::vec3(range));
    box.extend(light.position + glm::vec3(range));
    return box;
  }
  const glm::vec3 axis = glm::normalize(light.direction);
  const float outer = std::max(light.outer_cone, 0.0f);
  const glm::vec3 disc_center = light.position + axis * (range * std::cos(outer));
  const glm::vec3 disc_extent = range * std::sin(outer) * glm::sqrt(glm::max(glm::vec3(1.0f) - axis * axis, 0.0f));
  box.extend(light.position);
  box.extend(light.position + axis * range);
  box.extend(disc_center - disc_extent);
  box.extend(disc_center + disc_extent);
  return box;
}

}  // namespace

std::vector<std::uint32_t> fog_scattering_lights(std::span<const PunctualLight> lights, const Camera& camera,
                                                 float aspect, std::size_t count) {
  // Beams matter where the eye looks: rank by intensity over the squared
  // distance to a point a few metres ahead, among lights that reach the view.
  constexpr float kFocusDistance = 10.0f;
  const glm::vec3 focus = camera.position + glm::normalize(camera.target - camera.position) * kFocusDistance;
  const Frustum frustum = Frustum::from_matrix(camera.view_projection(aspect));
  std::vector<std::pair<float, std::uint32_t>> ranked;
  for (std::uint32_t i = 0; i < lights.size(); ++i) {
    const PunctualLight& light = lights[i];
    if (!frustum.intersects(reach_bounds(light))) continue;
    const glm::vec3 to_focus = light.position - focus;
    const glm::vec3 c = light.radiant_intensity;
    ranked.emplace_back(std::max({c.r, c.g, c.b}) / std::max(glm::dot(to_focus, to_focus), 1.0f), i);
  }
  const std::size_t kept = std::min(count, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + std::ptrdiff_t(kept), ranked.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < kept; ++i) out.push_back(ranked[i].second);
  return out;
}

}  // namespace kagami::render
