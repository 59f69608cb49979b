#include "kagami/render/camera.h"

#include <algorithm>
#include <cmath>

namespace kagami::render {

glm::mat4 Camera::view() const { return glm::lookAt(position, target, up); }

glm::mat4 Camera::projection(float aspect) const {
  glm::mat4 p = glm::perspective(fov_y, aspect, far_plane, near_plane);  // swapped planes: reverse-Z
  p[1][1] *= -1.0f;
  return p;
}

Camera frame_bounds(const Aabb& bounds, float aspect, glm::vec3 direction) {
  Camera camera;
  glm::vec3 center = bounds.valid() ? bounds.center() : glm::vec3(0.0f);
  float radius = bounds.valid() ? std::max(glm::length(bounds.extent()) * 0.5f, 1e-3f) : 1.0f;
  // The sphere must fit the narrower of the two fields of view.
  float half_fov = 0.5f * camera.fov_y;
  if (aspect < 1.0f) half_fov = std::atan(std::tan(half_fov) * aspect);
  float distance = radius / std::sin(half_fov) * 1.05f;
  camera.target = center;
  camera.position = center - glm::normalize(direction) * distance;
  camera.near_plane = std::max(distance - radius * 1.5f, distance * 0.01f);
  camera.far_plane = distance + radius * 2.0f;
  return camera;
}

}  // namespace kagami::render
