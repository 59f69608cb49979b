// Key search and the three glTF interpolations.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "kagami/anim/clip.h"
#include "kagami/anim/pose.h"

namespace kagami::anim {
namespace {

// glTF cubic Hermite spline between keys k and k+1 at fraction u of the
// interval dt: tangents are stored per second, so they scale by dt.
glm::vec4 hermite(const Channel& c, std::size_t k, float u, float dt) {
  const glm::vec4& p0 = c.values[3 * k + 1];
  const glm::vec4& m0 = c.values[3 * k + 2];      // out-tangent of key k
  const glm::vec4& p1 = c.values[3 * (k + 1) + 1];
  const glm::vec4& m1 = c.values[3 * (k + 1)];    // in-tangent of key k+1
  const float u2 = u * u, u3 = u2 * u;
  return (2 * u3 - 3 * u2 + 1) * p0 + (u3 - 2 * u2 + u) * dt * m0 + (-2 * u3 + 3 * u2) * p1 + (u3 - u2) * dt * m1;
}

}  // namespace

const char* to_string(Interpolation interpolation) {
  switch (interpolation) {
    case Interpolation::step: return "step";
    case Interpolation::linear: return "linear";
    case Interpolation::cubic_spline: return "cubic_spline";
  }
  return "?";
}

const char* to_string(ChannelPath path) {
  switch (path) {
    case ChannelPath::translation: return "translation";
    case ChannelPath::rotation: return "rotation";
    case ChannelPath::scale: return "scale";
  }
  return "?";
}

void set_component(Transform& joint, ChannelPath path, const glm::vec4& v) {
  switch (path) {
    case ChannelPath::translation: joint.translation = glm::vec3(v); break;
    case ChannelPath::rotation: joint.rotation = glm::normalize(quat_from_xyzw(v)); break;
    case ChannelPath::scale: joint.scale = glm::vec3(v); break;
  }
}

float wrap_time(const Clip& clip, float t, Wrap wrap) {
  if (!(clip.duration > 0.0f)) return 0.0f;
  if (wrap == Wrap::clamp) return std::clamp(t, 0.0f, clip.duration);
  float w = std::fmod(t, clip.duration);
  if (w < 0.0f) w += clip.duration;
  // fmod of a value just under a multiple can round up to duration itself.
  return w >= clip.duration ? 0.0f : w;
}

glm::vec4 sample_channel(const Channel& c, float t) {
  const std::size_t n = c.times.size();
  assert(n > 0 && c.values.size() == n * c.values_per_key());
  if (t <= c.times.front()) return c.key_value(0);
  if (t >= c.times.back()) return c.key_value(n - 1);
  // First key after t; t lies in [times[k], times[k+1]).
  const std::size_t k1 = std::size_t(std::upper_bound(c.times.begin(), c.times.end(), t) - c.times.begin());
  const std::size_t k = k1 - 1;
  if (c.interpolation == Interpolation::step) return c.key_value(k);
  const float dt = c.times[k1] - c.times[k];
  const float u = (t - c.times[k]) / dt;
  if (c.interpolation == Interpolation::cubic_spline) {
    const glm::vec4 v = hermite(c, k, u, dt);
    if (c.path != ChannelPath::rotation) return v;
    const float len = glm::length(v);
    return len > 0.0f ? v / len : c.key_value(k);
  }
  const glm::vec4 a = c.key_value(k), b = c.key_value(k1);
  if (c.path != ChannelPath::rotation) return a + (b - a) * u;
  return xyzw_from_quat(slerp_shortest(quat_from_xyzw(a), quat_from_xyzw(b), u));
}

void sample(const Clip& clip, float t, Wrap wrap, std::span<Transform> pose) {
  const float local = wrap_time(clip, t, wrap);
  for (const Channel& c : clip.channels) {
    assert(c.joint < pose.size());
    set_component(pose[c.joint], c.path, sample_channel(c, local));
  }
}

void sample_pose(const Skeleton& skeleton, const Clip& clip, float t, Wrap wrap, std::span<Transform> pose) {
  rest_pose(skeleton, pose);
  sample(clip, t, wrap, pose);
}

}  // namespace kagami::anim
