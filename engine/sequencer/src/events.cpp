#include "kagami/sequencer/events.h"

#include <algorithm>

namespace kagami::sequencer {
namespace {

// An interval of time with open or closed ends.
struct Span {
  double lo, hi;
  bool lo_closed, hi_closed;
  bool empty() const { return lo > hi || (lo == hi && !(lo_closed && hi_closed)); }
  bool contains(double x) const {
    return (x > lo || (lo_closed && x == lo)) && (x < hi || (hi_closed && x == hi));
  }
};

// Events of `tl` whose local time is in `span`, appended with their sequence time.
void collect(const Timeline& tl, Span span, double to_sequence, std::vector<FiredEvent>& out) {
  for (const EventTrack& track : tl.events) {
    for (const Event& e : track.events) {
      if (e.time > span.hi) break;  // sorted by time
      if (span.contains(e.time)) out.push_back(FiredEvent{&e, e.time + to_sequence});
    }
  }
  for (const Shot& shot : tl.shots) {
    // The shot is visible for parent times [start, end).
    Span in = span;
    if (shot.start > span.lo) in.lo = shot.start, in.lo_closed = true;
    if (shot.end() <= span.hi) in.hi = shot.end(), in.hi_closed = false;
    if (in.empty()) continue;
    in.lo = shot.local_time(in.lo);
    in.hi = shot.local_time(in.hi);
    collect(shot.timeline, in, to_sequence + shot.start - shot.trim_start, out);
  }
}

void sorted_append(const Timeline& tl, Span span, std::vector<FiredEvent>& out) {
  std::size_t first = out.size();
  collect(tl, span, 0.0, out);
  // Several tracks and shots interleave: fire in time order (stable: file order on ties).
  std::stable_sort(out.begin() + std::ptrdiff_t(first), out.end(),
                   [](const FiredEvent& a, const FiredEvent& b) { return a.time < b.time; });
}

}  // namespace

void advance_events(const Sequence& sequence, double prev, double t, PlaybackMode mode, std::vector<FiredEvent>& out) {
  if (mode == PlaybackMode::scrub || mode == PlaybackMode::jump || t == prev) return;
  if (t > prev) {
    sorted_append(sequence.timeline, Span{prev, t, false, true}, out);
  } else if (mode == PlaybackMode::play_looping) {
    sorted_append(sequence.timeline, Span{prev, sequence.duration, false, true}, out);
    sorted_append(sequence.timeline, Span{0.0, t, true, true}, out);
  }
}

std::span<const FiredEvent> EventCursor::advance(double t, PlaybackMode mode) {
  fired_.clear();
  advance_events(*sequence_, prev_, t, mode, fired_);
  prev_ = t;
  return fired_;
}

}  // namespace kagami::sequencer
