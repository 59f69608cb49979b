#include "kagami/core/light_clusters.h"

#include <algorithm>
#include <cmath>

namespace kagami {

ClusterGrid make_cluster_grid(float fov_y, float aspect, float near_plane, float far_plane, glm::uvec3 dims) {
  ClusterGrid grid;
  grid.dims = dims;
  grid.near_plane = near_plane;
  grid.far_plane = far_plane;
  grid.tan_half_y = std::tan(0.5f * fov_y);
  grid.tan_half_x = grid.tan_half_y * aspect;
  return grid;
}

std::uint32_t cluster_slice(const ClusterGrid& grid, float depth) {
  float t = std::log(std::max(depth, grid.near_plane) / grid.near_plane) /
            std::log(grid.far_plane / grid.near_plane);
  float slice = std::floor(t * float(grid.dims.z));
  return std::uint32_t(std::clamp(slice, 0.0f, float(grid.dims.z - 1)));
}

float slice_depth(const ClusterGrid& grid, std::uint32_t slice) {
  return grid.near_plane * std::pow(grid.far_plane / grid.near_plane, float(slice) / float(grid.dims.z));
}

glm::uvec3 cluster_of(const ClusterGrid& grid, const glm::vec3& view_position) {
  float depth = std::max(-view_position.z, 1e-6f);
  float ndc_x = view_position.x / (depth * grid.tan_half_x);
  float ndc_y = -view_position.y / (depth * grid.tan_half_y);
  auto tile = [](float ndc, std::uint32_t n) {
    float t = std::floor((ndc * 0.5f + 0.5f) * float(n));
    return std::uint32_t(std::clamp(t, 0.0f, float(n - 1)));
  };
  return {tile(ndc_x, grid.dims.x), tile(ndc_y, grid.dims.y), cluster_slice(grid, depth)};
}

Aabb cluster_bounds(const ClusterGrid& grid, glm::uvec3 cluster) {
  const float depths[2] = {slice_depth(grid, cluster.z), slice_depth(grid, cluster.z + 1)};
  const float ndc_x[2] = {-1.0f + 2.0f * float(cluster.x) / float(grid.dims.x),
                          -1.0f + 2.0f * float(cluster.x + 1) / float(grid.dims.x)};
  const float ndc_y[2] = {-1.0f + 2.0f * float(cluster.y) / float(grid.dims.y),
                          -1.0f + 2.0f * float(cluster.y + 1) / float(grid.dims.y)};
  Aabb box;
  for (float d : depths)
    for (float x : ndc_x)
      for (float y : ndc_y) box.extend({x * d * grid.tan_half_x, -y * d * grid.tan_half_y, -d});
  return box;
}

bool light_reaches(const ClusterLight& light, const glm::vec3& point) {
  glm::vec3 to_point = point - light.position;
  float distance = glm::length(to_point);
  if (distance >= light.range) return false;
  if (light.cos_outer <= -1.0f || distance <= 0.0f) return true;
  return glm::dot(to_point / distance, light.direction) > light.cos_outer;
}

bool light_touches_box(const ClusterLight& light, const Aabb& box) {
  glm::vec3 closest = glm::clamp(light.position, box.min, box.max);
  glm::vec3 d = closest - light.position;
  if (glm::dot(d, d) > light.range * light.range) return false;
  if (light.cos_outer <= -1.0f) return true;
  // Cone against the box's bounding sphere: the sphere is outside the cone
  // when its centre is farther from the cone's side than its radius, behind
  // the apex, or past the range.
  glm::vec3 center = box.center();
  float radius = 0.5f * glm::length(box.extent());
  glm::vec3 v = center - light.position;
  float along = glm::dot(v, light.direction);
  float across = std::sqrt(std::max(glm::dot(v, v) - along * along, 0.0f));
  float sin_outer = std::sqrt(std::max(1.0f - light.cos_outer * light.cos_outer, 0.0f));
  float side_distance = light.cos_outer * across - along * sin_outer;
  return !(side_distance > radius || along < -radius || along > light.range + radius);
}

float light_importance(const ClusterLight& light, const Aabb& box) {
  glm::vec3 d = glm::clamp(light.position, box.min, box.max) - light.position;
  return light.strength / std::max(glm::dot(d, d), 1.0f);
}

ClusterLists assign_lights(const ClusterGrid& grid, std::span<const ClusterLight> lights,
                           std::uint32_t max_per_cluster) {
  ClusterLists lists;
  lists.lights.resize(grid.count());
  for (std::uint32_t z = 0; z < grid.dims.z; ++z)
    for (std::uint32_t y = 0; y < grid.dims.y; ++y)
      for (std::uint32_t x = 0; x < grid.dims.x; ++x) {
        Aabb box = cluster_bounds(grid, {x, y, z});
        auto& list = lists.lights[grid.index({x, y, z})];
        bool dropped = false;
        for (std::uint32_t i = 0; i < lights.size(); ++i) {
          if (!light_touches_box(lights[i], box)) continue;
          if (list.size() < max_per_cluster) {
            list.push_back(i);
            continue;
          }
          dropped = true;
          if (list.empty()) continue;
          // Full: the least important kept light (the first of equals) gives way to a stronger newcomer.
          auto weakest = std::min_element(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
            return light_importance(lights[a], box) < light_importance(lights[b], box);
          });
          if (light_importance(lights[i], box) > light_importance(lights[*weakest], box)) *weakest = i;
        }
        if (dropped) ++lists.overflowed;
        std::sort(list.begin(), list.end());
      }
  return lists;
}

}  // namespace kagami
