// Skeleton rules: names, parent order, cycles, lookups, and influence packing.
#include <vector>

#include "anim_test_support.h"
#include "kagami/anim/skin.h"

namespace kagami::anim {
namespace {
using namespace test;

std::string error_of(const Skeleton& s) {
  auto r = validate(s, "hero.gltf");
  EXPECT_FALSE(r.ok());
  return r.ok() ? std::string() : r.error().message;
}

TEST(AnimSkeleton, AValidChainPassesAndJointsAreFoundByName) {
  const Skeleton s = chain(4);
  EXPECT_TRUE(validate(s, "hero.gltf").ok());
  EXPECT_EQ(s.find("j2"), 2u);
  EXPECT_FALSE(s.find("nobody").has_value());
}

TEST(AnimSkeleton, DuplicateNamesAreRefused) {
  Skeleton s = chain(3);
  s.joints[2].name = "j0";
  const std::string m = error_of(s);
  EXPECT_NE(m.find("hero.gltf: joints 0 and 2 are both named \"j0\""), std::string::npos) << m;
}

TEST(AnimSkeleton, BadParentIndexIsRefused) {
  Skeleton s = chain(3);
  s.joints[1].parent = 7;
  EXPECT_NE(error_of(s).find("parent index 7, which does not exist"), std::string::npos);
  s.joints[1].parent = -3;
  EXPECT_NE(error_of(s).find("parent index -3"), std::string::npos);
}

TEST(AnimSkeleton, ChildBeforeParentAndCyclesAreRefused) {
  Skeleton s = chain(3);
  s.joints[0].parent = 2;  // 0 -> 2 -> 1 -> 0: a cycle
  EXPECT_NE(error_of(s).find("comes before its parent"), std::string::npos);
  auto sorted = sort_parents_first(s, "hero.gltf");
  ASSERT_FALSE(sorted.ok());
  EXPECT_NE(sorted.error().message.find("part of a parent cycle"), std::string::npos) << sorted.error().message;
  s = chain(3);
  s.joints[1].parent = 1;
  EXPECT_NE(error_of(s).find("is its own parent"), std::string::npos);
}

TEST(AnimSkeleton, SortParentsFirstReordersAnyValidHierarchy) {
  // Children listed before their parents: "hand" -> "arm" -> "root".
  Skeleton s;
  s.joints = {Joint{"hand", 1, {}, glm::mat4(1.0f)}, Joint{"arm", 2, {}, glm::mat4(1.0f)},
              Joint{"root", kNoParent, {}, glm::mat4(1.0f)}};
  std::vector<std::uint32_t> order;
  auto sorted = sort_parents_first(s, "hero.gltf", &order);
  ASSERT_TRUE(sorted.ok()) << sorted.error().message;
  ASSERT_TRUE(validate(*sorted, "hero.gltf").ok());
  EXPECT_EQ(sorted->joints[0].name, "root");
  EXPECT_EQ(sorted->joints[2].name, "hand");
  EXPECT_EQ(sorted->joints[2].parent, 1);
  EXPECT_EQ(order, (std::vector<std::uint32_t>{2, 1, 0}));
}

TEST(AnimSkeleton, BrokenTransformsAreRefused) {
  Skeleton s = chain(2);
  s.joints[1].rest.rotation = glm::quat(2, 0, 0, 0);
  EXPECT_NE(error_of(s).find("joint 1 \"j1\" has a rest transform"), std::string::npos);
  s = chain(2);
  s.joints[0].inverse_bind[3].x = std::nanf("");
  EXPECT_NE(error_of(s).find("inverse bind matrix that is not finite"), std::string::npos);
  s = chain(2);
  s.joints[1].name.clear();
  EXPECT_NE(error_of(s).find("joint 1 has no name"), std::string::npos);
}

TEST(AnimSkin, KeepsTheFourLargestInfluencesNormalised) {
  std::vector<Influence> in = {{3, 0.1f}, {5, 0.4f}, {1, 0.05f}, {9, 0.2f}, {2, 0.25f}, {4, -1.0f}};
  const VertexSkin v = pack_influences(in, 0);
  EXPECT_EQ(v.joints, glm::u16vec4(5, 2, 9, 3));
  const float kept = 0.4f + 0.25f + 0.2f + 0.1f;
  EXPECT_NEAR(v.weights.x, 0.4f / kept, 1e-6f);
  EXPECT_NEAR(v.weights.w, 0.1f / kept, 1e-6f);
  EXPECT_NEAR(v.weights.x + v.weights.y + v.weights.z + v.weights.w, 1.0f, 1e-6f);
}

TEST(AnimSkin, AVertexWithoutWeightsFollowsTheFallbackJoint) {
  std::vector<Influence> none = {{3, 0.0f}, {4, std::nanf("")}};
  const VertexSkin v = pack_influences(none, 7);
  EXPECT_EQ(v.joints.x, 7);
  EXPECT_EQ(v.weights, glm::vec4(1, 0, 0, 0));
  std::vector<Influence> two = {{1, 2.0f}, {6, 6.0f}};
  const VertexSkin w = pack_influences(two, 0);
  EXPECT_EQ(w.joints, glm::u16vec4(6, 1, 0, 0));
  EXPECT_EQ(w.weights, glm::vec4(0.75f, 0.25f, 0, 0));
}

}  // namespace
}  // namespace kagami::anim
