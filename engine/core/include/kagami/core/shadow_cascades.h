#pragma once
// Cascaded shadow maps for a directional light, as pure math: where the view
// is split, and each cascade's light-space projection. Cascades are fitted to
// the bounding sphere of their slice of the view frustum, whose size does not
// change as the camera turns, and their origin is snapped to whole shadow-map
// texels, so a static scene's shadow edges do not shimmer as the camera moves.
#include <cstdint>
#include <vector>

#include "kagami/core/math.h"

namespace kagami {

// The practical split scheme: split i of n is lambda * logarithmic +
// (1 - lambda) * uniform. Returns n + 1 view depths, from near to far.
std::vector<float> cascade_splits(float near_plane, float far_plane, std::uint32_t count, float lambda);

// A light-space basis for a directional light (direction the light travels):
// world origin at the origin, so snapping in it is stable under camera motion.
glm::mat4 light_view(const glm::vec3& light_direction);

struct CascadeView {
  glm::vec3 position{0.0f};  // the camera, world space
  glm::vec3 forward{0.0f, 0.0f, -1.0f};
  glm::vec3 up{0.0f, 1.0f, 0.0f};
  float tan_half_x = 1.0f;
  float tan_half_y = 1.0f;
};

struct Cascade {
  glm::mat4 view_proj{1.0f};  // world -> shadow clip space (depth 0 at the light side)
  glm::vec2 origin{0.0f};     // light-space x/y of the projection's centre, a whole number of texels
  float texel_size = 0.0f;    // world units per shadow-map texel
  float radius = 0.0f;        // of the fitted sphere
  float depth_range = 0.0f;   // world units the depth range [0, 1] spans
};

// Fits one cascade to the view depths [split_near, split_far]. Casters
// anywhere in `casters` (world box) stay inside the depth range.
Cascade fit_cascade(const CascadeView& view, float split_near, float split_far, const glm::vec3& light_direction,
                    std::uint32_t resolution, const Aabb& casters);

// A cascade's resolution for an output image of width x height: the nearest
// cascade spans about the view's width, so texels much finer than the image's
// pixels are never seen. The smallest power of two not below the longer side,
// from 512 (small previews keep soft, stable edges) to 1024 (a 2048 atlas: on
// a CPU rasteriser clearing and filling more starts to dominate the frame).
std::uint32_t cascade_resolution_for(std::uint32_t width, std::uint32_t height);

}  // namespace kagami
