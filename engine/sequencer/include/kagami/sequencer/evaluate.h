#pragma once
// Evaluation: what the sequence says at time t, as a pure function of (sequence, t).
// Playing, scrubbing and jumping all land on the same state, so a frame renders
// the same whichever way it was reached. Events are not state: they fire on
// playback only (events.h).
//
// The state refers into the sequence (clip names, subtitle text, parameter
// paths are string_views into it): keep the sequence alive while using a state.
//
// Composition: a timeline's own tracks first, then its active shots in order
// (recursively), each writing over what came before, so a shot overrides its
// parent; within a level, a later track overrides an earlier one.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "kagami/sequencer/sequence.h"

namespace kagami::sequencer {

// The camera to render from. During a blended cut both cameras are live and
// `blend` is the weight of `camera` (eased 0 -> 1); otherwise previous is
// kNoBinding and blend is 1.
struct CameraState {
  BindingIndex camera = kNoBinding;  // kNoBinding: no cut is active
  BindingIndex previous = kNoBinding;
  float blend = 1.0f;
  bool operator==(const CameraState&) const = default;
};

// What the sequence sets on one binding; the `has_*` flags say which fields are
// animated at this time (the others keep the scene's values).
struct BindingState {
  bool has_translation = false, has_rotation = false, has_fov = false, has_focus = false, has_look_at = false;
  glm::vec3 translation{0.0f};
  glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
  float fov_y = 0.0f;
  float focus_distance = 0.0f;
  BindingIndex look_at_target = kNoBinding;  // kNoBinding: look_at_point
  glm::vec3 look_at_point{0.0f};
  float look_at_weight = 0.0f;
  bool operator==(const BindingState&) const = default;
};

// One animation clip playing on a character: sample `clip` at `time`
// (wrapping when `loop`) and blend it in with `weight`.
struct AnimLayer {
  BindingIndex binding = kNoBinding;
  std::string_view clip;
  double time = 0.0;
  float weight = 0.0f;
  bool loop = false;
  bool operator==(const AnimLayer&) const = default;
};

struct ActiveSubtitle {
  std::uint32_t speaker = 0;
  std::string_view speaker_name;
  std::string_view text;
  glm::vec3 color{1.0f};
  double in = 0.0, out = 0.0;  // in sequence time
  bool operator==(const ActiveSubtitle&) const = default;
};

// A parameter's value; a scalar is in .x, a vec3 in .xyz. Later entries for the
// same path override earlier ones (a shot after its parent).
struct ParameterValue {
  std::string_view path;
  ParameterType type = ParameterType::scalar;
  glm::vec4 value{0.0f};
  bool operator==(const ParameterValue&) const = default;
};

struct SequenceState {
  double time = 0.0;
  CameraState camera;
  std::vector<BindingState> bindings;  // one per Sequence::bindings
  std::vector<AnimLayer> anim_layers;  // grouped by track, in section order
  std::vector<ActiveSubtitle> subtitles;
  std::vector<ParameterValue> parameters;
  std::vector<std::string_view> required_locations;  // resident now (sorted, unique)
  bool operator==(const SequenceState&) const = default;
};

// Fills `out`, reusing its buffers (no allocation once they have grown).
void evaluate(const Sequence& sequence, double t, SequenceState& out);
SequenceState evaluate(const Sequence& sequence, double t);
// The value evaluate() would leave for the parameter at `path` (the last of
// its entries), or nullopt when no track playing at t sets it. Evaluates that
// parameter's tracks alone: cheap enough to call many times a frame (the
// film replays a dissolve's last seconds each frame).
std::optional<glm::vec4> evaluate_parameter(const Sequence& sequence, double t, std::string_view path);
// Frame-exact: the state at frame `frame` of the sequence's frame rate.
SequenceState evaluate_frame(const Sequence& sequence, std::int64_t frame);

// Section weight at t for a [start, end) section with blend ramps; 0 outside.
float section_weight(double t, double start, double end, double blend_in, double blend_out);

}  // namespace kagami::sequencer
