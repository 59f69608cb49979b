// Root motion: travel and turning between two times, across loop wraps, and
// the pinned pose it leaves behind.
#include <vector>

#include "anim_test_support.h"
#include "kagami/anim/root_motion.h"

namespace kagami::anim {
namespace {
using namespace test;

// Walks 2 m along +Z in 1 s with a 0.1 m bob in height.
Clip straight_walk() {
  return Clip{"walk", 1.0f,
              {channel(0, ChannelPath::translation, Interpolation::linear, {0.0f, 0.5f, 1.0f},
                       {v3(0, 1, 0), v3(0, 1.1f, 1), v3(0, 1, 2)})}};
}

TEST(AnimRootMotion, DeltaWithinOneCycle) {
  const Clip walk = straight_walk();
  const RootMotion m = extract_root_motion(walk, 0, {}, 0.25f, 0.75f, Wrap::loop);
  EXPECT_TRUE(Near(m.translation, {0, 0, 1}));  // height is not root motion
  EXPECT_NEAR(m.yaw, 0.0f, 1e-6f);
}

TEST(AnimRootMotion, LoopWrapAddsTheWholeCycle) {
  const Clip walk = straight_walk();
  // 0.75 -> 1.25 crosses the loop point: 0.5 m to the end, then 0.5 m from the start.
  EXPECT_TRUE(Near(extract_root_motion(walk, 0, {}, 0.75f, 1.25f, Wrap::loop).translation, {0, 0, 1}));
  // Three and a half cycles from 0.25: 7 m.
  EXPECT_TRUE(Near(extract_root_motion(walk, 0, {}, 0.25f, 3.75f, Wrap::loop).translation, {0, 0, 7}));
  // Backwards is the reverse motion.
  EXPECT_TRUE(Near(extract_root_motion(walk, 0, {}, 1.25f, 0.75f, Wrap::loop).translation, {0, 0, -1}));
  // Clamped, the clip stops at its end.
  EXPECT_TRUE(Near(extract_root_motion(walk, 0, {}, 0.75f, 1.25f, Wrap::clamp).translation, {0, 0, 0.5f}));
}

TEST(AnimRootMotion, TurningWalkAccumulatesInTheHeadingFrame) {
  // Each cycle: 1 m forward along the current heading, then turn 90 degrees left.
  const Clip turn{"turn", 1.0f,
                  {channel(0, ChannelPath::translation, Interpolation::linear, {0.0f, 1.0f}, {v3(0, 0, 0), v3(0, 0, 1)}),
                   channel(0, ChannelPath::rotation, Interpolation::linear, {0.0f, 1.0f},
                           {q4(glm::quat(1, 0, 0, 0)), q4(axis_angle(kPi / 2, {0, 1, 0}))})}};
  const RootMotion one = extract_root_motion(turn, 0, {}, 0.0f, 1.0f, Wrap::loop);
  EXPECT_TRUE(Near(one.translation, {0, 0, 1}));
  EXPECT_NEAR(one.yaw, kPi / 2, 1e-5f);
  // Four cycles walk a square and come back to the start, facing the same way.
  const RootMotion four = extract_root_motion(turn, 0, {}, 0.0f, 4.0f, Wrap::loop);
  EXPECT_TRUE(Near(four.translation, {0, 0, 0}));
  EXPECT_NEAR(four.yaw, 0.0f, 1e-5f);
  // Two cycles: forward 1, then (turned to +X) 1 along +X.
  EXPECT_TRUE(Near(extract_root_motion(turn, 0, {}, 0.0f, 2.0f, Wrap::loop).translation, {1, 0, 1}));
  // Summing per-frame deltas gives the same as one long delta.
  RootMotion sum;
  for (int f = 0; f < 90; ++f)
    sum = sum.then(extract_root_motion(turn, 0, {}, float(f) / 30.0f, float(f + 1) / 30.0f, Wrap::loop));
  const RootMotion whole = extract_root_motion(turn, 0, {}, 0.0f, 3.0f, Wrap::loop);
  EXPECT_TRUE(Near(sum.translation, whole.translation, 1e-3f));
  EXPECT_NEAR(sum.yaw, whole.yaw, 1e-3f);
}

TEST(AnimRootMotion, PinnedRootStaysInPlace) {
  const Clip walk = straight_walk();
  std::vector<Transform> pose(1);
  sample(walk, 0.5f, Wrap::loop, pose);
  pin_root(walk, 0, {}, pose);
  EXPECT_TRUE(Near(pose[0].translation, {0, 1.1f, 0}));  // the bob stays
  Clip turning = walk;
  turning.channels.push_back(channel(0, ChannelPath::rotation, Interpolation::linear, {0.0f, 1.0f},
                                     {q4(glm::quat(1, 0, 0, 0)), q4(axis_angle(kPi / 2, {0, 1, 0}) * axis_angle(0.2f, {1, 0, 0}))}));
  sample(turning, 1.0f, Wrap::clamp, pose);
  pin_root(turning, 0, {}, pose);
  // Heading back to the start's, the forward tilt of 0.2 rad kept.
  EXPECT_NEAR(yaw_of(pose[0].rotation), 0.0f, 1e-5f);
  EXPECT_TRUE(SameRotation(pose[0].rotation, axis_angle(0.2f, {1, 0, 0})));
}

}  // namespace
}  // namespace kagami::anim
