#pragma once
// A sequence open in the editor beside its scene: the sequence, its file and
// history (saved, autosaved and reloaded like a scene: file_document.h), and
// the transport the timeline drives: the playhead, play and pause, a loop range.
#include <cstdint>
#include <filesystem>
#include <optional>

#include "kagami/editor/file_document.h"
#include "kagami/editor/sequence_keys.h"
#include "kagami/sequencer/sequence.h"

namespace kagami::editor {

class SequenceDocument : public FileDocument<sequencer::Sequence> {
 public:
  static Result<SequenceDocument> open(const std::filesystem::path& path) {
    SequenceDocument doc;
    if (auto loaded = doc.load(path); !loaded) return loaded.error();
    return doc;
  }
  sequencer::Sequence& sequence() { return content(); }
  const sequencer::Sequence& sequence() const { return content(); }
};

// The sequence written against `scene_file`: the first (by file name) of the
// *.sequence.json files in its folder whose "scene" names it. Files that do
// not load are skipped with a warning. nullopt when there is none.
std::optional<std::filesystem::path> find_sequence_for_scene(const std::filesystem::path& scene_file);

// The playhead and playback. Time stays on [0, duration]; a scrub lands on a
// frame; playing advances with the wall clock and shows the frame at or before
// the playhead; a loop plays [loop_from, loop_to) over and over.
class Transport {
 public:
  double time() const { return time_; }
  bool playing() const { return playing_; }
  bool looping() const { return looping_; }
  double loop_from() const { return loop_from_; }
  double loop_to() const { return loop_to_; }
  // The frame shown (at or before the playhead) and its time.
  std::int64_t frame(const sequencer::Sequence& s) const;
  double frame_time(const sequencer::Sequence& s) const { return s.frame_time(frame(s)); }

  void scrub(const sequencer::Sequence& s, double t);
  void play(const sequencer::Sequence& s);  // from the start (or the loop's) when at the end
  void pause() { playing_ = false; }
  void toggle(const sequencer::Sequence& s) { playing_ ? pause() : play(s); }
  // Ordered and snapped to frames; at least one frame long. Turns looping on.
  void set_loop(const sequencer::Sequence& s, double from, double to);
  void set_looping(bool on) { looping_ = on && loop_to_ > loop_from_; }
  // Moves the playhead by `dt` seconds of wall clock when playing: wraps inside
  // the loop range when looping, else stops on the last frame.
  void advance(const sequencer::Sequence& s, double dt);

 private:
  double time_ = 0.0;
  bool playing_ = false, looping_ = false;
  double loop_from_ = 0.0, loop_to_ = 0.0;
};

}  // namespace kagami::editor
