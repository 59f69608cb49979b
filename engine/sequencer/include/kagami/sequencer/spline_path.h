#pragma once
// A path through timed points (Catmull-Rom): the curve passes through every
// point at its time, with tangents from the neighbouring points, so a camera or
// character move is authored as "be here at 2 s, there at 5 s".
#include <span>
#include <vector>

#include "kagami/core/math.h"

namespace kagami::sequencer {

struct PathPoint {
  double time = 0.0;
  glm::vec3 position{0.0f};
  bool operator==(const PathPoint&) const = default;
};

class SplinePath {
 public:
  SplinePath() = default;
  explicit SplinePath(std::vector<PathPoint> points) : points_(std::move(points)) {}
  std::span<const PathPoint> points() const { return points_; }
  bool empty() const { return points_.empty(); }
  // Holds the end points outside their times; the segment between points i and
  // i+1 uses points i-1 and i+2 (the end points repeated at the ends).
  glm::vec3 evaluate(double t) const;
  bool operator==(const SplinePath&) const = default;

 private:
  std::vector<PathPoint> points_;  // strictly increasing time
};

}  // namespace kagami::sequencer
