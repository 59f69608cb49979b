// Evaluation of a timeline at one time (evaluate.h). Every track kind is a
// binary search or a short scan; nothing here allocates once the state's
// buffers have grown, which is what keeps 10,000 tracks under a millisecond.
#include "kagami/sequencer/evaluate.h"

#include <algorithm>

namespace kagami::sequencer {
namespace {

// The last element whose start is <= t (by `start_of`), or nullptr.
template <typename Vec, typename StartOf>
const typename Vec::value_type* last_started(const Vec& items, double t, StartOf start_of) {
  auto it = std::upper_bound(items.begin(), items.end(), t,
                             [&](double x, const typename Vec::value_type& item) { return x < start_of(item); });
  return it == items.begin() ? nullptr : &*(it - 1);
}

void evaluate_cuts(const CameraCutTrack& track, double t, CameraState& camera) {
  const auto& cuts = track.cuts;
  const CameraCut* cut = last_started(cuts, t, [](const CameraCut& c) { return c.time; });
  if (!cut) return;
  camera = CameraState{cut->camera, kNoBinding, 1.0f};
  if (cut != cuts.data() && cut->blend > 0.0 && t < cut->time + cut->blend) {
    camera.previous = (cut - 1)->camera;
    camera.blend = ease(Interp::ease_in_out, static_cast<float>((t - cut->time) / cut->blend));
  }
}

void evaluate_transform(const TransformTrack& track, double t, BindingState& b) {
  if (track.translation && !track.translation->empty()) {
    b.translation = track.translation->evaluate(t);
    b.has_translation = true;
  } else if (track.path && !track.path->empty()) {
    b.translation = track.path->evaluate(t);
    b.has_translation = true;
  }
  if (track.rotation && !track.rotation->empty()) {
    b.rotation = rotation_from_euler(track.rotation->evaluate(t));
    b.has_rotation = true;
  }
}

void evaluate_lens(const CameraLensTrack& track, double t, BindingState& b) {
  if (track.fov_y && !track.fov_y->empty()) {
    b.fov_y = track.fov_y->evaluate(t);
    b.has_fov = true;
  }
  if (track.focus_distance && !track.focus_distance->empty()) {
    b.focus_distance = track.focus_distance->evaluate(t);
    b.has_focus = true;
  }
}

void evaluate_animation(const AnimationTrack& track, double t, std::vector<AnimLayer>& out) {
  // Sections are sorted by start; those starting after t cannot play.
  for (const AnimationSection& s : track.sections) {
    if (s.start > t) break;
    if (t >= s.end) continue;
    out.push_back(AnimLayer{track.binding, s.clip, s.clip_start + (t - s.start) * double(s.play_rate),
                            section_weight(t, s.start, s.end, s.blend_in, s.blend_out), s.loop});
  }
}

void evaluate_look_at(const LookAtTrack& track, double t, BindingState& b) {
  const LookAtSection* s = last_started(track.sections, t, [](const LookAtSection& x) { return x.start; });
  if (!s || t >= s->end) return;
  b.has_look_at = true;
  b.look_at_target = s->target;
  b.look_at_point = s->point;
  b.look_at_weight = section_weight(t, s->start, s->end, s->blend, s->blend);
}

void evaluate_subtitles(const Sequence& seq, const SubtitleTrack& track, double t, double to_sequence,
                        std::vector<ActiveSubtitle>& out) {
  for (const SubtitleLine& line : track.lines) {
    if (line.in > t) break;
    if (t >= line.out) continue;
    const Speaker& speaker = seq.speakers[line.speaker];
    out.push_back(ActiveSubtitle{line.speaker, speaker.name, line.text, speaker.color, line.in + to_sequence,
                                 line.out + to_sequence});
  }
}

ParameterValue value_of(const ParameterTrack& track, double t) {
  ParameterValue v{track.path, track.type, glm::vec4(0.0f)};
  switch (track.type) {
    case ParameterType::scalar: v.value.x = track.scalar.evaluate(t); break;
    case ParameterType::vec3: v.value = glm::vec4(track.vec3.evaluate(t), 0.0f); break;
    case ParameterType::color: v.value = track.color.evaluate(t); break;
  }
  return v;
}

// Calls fn(timeline, local time, to_sequence) for `tl` and then, in order and
// recursively, each shot playing at t: the order in which later writes
// override earlier ones. `to_sequence`: add to a local time to get sequence
// time (for reporting).
template <typename Fn>
void visit_playing(const Timeline& tl, double t, double to_sequence, Fn&& fn) {
  fn(tl, t, to_sequence);
  for (const Shot& shot : tl.shots) {
    if (shot.start > t) break;  // sorted by start
    if (shot.contains(t)) visit_playing(shot.timeline, shot.local_time(t), to_sequence + shot.start - shot.trim_start, fn);
  }
}

void evaluate_tracks(const Sequence& seq, const Timeline& tl, double t, double to_sequence, SequenceState& out) {
  for (const CameraCutTrack& track : tl.camera_cuts) evaluate_cuts(track, t, out.camera);
  for (const TransformTrack& track : tl.transforms) evaluate_transform(track, t, out.bindings[track.binding]);
  for (const CameraLensTrack& track : tl.lenses) evaluate_lens(track, t, out.bindings[track.binding]);
  for (const AnimationTrack& track : tl.animations) evaluate_animation(track, t, out.anim_layers);
  for (const LookAtTrack& track : tl.look_ats) evaluate_look_at(track, t, out.bindings[track.binding]);
  for (const SubtitleTrack& track : tl.subtitles) evaluate_subtitles(seq, track, t, to_sequence, out.subtitles);
  for (const ParameterTrack& track : tl.parameters) out.parameters.push_back(value_of(track, t));
  for (const StreamingTrack& track : tl.streaming)
    for (const StreamingCue& cue : track.cues)
      if (t >= cue.from && t < cue.to) out.required_locations.push_back(cue.location);
}

}  // namespace

float section_weight(double t, double start, double end, double blend_in, double blend_out) {
  if (t < start || t >= end) return 0.0f;
  double w = 1.0;
  if (blend_in > 0.0) w = std::min(w, (t - start) / blend_in);
  if (blend_out > 0.0) w = std::min(w, (end - t) / blend_out);
  return static_cast<float>(std::clamp(w, 0.0, 1.0));
}

void evaluate(const Sequence& sequence, double t, SequenceState& out) {
  out.time = t;
  out.camera = CameraState{};
  out.bindings.assign(sequence.bindings.size(), BindingState{});
  out.anim_layers.clear();
  out.subtitles.clear();
  out.parameters.clear();
  out.required_locations.clear();
  visit_playing(sequence.timeline, t, 0.0, [&](const Timeline& tl, double local, double to_sequence) {
    evaluate_tracks(sequence, tl, local, to_sequence, out);
  });
  auto& locations = out.required_locations;
  std::sort(locations.begin(), locations.end());
  locations.erase(std::unique(locations.begin(), locations.end()), locations.end());
}

std::optional<glm::vec4> evaluate_parameter(const Sequence& sequence, double t, std::string_view path) {
  std::optional<glm::vec4> value;
  visit_playing(sequence.timeline, t, 0.0, [&](const Timeline& tl, double local, double) {
    for (const ParameterTrack& track : tl.parameters)
      if (track.path == path) value = value_of(track, local).value;
  });
  return value;
}

SequenceState evaluate(const Sequence& sequence, double t) {
  SequenceState state;
  evaluate(sequence, t, state);
  return state;
}

SequenceState evaluate_frame(const Sequence& sequence, std::int64_t frame) {
  return evaluate(sequence, sequence.frame_time(frame));
}

}  // namespace kagami::sequencer
