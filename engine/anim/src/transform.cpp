#include "kagami/anim/transform.h"

#include <cmath>

namespace kagami::anim {

glm::mat4 to_matrix(const Transform& t) {
  // Columns of R*S, then the translation: cheaper than composing three mat4s.
  const glm::mat3 r = glm::mat3_cast(t.rotation);
  glm::mat4 m(1.0f);
  m[0] = glm::vec4(r[0] * t.scale.x, 0.0f);
  m[1] = glm::vec4(r[1] * t.scale.y, 0.0f);
  m[2] = glm::vec4(r[2] * t.scale.z, 0.0f);
  m[3] = glm::vec4(t.translation, 1.0f);
  return m;
}

glm::quat slerp_shortest(const glm::quat& q0, const glm::quat& q1, float a) {
  glm::quat b = q1;
  float cos_theta = glm::dot(q0, b);
  if (cos_theta < 0.0f) {
    b = -b;
    cos_theta = -cos_theta;
  }
  // Nearly the same rotation: sin(theta) is tiny, so lerp and normalise instead.
  if (cos_theta > 0.9995f) return glm::normalize(q0 * (1.0f - a) + b * a);
  const float theta = std::acos(cos_theta);
  const float s = std::sin(theta);
  return q0 * (std::sin((1.0f - a) * theta) / s) + b * (std::sin(a * theta) / s);
}

float yaw_of(const glm::quat& q) {
  const glm::vec3 forward = q * glm::vec3(0.0f, 0.0f, 1.0f);
  if (std::abs(forward.x) + std::abs(forward.z) < 1e-6f) return 0.0f;
  return std::atan2(forward.x, forward.z);
}

}  // namespace kagami::anim
