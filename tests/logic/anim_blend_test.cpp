// Blending poses and clips by weight, crossfades, additive layers.
#include <vector>

#include "anim_test_support.h"
#include "kagami/anim/blend.h"

namespace kagami::anim {
namespace {
using namespace test;

// Three one-joint clips holding a fixed pose each.
Clip still(const std::string& name, const glm::vec3& t, const glm::quat& r) {
  return Clip{name, 1.0f,
              {channel(0, ChannelPath::translation, Interpolation::step, {0.0f}, {v3(t.x, t.y, t.z)}),
               channel(0, ChannelPath::rotation, Interpolation::step, {0.0f}, {q4(r)})}};
}

struct BlendFixture : ::testing::Test {
  Skeleton skeleton = chain(1);
  PoseBlender blender{1};
  std::vector<Transform> scratch = std::vector<Transform>(1), out = std::vector<Transform>(1);
  Clip a = still("a", {0, 0, 0}, glm::quat(1, 0, 0, 0));
  Clip b = still("b", {2, 0, 0}, axis_angle(kPi / 2, {0, 1, 0}));
  Clip c = still("c", {0, 4, 0}, axis_angle(kPi / 2, {1, 0, 0}));
};

TEST_F(BlendFixture, WeightsZeroAndOneGiveOneClipExactly) {
  const WeightedClip clips[] = {{&a, 0.0f, 0.0f}, {&b, 0.0f, 1.0f}};
  ASSERT_TRUE(blend_clips(skeleton, clips, Wrap::clamp, blender, scratch, out));
  EXPECT_TRUE(Near(out[0].translation, {2, 0, 0}));
  EXPECT_TRUE(SameRotation(out[0].rotation, axis_angle(kPi / 2, {0, 1, 0}), 1e-6f));
}

TEST_F(BlendFixture, NoPositiveWeightBlendsNothing) {
  const WeightedClip clips[] = {{&a, 0.0f, 0.0f}, {&b, 0.0f, -2.0f}};
  out[0].translation = {9, 9, 9};
  EXPECT_FALSE(blend_clips(skeleton, clips, Wrap::clamp, blender, scratch, out));
  EXPECT_TRUE(Near(out[0].translation, {9, 9, 9}));
}

TEST_F(BlendFixture, WeightsAreNormalised) {
  // 3 and 1 is 0.75 / 0.25, the same as 0.75 and 0.25.
  const WeightedClip clips[] = {{&a, 0.0f, 3.0f}, {&b, 0.0f, 1.0f}};
  ASSERT_TRUE(blend_clips(skeleton, clips, Wrap::clamp, blender, scratch, out));
  EXPECT_TRUE(Near(out[0].translation, {0.5f, 0, 0}));
  // Two rotations about the same axis, 0.75/0.25: normalised sum of quaternions
  // (nlerp), worked by hand: (0.75*(1,0) + 0.25*(cos45, sin45)) normalised.
  const float w = 0.75f + 0.25f * std::cos(kPi / 4), y = 0.25f * std::sin(kPi / 4);
  const float angle = 2.0f * std::atan2(y, w);
  EXPECT_TRUE(SameRotation(out[0].rotation, axis_angle(angle, {0, 1, 0}), 1e-6f));
}

TEST_F(BlendFixture, ThreeWayBlend) {
  const WeightedClip clips[] = {{&a, 0.0f, 0.5f}, {&b, 0.0f, 0.25f}, {&c, 0.0f, 0.25f}};
  ASSERT_TRUE(blend_clips(skeleton, clips, Wrap::clamp, blender, scratch, out));
  EXPECT_TRUE(Near(out[0].translation, {0.5f, 1.0f, 0}));
  const glm::vec4 sum = 0.5f * q4(glm::quat(1, 0, 0, 0)) + 0.25f * q4(axis_angle(kPi / 2, {0, 1, 0})) +
                        0.25f * q4(axis_angle(kPi / 2, {1, 0, 0}));
  EXPECT_TRUE(SameRotation(out[0].rotation, quat_from_xyzw(glm::normalize(sum)), 1e-6f));
}

TEST_F(BlendFixture, OppositeSignQuaternionsDoNotCancel) {
  // b stored as -q: the same rotation. A naive sum of q and -q is zero.
  Clip b_negated = still("-b", {2, 0, 0}, -axis_angle(kPi / 2, {0, 1, 0}));
  const WeightedClip clips[] = {{&b, 0.0f, 0.5f}, {&b_negated, 0.0f, 0.5f}};
  ASSERT_TRUE(blend_clips(skeleton, clips, Wrap::clamp, blender, scratch, out));
  EXPECT_TRUE(SameRotation(out[0].rotation, axis_angle(kPi / 2, {0, 1, 0}), 1e-6f));
}

TEST_F(BlendFixture, CrossfadeAtStartMiddleAndEnd) {
  // Two moving clips: `from` walks along +X, `to` along +Z, sampled at their own times.
  const Clip from{"from", 2.0f, {channel(0, ChannelPath::translation, Interpolation::linear, {0.0f, 2.0f}, {v3(0, 0, 0), v3(2, 0, 0)})}};
  const Clip to{"to", 2.0f, {channel(0, ChannelPath::translation, Interpolation::linear, {0.0f, 2.0f}, {v3(0, 0, 0), v3(0, 0, 4)})}};
  crossfade(skeleton, from, 1.0f, to, 0.5f, 0.0f, 0.4f, Wrap::clamp, blender, scratch, out);
  EXPECT_TRUE(Near(out[0].translation, {1, 0, 0}));  // start: only `from`
  crossfade(skeleton, from, 1.0f, to, 0.5f, 0.2f, 0.4f, Wrap::clamp, blender, scratch, out);
  EXPECT_TRUE(Near(out[0].translation, {0.5f, 0, 0.5f}));  // middle: half of each (1,0,0) and (0,0,1)
  crossfade(skeleton, from, 1.0f, to, 0.5f, 0.4f, 0.4f, Wrap::clamp, blender, scratch, out);
  EXPECT_TRUE(Near(out[0].translation, {0, 0, 1}));  // end: only `to`
  crossfade(skeleton, from, 1.0f, to, 0.5f, 5.0f, 0.4f, Wrap::clamp, blender, scratch, out);
  EXPECT_TRUE(Near(out[0].translation, {0, 0, 1}));  // long after: still `to`
  EXPECT_FLOAT_EQ(crossfade_weight(0.1f, 0.4f), 0.15625f);  // smoothstep(0.25)
  EXPECT_FLOAT_EQ(crossfade_weight(-1.0f, 0.4f), 0.0f);
  EXPECT_FLOAT_EQ(crossfade_weight(0.0f, 0.0f), 1.0f);  // a cut
}

TEST(AnimAdditive, DifferenceAppliedWithWeight) {
  const Skeleton s = chain(2);
  std::vector<Transform> reference(2), posed(2), delta(2), base(2);
  rest_pose(s, reference);
  posed = reference;
  posed[1].rotation = axis_angle(kPi / 3, {1, 0, 0});  // a nod of 60 degrees
  posed[1].translation += glm::vec3(0, 0, 0.2f);
  posed[1].scale = glm::vec3(2.0f);
  make_additive(posed, reference, delta);

  // The base pose is turned 90 degrees about Y; the nod goes on top of it.
  rest_pose(s, base);
  base[1].rotation = axis_angle(kPi / 2, {0, 1, 0});
  std::vector<Transform> layered = base;
  apply_additive(layered, delta, 0.0f);
  EXPECT_TRUE(SameRotation(layered[1].rotation, base[1].rotation, 1e-6f));
  layered = base;
  apply_additive(layered, delta, 1.0f);
  EXPECT_TRUE(SameRotation(layered[1].rotation, base[1].rotation * axis_angle(kPi / 3, {1, 0, 0})));
  EXPECT_TRUE(Near(layered[1].translation, {0, 1, 0.2f}));
  EXPECT_TRUE(Near(layered[1].scale, {2, 2, 2}));
  layered = base;
  apply_additive(layered, delta, 0.5f);
  EXPECT_TRUE(SameRotation(layered[1].rotation, base[1].rotation * axis_angle(kPi / 6, {1, 0, 0})));
  EXPECT_TRUE(Near(layered[1].translation, {0, 1, 0.1f}));
  EXPECT_TRUE(Near(layered[1].scale, {1.5f, 1.5f, 1.5f}));
  // Joint 0 did not change in the additive pose: it stays as the base has it.
  EXPECT_TRUE(SameRotation(layered[0].rotation, base[0].rotation, 1e-6f));
}

}  // namespace
}  // namespace kagami::anim
