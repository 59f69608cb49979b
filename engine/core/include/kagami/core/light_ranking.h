#pragma once
// Which of many lights matter most to a view, for the few effects that can
// afford only a handful of lights a frame (the fog's scattered beams, point
// and spot light shadows). A light counts when what it can reach touches the
// view; it ranks by strength over the squared distance to a focus point a
// little ahead of the camera, where the eye looks.
#include <cstdint>
#include <span>
#include <vector>

#include "kagami/core/frustum.h"
#include "kagami/core/math.h"

namespace kagami {

struct RankedLight {
  std::uint32_t light = 0;  // the caller's index, returned as it is
  glm::vec3 position{0.0f};
  float strength = 1.0f;    // peak radiant intensity
  Aabb reach;               // world box of everything the light can light
};

// At most `count` of `lights` whose reach `view` sees, most important first
// (strength over the squared distance to `focus`, at least 1 m, so a light
// at the focus ranks by strength); ties keep the earlier light.
std::vector<std::uint32_t> rank_lights_in_view(std::span<const RankedLight> lights, const Frustum& view,
                                               const glm::vec3& focus, std::size_t count);

}  // namespace kagami
