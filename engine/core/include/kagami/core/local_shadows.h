#pragma once
// Shadow maps for point and spot lights as pure math: the perspective views a
// shadowed light renders its casters into, and which of a point light's six
// cube faces a direction falls in (the shaders pick the face by the same rule,
// shaders/lighting/shadows.glsl). Depth is standard (0 at the near plane),
// Vulkan clip space; the atlas tile is sampled at uv = ndc.xy * 0.5 + 0.5.
#include <array>
#include <cstdint>

#include "kagami/core/math.h"

namespace kagami {

// The cube face of a direction from a point light: 0 +X, 1 -X, 2 +Y, 3 -Y,
// 4 +Z, 5 -Z, by the axis of largest magnitude (ties: X before Y before Z).
std::uint32_t point_shadow_face(const glm::vec3& direction);

// The near plane of a light's shadow views: close enough to catch casters near
// the lamp, far enough that depth precision holds over the whole range.
float local_shadow_near(float range);

// Widest spot cone (radians from the axis) a single perspective map covers;
// wider cones are shadowed inside this angle only.
inline constexpr float kMaxShadowSpotCone = 1.3962634f;  // 80 degrees

// World -> clip for a spot light: looking down `direction` with a square
// field of view of twice `outer_cone` (the cone fits inside), depth [near, range].
glm::mat4 spot_shadow_view_proj(const glm::vec3& position, const glm::vec3& direction, float outer_cone, float range);

// World -> clip for one 90-degree cube face of a point light.
glm::mat4 point_shadow_view_proj(const glm::vec3& position, std::uint32_t face, float range);

// World size of one shadow-map texel per metre of distance from the light,
// for a square map of `resolution` texels spanning `fov` radians.
float shadow_texel_per_metre(float fov, std::uint32_t resolution);

}  // namespace kagami
