#pragma once
// View-frustum tests for culling: planes taken straight from a clip-space
// matrix, so they match whatever projection drew the frame (reverse-Z,
// Vulkan's [0,1] depth, any field of view).
#include <array>

#include "kagami/core/math.h"

namespace kagami {

// A conservative world box of `box` placed by `transform`: the box of the
// eight transformed corners, computed without visiting them.
Aabb transform_aabb(const Aabb& box, const glm::mat4& transform);

class Frustum {
 public:
  // The six planes of the volume -w <= x,y <= w, 0 <= z <= w of `clip_from_world`.
  static Frustum from_matrix(const glm::mat4& clip_from_world);

  // False only when the box lies wholly outside one plane: boxes near a
  // corner may pass, which costs a draw, never a missing object.
  bool intersects(const Aabb& box) const;

 private:
  std::array<glm::vec4, 6> planes_{};  // xyz normal pointing inside, w offset
};

}  // namespace kagami
