#include "kagami/core/shadow_cascades.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace kagami {

std::vector<float> cascade_splits(float near_plane, float far_plane, std::uint32_t count, float lambda) {
  std::vector<float> splits(count + 1);
  for (std::uint32_t i = 0; i <= count; ++i) {
    float t = float(i) / float(count);
    float logarithmic = near_plane * std::pow(far_plane / near_plane, t);
    float uniform = near_plane + (far_plane - near_plane) * t;
    splits[i] = lambda * logarithmic + (1.0f - lambda) * uniform;
  }
  splits.front() = near_plane;
  splits.back() = far_plane;
  return splits;
}

glm::mat4 light_view(const glm::vec3& light_direction) {
  glm::vec3 dir = glm::normalize(light_direction);
  glm::vec3 up = std::abs(dir.y) > 0.99f ? glm::vec3(0.0f, 0.0f, 1.0f) : glm::vec3(0.0f, 1.0f, 0.0f);
  return glm::lookAt(glm::vec3(0.0f), dir, up);
}

Cascade fit_cascade(const CascadeView& view, float split_near, float split_far, const glm::vec3& light_direction,
                    std::uint32_t resolution, const Aabb& casters) {
  // The smallest sphere around the slice's eight corners has its centre on
  // the view axis, equidistant from a near and a far corner (or at the far
  // plane's centre when the slice is wide). It depends only on the slice's
  // shape, never on where the camera points.
  const float k2 = view.tan_half_x * view.tan_half_x + view.tan_half_y * view.tan_half_y;
  const float n = split_near, f = split_far;
  float center_depth = 0.5f * (f + n) * (1.0f + k2);
  float radius;
  if (center_depth >= f) {
    center_depth = f;
    radius = f * std::sqrt(k2);
  } else {
    radius = std::sqrt(n * n * k2 + (center_depth - n) * (center_depth - n));
  }
  // Rounded up so floating-point noise never changes the texel size.
  radius = std::ceil(radius * 16.0f) / 16.0f;
  const glm::vec3 center_world = view.position + glm::normalize(view.forward) * center_depth;

  Cascade c;
  c.radius = radius;
  c.texel_size = 2.0f * radius / float(resolution);
  const glm::mat4 light = light_view(light_direction);
  glm::vec3 center = glm::vec3(light * glm::vec4(center_world, 1.0f));
  c.origin = glm::floor(glm::vec2(center) / c.texel_size + 0.5f) * c.texel_size;

  // Light space looks down -Z: the nearest caster has the largest z.
  float z_top = center.z + radius;
  if (casters.valid())
    for (int i = 0; i < 8; ++i) {
      glm::vec3 corner((i & 1) ? casters.max.x : casters.min.x, (i & 2) ? casters.max.y : casters.min.y,
                       (i & 4) ? casters.max.z : casters.min.z);
      z_top = std::max(z_top, (light * glm::vec4(corner, 1.0f)).z);
    }
  const float z_bottom = center.z - radius;
  c.depth_range = z_top - z_bottom;
  glm::mat4 projection = glm::ortho(c.origin.x - radius, c.origin.x + radius, c.origin.y - radius,
                                    c.origin.y + radius, -z_top, -z_bottom);
  c.view_proj = projection * light;
  return c;
}

std::uint32_t cascade_resolution_for(std::uint32_t width, std::uint32_t height) {
  return std::clamp(std::bit_ceil(std::max(width, height)), 512u, 1024u);
}

}  // namespace kagami
