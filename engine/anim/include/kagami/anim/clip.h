#pragma once
// Animation clips as glTF describes them: per joint, channels of translation,
// rotation or scale keys with step, linear or cubic-spline interpolation.
//
// Sampling writes into caller-owned pose buffers and allocates nothing, so a
// frame can evaluate many characters without touching the heap.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kagami/anim/skeleton.h"
#include "kagami/anim/transform.h"
#include "kagami/core/result.h"

namespace kagami::anim {

enum class Interpolation : std::uint8_t { step, linear, cubic_spline };
enum class ChannelPath : std::uint8_t { translation, rotation, scale };
const char* to_string(Interpolation interpolation);
const char* to_string(ChannelPath path);

struct Channel {
  std::uint32_t joint = 0;
  ChannelPath path = ChannelPath::rotation;
  Interpolation interpolation = Interpolation::linear;
  // Key times in seconds, strictly increasing.
  std::vector<float> times;
  // One value per key, or for cubic_spline three (in-tangent, value,
  // out-tangent), glTF's layout. Translation and scale use xyz; rotations are
  // quaternions stored as (x, y, z, w), glTF's order.
  std::vector<glm::vec4> values;

  std::size_t values_per_key() const { return interpolation == Interpolation::cubic_spline ? 3 : 1; }
  // The value of key k (for cubic_spline the middle of its three).
  const glm::vec4& key_value(std::size_t k) const {
    return interpolation == Interpolation::cubic_spline ? values[3 * k + 1] : values[k];
  }
};

struct Clip {
  std::string name;
  float duration = 0.0f;  // seconds; at least the last key time of every channel
  std::vector<Channel> channels;
};

// Keys past the ends of a clip: clamp holds the first/last value; loop wraps
// time into [0, duration).
enum class Wrap : std::uint8_t { clamp, loop };

inline glm::quat quat_from_xyzw(const glm::vec4& v) { return glm::quat(v.w, v.x, v.y, v.z); }
inline glm::vec4 xyzw_from_quat(const glm::quat& q) { return glm::vec4(q.x, q.y, q.z, q.w); }

// Writes a sampled channel value into the component `path` names (rotations
// are normalised).
void set_component(Transform& joint, ChannelPath path, const glm::vec4& value);

// Checks what sampling relies on: joints in range, at least one key, times
// finite and strictly increasing, the right number of finite values, a finite
// duration covering every key. Messages start with `source` and name the clip.
Result<void> validate(const Clip& clip, std::size_t joint_count, std::string_view source);

// The clip-local time sampled for time `t` (any value, also negative).
float wrap_time(const Clip& clip, float t, Wrap wrap);

// One channel at clip-local time `t` (held before the first and after the last key).
glm::vec4 sample_channel(const Channel& channel, float t);

// Overwrites the animated components of `pose` (one Transform per joint) with
// the clip's values at time `t`; components the clip does not animate keep what
// `pose` held. Rotations come out normalised.
void sample(const Clip& clip, float t, Wrap wrap, std::span<Transform> pose);

// The rest pose, then the clip on top: the usual way to get a full pose.
void sample_pose(const Skeleton& skeleton, const Clip& clip, float t, Wrap wrap, std::span<Transform> pose);

}  // namespace kagami::anim
