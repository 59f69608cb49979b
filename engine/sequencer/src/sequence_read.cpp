// Reading sequence files (format: sequence_io.h): the document, bindings,
// speakers and shots. Tracks are read in track_read.cpp.
#include <cmath>

#include "kagami/core/file_io.h"
#include "sequence_reader.h"

namespace kagami::sequencer {
namespace detail {

Sequence SequenceReader::read() {
  Node root = r_.root();
  if (!root.value->is_object())
    r_.fail(root, cat("expected an object (a Kagami sequence), got ", json_read::describe(*root.value)));
  r_.header(root, kSequenceSchema, kSequenceVersion, "sequence");
  r_.object(root, {"schema", "version", "name", "scene", "frame_rate", "duration", "speakers", "bindings", "tracks",
                   "shots"});
  r_.maybe(root, "name", seq_.name);
  r_.maybe(root, "scene", seq_.scene);
  if (auto rate = r_.field(root, "frame_rate")) read_frame_rate(*rate);
  Node duration = r_.required(root, "duration");
  seq_.duration = snap_to_frame(r_.real(duration), seq_.frame_rate);
  if (seq_.duration <= 0.0 || seq_.duration > limits_.max_duration)
    r_.fail(duration, cat("must be at least one frame and at most ", limits_.max_duration, " seconds, got ",
                          duration.value->dump()));
  if (auto speakers = r_.field(root, "speakers")) read_speakers(*speakers);
  if (auto bindings = r_.field(root, "bindings")) read_bindings(*bindings);
  read_timeline(root, seq_.duration, 0, seq_.timeline);
  r_.finish();
  return std::move(seq_);
}

void SequenceReader::read_frame_rate(const Node& node) {
  if (node.value->is_array()) {
    if (node.value->size() != 2)
      r_.fail(node, "expected a whole number or [numerator, denominator]");
    seq_.frame_rate.numerator = std::int32_t(r_.integer(r_.element(node, 0), 1, 1'000'000));
    seq_.frame_rate.denominator = std::int32_t(r_.integer(r_.element(node, 1), 1, 1'000'000));
  } else {
    seq_.frame_rate = FrameRate{std::int32_t(r_.integer(node, 1, 1000)), 1};
  }
  if (seq_.frame_rate.fps() > 1000.0) r_.fail(node, cat("frame rate ", seq_.frame_rate.fps(), " is over 1000"));
}

void SequenceReader::read_speakers(const Node& node) {
  each_item(node, "speakers", limits_.max_bindings, {"id", "name", "color"}, [&](const Node& s, std::size_t) {
    Speaker speaker;
    Node id = r_.required(s, "id");
    speaker.id = r_.string(id);
    if (speaker.id.empty()) r_.fail(id, "must not be empty");
    if (seq_.find_speaker(speaker.id)) r_.fail(id, cat("speaker \"", speaker.id, "\" is already defined"));
    speaker.name = speaker.id;
    r_.maybe(s, "name", speaker.name);
    r_.maybe(s, "color", speaker.color);
    seq_.speakers.push_back(std::move(speaker));
  });
}

void SequenceReader::read_bindings(const Node& node) {
  each_item(node, "bindings", limits_.max_bindings, {"name", "entity", "character", "outfit", "spawn"},
            [&](const Node& b, std::size_t) {
    Binding binding;
    Node name = r_.required(b, "name");
    binding.name = r_.string(name);
    if (binding.name.empty()) r_.fail(name, "must not be empty");
    if (binding_index_.count(binding.name)) r_.fail(name, cat("binding \"", binding.name, "\" is already defined"));
    binding.entity = binding.name;
    r_.maybe(b, "entity", binding.entity);
    r_.maybe(b, "character", binding.character);
    r_.maybe(b, "outfit", binding.outfit);
    r_.maybe(b, "spawn", binding.spawn);
    if (binding.spawn && !binding.is_character())
      r_.fail(r_.child(b, "spawn"), "only a character binding (with \"character\") can be spawned");
    binding_index_.emplace(binding.name, BindingIndex(seq_.bindings.size()));
    seq_.bindings.push_back(std::move(binding));
  });
}

void SequenceReader::read_timeline(const Node& owner, double duration, int depth, Timeline& tl) {
  if (auto tracks = r_.field(owner, "tracks")) {
    std::size_t n = r_.array(*tracks, limits_.max_tracks, "tracks");
    for (std::size_t i = 0; i < n; ++i) read_track(r_.element(*tracks, i), duration, tl);
  }
  if (auto shots = r_.field(owner, "shots")) {
    std::size_t n = r_.array(*shots, limits_.max_shots, "shots");
    for (std::size_t i = 0; i < n; ++i) {
      Node s = r_.element(*shots, i);
      Shot shot = read_shot(s, duration, depth + 1);
      if (!tl.shots.empty()) check_after(r_.child(s, "start"), tl.shots.back().start, shot.start, "shot start");
      tl.shots.push_back(std::move(shot));
    }
  }
}

Shot SequenceReader::read_shot(const Node& node, double parent_duration, int depth) {
  r_.object(node, {"name", "start", "duration", "trim_start", "trim_end", "tracks", "shots"});
  Node named = node;
  Shot shot;
  r_.maybe(node, "name", shot.name);
  if (!shot.name.empty()) named.path = cat(node.path, " (", shot.name, ")");
  if (depth > limits_.max_shot_depth)
    r_.fail(named, cat("shots nested ", depth, " deep, over the limit of ", limits_.max_shot_depth));
  shot.start = time(r_.required(named, "start"), parent_duration);
  Node duration = r_.required(named, "duration");
  shot.duration = time(duration, limits_.max_duration);
  if (shot.duration <= 0.0) r_.fail(duration, "must be at least one frame");
  shot.trim_end = shot.duration;
  if (auto f = r_.field(named, "trim_start")) shot.trim_start = time(*f, shot.duration);
  Node trim_end = r_.child(named, "trim_end");
  if (trim_end.value) shot.trim_end = time(trim_end, shot.duration);
  check_interval(trim_end.value ? trim_end : duration, shot.trim_start, shot.trim_end);
  if (shot.end() > parent_duration)
    r_.fail(duration, cat("the shot plays until ", shot.end(), " s, past the end of its parent (", parent_duration, " s)"));
  read_timeline(named, shot.duration, depth, shot.timeline);
  return shot;
}

double SequenceReader::time(const Node& node, double duration) const {
  double t = r_.real(node);
  if (t < 0.0 || t > duration) r_.fail(node, cat("time ", node.value->dump(), " is outside [0, ", duration, "]"));
  return std::min(snap_to_frame(t, seq_.frame_rate), duration);
}

void SequenceReader::check_interval(const Node& to_node, double from, double to) const {
  if (!(from < to))
    r_.fail(to_node, cat("the end (", to, " s on the frame grid) must be after the start (", from, " s)"));
}

std::pair<double, double> SequenceReader::interval(const Node& item, std::string_view from_key,
                                                   std::string_view to_key, double duration) const {
  double from = time(r_.required(item, from_key), duration);
  Node to_node = r_.required(item, to_key);
  double to = time(to_node, duration);
  check_interval(to_node, from, to);
  return {from, to};
}

void SequenceReader::check_after(const Node& node, double previous, double t, std::string_view what) const {
  if (!(t > previous))
    r_.fail(node, cat(what, " ", t, " s (on the frame grid) must be after the previous one (", previous,
                      " s): keep them in time order, at least one frame apart"));
}

BindingIndex SequenceReader::binding(const Node& node) const {
  std::string name = r_.string(node);
  auto it = binding_index_.find(name);
  if (it == binding_index_.end()) r_.fail(node, cat("unknown binding \"", name, "\" (not in \"bindings\")"));
  return it->second;
}

}  // namespace detail

Result<Sequence> parse_sequence(std::string_view text, std::string_view source_name, const SequenceLimits& limits) {
  auto doc = parse_json_located(text, source_name, limits.json);
  if (!doc) return doc.error();
  try {
    return detail::SequenceReader(*doc, limits).read();
  } catch (const json_read::ReadFailure& failure) {
    return failure.error;
  }
}

Result<Sequence> load_sequence(const std::filesystem::path& path, const SequenceLimits& limits) {
  auto doc = load_json_located(path, limits.json);
  if (!doc) return doc.error();
  try {
    Sequence seq = detail::SequenceReader(*doc, limits).read();
    seq.source_path = path;
    return seq;
  } catch (const json_read::ReadFailure& failure) {
    return failure.error;
  }
}

}  // namespace kagami::sequencer
