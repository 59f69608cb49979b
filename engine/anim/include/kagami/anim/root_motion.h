#pragma once
// Root motion: the horizontal travel and turning a clip's root joint performs,
// taken out of the pose so the character's own transform can carry it (and
// collide, follow paths) while the pose stays in place.
//
// The motion is measured on the ground plane (x, z) and as yaw about +Y; the
// root's height and its tilt stay in the pose. A delta is expressed in the
// character's heading frame at the start time, so applying it is
//   world = world * translate(delta.translation) * rotateY(delta.yaw).
#include <cstdint>
#include <span>

#include "kagami/anim/clip.h"

namespace kagami::anim {

struct RootMotion {
  glm::vec3 translation{0.0f};  // y is always 0
  float yaw = 0.0f;             // radians about +Y

  // This motion, then `next` (measured from where this one ends).
  RootMotion then(const RootMotion& next) const;
  RootMotion inverse() const;
};

// The root's transform in the clip at clip-local time t (channels over `rest`).
Transform sample_joint(const Clip& clip, std::uint32_t joint, float t, const Transform& rest);

// The motion of `root` from time t0 to t1 (seconds, any values). With
// Wrap::loop, times past the end wrap and every whole cycle crossed adds the
// cycle's motion (end relative to start), so a walk keeps walking; t1 < t0
// gives the reverse motion. With Wrap::clamp the times are clamped.
RootMotion extract_root_motion(const Clip& clip, std::uint32_t root, const Transform& rest, float t0, float t1,
                               Wrap wrap);

// Pins the root in place: its ground-plane position and heading become those
// of the clip's start, its height and tilt are kept. Use with
// extract_root_motion, which moves the character instead.
void pin_root(const Clip& clip, std::uint32_t root, const Transform& rest, std::span<Transform> pose);

}  // namespace kagami::anim
