#include "kagami/editor/viewport_math.h"

#include <algorithm>
#include <cmath>

namespace kagami::editor {

namespace {
constexpr float kPitchLimit = 1.55f;  // just short of straight up/down, where yaw is undefined
}

glm::vec3 ViewCamera::forward() const {
  return {std::cos(pitch) * std::sin(yaw), std::sin(pitch), -std::cos(pitch) * std::cos(yaw)};
}

glm::vec3 ViewCamera::right() const { return glm::normalize(glm::cross(forward(), glm::vec3(0, 1, 0))); }

void ViewCamera::orbit(float d_yaw, float d_pitch) {
  yaw += d_yaw;
  pitch = std::clamp(pitch + d_pitch, -kPitchLimit, kPitchLimit);
}

void ViewCamera::look(float d_yaw, float d_pitch) {
  const glm::vec3 eye = position();
  orbit(d_yaw, d_pitch);
  target = eye + forward() * distance;
}

void ViewCamera::fly(const glm::vec3& local) {
  const glm::vec3 f = forward();
  const glm::vec3 r = right();
  const glm::vec3 u = glm::cross(r, f);
  target += r * local.x + u * local.y + f * local.z;
}

void ViewCamera::zoom(float steps) { distance = std::clamp(distance * std::pow(0.85f, steps), 0.05f, 1e5f); }

void ViewCamera::frame(const glm::vec3& center, float radius) {
  target = center;
  distance = std::max(radius, 0.1f) / std::sin(fov_y * 0.5f) * 1.1f;
}

Ray pixel_ray(const glm::mat4& view_proj, const glm::vec3& eye, glm::vec2 pixel, glm::vec2 size) {
  const glm::vec2 ndc = pixel / size * 2.0f - 1.0f;  // Vulkan: NDC y points down, as pixels do
  // Any depth strictly inside the view volume is a point in front of the eye on this pixel's ray.
  const glm::vec4 p = glm::inverse(view_proj) * glm::vec4(ndc, 0.5f, 1.0f);
  return Ray{eye, glm::normalize(glm::vec3(p) / p.w - eye)};
}

std::optional<glm::vec2> project_to_pixel(const glm::mat4& view_proj, const glm::vec3& point, glm::vec2 size) {
  glm::vec4 clip = view_proj * glm::vec4(point, 1.0f);
  if (clip.w <= 1e-6f) return std::nullopt;
  glm::vec2 ndc = glm::vec2(clip) / clip.w;
  return (ndc * 0.5f + 0.5f) * size;
}

std::optional<float> closest_on_axis(const Ray& ray, const glm::vec3& origin, const glm::vec3& axis) {
  // Closest points of two lines: origin + t*axis and ray.origin + s*ray.direction.
  const glm::vec3 w = origin - ray.origin;
  const float b = glm::dot(axis, ray.direction);
  const float d = glm::dot(axis, w), e = glm::dot(ray.direction, w);
  const float denom = 1.0f - b * b;
  if (denom < 1e-6f) return std::nullopt;
  return (b * e - d) / denom;
}

std::optional<glm::vec3> intersect_plane(const Ray& ray, const glm::vec3& point, const glm::vec3& normal) {
  const float along = glm::dot(ray.direction, normal);
  if (std::abs(along) < 1e-6f) return std::nullopt;
  const float t = glm::dot(point - ray.origin, normal) / along;
  if (t < 0.0f) return std::nullopt;
  return ray.origin + ray.direction * t;
}

float distance_to_segment(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + ab * t));
}

float snap(float value, float step) { return step > 0.0f ? std::round(value / step) * step : value; }

}  // namespace kagami::editor
