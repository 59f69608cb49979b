#pragma once
// Events (fade, flash, shake, custom) are one-shot: they fire when playback
// crosses them and never when the time is set directly.
//
//   play          forward (t > prev): events at prev < e <= t fire, in time
//                 order. t < prev (reverse play) fires nothing: effects are
//                 forward-only and reviewing backwards must not re-trigger them;
//                 t == prev (paused) fires nothing.
//   play_looping  as play, and t < prev means playback wrapped around the end:
//                 events at prev < e <= duration, then 0 <= e <= t, fire.
//   scrub, jump   nothing fires; the state at t comes from evaluate() alone.
//
// The interval is open at prev so consecutive frames never fire an event
// twice; an event at exactly 0 fires on the first play step from before the
// start (EventCursor starts there). An event inside a shot fires at its
// sequence time, and only if that time falls in the shot's trimmed range.
#include <span>
#include <vector>

#include "kagami/sequencer/sequence.h"

namespace kagami::sequencer {

enum class PlaybackMode { play, play_looping, scrub, jump };

struct FiredEvent {
  const Event* event = nullptr;
  double time = 0.0;  // sequence time
  bool operator==(const FiredEvent&) const = default;
};

// Appends the events crossed going from prev to t (rules above) to `out`.
void advance_events(const Sequence& sequence, double prev, double t, PlaybackMode mode, std::vector<FiredEvent>& out);

// The player's view: remembers the previous time.
class EventCursor {
 public:
  // Starts before the sequence, so playing from 0 fires events at 0.
  explicit EventCursor(const Sequence& sequence) : sequence_(&sequence) {}
  // Moves to `t`; returns what fired (valid until the next call).
  std::span<const FiredEvent> advance(double t, PlaybackMode mode);
  double time() const { return prev_; }

 private:
  const Sequence* sequence_;
  double prev_ = -1.0;  // before the start: times are >= 0
  std::vector<FiredEvent> fired_;
};

}  // namespace kagami::sequencer
