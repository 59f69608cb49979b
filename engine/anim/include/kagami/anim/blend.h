#pragma once
// Mixing poses: weighted blends of any number of poses or clips, crossfades
// between two clips, and additive layers. All of it works on caller-owned
// spans; a PoseBlender owns its accumulators, sized once, so blending a frame
// allocates nothing.
#include <span>
#include <vector>

#include "kagami/anim/clip.h"
#include "kagami/anim/pose.h"

namespace kagami::anim {

// Accumulates weighted poses, then writes their normalised blend:
//   translation, scale: sum(w_i * x_i) / sum(w_i)
//   rotation: sum(w_i * q_i) normalised, each q_i first flipped into the
//             hemisphere of the first pose added (q and -q are the same
//             rotation; without the flip they would cancel out).
// Weights <= 0 are skipped. With no positive weight, finish() writes nothing
// and returns false.
class PoseBlender {
 public:
  explicit PoseBlender(std::size_t joint_count);
  void begin();
  void add(std::span<const Transform> pose, float weight);
  bool finish(std::span<Transform> out) const;
  std::size_t joint_count() const { return translation_.size(); }

 private:
  std::vector<glm::vec3> translation_;
  std::vector<glm::vec4> rotation_;  // (x, y, z, w), summed
  std::vector<glm::vec3> scale_;
  std::vector<glm::vec4> first_rotation_;  // the hemisphere reference per joint
  float total_ = 0.0f;
};

struct WeightedClip {
  const Clip* clip = nullptr;
  float time = 0.0f;  // the time sampled in this clip
  float weight = 0.0f;
};

// Blends any number of clips: each sampled over the rest pose into `scratch`
// (one pose), then accumulated. Returns false (out untouched) when no clip has
// a positive weight.
bool blend_clips(const Skeleton& skeleton, std::span<const WeightedClip> clips, Wrap wrap, PoseBlender& blender,
                 std::span<Transform> scratch, std::span<Transform> out);

// The weight of the incoming clip `elapsed` seconds into a crossfade lasting
// `duration`: 0 at the start, 1 from the end on, smooth in between (smoothstep,
// so neither clip's speed jumps where the fade starts or stops).
float crossfade_weight(float elapsed, float duration);

// A crossfade from `from` (sampled at from_time) to `to` (at to_time),
// `elapsed` seconds into a fade of `duration` seconds.
void crossfade(const Skeleton& skeleton, const Clip& from, float from_time, const Clip& to, float to_time, float elapsed,
               float duration, Wrap wrap, PoseBlender& blender, std::span<Transform> scratch, std::span<Transform> out);

// An additive pose is a difference from a reference pose, per joint:
//   translation: pose - reference;  rotation: inverse(reference) * pose;
//   scale: pose / reference.
void make_additive(std::span<const Transform> pose, std::span<const Transform> reference, std::span<Transform> delta);

// Applies a difference on top of `pose` with `weight` (0: unchanged, 1: full):
//   translation += w * delta;  rotation = rotation * slerp(identity, delta, w);
//   scale *= mix(1, delta, w).
void apply_additive(std::span<Transform> pose, std::span<const Transform> delta, float weight);

}  // namespace kagami::anim
