// Writing sequence files (format: sequence_io.h). The output is a pure
// function of the sequence: fixed key order, defaults omitted, tracks grouped
// by type, so save -> load -> save gives the same bytes.
#include <cmath>

#include "kagami/core/file_io.h"
#include "kagami/core/json_writer.h"
#include "kagami/sequencer/sequence_io.h"

namespace kagami::sequencer {
namespace {

using json_write::add;
using json_write::number;

// Times are on the frame grid; microseconds are exact enough to land on the
// same frame again when read (frames are >= 1 ms apart) and read far better
// than 0.041666666666666664.
Json seconds(double t) { return Json(std::round(t * 1e6) / 1e6); }

template <typename T>
Json value(const T& v) {
  if constexpr (std::is_same_v<T, float>) return number(v);
  else return json_write::vector(v);
}

class Writer {
 public:
  explicit Writer(const Sequence& seq) : seq_(seq) {}

  Json document() const {
    Json root = Json::object();
    add(root, "schema", std::string(kSequenceSchema));
    add(root, "version", kSequenceVersion);
    if (!seq_.name.empty()) add(root, "name", seq_.name);
    if (!seq_.scene.empty()) add(root, "scene", seq_.scene);
    const FrameRate& rate = seq_.frame_rate;
    add(root, "frame_rate", rate.denominator == 1 ? Json(rate.numerator) : Json::array({rate.numerator, rate.denominator}));
    add(root, "duration", seconds(seq_.duration));
    if (!seq_.speakers.empty()) {
      Json list = Json::array();
      for (const Speaker& s : seq_.speakers) {
        Json o = Json::object();
        add(o, "id", s.id);
        if (s.name != s.id) add(o, "name", s.name);
        if (s.color != glm::vec3(1.0f)) add(o, "color", value(s.color));
        list.push_back(std::move(o));
      }
      add(root, "speakers", std::move(list));
    }
    if (!seq_.bindings.empty()) {
      Json list = Json::array();
      for (const Binding& b : seq_.bindings) {
        Json o = Json::object();
        add(o, "name", b.name);
        if (b.entity != b.name) add(o, "entity", b.entity);
        if (!b.character.empty()) add(o, "character", b.character);
        if (!b.outfit.empty()) add(o, "outfit", b.outfit);
        if (b.spawn) add(o, "spawn", true);
        list.push_back(std::move(o));
      }
      add(root, "bindings", std::move(list));
    }
    timeline(seq_.timeline, root);
    return root;
  }

 private:
  const std::string& binding(BindingIndex b) const { return seq_.bindings.at(b).name; }

  static Json track(std::string_view type, const std::string& name) {
    Json o = Json::object();
    add(o, "type", std::string(type));
    if (!name.empty()) add(o, "name", name);
    return o;
  }

  template <typename T>
  static Json keys(const Curve<T>& curve) {
    Json list = Json::array();
    for (const Key<T>& k : curve.keys()) {
      Json o = Json::object();
      add(o, "time", seconds(k.time));
      add(o, "value", value(k.value));
      if (k.interp != Interp::cubic) add(o, "interp", std::string(to_string(k.interp)));
      if (k.tangent != TangentMode::auto_clamped) add(o, "tangent", std::string(to_string(k.tangent)));
      if (k.tangent == TangentMode::user || k.tangent == TangentMode::broken) add(o, "in", value(k.in_slope));
      if (k.tangent == TangentMode::broken) add(o, "out", value(k.out_slope));
      list.push_back(std::move(o));
    }
    return list;
  }
  template <typename T>
  static Json curve(const Curve<T>& c) {
    Json o = Json::object();
    add(o, "keys", keys(c));
    return o;
  }

