// Clip sampling against poses computed by hand: each glTF interpolation, the
// ends and the keys themselves, looping and clamping, rotation continuity.
#include <vector>

#include "anim_test_support.h"

namespace kagami::anim {
namespace {
using namespace test;

TEST(AnimSampling, LinearTranslationBetweenKeys) {
  const Channel c = channel(0, ChannelPath::translation, Interpolation::linear, {0.0f, 2.0f}, {v3(0, 0, 0), v3(4, 2, -2)});
  EXPECT_TRUE(Near(glm::vec3(sample_channel(c, 0.5f)), {1.0f, 0.5f, -0.5f}));
  EXPECT_TRUE(Near(glm::vec3(sample_channel(c, 1.5f)), {3.0f, 1.5f, -1.5f}));
}

TEST(AnimSampling, ExactlyAtKeysAndOutsideTheRange) {
  const Channel c = channel(0, ChannelPath::translation, Interpolation::linear, {1.0f, 2.0f, 3.0f},
                            {v3(1, 0, 0), v3(2, 0, 0), v3(7, 0, 0)});
  EXPECT_EQ(sample_channel(c, 1.0f).x, 1.0f);
  EXPECT_EQ(sample_channel(c, 2.0f).x, 2.0f);
  EXPECT_EQ(sample_channel(c, 3.0f).x, 7.0f);
  EXPECT_EQ(sample_channel(c, -5.0f).x, 1.0f);  // held before the first key
  EXPECT_EQ(sample_channel(c, 99.0f).x, 7.0f);  // held after the last
}

TEST(AnimSampling, StepHoldsEachKeyUntilTheNext) {
  const Channel c = channel(0, ChannelPath::scale, Interpolation::step, {0.0f, 1.0f, 2.0f},
                            {v3(1, 1, 1), v3(2, 2, 2), v3(3, 3, 3)});
  EXPECT_EQ(sample_channel(c, 0.999f).x, 1.0f);
  EXPECT_EQ(sample_channel(c, 1.0f).x, 2.0f);
  EXPECT_EQ(sample_channel(c, 1.5f).x, 2.0f);
  EXPECT_EQ(sample_channel(c, 2.5f).x, 3.0f);
}

TEST(AnimSampling, CubicSplineMatchesTheHermiteFormula) {
  // Keys at t=1 (value 2, out-tangent 3) and t=3 (in-tangent -1, value 5).
  const Channel c = channel(0, ChannelPath::translation, Interpolation::cubic_spline, {1.0f, 3.0f},
                            {v3(9, 0, 0), v3(2, 0, 0), v3(3, 0, 0), v3(-1, 0, 0), v3(5, 0, 0), v3(9, 0, 0)});
  // Hand-computed: u = 0.25, dt = 2:
  // (2u^3-3u^2+1)*2 + (u^3-2u^2+u)*2*3 + (-2u^3+3u^2)*5 + (u^3-u^2)*2*(-1)
  const float u = 0.25f, dt = 2.0f;
  const float expected = (2 * u * u * u - 3 * u * u + 1) * 2 + (u * u * u - 2 * u * u + u) * dt * 3 +
                         (-2 * u * u * u + 3 * u * u) * 5 + (u * u * u - u * u) * dt * -1;
  EXPECT_NEAR(sample_channel(c, 1.5f).x, expected, 1e-5f);
  EXPECT_NEAR(expected, 3.40625f, 1e-6f);  // the same number worked on paper
  EXPECT_EQ(sample_channel(c, 1.0f).x, 2.0f);
  EXPECT_EQ(sample_channel(c, 3.0f).x, 5.0f);
}

TEST(AnimSampling, CubicSplineRotationIsNormalised) {
  const glm::quat a(1, 0, 0, 0), b = axis_angle(kPi / 2, {0, 1, 0});
  const Channel c = channel(0, ChannelPath::rotation, Interpolation::cubic_spline, {0.0f, 1.0f},
                            {glm::vec4(0), q4(a), glm::vec4(0), glm::vec4(0), q4(b), glm::vec4(0)});
  const glm::vec4 mid = sample_channel(c, 0.5f);
  EXPECT_NEAR(glm::length(mid), 1.0f, 1e-5f);
  // Zero tangents: the Hermite blend is 0.5/0.5 here, normalised = the half-way rotation.
  EXPECT_TRUE(SameRotation(quat_from_xyzw(mid), axis_angle(kPi / 4, {0, 1, 0})));
}

TEST(AnimSampling, LinearRotationIsSlerp) {
  const Channel c = channel(0, ChannelPath::rotation, Interpolation::linear, {0.0f, 1.0f},
                            {q4(glm::quat(1, 0, 0, 0)), q4(axis_angle(kPi / 2, {1, 0, 0}))});
  // Constant angular speed: a quarter of the way is a quarter of the angle
  // (plain lerp would give 20.8 degrees, not 22.5).
  EXPECT_TRUE(SameRotation(quat_from_xyzw(sample_channel(c, 0.25f)), axis_angle(kPi / 8, {1, 0, 0}), 1e-6f));
}

TEST(AnimSampling, RotationTakesTheShortestPath) {
  // 170 degrees then 190 degrees about Y, stored as -q: 20 degrees apart, not 340.
  const glm::quat a = axis_angle(glm::radians(170.0f), {0, 1, 0});
  const glm::quat b = -axis_angle(glm::radians(190.0f), {0, 1, 0});
  const Channel c = channel(0, ChannelPath::rotation, Interpolation::linear, {0.0f, 1.0f}, {q4(a), q4(b)});
  EXPECT_TRUE(SameRotation(quat_from_xyzw(sample_channel(c, 0.5f)), axis_angle(kPi, {0, 1, 0})));
}

TEST(AnimSampling, NoFlipsAcrossALongSpinningClip) {
  // Ten full turns about Y in 400 keys, alternating the sign of every key
  // quaternion: sampled densely, the joint must never jump.
  std::vector<float> times;
  std::vector<glm::vec4> values;
  for (int k = 0; k <= 400; ++k) {
    times.push_back(float(k) * 0.05f);
    const glm::quat q = axis_angle(float(k) * (20.0f * kPi / 400.0f), {0, 1, 0});
    values.push_back(q4(k % 2 ? -q : q));
  }
  Clip clip{"spin", 20.0f, {channel(0, ChannelPath::rotation, Interpolation::linear, times, values)}};
  ASSERT_TRUE(validate(clip, 1, "spin").ok());
  std::vector<Transform> pose(1), previous(1);
  sample(clip, 0.0f, Wrap::clamp, previous);
  float max_step = 0.0f;
  for (int i = 1; i <= 4000; ++i) {
    sample(clip, float(i) * 0.005f, Wrap::clamp, pose);
    // Angle between consecutive samples (sign-independent).
    const float d = std::min(1.0f, std::abs(glm::dot(pose[0].rotation, previous[0].rotation)));
    max_step = std::max(max_step, 2.0f * std::acos(d));
    previous = pose;
  }
  // 20*pi over 4000 samples is 0.0157 rad per step; any flip would be far larger.
  EXPECT_LT(max_step, 0.02f);
}

TEST(AnimSampling, LoopWrapsAndClampHolds) {
  Clip clip{"walk", 2.0f, {channel(0, ChannelPath::translation, Interpolation::linear, {0.0f, 2.0f}, {v3(0, 0, 0), v3(2, 0, 0)})}};
  EXPECT_FLOAT_EQ(wrap_time(clip, 2.5f, Wrap::loop), 0.5f);
  EXPECT_FLOAT_EQ(wrap_time(clip, -0.5f, Wrap::loop), 1.5f);
  EXPECT_FLOAT_EQ(wrap_time(clip, 4.0f, Wrap::loop), 0.0f);
  EXPECT_FLOAT_EQ(wrap_time(clip, 2.5f, Wrap::clamp), 2.0f);
  EXPECT_FLOAT_EQ(wrap_time(clip, -1.0f, Wrap::clamp), 0.0f);
  std::vector<Transform> pose(1);
  sample(clip, 5.25f, Wrap::loop, pose);
  EXPECT_TRUE(Near(pose[0].translation, {1.25f, 0, 0}));
  sample(clip, 5.25f, Wrap::clamp, pose);
  EXPECT_TRUE(Near(pose[0].translation, {2.0f, 0, 0}));
}

TEST(AnimSampling, UnanimatedComponentsKeepTheRestPose) {
  Skeleton s = chain(3);
  s.joints[1].rest.rotation = axis_angle(0.3f, {0, 0, 1});
  Clip clip{"bend", 1.0f, {channel(2, ChannelPath::rotation, Interpolation::step, {0.0f}, {q4(axis_angle(1.0f, {1, 0, 0}))})}};
  std::vector<Transform> pose(3);
  sample_pose(s, clip, 0.5f, Wrap::clamp, pose);
  EXPECT_TRUE(SameRotation(pose[1].rotation, s.joints[1].rest.rotation));
  EXPECT_TRUE(Near(pose[2].translation, {0, 1, 0}));
  EXPECT_TRUE(SameRotation(pose[2].rotation, axis_angle(1.0f, {1, 0, 0})));
}

TEST(AnimSampling, ModelSpaceAndSkinningMatricesOfABentChain) {
  Skeleton s = chain(3);
  std::vector<Transform> pose(3);
  rest_pose(s, pose);
  pose[1].rotation = axis_angle(kPi / 2, {0, 0, 1});  // bend at the elbow towards -X
  std::vector<glm::mat4> model(3), skin(3);
  local_to_model(s, pose, model);
  skinning_matrices(s, model, skin);
  EXPECT_TRUE(Near(glm::vec3(model[1][3]), {0, 1, 0}));
  EXPECT_TRUE(Near(glm::vec3(model[2][3]), {-1, 1, 0}));  // +Y rotated 90 degrees about Z is -X
  // A vertex bound at the tip of joint 2 (model (0, 2.5, 0)) follows the bend.
  EXPECT_TRUE(Near(glm::vec3(skin[2] * glm::vec4(0, 2.5f, 0, 1)), {-1.5f, 1, 0}));
  // In the rest pose every skinning matrix is the identity.
  rest_pose(s, pose);
  local_to_model(s, pose, model);
  skinning_matrices(s, model, skin);
  for (const glm::mat4& m : skin) EXPECT_TRUE(Near(glm::vec3(m * glm::vec4(0.3f, 0.7f, 0.1f, 1)), {0.3f, 0.7f, 0.1f}));
}

TEST(AnimSampling, ClipValidationNamesTheProblem) {
  Clip clip{"bad", 1.0f, {channel(0, ChannelPath::translation, Interpolation::linear, {0.0f, 0.5f, 0.5f},
                                  {v3(0, 0, 0), v3(1, 0, 0), v3(2, 0, 0)})}};
  auto r = validate(clip, 1, "walk.gltf");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("walk.gltf: clip \"bad\""), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("not strictly increasing"), std::string::npos) << r.error().message;
  clip.channels[0].times = {0.0f, 0.5f, 1.0f};
  EXPECT_TRUE(validate(clip, 1, "walk.gltf").ok());
  EXPECT_FALSE(validate(clip, 0, "walk.gltf").ok());  // joint 0 does not exist
  clip.channels[0].interpolation = Interpolation::cubic_spline;  // needs three values per key
  EXPECT_NE(validate(clip, 1, "walk.gltf").error().message.find("expected 9"), std::string::npos);
  clip.channels[0].interpolation = Interpolation::linear;
  clip.duration = 0.75f;  // the last key lies past it
  EXPECT_FALSE(validate(clip, 1, "walk.gltf").ok());
}

}  // namespace
}  // namespace kagami::anim
