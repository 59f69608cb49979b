#pragma once
// Frame-exact time. A sequence runs at a rational frame rate (24, 30000/1001);
// frame N's time is computed one way everywhere (N * den / num, in double), so
// a key snapped to frame N and the player asking for frame N meet on the same
// double and the key's value comes out exactly.
#include <cmath>
#include <cstdint>

namespace kagami::sequencer {

struct FrameRate {
  std::int32_t numerator = 24;
  std::int32_t denominator = 1;

  double fps() const { return double(numerator) / double(denominator); }
  bool valid() const { return numerator > 0 && denominator > 0; }
  bool operator==(const FrameRate&) const = default;
};

struct FrameTime {
  std::int64_t frame = 0;
  FrameRate rate;

  double seconds() const { return double(frame) * double(rate.denominator) / double(rate.numerator); }
  // The frame whose time is nearest to `t` (ties away from zero).
  static FrameTime nearest(double t, FrameRate rate) {
    return FrameTime{static_cast<std::int64_t>(std::llround(t * rate.fps())), rate};
  }
  // The last frame at or before `t` (what a player shows at wall-clock time t).
  static FrameTime at_or_before(double t, FrameRate rate) {
    FrameTime f{static_cast<std::int64_t>(std::floor(t * rate.fps())), rate};
    // t * fps may round across a frame boundary either way: settle on the grid itself.
    if (f.seconds() > t) --f.frame;
    if (FrameTime{f.frame + 1, rate}.seconds() <= t) ++f.frame;
    return f;
  }
  bool operator==(const FrameTime&) const = default;
};

// `t` moved onto the frame grid: the time of the nearest frame.
inline double snap_to_frame(double t, FrameRate rate) { return FrameTime::nearest(t, rate).seconds(); }

}  // namespace kagami::sequencer
