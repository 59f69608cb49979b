#pragma once
// The viewport's geometry as plain math (tested without a device): the
// orbit/fly camera, rays through the mouse, picking along gizmo axes and snapping.
#include <optional>

#include "kagami/core/math.h"

namespace kagami::editor {

// Orbit and fly in one: the camera looks at `target` from `distance` away.
// Orbit turns around the target, fly turns the view in place and moves both.
struct ViewCamera {
  glm::vec3 target{0.0f};
  float distance = 10.0f;
  float yaw = 0.6f;     // radians around +Y
  float pitch = -0.4f;  // radians; negative looks down
  float fov_y = 0.8f;

  glm::vec3 forward() const;  // unit, from the eye towards the target
  glm::vec3 right() const;
  glm::vec3 position() const { return target - forward() * distance; }

  void orbit(float d_yaw, float d_pitch);
  // Turns the view about the eye (fly look): the target moves, the eye stays.
  void look(float d_yaw, float d_pitch);
  // Moves eye and target together; `local` is (right, up, forward) in metres.
  void fly(const glm::vec3& local);
  void pan(float dx, float dy) { fly({dx, dy, 0.0f}); }
  // Wheel steps: each moves the eye 15% closer or further.
  void zoom(float steps);
  // Looks at a sphere so it fills the view, keeping the direction.
  void frame(const glm::vec3& center, float radius);
};

struct Ray {
  glm::vec3 origin{0.0f};
  glm::vec3 direction{0.0f, 0.0f, -1.0f};  // unit
};

// The ray from the eye through `pixel` (top-left origin) of a `size` viewport
// for a perspective view-projection (Vulkan clip space, either depth convention).
Ray pixel_ray(const glm::mat4& view_proj, const glm::vec3& eye, glm::vec2 pixel, glm::vec2 size);
// Where a world point lands in pixels; nullopt behind the eye.
std::optional<glm::vec2> project_to_pixel(const glm::mat4& view_proj, const glm::vec3& point, glm::vec2 size);

// The parameter t of the point origin + t * axis closest to the ray (axis unit);
// nullopt when the ray runs along the axis.
std::optional<float> closest_on_axis(const Ray& ray, const glm::vec3& origin, const glm::vec3& axis);
std::optional<glm::vec3> intersect_plane(const Ray& ray, const glm::vec3& point, const glm::vec3& normal);
// Distance from p to the segment a-b (pixels).
float distance_to_segment(glm::vec2 p, glm::vec2 a, glm::vec2 b);
// `value` rounded to a multiple of `step` (step <= 0: unchanged).
float snap(float value, float step);

}  // namespace kagami::editor
