#pragma once
// A joint's local transform as translation, rotation, scale (glTF's TRS, applied
// scale first, then rotation, then translation). Poses are arrays of these: TRS
// blends and interpolates per component, which matrices cannot.
#include "kagami/core/math.h"

namespace kagami::anim {

struct Transform {
  glm::vec3 translation{0.0f};
  glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};  // unit length; glm's (w, x, y, z) constructor
  glm::vec3 scale{1.0f};
};

glm::mat4 to_matrix(const Transform& t);

// Spherical interpolation along the shorter arc: q1 is flipped into q0's
// hemisphere first, so q and -q (the same rotation) never make a detour.
glm::quat slerp_shortest(const glm::quat& q0, const glm::quat& q1, float a);

// Rotation angle about +Y of the direction the rotation turns +Z to (heading),
// in radians; 0 when that direction is vertical.
float yaw_of(const glm::quat& q);

}  // namespace kagami::anim
