#include "kagami/core/frustum.h"

namespace kagami {

Aabb transform_aabb(const Aabb& box, const glm::mat4& transform) {
  // Each output axis is the translation plus, per input axis, the smaller and
  // larger of the two products: the corner extremes, one axis at a time.
  Aabb out;
  out.min = out.max = glm::vec3(transform[3]);
  for (int column = 0; column < 3; ++column) {
    const glm::vec3 axis(transform[column]);
    const glm::vec3 a = axis * box.min[column];
    const glm::vec3 b = axis * box.max[column];
    out.min += glm::min(a, b);
    out.max += glm::max(a, b);
  }
  return out;
}

Frustum Frustum::from_matrix(const glm::mat4& m) {
  // Rows of the matrix (GLM stores columns): a clip-space inequality such as
  // x <= w becomes the world-space plane (row3 - row0) . p >= 0.
  auto row = [&](int r) { return glm::vec4(m[0][r], m[1][r], m[2][r], m[3][r]); };
  Frustum f;
  f.planes_ = {row(3) + row(0), row(3) - row(0), row(3) + row(1), row(3) - row(1), row(2), row(3) - row(2)};
  return f;
}

bool Frustum::intersects(const Aabb& box) const {
  for (const glm::vec4& plane : planes_) {
    // The corner furthest along the plane's normal: if even it is outside, all are.
    const glm::vec3 far_corner(plane.x >= 0.0f ? box.max.x : box.min.x, plane.y >= 0.0f ? box.max.y : box.min.y,
                               plane.z >= 0.0f ? box.max.z : box.min.z);
    if (glm::dot(glm::vec3(plane), far_corner) + plane.w < 0.0f) return false;
  }
  return true;
}

}  // namespace kagami
