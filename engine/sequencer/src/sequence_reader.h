#pragma once
// The sequence file reader (format: sequence_io.h), split across
// sequence_read.cpp (document, bindings, speakers, shots) and track_read.cpp
// (tracks, curves). Errors unwind as json_read::ReadFailure.
#include <string>
#include <unordered_map>

#include "kagami/core/json_reader.h"
#include "kagami/sequencer/sequence_io.h"

namespace kagami::sequencer::detail {

using json_read::Node;

class SequenceReader {
 public:
  SequenceReader(const LocatedJson& doc, const SequenceLimits& limits)
      : r_(doc, limits.read), limits_(limits) {}
  Sequence read();

 private:
  void read_frame_rate(const Node& node);
  void read_speakers(const Node& node);
  void read_bindings(const Node& node);
  // A timeline's "tracks" and "shots" from `owner` (the document or a shot).
  void read_timeline(const Node& owner, double duration, int depth, Timeline& tl);
  Shot read_shot(const Node& node, double parent_duration, int depth);

  // track_read.cpp
  void read_track(Node node, double duration, Timeline& tl);
  CameraCutTrack read_camera_cuts(const Node& node, double duration);
  TransformTrack read_transform(const Node& node, double duration);
  CameraLensTrack read_lens(const Node& node, double duration);
  AnimationTrack read_animation(const Node& node, double duration);
  LookAtTrack read_look_at(const Node& node, double duration);
  EventTrack read_events(const Node& node, double duration);
  SubtitleTrack read_subtitles(const Node& node, double duration);
  ParameterTrack read_parameter(const Node& node, double duration);
  StreamingTrack read_streaming(const Node& node, double duration);
  template <typename T>
  Curve<T> read_keys(const Node& node, double duration);
  template <typename T>
  T read_value(const Node& node) const;
  template <typename T>
  Curve<T> read_curve(const Node& node, double duration);  // { "keys": [...] }
  SplinePath read_path(const Node& node, double duration);

  // Helpers shared by both files.
  double time(const Node& node, double duration) const;  // in [0, duration], snapped to a frame
  // [from, to) with from < to after snapping; `to_node` locates the error.
  void check_interval(const Node& to_node, double from, double to) const;
  // The required times `from_key` < `to_key` of an item, snapped; errors at the item's fields.
  std::pair<double, double> interval(const Node& item, std::string_view from_key, std::string_view to_key,
                                     double duration) const;
  void check_after(const Node& node, double previous, double t, std::string_view what) const;
  BindingIndex binding(const Node& node) const;  // a binding name
  // Each element of the array `list` (at most `max`), checked to be an object
  // with `fields`, passed to fn(element, index).
  template <typename Fn>
  void each_item(const Node& list, std::string_view what, std::size_t max,
                 std::initializer_list<std::string_view> fields, Fn&& fn) {
    std::size_t n = r_.array(list, max, what);
    for (std::size_t i = 0; i < n; ++i) {
      Node item = r_.element(list, i);
      r_.object(item, fields);
      fn(item, i);
    }
  }

  json_read::Reader r_;
  const SequenceLimits& limits_;
  Sequence seq_;
  std::unordered_map<std::string, BindingIndex> binding_index_;
};

}  // namespace kagami::sequencer::detail
