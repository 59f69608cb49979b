#include "kagami/anim/blend.h"

#include <algorithm>
#include <cassert>

namespace kagami::anim {

PoseBlender::PoseBlender(std::size_t joint_count)
    : translation_(joint_count), rotation_(joint_count), scale_(joint_count), first_rotation_(joint_count) {}

void PoseBlender::begin() {
  std::fill(translation_.begin(), translation_.end(), glm::vec3(0.0f));
  std::fill(rotation_.begin(), rotation_.end(), glm::vec4(0.0f));
  std::fill(scale_.begin(), scale_.end(), glm::vec3(0.0f));
  total_ = 0.0f;
}

void PoseBlender::add(std::span<const Transform> pose, float weight) {
  assert(pose.size() == joint_count());
  if (!(weight > 0.0f)) return;
  const bool first = total_ == 0.0f;
  for (std::size_t i = 0; i < pose.size(); ++i) {
    const glm::vec4 q = xyzw_from_quat(pose[i].rotation);
    if (first) first_rotation_[i] = q;
    const float sign = glm::dot(q, first_rotation_[i]) < 0.0f ? -1.0f : 1.0f;
    translation_[i] += weight * pose[i].translation;
    rotation_[i] += (sign * weight) * q;
    scale_[i] += weight * pose[i].scale;
  }
  total_ += weight;
}

bool PoseBlender::finish(std::span<Transform> out) const {
  assert(out.size() == joint_count());
  if (!(total_ > 0.0f)) return false;
  const float inv = 1.0f / total_;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].translation = translation_[i] * inv;
    out[i].scale = scale_[i] * inv;
    // Opposite rotations of equal weight can sum to zero: keep the first then.
    const float len = glm::length(rotation_[i]);
    out[i].rotation = quat_from_xyzw(len > 1e-6f ? rotation_[i] / len : first_rotation_[i]);
  }
  return true;
}

bool blend_clips(const Skeleton& skeleton, std::span<const WeightedClip> clips, Wrap wrap, PoseBlender& blender,
                 std::span<Transform> scratch, std::span<Transform> out) {
  blender.begin();
  for (const WeightedClip& c : clips) {
    if (!(c.weight > 0.0f) || !c.clip) continue;
    sample_pose(skeleton, *c.clip, c.time, wrap, scratch);
    blender.add(scratch, c.weight);
  }
  return blender.finish(out);
}

float crossfade_weight(float elapsed, float duration) {
  if (!(duration > 0.0f)) return elapsed >= 0.0f ? 1.0f : 0.0f;
  const float x = std::clamp(elapsed / duration, 0.0f, 1.0f);
  return x * x * (3.0f - 2.0f * x);
}

void crossfade(const Skeleton& skeleton, const Clip& from, float from_time, const Clip& to, float to_time, float elapsed,
               float duration, Wrap wrap, PoseBlender& blender, std::span<Transform> scratch, std::span<Transform> out) {
  const float w = crossfade_weight(elapsed, duration);
  // The ends are exact: one clip alone, no blend rounding.
  if (w <= 0.0f) return sample_pose(skeleton, from, from_time, wrap, out);
  if (w >= 1.0f) return sample_pose(skeleton, to, to_time, wrap, out);
  const WeightedClip clips[2] = {{&from, from_time, 1.0f - w}, {&to, to_time, w}};
  blend_clips(skeleton, clips, wrap, blender, scratch, out);
}

void make_additive(std::span<const Transform> pose, std::span<const Transform> reference, std::span<Transform> delta) {
  assert(pose.size() == reference.size() && delta.size() == pose.size());
  for (std::size_t i = 0; i < pose.size(); ++i) {
    delta[i].translation = pose[i].translation - reference[i].translation;
    delta[i].rotation = glm::normalize(glm::inverse(reference[i].rotation) * pose[i].rotation);
    // A zero reference scale has no ratio: no scale change then.
    const glm::vec3 r = reference[i].scale;
    delta[i].scale = glm::vec3(r.x != 0.0f ? pose[i].scale.x / r.x : 1.0f, r.y != 0.0f ? pose[i].scale.y / r.y : 1.0f,
                               r.z != 0.0f ? pose[i].scale.z / r.z : 1.0f);
  }
}

void apply_additive(std::span<Transform> pose, std::span<const Transform> delta, float weight) {
  assert(pose.size() == delta.size());
  if (weight == 0.0f) return;
  const glm::quat identity(1.0f, 0.0f, 0.0f, 0.0f);
  for (std::size_t i = 0; i < pose.size(); ++i) {
    pose[i].translation += weight * delta[i].translation;
    pose[i].rotation = glm::normalize(pose[i].rotation * slerp_shortest(identity, delta[i].rotation, weight));
    pose[i].scale *= glm::mix(glm::vec3(1.0f), delta[i].scale, weight);
  }
}

}  // namespace kagami::anim
