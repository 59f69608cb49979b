// Keys and curves: every interpolation and tangent mode, easing presets, the
// auto-clamped no-overshoot guarantee, and frame-exact times.
#include <gtest/gtest.h>

#include <random>

#include "kagami/sequencer/curve.h"
#include "kagami/sequencer/frame_time.h"
#include "kagami/sequencer/spline_path.h"

namespace kagami::sequencer {
namespace {

Key<float> key(double t, float v, Interp interp = Interp::cubic, TangentMode mode = TangentMode::auto_clamped) {
  Key<float> k;
  k.time = t;
  k.value = v;
  k.interp = interp;
  k.tangent = mode;
  return k;
}

TEST(SequencerCurve, HoldsEndValuesOutsideTheKeys) {
  FloatCurve c({key(1.0, 2.0f), key(3.0, 6.0f)});
  EXPECT_EQ(c.evaluate(-5.0), 2.0f);
  EXPECT_EQ(c.evaluate(1.0), 2.0f);
  EXPECT_EQ(c.evaluate(3.0), 6.0f);
  EXPECT_EQ(c.evaluate(100.0), 6.0f);
  EXPECT_EQ(FloatCurve().evaluate(1.0), 0.0f);
  EXPECT_EQ(FloatCurve({key(2.0, 7.0f)}).evaluate(0.0), 7.0f);
}

TEST(SequencerCurve, ConstantHoldsUntilTheNextKey) {
  FloatCurve c({key(0.0, 1.0f, Interp::constant), key(2.0, 5.0f), key(4.0, 9.0f)});
  EXPECT_EQ(c.evaluate(0.0), 1.0f);
  EXPECT_EQ(c.evaluate(1.999), 1.0f);
  EXPECT_EQ(c.evaluate(2.0), 5.0f);
}

TEST(SequencerCurve, LinearIsAStraightLine) {
  FloatCurve c({key(0.0, 0.0f, Interp::linear), key(4.0, 8.0f)});
  EXPECT_FLOAT_EQ(c.evaluate(1.0), 2.0f);
  EXPECT_FLOAT_EQ(c.evaluate(3.0), 6.0f);
}

TEST(SequencerCurve, EasingPresetsShapeTheSegment) {
  EXPECT_FLOAT_EQ(ease(Interp::ease_in, 0.5f), 0.125f);
  EXPECT_FLOAT_EQ(ease(Interp::ease_out, 0.5f), 0.875f);
  EXPECT_FLOAT_EQ(ease(Interp::ease_in_out, 0.5f), 0.5f);
  EXPECT_FLOAT_EQ(ease(Interp::ease_in_out, 0.25f), 0.0625f);
  for (Interp preset : {Interp::ease_in, Interp::ease_out, Interp::ease_in_out}) {
    EXPECT_FLOAT_EQ(ease(preset, 0.0f), 0.0f);
    EXPECT_FLOAT_EQ(ease(preset, 1.0f), 1.0f);
    FloatCurve c({key(0.0, 10.0f, preset), key(2.0, 20.0f)});
    EXPECT_FLOAT_EQ(c.evaluate(1.0), 10.0f + 10.0f * ease(preset, 0.5f)) << int(preset);
  }
  // ease_in starts flat and ends steep; ease_out the reverse.
  FloatCurve in({key(0.0, 0.0f, Interp::ease_in), key(1.0, 1.0f)});
  EXPECT_LT(in.evaluate(0.1), 0.01f);
  FloatCurve out({key(0.0, 0.0f, Interp::ease_out), key(1.0, 1.0f)});
  EXPECT_GT(out.evaluate(0.1), 0.25f);
}

TEST(SequencerCurve, AutoTangentsAreCatmullRom) {
  FloatCurve c({key(0.0, 0.0f, Interp::cubic, TangentMode::automatic),
                key(1.0, 1.0f, Interp::cubic, TangentMode::automatic),
                key(3.0, 0.0f, Interp::cubic, TangentMode::automatic)});
  EXPECT_FLOAT_EQ(c.out_slope(0), 1.0f);    // one-sided at the ends
  EXPECT_FLOAT_EQ(c.in_slope(1), 0.0f);     // (0 - 0) / 3
  EXPECT_FLOAT_EQ(c.in_slope(2), -0.5f);
  // A rising-then-flat run: auto overshoots the middle key, auto-clamped does not.
  FloatCurve overshoot({key(0.0, 0.0f, Interp::cubic, TangentMode::automatic),
                        key(1.0, 1.0f, Interp::cubic, TangentMode::automatic),
                        key(2.0, 1.0f, Interp::cubic, TangentMode::automatic)});
  EXPECT_GT(overshoot.evaluate(1.5), 1.0f);
  FloatCurve clamped({key(0.0, 0.0f), key(1.0, 1.0f), key(2.0, 1.0f)});
  EXPECT_EQ(clamped.in_slope(1), 0.0f);  // a local extreme of the data is flat
  EXPECT_EQ(clamped.evaluate(1.5), 1.0f);
}

TEST(SequencerCurve, UserAndBrokenTangentsUseTheGivenSlopes) {
  Key<float> a = key(0.0, 0.0f, Interp::cubic, TangentMode::user);
  a.in_slope = 3.0f;
  Key<float> b = key(1.0, 0.0f, Interp::cubic, TangentMode::broken);
  b.in_slope = -3.0f;
  b.out_slope = 5.0f;
  Key<float> c = key(2.0, 0.0f);
  FloatCurve curve({a, b, c});
  EXPECT_EQ(curve.in_slope(0), 3.0f);
  EXPECT_EQ(curve.out_slope(0), 3.0f);
  EXPECT_EQ(curve.in_slope(1), -3.0f);
  EXPECT_EQ(curve.out_slope(1), 5.0f);
  // Hermite with m0 = 3, m1 = -3 over [0, 1] between equal values: 3u(1-u)^2 - 3(u^3 - u^2) at 0.5 = 0.75.
  EXPECT_FLOAT_EQ(curve.evaluate(0.5), 0.75f);
  // The slope at a key is what the segment leaves with (numerically).
  const double h = 1e-4;
  EXPECT_NEAR((curve.evaluate(1.0 + h) - curve.evaluate(1.0)) / h, 5.0, 0.01);
  EXPECT_NEAR((curve.evaluate(1.0) - curve.evaluate(1.0 - h)) / h, -3.0, 0.01);
}

TEST(SequencerCurve, VectorCurvesInterpolatePerComponent) {
  Key<glm::vec3> a, b;
  a.time = 0.0;
  a.value = {0, 10, -4};
  a.interp = Interp::linear;
  b.time = 2.0;
  b.value = {2, 20, 4};
  Vec3Curve c({a, b});
  EXPECT_EQ(c.evaluate(1.0), glm::vec3(1, 15, 0));
  Key<glm::vec4> ca, cb;
  ca.time = 0.0;
  ca.value = {1, 0, 0, 1};
  ca.interp = Interp::linear;
  cb.time = 1.0;
  cb.value = {0, 0, 1, 0};
  EXPECT_EQ(Vec4Curve({ca, cb}).evaluate(0.5), glm::vec4(0.5f, 0.0f, 0.5f, 0.5f));
}

// The property auto-clamped promises: between two auto-clamped keys the curve
// stays within their values, for any key set (random times, values, spacing).
TEST(SequencerCurve, AutoClampedNeverOvershootsItsNeighbours) {
  std::mt19937 rng(1234);
  std::uniform_real_distribution<float> value(-100.0f, 100.0f);
  std::uniform_real_distribution<double> gap(0.01, 5.0);
  std::uniform_int_distribution<int> count(2, 12);
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<Key<float>> keys;
    double t = 0.0;
    for (int i = 0, n = count(rng); i < n; ++i) {
      // Repeated values too: plateaus are where naive tangents overshoot.
      float v = (i > 0 && rng() % 4 == 0) ? keys.back().value : value(rng);
      keys.push_back(key(t, v));
      t += gap(rng);
    }
    FloatCurve c(keys);
    for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
      float lo = std::min(keys[i].value, keys[i + 1].value), hi = std::max(keys[i].value, keys[i + 1].value);
      float previous = keys[i].value;
      bool rising = keys[i + 1].value >= keys[i].value;
      for (int s = 0; s <= 64; ++s) {
        double x = keys[i].time + (keys[i + 1].time - keys[i].time) * s / 64.0;
        float v = c.evaluate(x);
        ASSERT_GE(v, lo) << "trial " << trial << " segment " << i << " t " << x;
        ASSERT_LE(v, hi) << "trial " << trial << " segment " << i << " t " << x;
        // Monotone within the segment, up to float rounding.
        float tolerance = 1e-4f * (hi - lo) + 1e-5f;
        if (rising) ASSERT_GE(v, previous - tolerance) << "trial " << trial;
        else ASSERT_LE(v, previous + tolerance) << "trial " << trial;
        previous = v;
      }
    }
  }
}

