#pragma once
#include "kagami/core/math.h"

namespace kagami::render {

struct Camera {
  glm::vec3 position{0.0f, 0.0f, 5.0f};
  glm::vec3 target{0.0f};
  glm::vec3 up{0.0f, 1.0f, 0.0f};
  float fov_y = glm::radians(45.0f);
  float near_plane = 0.05f;
  float far_plane = 1000.0f;

  glm::mat4 view() const;
  // Reverse-Z (near maps to depth 1, far to 0) for precision over large scenes,
  // with Vulkan's downward Y.
  glm::mat4 projection(float aspect) const;
  glm::mat4 view_projection(float aspect) const { return projection(aspect) * view(); }
};

// A camera looking at `bounds` from `direction` (towards the target), far enough
// that the bounding sphere fills most of the view.
Camera frame_bounds(const Aabb& bounds, float aspect, glm::vec3 direction = {-0.6f, -0.45f, -0.75f});

}  // namespace kagami::render
