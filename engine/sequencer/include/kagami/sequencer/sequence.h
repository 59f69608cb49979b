#pragma once
// The sequence model: a timeline of tracks bound to scene entities and
// characters, with shots (sub-sequences) placed on it. Plain data: the reader
// builds it, the editor edits it, evaluate() reads it. File format: sequence_io.h.
//
// Time is in seconds on the sequence's frame grid (the reader snaps every time
// to the nearest frame). Intervals are half-open, [from, to): a section ending
// at 5 s and the next starting at 5 s never overlap, and a sequence's frames
// are 0 .. duration * fps - 1.
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kagami/core/json.h"
#include "kagami/sequencer/curve.h"
#include "kagami/sequencer/frame_time.h"
#include "kagami/sequencer/spline_path.h"

namespace kagami::sequencer {

using BindingIndex = std::uint32_t;  // into Sequence::bindings
inline constexpr BindingIndex kNoBinding = std::numeric_limits<BindingIndex>::max();

// What a track animates: a scene entity found by name, or a character. A
// character binding names a character kind ("len"); its entity is the one
// called `entity`, which must carry that character, or, with `spawn`, is added
// to the scene when missing.
struct Binding {
  std::string name;       // unique in the sequence; tracks refer to it
  std::string entity;     // the scene entity's name
  std::string character;  // "" = a plain entity binding
  std::string outfit;     // spawned characters only; "" = the default outfit
  bool spawn = false;
  bool is_character() const { return !character.empty(); }
  bool operator==(const Binding&) const = default;
};

struct Speaker {
  std::string id;    // what subtitle lines name
  std::string name;  // what the viewer reads
  glm::vec3 color{1.0f};  // linear RGB
  bool operator==(const Speaker&) const = default;
};

// --- tracks -----------------------------------------------------------------

struct CameraCut {
  double time = 0.0;
  BindingIndex camera = kNoBinding;
  double blend = 0.0;  // seconds of eased blend from the previous cut's camera; 0 = a hard cut
  bool operator==(const CameraCut&) const = default;
};
struct CameraCutTrack {
  std::string name;
  std::vector<CameraCut> cuts;  // strictly increasing time
  bool operator==(const CameraCutTrack&) const = default;
};

// Translation from keys or a spline path (not both); rotation as Euler angles
// [pitch (x), yaw (y), roll (z)] in radians, composed yaw * pitch * roll, so a
// camera pans and tilts without its roll leaking in. Values are local to the
// entity's parent.
struct TransformTrack {
  std::string name;
  BindingIndex binding = kNoBinding;
  std::optional<Vec3Curve> translation;
  std::optional<SplinePath> path;
  std::optional<Vec3Curve> rotation;
  bool operator==(const TransformTrack&) const = default;
};
glm::quat rotation_from_euler(const glm::vec3& pitch_yaw_roll);

struct CameraLensTrack {
  std::string name;
  BindingIndex binding = kNoBinding;
  std::optional<FloatCurve> fov_y;           // radians
  std::optional<FloatCurve> focus_distance;  // metres
  bool operator==(const CameraLensTrack&) const = default;
};

// A clip played from `start` to `end`; its weight ramps up over blend_in and
// down over blend_out, so overlapping sections crossfade. The clip-local time
// is clip_start + (t - start) * play_rate; a looping clip is wrapped by the
// animation sampler, which knows the clip's length.
struct AnimationSection {
  std::string clip;
  double start = 0.0, end = 0.0;
  double blend_in = 0.0, blend_out = 0.0;
  float play_rate = 1.0f;
  double clip_start = 0.0;
  bool loop = false;
  bool operator==(const AnimationSection&) const = default;
};
struct AnimationTrack {
  std::string name;
  BindingIndex binding = kNoBinding;
  std::vector<AnimationSection> sections;  // sorted by start
  bool operator==(const AnimationTrack&) const = default;
};

// Look at another binding (a character's head follows a camera) or a point.
struct LookAtSection {
  double start = 0.0, end = 0.0;
  double blend = 0.0;  // seconds to turn towards and away from the target
  BindingIndex target = kNoBinding;  // kNoBinding: look at `point`
  glm::vec3 point{0.0f};
  bool operator==(const LookAtSection&) const = default;
};
struct LookAtTrack {
  std::string name;
  BindingIndex binding = kNoBinding;
  std::vector<LookAtSection> sections;  // sorted, not overlapping
  bool operator==(const LookAtTrack&) const = default;
};

enum class EventKind { fade, flash, shake, custom };
struct Event {
  double time = 0.0;
  EventKind kind = EventKind::custom;
  std::string name;             // custom events: what the game listens for
  double duration = 0.0;        // fade, flash, shake
  float intensity = 1.0f;       // fade: target opacity; flash: brightness; shake: amplitude (metres)
  glm::vec3 color{0.0f};        // fade and flash
  Json payload;                 // custom events: passed through as written (null = none)
  bool operator==(const Event&) const = default;
};
struct EventTrack {
  std::string name;
  std::vector<Event> events;  // sorted by time
  bool operator==(const EventTrack&) const = default;
};

struct SubtitleLine {
  std::uint32_t speaker = 0;  // into Sequence::speakers
  std::string text;
  double in = 0.0, out = 0.0;  // shown for in <= t < out
  bool operator==(const SubtitleLine&) const = default;
};
struct SubtitleTrack {
  std::string name;
  std::vector<SubtitleLine> lines;  // sorted by in
  bool operator==(const SubtitleTrack&) const = default;
};

// A property addressed by a path: "snow.intensity", "post.exposure",
// "light:<entity>.intensity" (scene_binding.h lists what apply() writes; the
// rest is read from SequenceState by the renderer and the player).
enum class ParameterType { scalar, vec3, color };  // color: linear RGBA
struct ParameterTrack {
  std::string name;
  std::string path;
  ParameterType type = ParameterType::scalar;
  FloatCurve scalar;  // the curve of `type`; the others stay empty
  Vec3Curve vec3;
  Vec4Curve color;
  bool operator==(const ParameterTrack&) const = default;
};

// Location `location` must be resident for from <= t < to.
struct StreamingCue {
  std::string location;
  double from = 0.0, to = 0.0;
  bool operator==(const StreamingCue&) const = default;
};
struct StreamingTrack {
  std::string name;
  std::vector<StreamingCue> cues;
  bool operator==(const StreamingTrack&) const = default;
};

// --- timelines and shots ----------------------------------------------------

struct Shot;

// Tracks grouped by kind so evaluation runs tight loops; within a kind, file order.
struct Timeline {
  std::vector<CameraCutTrack> camera_cuts;
  std::vector<TransformTrack> transforms;
  std::vector<CameraLensTrack> lenses;
  std::vector<AnimationTrack> animations;
  std::vector<LookAtTrack> look_ats;
  std::vector<EventTrack> events;
  std::vector<SubtitleTrack> subtitles;
  std::vector<ParameterTrack> parameters;
  std::vector<StreamingTrack> streaming;
  std::vector<Shot> shots;  // sorted by start
  std::size_t track_count() const;  // all kinds, this level only
  bool operator==(const Timeline&) const;
};

// A sub-sequence placed on its parent's timeline: its local time range
// [trim_start, trim_end) plays at parent time [start, start + trim_end - trim_start).
// While a shot plays, what it animates overrides its parent.
struct Shot {
  std::string name;
  double start = 0.0;
  double duration = 0.0;  // the shot's own length
  double trim_start = 0.0;
  double trim_end = 0.0;  // <= duration
  Timeline timeline;