  void timeline(const Timeline& tl, Json& owner) const {
    Json tracks = Json::array();
    for (const CameraCutTrack& t : tl.camera_cuts) {
      Json o = track("camera_cuts", t.name), cuts = Json::array();
      for (const CameraCut& c : t.cuts) {
        Json cut = Json::object();
        add(cut, "time", seconds(c.time));
        add(cut, "camera", binding(c.camera));
        if (c.blend > 0.0) add(cut, "blend", seconds(c.blend));
        cuts.push_back(std::move(cut));
      }
      add(o, "cuts", std::move(cuts));
      tracks.push_back(std::move(o));
    }
    for (const TransformTrack& t : tl.transforms) {
      Json o = track("transform", t.name);
      add(o, "binding", binding(t.binding));
      if (t.translation) add(o, "translation", curve(*t.translation));
      if (t.path) {
        Json points = Json::array();
        for (const PathPoint& p : t.path->points()) {
          Json point = Json::object();
          add(point, "time", seconds(p.time));
          add(point, "position", value(p.position));
          points.push_back(std::move(point));
        }
        add(o, "path", std::move(points));
      }
      if (t.rotation) add(o, "rotation", curve(*t.rotation));
      tracks.push_back(std::move(o));
    }
    for (const CameraLensTrack& t : tl.lenses) {
      Json o = track("camera", t.name);
      add(o, "binding", binding(t.binding));
      if (t.fov_y) add(o, "fov_y", curve(*t.fov_y));
      if (t.focus_distance) add(o, "focus_distance", curve(*t.focus_distance));
      tracks.push_back(std::move(o));
    }
    for (const AnimationTrack& t : tl.animations) {
      Json o = track("animation", t.name), sections = Json::array();
      add(o, "binding", binding(t.binding));
      for (const AnimationSection& s : t.sections) {
        Json x = Json::object();
        add(x, "clip", s.clip);
        add(x, "start", seconds(s.start));
        add(x, "end", seconds(s.end));
        if (s.blend_in > 0.0) add(x, "blend_in", seconds(s.blend_in));
        if (s.blend_out > 0.0) add(x, "blend_out", seconds(s.blend_out));
        if (s.play_rate != 1.0f) add(x, "play_rate", number(s.play_rate));
        if (s.clip_start != 0.0) add(x, "clip_start", Json(s.clip_start));
        if (s.loop) add(x, "loop", true);
        sections.push_back(std::move(x));
      }
      add(o, "sections", std::move(sections));
      tracks.push_back(std::move(o));
    }
    for (const LookAtTrack& t : tl.look_ats) {
      Json o = track("look_at", t.name), sections = Json::array();
      add(o, "binding", binding(t.binding));
      for (const LookAtSection& s : t.sections) {
        Json x = Json::object();
        add(x, "start", seconds(s.start));
        add(x, "end", seconds(s.end));
        if (s.blend > 0.0) add(x, "blend", seconds(s.blend));
        add(x, "target", s.target == kNoBinding ? value(s.point) : Json(binding(s.target)));
        sections.push_back(std::move(x));
      }
      add(o, "sections", std::move(sections));
      tracks.push_back(std::move(o));
    }
    for (const EventTrack& t : tl.events) {
      Json o = track("events", t.name), events = Json::array();
      const Event defaults;
      for (const Event& e : t.events) {
        Json x = Json::object();
        add(x, "time", seconds(e.time));
        add(x, "kind", std::string(to_string(e.kind)));
        if (!e.name.empty()) add(x, "name", e.name);
        if (e.duration > 0.0) add(x, "duration", seconds(e.duration));
        if (e.intensity != defaults.intensity) add(x, "intensity", number(e.intensity));
        if (e.color != defaults.color) add(x, "color", value(e.color));
        if (!e.payload.is_null()) add(x, "payload", e.payload);
        events.push_back(std::move(x));
      }
      add(o, "events", std::move(events));
      tracks.push_back(std::move(o));
    }
    for (const SubtitleTrack& t : tl.subtitles) {
      Json o = track("subtitles", t.name), lines = Json::array();
      for (const SubtitleLine& l : t.lines) {
        Json x = Json::object();
        add(x, "speaker", seq_.speakers.at(l.speaker).id);
        add(x, "text", l.text);
        add(x, "in", seconds(l.in));
        add(x, "out", seconds(l.out));
        lines.push_back(std::move(x));
      }
      add(o, "lines", std::move(lines));
      tracks.push_back(std::move(o));
    }
    for (const ParameterTrack& t : tl.parameters) {
      Json o = track("parameter", t.name);
      add(o, "path", t.path);
      if (t.type != ParameterType::scalar) add(o, "value_type", std::string(to_string(t.type)));
      switch (t.type) {
        case ParameterType::scalar: add(o, "keys", keys(t.scalar)); break;
        case ParameterType::vec3: add(o, "keys", keys(t.vec3)); break;
        case ParameterType::color: add(o, "keys", keys(t.color)); break;
      }
      tracks.push_back(std::move(o));
    }
    for (const StreamingTrack& t : tl.streaming) {
      Json o = track("streaming", t.name), cues = Json::array();
      for (const StreamingCue& c : t.cues) {
        Json x = Json::object();
        add(x, "location", c.location);
        add(x, "from", seconds(c.from));
        add(x, "to", seconds(c.to));
        cues.push_back(std::move(x));
      }
      add(o, "cues", std::move(cues));
      tracks.push_back(std::move(o));
    }
    if (!tracks.empty()) add(owner, "tracks", std::move(tracks));
    if (tl.shots.empty()) return;
    Json shots = Json::array();
    for (const Shot& s : tl.shots) {
      Json x = Json::object();
      if (!s.name.empty()) add(x, "name", s.name);
      add(x, "start", seconds(s.start));
      add(x, "duration", seconds(s.duration));
      if (s.trim_start != 0.0) add(x, "trim_start", seconds(s.trim_start));
      if (s.trim_end != s.duration) add(x, "trim_end", seconds(s.trim_end));
      timeline(s.timeline, x);
      shots.push_back(std::move(x));
    }
    add(owner, "shots", std::move(shots));
  }

  const Sequence& seq_;
};

}  // namespace

std::string serialize_sequence(const Sequence& sequence) { return json_write::format(Writer(sequence).document()); }

// The reader's rules are the only statement of what a valid sequence is: the
// text is read back before it is written, so a sequence edited into an invalid
// state (a key past a shortened duration) is refused instead of saved as a
// file that would not load.
Result<void> save_sequence(const Sequence& sequence, const std::filesystem::path& path) {
  std::string text = serialize_sequence(sequence);
  if (auto check = parse_sequence(text, path.string()); !check)
    return make_error(path.string(), ": not saved: ", check.error().message);
  return write_file_atomic(path, text, {.keep_backup = true});
}

}  // namespace kagami::sequencer
