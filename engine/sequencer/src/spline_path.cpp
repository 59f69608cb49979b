#include "kagami/sequencer/spline_path.h"

#include <algorithm>

namespace kagami::sequencer {

glm::vec3 SplinePath::evaluate(double t) const {
  if (points_.empty()) return glm::vec3(0.0f);
  if (t <= points_.front().time) return points_.front().position;
  if (t >= points_.back().time) return points_.back().position;
  auto next = std::upper_bound(points_.begin(), points_.end(), t,
                               [](double x, const PathPoint& p) { return x < p.time; });
  const std::size_t i = std::size_t(next - points_.begin()) - 1;
  const std::size_t last = points_.size() - 1;
  const glm::vec3& p0 = points_[i == 0 ? 0 : i - 1].position;
  const glm::vec3& p1 = points_[i].position;
  const glm::vec3& p2 = points_[i + 1].position;
  const glm::vec3& p3 = points_[std::min(i + 2, last)].position;
  const float u = static_cast<float>((t - points_[i].time) / (points_[i + 1].time - points_[i].time));
  const float u2 = u * u, u3 = u2 * u;
  // Uniform Catmull-Rom in matrix form (tension 0.5).
  return 0.5f * ((2.0f * p1) + (p2 - p0) * u + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * u2 +
                 (3.0f * p1 - p0 - 3.0f * p2 + p3) * u3);
}

}  // namespace kagami::sequencer
