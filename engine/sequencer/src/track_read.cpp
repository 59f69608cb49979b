// Reading the tracks of a sequence file (format: sequence_io.h).
#include <tuple>

#include "sequence_reader.h"

namespace kagami::sequencer::detail {
using json_read::read_enum;

void SequenceReader::read_track(Node node, double duration, Timeline& tl) {
  if (!node.value->is_object()) r_.fail(node, cat("expected a track object, got ", json_read::describe(*node.value)));
  // Name the track in every message about it: "tracks[3] (dolly).keys[2].time".
  if (auto name = r_.field(node, "name")) node.path = cat(node.path, " (", r_.string(*name), ")");
  Node type = r_.required(node, "type");
  std::string kind = r_.string(type);
  if (kind == "camera_cuts") tl.camera_cuts.push_back(read_camera_cuts(node, duration));
  else if (kind == "transform") tl.transforms.push_back(read_transform(node, duration));
  else if (kind == "camera") tl.lenses.push_back(read_lens(node, duration));
  else if (kind == "animation") tl.animations.push_back(read_animation(node, duration));
  else if (kind == "look_at") tl.look_ats.push_back(read_look_at(node, duration));
  else if (kind == "events") tl.events.push_back(read_events(node, duration));
  else if (kind == "subtitles") tl.subtitles.push_back(read_subtitles(node, duration));
  else if (kind == "parameter") tl.parameters.push_back(read_parameter(node, duration));
  else if (kind == "streaming") tl.streaming.push_back(read_streaming(node, duration));
  else
    r_.fail(type, cat("unknown track type ", json_read::describe(*type.value),
                      " (expected camera_cuts, transform, camera, animation, look_at, events, subtitles, "
                      "parameter or streaming)"));
}

CameraCutTrack SequenceReader::read_camera_cuts(const Node& node, double duration) {
  r_.object(node, {"type", "name", "cuts"});
  CameraCutTrack track;
  r_.maybe(node, "name", track.name);
  Node cuts = r_.required(node, "cuts");
  each_item(cuts, "cuts", limits_.max_items, {"time", "camera", "blend"}, [&](const Node& c, std::size_t i) {
    CameraCut cut;
    Node t = r_.required(c, "time");
    cut.time = time(t, duration);
    if (i > 0) check_after(t, track.cuts.back().time, cut.time, "cut time");
    cut.camera = binding(r_.required(c, "camera"));
    if (auto blend = r_.field(c, "blend")) cut.blend = time(*blend, duration);
    track.cuts.push_back(cut);
  });
  return track;
}

template <typename T>
T SequenceReader::read_value(const Node& node) const {
  if constexpr (std::is_same_v<T, float>) return r_.number(node);
  else return r_.vector<T::length()>(node);
}

template <typename T>
Curve<T> SequenceReader::read_keys(const Node& node, double duration) {
  std::vector<Key<T>> keys;
  each_item(node, "keys", limits_.max_items, {"time", "value", "interp", "tangent", "in", "out"},
            [&](const Node& k, std::size_t i) {
    Key<T> key;
    Node t = r_.required(k, "time");
    key.time = time(t, duration);
    if (i > 0) check_after(t, keys.back().time, key.time, "key time");
    key.value = read_value<T>(r_.required(k, "value"));
    if (auto f = r_.field(k, "interp"))
      key.interp = read_enum<Interp>(r_, *f, interp_from_string,
                                     {Interp::constant, Interp::linear, Interp::cubic, Interp::ease_in,
                                      Interp::ease_out, Interp::ease_in_out});
    if (auto f = r_.field(k, "tangent"))
      key.tangent = read_enum<TangentMode>(r_, *f, tangent_mode_from_string,
                                           {TangentMode::automatic, TangentMode::auto_clamped, TangentMode::user,
                                            TangentMode::broken});
    bool explicit_slopes = key.tangent == TangentMode::user || key.tangent == TangentMode::broken;
    if (auto f = r_.field(k, "in")) {
      if (!explicit_slopes) r_.fail(*f, "a slope is only used with \"tangent\": \"user\" or \"broken\"");
      key.in_slope = read_value<T>(*f);
    } else if (explicit_slopes) {
      r_.fail(r_.child(k, "in"), "missing: a user or broken tangent needs its \"in\" slope");
    }
    if (auto f = r_.field(k, "out")) {
      if (key.tangent != TangentMode::broken) r_.fail(*f, "an \"out\" slope is only used with \"tangent\": \"broken\"");
      key.out_slope = read_value<T>(*f);
    } else if (key.tangent == TangentMode::broken) {
      r_.fail(r_.child(k, "out"), "missing: a broken tangent needs its \"out\" slope");
    }
    keys.push_back(key);
  });
  return Curve<T>(std::move(keys));
}

template <typename T>
Curve<T> SequenceReader::read_curve(const Node& node, double duration) {
  r_.object(node, {"keys"});
  return read_keys<T>(r_.required(node, "keys"), duration);
}

SplinePath SequenceReader::read_path(const Node& node, double duration) {
  std::vector<PathPoint> points;
  each_item(node, "path points", limits_.max_items, {"time", "position"}, [&](const Node& p, std::size_t i) {
    PathPoint point;
    Node t = r_.required(p, "time");
    point.time = time(t, duration);
    if (i > 0) check_after(t, points.back().time, point.time, "point time");
    point.position = r_.vector<3>(r_.required(p, "position"));
    points.push_back(point);
  });
  return SplinePath(std::move(points));
}

TransformTrack SequenceReader::read_transform(const Node& node, double duration) {
  r_.object(node, {"type", "name", "binding", "translation", "path", "rotation"});
  TransformTrack track;
  r_.maybe(node, "name", track.name);
  track.binding = binding(r_.required(node, "binding"));
  auto translation = r_.field(node, "translation");
  auto path = r_.field(node, "path");
  if (translation && path) r_.fail(*path, "a transform track has \"translation\" keys or a \"path\", not both");
  if (translation) track.translation = read_curve<glm::vec3>(*translation, duration);
  if (path) track.path = read_path(*path, duration);
  if (auto rotation = r_.field(node, "rotation")) track.rotation = read_curve<glm::vec3>(*rotation, duration);
  return track;
}

CameraLensTrack SequenceReader::read_lens(const Node& node, double duration) {
  r_.object(node, {"type", "name", "binding", "fov_y", "focus_distance"});
  CameraLensTrack track;
  r_.maybe(node, "name", track.name);
  track.binding = binding(r_.required(node, "binding"));
  if (auto f = r_.field(node, "fov_y")) {
    track.fov_y = read_curve<float>(*f, duration);
    for (std::size_t i = 0; i < track.fov_y->keys().size(); ++i) {
      float v = track.fov_y->keys()[i].value;
      if (!(v > 0.0f && v < 3.14159f))
        r_.fail_within(*f, cat("keys[", i, "].value"), cat("a field of view must be in (0, pi) radians, got ", v));
    }
  }
  if (auto f = r_.field(node, "focus_distance")) {
    track.focus_distance = read_curve<float>(*f, duration);
    for (std::size_t i = 0; i < track.focus_distance->keys().size(); ++i)
      if (!(track.focus_distance->keys()[i].value > 0.0f))
        r_.fail_within(*f, cat("keys[", i, "].value"), "a focus distance must be > 0");
  }
  return track;
}

AnimationTrack SequenceReader::read_animation(const Node& node, double duration) {
  r_.object(node, {"type", "name", "binding", "sections"});
  AnimationTrack track;
  r_.maybe(node, "name", track.name);
  Node b = r_.required(node, "binding");
  track.binding = binding(b);
  if (!seq_.bindings[track.binding].is_character())
    r_.fail(b, cat("binding \"", seq_.bindings[track.binding].name, "\" is not a character (no \"character\")"));
  Node sections = r_.required(node, "sections");
  each_item(sections, "sections", limits_.max_items,
            {"clip", "start", "end", "blend_in", "blend_out", "play_rate", "clip_start", "loop"},
            [&](const Node& s, std::size_t i) {
    AnimationSection section;
    Node clip = r_.required(s, "clip");
    section.clip = r_.string(clip);
    if (section.clip.empty()) r_.fail(clip, "must name a clip");
    Node start = r_.required(s, "start");
    std::tie(section.start, section.end) = interval(s, "start", "end", duration);
    if (i > 0 && section.start < track.sections.back().start)
      r_.fail(start, "sections must be sorted by start");
    if (auto f = r_.field(s, "blend_in")) section.blend_in = time(*f, section.end - section.start);
    if (auto f = r_.field(s, "blend_out")) section.blend_out = time(*f, section.end - section.start);
    if (auto f = r_.field(s, "play_rate")) {
      section.play_rate = r_.number(*f);
      if (!(section.play_rate > 0.0f && section.play_rate <= 100.0f))
        r_.fail(*f, cat("must be in (0, 100], got ", section.play_rate));
    }
    if (auto f = r_.field(s, "clip_start")) {
      section.clip_start = r_.real(*f);
      if (section.clip_start < 0.0) r_.fail(*f, "must be >= 0");
    }
    r_.maybe(s, "loop", section.loop);
    track.sections.push_back(std::move(section));
  });
  return track;
}

LookAtTrack SequenceReader::read_look_at(const Node& node, double duration) {
  r_.object(node, {"type", "name", "binding", "sections"});
  LookAtTrack track;
  r_.maybe(node, "name", track.name);
  track.binding = binding(r_.required(node, "binding"));
  Node sections = r_.required(node, "sections");
  each_item(sections, "sections", limits_.max_items, {"start", "end", "blend", "target"},
            [&](const Node& s, std::size_t i) {
    LookAtSection section;
    Node start = r_.required(s, "start");
    std::tie(section.start, section.end) = interval(s, "start", "end", duration);
    if (i > 0 && section.start < track.sections.back().end)
      r_.fail(start, "look-at sections must not overlap (each starts at or after the previous end)");
    if (auto f = r_.field(s, "blend")) section.blend = time(*f, (section.end - section.start) * 0.5);
    Node target = r_.required(s, "target");
    if (target.value->is_string()) section.target = binding(target);
    else section.point = r_.vector<3>(target);
    track.sections.push_back(section);
  });
  return track;
}

EventTrack SequenceReader::read_events(const Node& node, double duration) {
  r_.object(node, {"type", "name", "events"});
  EventTrack track;
  r_.maybe(node, "name", track.name);
  Node events = r_.required(node, "events");
  each_item(events, "events", limits_.max_items, {"time", "kind", "name", "duration", "intensity", "color", "payload"},
            [&](const Node& e, std::size_t i) {
    Event event;
    Node t = r_.required(e, "time");
    event.time = time(t, duration);
    if (i > 0 && event.time < track.events.back().time) r_.fail(t, "events must be sorted by time");
    event.kind = read_enum<EventKind>(r_, r_.required(e, "kind"), event_kind_from_string,
                                      {EventKind::fade, EventKind::flash, EventKind::shake, EventKind::custom});
    r_.maybe(e, "name", event.name);
    if (event.kind == EventKind::custom && event.name.empty())
      r_.fail(r_.child(e, "name"), "missing: a custom event needs a name");
    if (auto f = r_.field(e, "duration")) event.duration = time(*f, duration);
    r_.maybe(e, "intensity", event.intensity);
    r_.maybe(e, "color", event.color);
    if (auto f = r_.field(e, "payload")) event.payload = *f->value;
    track.events.push_back(std::move(event));
  });
  return track;
}

SubtitleTrack SequenceReader::read_subtitles(const Node& node, double duration) {
  r_.object(node, {"type", "name", "lines"});
  SubtitleTrack track;
  r_.maybe(node, "name", track.name);
  Node lines = r_.required(node, "lines");
  each_item(lines, "lines", limits_.max_items, {"speaker", "text", "in", "out"}, [&](const Node& l, std::size_t i) {
    SubtitleLine line;
    Node speaker = r_.required(l, "speaker");
    std::string id = r_.string(speaker);
    auto index = seq_.find_speaker(id);
    if (!index) r_.fail(speaker, cat("unknown speaker \"", id, "\" (not in \"speakers\")"));
    line.speaker = *index;
    line.text = r_.string(r_.required(l, "text"));
    Node in = r_.required(l, "in");
    std::tie(line.in, line.out) = interval(l, "in", "out", duration);
    if (i > 0 && line.in < track.lines.back().in) r_.fail(in, "lines must be sorted by \"in\"");
    track.lines.push_back(std::move(line));
  });
  return track;
}

ParameterTrack SequenceReader::read_parameter(const Node& node, double duration) {
  r_.object(node, {"type", "name", "path", "value_type", "keys"});
  ParameterTrack track;
  r_.maybe(node, "name", track.name);
  Node path = r_.required(node, "path");
  track.path = r_.string(path);
  if (track.path.empty() || track.path.find_first_of(" \t\n") != std::string::npos)
    r_.fail(path, "expected a property path such as \"snow.intensity\" or \"light:lamp.intensity\"");
  if (auto f = r_.field(node, "value_type"))
    track.type = read_enum<ParameterType>(r_, *f, parameter_type_from_string,
                                          {ParameterType::scalar, ParameterType::vec3, ParameterType::color});
  Node keys = r_.required(node, "keys");
  switch (track.type) {
    case ParameterType::scalar: track.scalar = read_keys<float>(keys, duration); break;
    case ParameterType::vec3: track.vec3 = read_keys<glm::vec3>(keys, duration); break;
    case ParameterType::color: track.color = read_keys<glm::vec4>(keys, duration); break;
  }
  return track;
}

StreamingTrack SequenceReader::read_streaming(const Node& node, double duration) {
  r_.object(node, {"type", "name", "cues"});
  StreamingTrack track;
  r_.maybe(node, "name", track.name);
  Node cues = r_.required(node, "cues");
  each_item(cues, "cues", limits_.max_items, {"location", "from", "to"}, [&](const Node& c, std::size_t) {
    StreamingCue cue;
    Node location = r_.required(c, "location");
    cue.location = r_.string(location);
    if (cue.location.empty()) r_.fail(location, "must name a location");
    std::tie(cue.from, cue.to) = interval(c, "from", "to", duration);
    track.cues.push_back(std::move(cue));
  });
  return track;
}

}  // namespace kagami::sequencer::detail
