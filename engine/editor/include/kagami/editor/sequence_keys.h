#pragma once
// Editing a sequence's keys: every curve of a sequence (transform translation
// and rotation, camera lens, parameters, in the root timeline and in shots) is
// a channel the timeline lists; key edits are undoable commands on the
// sequence that keep each channel's whole key list before and after, so undo
// is exact whatever the edit did (a move that reorders keys, a tangent change).
// Key times snap to the sequence's frames and stay inside their timeline.
#include <compare>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "kagami/editor/undoable.h"
#include "kagami/sequencer/sequence.h"

namespace kagami::editor {

using SequenceCommand = Undoable<sequencer::Sequence>;

enum class ChannelKind : std::uint8_t { translation, rotation, fov_y, focus_distance, parameter };

// A curve in a sequence: which timeline (a path of shot indices from the root),
// which kind of track, and the track's index among that timeline's tracks of its kind.
struct ChannelRef {
  std::vector<std::uint32_t> shots;
  ChannelKind kind = ChannelKind::translation;
  std::uint32_t track = 0;
  auto operator<=>(const ChannelRef&) const = default;
};

struct KeyRef {
  ChannelRef channel;
  std::uint32_t index = 0;
  auto operator<=>(const KeyRef&) const = default;
};

// A channel as the timeline shows it. Its keys are in the time of its own
// timeline; `offset` maps them onto the root timeline (root = local + offset),
// and the channel plays in root time [play_from, play_to) (its shot's window).
struct ChannelInfo {
  ChannelRef ref;
  std::string label;  // "shot_010/dolly.translation"
  int components = 1;  // 1, 3 (vec3) or 4 (colour)
  double offset = 0.0;
  double duration = 0.0;  // of its timeline: keys lie in [0, duration]
  double play_from = 0.0, play_to = 0.0;
};
// Every keyed channel, root timeline first, then shots in order (depth first).
std::vector<ChannelInfo> list_channels(const sequencer::Sequence& sequence);

using KeyList = std::variant<std::vector<sequencer::Key<float>>, std::vector<sequencer::Key<glm::vec3>>,
                             std::vector<sequencer::Key<glm::vec4>>>;
Result<KeyList> channel_keys(const sequencer::Sequence& sequence, const ChannelRef& channel);
Result<void> set_channel_keys(sequencer::Sequence& sequence, const ChannelRef& channel, const KeyList& keys);

// Read access to one channel's curve whatever its value type (the curve view
// draws through it: values come from the sequencer's own evaluation).
class ChannelCurve {
 public:
  static Result<ChannelCurve> of(const sequencer::Sequence& sequence, const ChannelRef& channel);
  int components() const;
  std::size_t size() const;
  double time(std::size_t key) const;
  float value(std::size_t key, int component) const;
  sequencer::Interp interp(std::size_t key) const;
  sequencer::TangentMode tangent(std::size_t key) const;
  // The slopes cubic segments use (resolved from the tangent mode), value per second.
  float in_slope(std::size_t key, int component) const;
  float out_slope(std::size_t key, int component) const;
  float evaluate(double t, int component) const;

 private:
  std::variant<const sequencer::FloatCurve*, const sequencer::Vec3Curve*, const sequencer::Vec4Curve*> curve_;
};

// New key lists for channels. `merge_key` non-empty: successive commands of one
// gesture (a drag) with the same key and channels merge into one undo step.
class EditKeys : public SequenceCommand {
 public:
  struct Change {
    ChannelRef channel;
    KeyList before, after;
  };
  EditKeys(std::string what, std::vector<Change> changes, std::string merge_key = {})
      : what_(std::move(what)), changes_(std::move(changes)), merge_key_(std::move(merge_key)) {}
  std::string label() const override { return what_; }
  Result<void> redo(sequencer::Sequence& sequence) override { return apply(sequence, true); }
  Result<void> undo(sequencer::Sequence& sequence) override { return apply(sequence, false); }
  std::string merge_key() const override { return merge_key_; }
  bool merge(const SequenceCommand& next) override;
  const std::vector<Change>& changes() const { return changes_; }

 private:
  Result<void> apply(sequencer::Sequence& sequence, bool forward);
  std::string what_;
  std::vector<Change> changes_;
  std::string merge_key_;
};

using KeyEdit = Result<std::unique_ptr<EditKeys>>;

// A key at `time` (channel time, snapped to a frame, clamped to the timeline)
// holding the curve's value there, so adding a key does not change the motion.
// Refused when the channel already has a key on that frame.
KeyEdit add_key(const sequencer::Sequence& sequence, const ChannelRef& channel, double time);
// Refused when it would leave a channel without keys (delete the track instead).
KeyEdit delete_keys(const sequencer::Sequence& sequence, std::span<const KeyRef> keys);

// Keys moved by `delta` seconds, each landing on a frame; the move is clamped so
// every key stays inside its timeline, and refused when a key would land on the
// frame of a key that is not moving. `start` is the sequence as the drag began
// (a drag builds each frame's move from there, merged under "Move keys").
struct MovedKeys {
  std::unique_ptr<EditKeys> command;
  std::vector<KeyRef> keys;  // the moved keys' places afterwards, in the order given
  double delta = 0.0;        // the move applied (snapped, clamped)
};
Result<MovedKeys> move_keys(const sequencer::Sequence& start, std::span<const KeyRef> keys, double delta);

KeyEdit set_interpolation(const sequencer::Sequence& sequence, std::span<const KeyRef> keys, sequencer::Interp interp);
// Switching to user or broken starts from the slopes the key had, so the curve keeps its shape.
KeyEdit set_tangent_mode(const sequencer::Sequence& sequence, std::span<const KeyRef> keys,
                         sequencer::TangentMode mode);
// One component of a key's value (a drag in the curve view; merges under "Key value").
KeyEdit set_key_value(const sequencer::Sequence& sequence, const KeyRef& key, int component, float value);
enum class TangentSide { in, out };
// A tangent handle dragged: a broken key changes that side only; any other key
// becomes user (one slope for both sides). Other components keep their slopes.
KeyEdit set_key_slope(const sequencer::Sequence& sequence, const KeyRef& key, int component, TangentSide side,
                      float slope);

}  // namespace kagami::editor
