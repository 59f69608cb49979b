#include "kagami/core/light_ranking.h"

#include <algorithm>

namespace kagami {

std::vector<std::uint32_t> rank_lights_in_view(std::span<const RankedLight> lights, const Frustum& view,
                                               const glm::vec3& focus, std::size_t count) {
  std::vector<std::pair<float, std::size_t>> ranked;  // importance, position in `lights`
  for (std::size_t i = 0; i < lights.size(); ++i) {
    if (!view.intersects(lights[i].reach)) continue;
    const glm::vec3 to_focus = lights[i].position - focus;
    ranked.emplace_back(lights[i].strength / std::max(glm::dot(to_focus, to_focus), 1.0f), i);
  }
  const std::size_t kept = std::min(count, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + std::ptrdiff_t(kept), ranked.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < kept; ++i) out.push_back(lights[ranked[i].second].light);
  return out;
}

}  // namespace kagami
