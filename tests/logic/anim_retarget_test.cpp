// Retargeting a clip between skeletons of different proportions and rest poses.
#include <vector>

#include "anim_test_support.h"
#include "kagami/anim/retarget.h"

namespace kagami::anim {
namespace {
using namespace test;

// hips (1 m up) -> leg -> foot (at the ground): a leg of two bones.
Skeleton leg(float hip, const std::string& prefix, const glm::quat& knee_rest = glm::quat(1, 0, 0, 0)) {
  Skeleton s;
  s.joints.push_back(Joint{prefix + "hips", kNoParent, {{0, hip, 0}, {1, 0, 0, 0}, {1, 1, 1}}, glm::mat4(1.0f)});
  s.joints.push_back(Joint{prefix + "knee", 0, {{0, -hip / 2, 0}, knee_rest, {1, 1, 1}}, glm::mat4(1.0f)});
  s.joints.push_back(Joint{prefix + "foot", 1, {{0, -hip / 2, 0}, {1, 0, 0, 0}, {1, 1, 1}}, glm::mat4(1.0f)});
  return s;
}

// The hips walk 1 m along +Z while the knee bends 90 degrees about X.
Clip stride() {
  return Clip{"stride", 1.0f,
              {channel(0, ChannelPath::translation, Interpolation::linear, {0.0f, 1.0f}, {v3(0, 1, 0), v3(0, 1, 1)}),
               channel(1, ChannelPath::rotation, Interpolation::linear, {0.0f, 1.0f},
                       {q4(glm::quat(1, 0, 0, 0)), q4(axis_angle(kPi / 2, {1, 0, 0}))}),
               channel(2, ChannelPath::translation, Interpolation::linear, {0.0f, 1.0f}, {v3(0, -0.5f, 0), v3(0, -0.6f, 0)})}};
}

TEST(AnimRetarget, ByNameOntoASmallerSkeleton) {
  const Skeleton source = leg(1.0f, ""), target = leg(0.5f, "");
  EXPECT_FLOAT_EQ(hip_height(source), 1.0f);
  EXPECT_FLOAT_EQ(hip_height(target), 0.5f);
  auto map = match_joints_by_name(source, target);
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map->size(), 3u);
  auto clip = retarget(stride(), source, target, *map, "mocap.bvh");
  ASSERT_TRUE(clip.ok()) << clip.error().message;
  std::vector<Transform> pose(3);
  sample_pose(target, *clip, 1.0f, Wrap::clamp, pose);
  // Half the hip height: half the stride, hips at their own height.
  EXPECT_TRUE(Near(pose[0].translation, {0, 0.5f, 0.5f}));
  EXPECT_TRUE(SameRotation(pose[1].rotation, axis_angle(kPi / 2, {1, 0, 0})));
  // The foot's translation keys are dropped: the target keeps its bone length.
  EXPECT_TRUE(Near(pose[2].translation, {0, -0.25f, 0}));
}

TEST(AnimRetarget, ByMapWithDifferentNamesAndRestPoses) {
  // The target's knee rests bent 30 degrees: the source's rotations apply
  // relative to it, so the source's rest (identity) maps to the target's rest.
  const glm::quat bent = axis_angle(glm::radians(30.0f), {1, 0, 0});
  const Skeleton source = leg(1.0f, "src_"), target = leg(2.0f, "Hero:", bent);
  EXPECT_FALSE(match_joints_by_name(source, target).ok());
  const JointNameMap map = {{"src_hips", "Hero:hips"}, {"src_knee", "Hero:knee"}};
  auto clip = retarget(stride(), source, target, map, "mocap.bvh");
  ASSERT_TRUE(clip.ok()) << clip.error().message;
  std::vector<Transform> pose(3);
  sample_pose(target, *clip, 0.0f, Wrap::clamp, pose);
  EXPECT_TRUE(SameRotation(pose[1].rotation, bent));
  EXPECT_TRUE(Near(pose[0].translation, {0, 2, 0}));
  sample_pose(target, *clip, 1.0f, Wrap::clamp, pose);
  EXPECT_TRUE(SameRotation(pose[1].rotation, bent * axis_angle(kPi / 2, {1, 0, 0})));
  // The bent knee lowers the target's hips: 1 m of thigh plus cos(30 degrees) of shin.
  const float height = 1.0f + std::cos(glm::radians(30.0f));
  EXPECT_NEAR(hip_height(target), height, 1e-5f);
  EXPECT_TRUE(Near(pose[0].translation, {0, 2, height}));  // stride scaled by the hip height ratio
  EXPECT_TRUE(Near(pose[2].translation, {0, -1, 0}));  // the unmapped foot rests
}

TEST(AnimRetarget, MapErrorsNameTheJoint) {
  const Skeleton source = leg(1.0f, "a_"), target = leg(1.0f, "b_");
  auto missing = retarget(stride(), source, target, {{"a_hips", "b_pelvis"}}, "mocap.bvh");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("mocap.bvh: the joint map names target joint \"b_pelvis\""), std::string::npos)
      << missing.error().message;
  auto twice = retarget(stride(), source, target, {{"a_hips", "b_hips"}, {"a_knee", "b_hips"}}, "mocap.bvh");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("two joints to target joint \"b_hips\""), std::string::npos);
}

}  // namespace
}  // namespace kagami::anim