TEST(SequencerCurve, SplinePathPassesThroughItsPointsAtTheirTimes) {
  SplinePath path({{0.0, {0, 0, 0}}, {1.0, {1, 0, 0}}, {3.0, {1, 2, 0}}, {4.0, {0, 2, 1}}});
  EXPECT_EQ(path.evaluate(1.0), glm::vec3(1, 0, 0));
  EXPECT_EQ(path.evaluate(3.0), glm::vec3(1, 2, 0));
  EXPECT_EQ(path.evaluate(-1.0), glm::vec3(0, 0, 0));
  EXPECT_EQ(path.evaluate(9.0), glm::vec3(0, 2, 1));
  glm::vec3 mid = path.evaluate(2.0);  // curved, not the chord's midpoint
  EXPECT_NE(mid, glm::vec3(1, 1, 0));
  EXPECT_NEAR(mid.y, 1.0f, 0.2f);
}

TEST(SequencerFrameTime, FrameTimesAreExactAndRoundTrip) {
  FrameRate ntsc{30000, 1001};
  for (std::int64_t f : {0, 1, 29, 30, 1799, 86399}) {
    FrameTime ft{f, ntsc};
    EXPECT_EQ(FrameTime::nearest(ft.seconds(), ntsc).frame, f);
    EXPECT_EQ(FrameTime::at_or_before(ft.seconds(), ntsc).frame, f);
    EXPECT_EQ(snap_to_frame(ft.seconds(), ntsc), ft.seconds());
  }
  EXPECT_EQ(FrameTime({48, {24, 1}}).seconds(), 2.0);
  EXPECT_EQ(FrameTime::nearest(1.01, {24, 1}).frame, 24);
  EXPECT_EQ(FrameTime::at_or_before(1.04, {24, 1}).frame, 24);
  // A key on frame N, evaluated at frame N, gives exactly the key's value.
  FrameRate rate{24, 1};
  FloatCurve c({key(FrameTime{7, rate}.seconds(), 1.25f), key(FrameTime{13, rate}.seconds(), 7.5f),
                key(FrameTime{40, rate}.seconds(), -2.0f)});
  const double frame13 = FrameTime{13, rate}.seconds(), frame40 = FrameTime{40, rate}.seconds();
  EXPECT_EQ(c.evaluate(frame13), 7.5f);
  EXPECT_EQ(c.evaluate(frame40), -2.0f);
}

}  // namespace
}  // namespace kagami::sequencer
