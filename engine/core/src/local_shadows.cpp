#include "kagami/core/local_shadows.h"

#include <algorithm>
#include <cmath>

namespace kagami {
namespace {

// A face's axis and an up vector not parallel to it (any works: each face
// has its own matrix, and the shader projects with that matrix).
struct Face {
  glm::vec3 axis;
  glm::vec3 up;
};
constexpr std::array<Face, 6> kFaces = {{{{1, 0, 0}, {0, 1, 0}},
                                         {{-1, 0, 0}, {0, 1, 0}},
                                         {{0, 1, 0}, {0, 0, 1}},
                                         {{0, -1, 0}, {0, 0, 1}},
                                         {{0, 0, 1}, {0, 1, 0}},
                                         {{0, 0, -1}, {0, 1, 0}}}};

glm::mat4 perspective_from(const glm::vec3& position, const glm::vec3& axis, const glm::vec3& up, float fov, float range) {
  const glm::mat4 view = glm::lookAt(position, position + axis, up);
  return glm::perspective(fov, 1.0f, local_shadow_near(range), range) * view;
}

}  // namespace

std::uint32_t point_shadow_face(const glm::vec3& d) {
  const glm::vec3 a = glm::abs(d);
  if (a.x >= a.y && a.x >= a.z) return d.x >= 0.0f ? 0u : 1u;
  if (a.y >= a.z) return d.y >= 0.0f ? 2u : 3u;
  return d.z >= 0.0f ? 4u : 5u;
}

float local_shadow_near(float range) { return std::clamp(range * 0.005f, 0.02f, 0.25f); }

glm::mat4 spot_shadow_view_proj(const glm::vec3& position, const glm::vec3& direction, float outer_cone, float range) {
  const glm::vec3 axis = glm::normalize(direction);
  const glm::vec3 up = std::abs(axis.y) > 0.99f ? glm::vec3(0.0f, 0.0f, 1.0f) : glm::vec3(0.0f, 1.0f, 0.0f);
  const float fov = 2.0f * std::clamp(outer_cone, 0.01f, kMaxShadowSpotCone);
  return perspective_from(position, axis, up, fov, range);
}

glm::mat4 point_shadow_view_proj(const glm::vec3& position, std::uint32_t face, float range) {
  const Face& f = kFaces[face % 6];
  return perspective_from(position, f.axis, f.up, 1.5707964f, range);
}

float shadow_texel_per_metre(float fov, std::uint32_t resolution) {
  return 2.0f * std::tan(0.5f * fov) / float(std::max(resolution, 1u));
}

}  // namespace kagami