  double length() const { return trim_end - trim_start; }
  double end() const { return start + length(); }
  bool contains(double parent_t) const { return parent_t >= start && parent_t < end(); }
  double local_time(double parent_t) const { return parent_t - start + trim_start; }
  double parent_time(double local_t) const { return local_t - trim_start + start; }
  bool operator==(const Shot&) const = default;
};

struct Sequence {
  std::string name;
  std::string scene;  // the scene file it is written against, relative to the sequence file ("" = none)
  FrameRate frame_rate;
  double duration = 0.0;
  std::vector<Binding> bindings;
  std::vector<Speaker> speakers;
  Timeline timeline;
  std::filesystem::path source_path;  // where it was loaded from (not saved)

  std::optional<BindingIndex> find_binding(std::string_view name) const;
  std::optional<std::uint32_t> find_speaker(std::string_view id) const;
  double frame_time(std::int64_t frame) const { return FrameTime{frame, frame_rate}.seconds(); }
  std::int64_t frame_count() const { return FrameTime::nearest(duration, frame_rate).frame; }
  bool operator==(const Sequence& other) const;  // content, not source_path
};

std::string_view to_string(Interp interp);
std::string_view to_string(TangentMode mode);
std::string_view to_string(EventKind kind);
std::string_view to_string(ParameterType type);
std::optional<Interp> interp_from_string(std::string_view name);
std::optional<TangentMode> tangent_mode_from_string(std::string_view name);
std::optional<EventKind> event_kind_from_string(std::string_view name);
std::optional<ParameterType> parameter_type_from_string(std::string_view name);

}  // namespace kagami::sequencer
