#pragma once
// Ground footprints already taken, for scattering things (trees, bicycles,
// blocks) without dropping them inside buildings, tracks or each other.
// Plain vectors, scanned in order: layouts are small and the result must not
// depend on any hash order.
#include <vector>

#include "kagami/core/math.h"

namespace kagami::locgen {

class Footprints {
 public:
  void add_rect(const glm::vec2& min, const glm::vec2& max) { rects_.push_back({min, max}); }
  void add_circle(const glm::vec2& centre, float radius) { circles_.push_back({centre, radius}); }
  // True when a circle of `radius` at `p` touches anything added so far.
  bool blocked(const glm::vec2& p, float radius) const {
    for (const Rect& r : rects_)
      if (p.x + radius > r.min.x && p.x - radius < r.max.x && p.y + radius > r.min.y && p.y - radius < r.max.y) return true;
    for (const Circle& c : circles_)
      if (glm::length(p - c.centre) < radius + c.radius) return true;
    return false;
  }

 private:
  struct Rect { glm::vec2 min, max; };
  struct Circle { glm::vec2 centre; float radius; };
  std::vector<Rect> rects_;
  std::vector<Circle> circles_;
};

inline glm::vec2 xz(const glm::vec3& p) { return {p.x, p.z}; }

}  // namespace kagami::locgen
