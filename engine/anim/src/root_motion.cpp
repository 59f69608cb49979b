#include "kagami/anim/root_motion.h"

#include <cmath>

namespace kagami::anim {
namespace {

constexpr float kPi = 3.14159265358979f;

float wrap_angle(float a) {
  a = std::fmod(a + kPi, 2.0f * kPi);
  if (a < 0.0f) a += 2.0f * kPi;
  return a - kPi;
}

glm::vec3 rotate_y(const glm::vec3& v, float yaw) {
  const float c = std::cos(yaw), s = std::sin(yaw);
  return glm::vec3(c * v.x + s * v.z, 0.0f, -s * v.x + c * v.z);
}

// The root's ground frame: position on the plane and heading.
struct Frame {
  glm::vec3 position;
  float yaw;
};

Frame frame_at(const Clip& clip, std::uint32_t root, const Transform& rest, float t) {
  const Transform x = sample_joint(clip, root, t, rest);
  return {glm::vec3(x.translation.x, 0.0f, x.translation.z), yaw_of(x.rotation)};
}

// From frame a to frame b, in a's heading frame.
RootMotion between(const Frame& a, const Frame& b) {
  return {rotate_y(b.position - a.position, -a.yaw), wrap_angle(b.yaw - a.yaw)};
}

// Motion from clip-local time 0-based absolute times, a <= b, looping.
RootMotion looped_forward(const Clip& clip, std::uint32_t root, const Transform& rest, double a, double b) {
  const double d = clip.duration;
  const double cycle_a = std::floor(a / d), cycle_b = std::floor(b / d);
  const float fa = float(a - cycle_a * d), fb = float(b - cycle_b * d);
  if (cycle_a == cycle_b) return between(frame_at(clip, root, rest, fa), frame_at(clip, root, rest, fb));
  const Frame start = frame_at(clip, root, rest, 0.0f), end = frame_at(clip, root, rest, clip.duration);
  const RootMotion cycle = between(start, end);
  RootMotion m = between(frame_at(clip, root, rest, fa), end);
  // Whole cycles in between; composition is cheap, and a span of a million
  // cycles is no use case, so the loop is bounded there.
  const double whole = std::min(cycle_b - cycle_a - 1.0, 1e6);
  for (double i = 0; i < whole; ++i) m = m.then(cycle);
  return m.then(between(start, frame_at(clip, root, rest, fb)));
}

}  // namespace

RootMotion RootMotion::then(const RootMotion& next) const {
  return {translation + rotate_y(next.translation, yaw), wrap_angle(yaw + next.yaw)};
}

RootMotion RootMotion::inverse() const { return {rotate_y(-translation, -yaw), wrap_angle(-yaw)}; }

Transform sample_joint(const Clip& clip, std::uint32_t joint, float t, const Transform& rest) {
  Transform x = rest;
  for (const Channel& c : clip.channels)
    if (c.joint == joint) set_component(x, c.path, sample_channel(c, t));
  return x;
}

RootMotion extract_root_motion(const Clip& clip, std::uint32_t root, const Transform& rest, float t0, float t1,
                               Wrap wrap) {
  if (wrap == Wrap::clamp || !(clip.duration > 0.0f))
    return between(frame_at(clip, root, rest, wrap_time(clip, t0, Wrap::clamp)),
                   frame_at(clip, root, rest, wrap_time(clip, t1, Wrap::clamp)));
  if (t1 >= t0) return looped_forward(clip, root, rest, t0, t1);
  return looped_forward(clip, root, rest, t1, t0).inverse();
}

void pin_root(const Clip& clip, std::uint32_t root, const Transform& rest, std::span<Transform> pose) {
  const Transform start = sample_joint(clip, root, 0.0f, rest);
  Transform& x = pose[root];
  x.translation.x = start.translation.x;
  x.translation.z = start.translation.z;
  const float turn = yaw_of(start.rotation) - yaw_of(x.rotation);
  x.rotation = glm::normalize(glm::angleAxis(turn, glm::vec3(0.0f, 1.0f, 0.0f)) * x.rotation);
}

}  // namespace kagami::anim
