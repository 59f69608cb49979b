#pragma once
// Shared by the anim tests: small skeletons and clips built by hand, and
// tolerant comparisons for vectors and rotations.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "kagami/anim/clip.h"
#include "kagami/anim/pose.h"

namespace kagami::anim::test {

inline constexpr float kPi = 3.14159265358979f;

inline glm::quat axis_angle(float radians, const glm::vec3& axis) { return glm::angleAxis(radians, glm::normalize(axis)); }

inline ::testing::AssertionResult Near(const glm::vec3& a, const glm::vec3& b, float tol = 1e-4f) {
  if (glm::length(a - b) <= tol) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "(" << a.x << ", " << a.y << ", " << a.z << ") != (" << b.x << ", " << b.y
                                       << ", " << b.z << ")";
}

// Same rotation (q and -q are equal).
inline ::testing::AssertionResult SameRotation(const glm::quat& a, const glm::quat& b, float tol = 1e-4f) {
  if (1.0f - std::abs(glm::dot(a, b)) <= tol) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "rotation (w " << a.w << ", " << a.x << ", " << a.y << ", " << a.z
                                       << ") != (w " << b.w << ", " << b.x << ", " << b.y << ", " << b.z << ")";
}

// A chain root -> j1 -> j2 ... along +Y, each bone `length` long, with inverse
// binds matching the rest pose.
inline Skeleton chain(int joints, float length = 1.0f, const std::string& prefix = "j") {
  Skeleton s;
  for (int i = 0; i < joints; ++i) {
    Joint j;
    j.name = prefix + std::to_string(i);
    j.parent = i == 0 ? kNoParent : i - 1;
    j.rest.translation = i == 0 ? glm::vec3(0.0f) : glm::vec3(0.0f, length, 0.0f);
    j.inverse_bind = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -length * float(i), 0.0f));
    s.joints.push_back(j);
  }
  return s;
}

inline Channel channel(std::uint32_t joint, ChannelPath path, Interpolation interp, std::vector<float> times,
                       std::vector<glm::vec4> values) {
  return Channel{joint, path, interp, std::move(times), std::move(values)};
}

inline glm::vec4 v3(float x, float y, float z) { return glm::vec4(x, y, z, 0.0f); }
inline glm::vec4 q4(const glm::quat& q) { return xyzw_from_quat(q); }

}  // namespace kagami::anim::test
