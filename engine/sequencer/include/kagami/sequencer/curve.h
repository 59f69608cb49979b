#pragma once
// Keyed curves of floats, vectors and colours.
//
// A key's `interp` shapes the segment from that key to the next:
//   constant      holds the key's value until the next key
//   linear        straight line
//   cubic         cubic Bezier in value with time linear (a Hermite segment):
//                 control points at dt/3 along the out tangent of the left key
//                 and the in tangent of the right key; tangents are slopes
//                 (value per second)
//   ease_in, ease_out, ease_in_out
//                 presets: the value follows a cubic easing of the segment's
//                 progress, flat at the eased end(s)
// A key's `tangent` mode decides its slopes for cubic segments:
//   auto          Catmull-Rom: the slope of the line through the neighbours
//                 (one-sided at the first and last key)
//   auto_clamped  monotone (Fritsch-Butland): flat at a local extreme and at
//                 the ends, otherwise limited so a segment between two
//                 auto-clamped keys never leaves the range of its two keys
//   user          one slope given for both sides (in_slope)
//   broken        separate in_slope and out_slope
// Vectors and colours are curved per component with the same rules.
//
// Slopes are resolved once when keys are set, so evaluation is a binary
// search and one segment: cheap and a pure function of time.
#include <span>
#include <vector>

#include "kagami/core/math.h"

namespace kagami::sequencer {

enum class Interp { constant, linear, cubic, ease_in, ease_out, ease_in_out };
enum class TangentMode { automatic, auto_clamped, user, broken };

template <typename T>
struct Key {
  double time = 0.0;
  T value{};
  Interp interp = Interp::cubic;
  TangentMode tangent = TangentMode::auto_clamped;
  T in_slope{};   // user and broken
  T out_slope{};  // broken
  bool operator==(const Key&) const = default;
};

template <typename T>
class Curve {
 public:
  Curve() = default;
  explicit Curve(std::vector<Key<T>> keys) { set_keys(std::move(keys)); }

  // Keys must be in strictly increasing time (the reader checks files).
  void set_keys(std::vector<Key<T>> keys);
  std::span<const Key<T>> keys() const { return keys_; }
  bool empty() const { return keys_.empty(); }

  // Holds the first value before the first key and the last after the last.
  // An empty curve gives T{}.
  T evaluate(double t) const;
  // The resolved slopes of key i (what cubic segments use).
  T in_slope(std::size_t i) const { return in_[i]; }
  T out_slope(std::size_t i) const { return out_[i]; }

  bool operator==(const Curve& other) const { return keys_ == other.keys_; }

 private:
  // What evaluation reads, laid out for it: key times alone for the search,
  // then one segment's values and scaled slopes together (one cache line for
  // a vec3), so a sequence of thousands of curves is not bound by scattered loads.
  struct Segment {
    T v0{}, v1{};
    T m0_dt{}, m1_dt{};  // slopes times the segment's duration (Hermite form)
    Interp interp = Interp::cubic;
    bool clamp = false;  // both keys auto-clamped: stay within [v0, v1]
  };
  std::vector<Key<T>> keys_;
  std::vector<T> in_, out_;  // resolved slopes per key
  std::vector<double> times_;
  std::vector<Segment> segments_;  // one per pair of neighbouring keys
};

using FloatCurve = Curve<float>;
using Vec3Curve = Curve<glm::vec3>;
using Vec4Curve = Curve<glm::vec4>;

// The easing presets on [0, 1] (cubic), for segments and camera blends.
float ease(Interp preset, float u);

}  // namespace kagami::sequencer
