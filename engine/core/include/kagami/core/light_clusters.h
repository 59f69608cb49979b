#pragma once
// Clustered light culling as pure math: the froxel grid over a perspective
// view (screen tiles x logarithmic depth slices), which cluster a view-space
// point falls in, each cluster's view-space box, and which lights touch it.
// shaders/light_cull.comp and shaders/mesh.frag implement the same functions
// in GLSL; this file is the reference the tests hold them to.
//
// View space: the camera looks down -Z, +Y up; "depth" is the distance along
// the view axis (-z). Slices come from that linear depth, never from the
// depth buffer, so reverse-Z (or any depth mapping) does not change them.
#include <cstdint>
#include <span>
#include <vector>

#include "kagami/core/math.h"

namespace kagami {

struct ClusterGrid {
  glm::uvec3 dims{16, 9, 24};  // tiles across, tiles down, depth slices
  float near_plane = 0.1f;
  float far_plane = 1000.0f;
  float tan_half_x = 1.0f;  // tan of half the horizontal field of view
  float tan_half_y = 1.0f;

  std::uint32_t count() const { return dims.x * dims.y * dims.z; }
  std::uint32_t index(glm::uvec3 c) const { return c.x + dims.x * (c.y + dims.y * c.z); }
};

ClusterGrid make_cluster_grid(float fov_y, float aspect, float near_plane, float far_plane,
                              glm::uvec3 dims = {16, 9, 24});

// The slice of a view depth: slice k spans near * (far/near)^(k/Z) to
// near * (far/near)^((k+1)/Z), so slices are thin close to the eye.
std::uint32_t cluster_slice(const ClusterGrid& grid, float depth);
// The near edge of slice k (k == dims.z gives the far plane).
float slice_depth(const ClusterGrid& grid, std::uint32_t slice);
// The cluster holding a view-space point, clamped to the grid. Tile rows run
// top to bottom as on screen (Vulkan's downward Y).
glm::uvec3 cluster_of(const ClusterGrid& grid, const glm::vec3& view_position);
// A view-space box holding every point of the cluster inside the frustum.
Aabb cluster_bounds(const ClusterGrid& grid, glm::uvec3 cluster);

// A point or spot light in view space. Point lights have cos_outer = -1.
struct ClusterLight {
  glm::vec3 position{0.0f};
  float range = 1.0f;                       // > 0: the light is exactly zero beyond it
  glm::vec3 direction{0.0f, 0.0f, -1.0f};  // unit, where a spot points
  float cos_outer = -1.0f;                  // cone half-angle's cosine; spots: >= 0
  float strength = 1.0f;                    // peak radiant intensity: ranks lights in a full cluster
};

// The exact test: does the light reach this point (inside its range and cone)?
bool light_reaches(const ClusterLight& light, const glm::vec3& point);
// The conservative test the culling uses: false only when the light cannot
// reach any point of the box (sphere against box, then cone against the
// box's bounding sphere).
bool light_touches_box(const ClusterLight& light, const Aabb& box);

struct ClusterLists {
  std::vector<std::vector<std::uint32_t>> lights;  // by cluster index: light indices, ascending
  std::uint32_t overflowed = 0;                    // clusters that had to drop lights
};

// How much a light can matter to a box: its strength over the squared
// distance to the box (at least 1 m away, so lights inside rank by strength).
float light_importance(const ClusterLight& light, const Aabb& box);

// Assigns every light to every cluster it touches, at most `max_per_cluster`
// per cluster. A full cluster keeps its most important lights (a newcomer
// replaces the least important one when it matters more), as the compute
// shader does, and counts as overflowed: a dropped light is a weak, far one.
ClusterLists assign_lights(const ClusterGrid& grid, std::span<const ClusterLight> lights,
                           std::uint32_t max_per_cluster);

}  // namespace kagami
