// The transform hierarchy: world matrices, ordering, and edits that keep ids stable.
#include <gtest/gtest.h>

#include <numbers>

#include "kagami/scene/hierarchy.h"
#include "scene_test_support.h"

namespace kagami::scene::test {
namespace {

::testing::AssertionResult Near(const glm::mat4& actual, const glm::mat4& expected, float tolerance = 1e-5f) {
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r)
      if (std::abs(actual[c][r] - expected[c][r]) > tolerance)
        return ::testing::AssertionFailure() << "column " << c << " row " << r << ": " << actual[c][r] << " vs "
                                             << expected[c][r];
  return ::testing::AssertionSuccess();
}

TEST(SceneHierarchy, WorldMatricesOfThreeLevels) {
  // The grandchild comes first in the file: world matrices do not depend on file order.
  const std::string text = scene_with(
      "    {\"id\": 3, \"name\": \"grandchild\", \"parent\": 2, \"transform\": {\"translation\": [0, 3, 0],"
      " \"rotation\": [0, 0, 0.70710678, 0.70710678]}},\n"
      "    {\"id\": 1, \"name\": \"root\", \"transform\": {\"translation\": [10, 0, 0],"
      " \"rotation\": [0, 0.70710678, 0, 0.70710678], \"scale\": [2, 2, 2]}},\n"
      "    {\"id\": 2, \"name\": \"child\", \"parent\": 1, \"transform\": {\"translation\": [1, 0, 0]}}\n");
  auto scene = parse_scene(text, "hierarchy.json");
  ASSERT_TRUE(scene.ok()) << scene.error().message;

  // By hand: root = T(10,0,0) * Ry(90deg) * S(2), with Ry(90) taking x to -z and z to x.
  //   child origin      = root * (1,0,0)    = (10,0,0) + Ry(2,0,0) = (10, 0, -2)
  //   grandchild origin = root * (1,3,0)    = (10,0,0) + Ry(2,6,0) = (10, 6, -2)
  //   grandchild axes: Rz(90) takes x to y, y to -x; then Ry and the scale of 2:
  //     x -> y -> (0,2,0);  y -> -x -> (0,0,2);  z -> z -> (2,0,0)
  const glm::mat4 root(0, 0, -2, 0, 0, 2, 0, 0, 2, 0, 0, 0, 10, 0, 0, 1);
  const glm::mat4 child(0, 0, -2, 0, 0, 2, 0, 0, 2, 0, 0, 0, 10, 0, -2, 1);
  const glm::mat4 grandchild(0, 2, 0, 0, 0, 0, 2, 0, 2, 0, 0, 0, 10, 6, -2, 1);

  std::vector<glm::mat4> world = scene->world_transforms();
  ASSERT_EQ(world.size(), 3u);
  EXPECT_TRUE(Near(world[*scene->index_of(1)], root));
  EXPECT_TRUE(Near(world[*scene->index_of(2)], child));
  EXPECT_TRUE(Near(world[*scene->index_of(3)], grandchild));
  EXPECT_TRUE(Near(scene->world_transform(3), grandchild));
  EXPECT_TRUE(Near(glm::mat4(scene->world_transform(42)), glm::mat4(1.0f)));
}

TEST(SceneHierarchy, OrderPutsParentsFirstAndNamesProblems) {
  const std::vector<EntityId> ids{5, 7, 9, 11};
  const std::vector<EntityId> parents{9, 0, 7, 5};
  HierarchyOrder ok = order_parents_first(ids, parents);
  ASSERT_FALSE(ok.problem.has_value());
  ASSERT_EQ(ok.order.size(), 4u);
  auto position = [&](std::size_t index) { return std::find(ok.order.begin(), ok.order.end(), index) - ok.order.begin(); };
  EXPECT_LT(position(1), position(2));  // 7 before 9
  EXPECT_LT(position(2), position(0));  // 9 before 5
  EXPECT_LT(position(0), position(3));  // 5 before 11

  using Kind = HierarchyProblem::Kind;
  auto problem = [](std::vector<EntityId> i, std::vector<EntityId> p) { return *order_parents_first(i, p).problem; };
  HierarchyProblem dup = problem({1, 2, 1}, {0, 0, 0});
  EXPECT_EQ(dup.kind, Kind::duplicate_id);
  EXPECT_EQ(dup.index, 2u);
  EXPECT_EQ(dup.first, 0u);
  EXPECT_EQ(problem({1, 0}, {0, 0}).kind, Kind::zero_id);
  HierarchyProblem missing = problem({1, 2}, {0, 8});
  EXPECT_EQ(missing.kind, Kind::missing_parent);
  EXPECT_EQ(missing.index, 1u);
  // 4 hangs below the loop 2 -> 3 -> 2; the loop's first entity in order is blamed.
  HierarchyProblem loop = problem({4, 1, 2, 3}, {2, 0, 3, 2});
  EXPECT_EQ(loop.kind, Kind::cycle);
  EXPECT_EQ(loop.index, 2u);
  EXPECT_EQ(loop.chain, (std::vector<EntityId>{2, 3, 2}));
}

Scene family() {
  // 1 -> (2 -> (4, 5), 3); 6 alone.
  Scene s;
  auto add = [&](const char* name, EntityId parent, glm::vec3 t) {
    Entity e;
    e.name = name;
    e.transform.translation = t;
    auto id = s.add_entity(std::move(e), parent);
    EXPECT_TRUE(id.ok());
    return *id;
  };
  EntityId a = add("a", kNoEntity, {1, 0, 0});
  EntityId b = add("b", a, {0, 1, 0});
  add("c", a, {0, 0, 1});
  add("d", b, {2, 0, 0});
  add("e", b, {0, 2, 0});
  add("f", kNoEntity, {5, 5, 5});
  return s;
}

TEST(SceneHierarchy, AddAssignsMaxPlusOneAndChecksParents) {
  Scene s = family();
  EXPECT_EQ(s.max_id(), 6u);
  Entity extra;
  auto id = s.add_entity(extra, 2);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, 7u);
  EXPECT_EQ(s.find(7)->parent(), 2u);

  auto explicit_id = s.add_entity(extra, kNoEntity, 100);
  ASSERT_TRUE(explicit_id.ok());
  EXPECT_EQ(*explicit_id, 100u);
  EXPECT_EQ(*s.add_entity(extra), 101u);

  auto taken = s.add_entity(extra, kNoEntity, 3);
  ASSERT_FALSE(taken.ok());
  EXPECT_NE(taken.error().message.find("id 3 is already used"), std::string::npos) << taken.error().message;
  auto orphan = s.add_entity(extra, 55);
  ASSERT_FALSE(orphan.ok());
  EXPECT_NE(orphan.error().message.find("parent 55 does not exist"), std::string::npos) << orphan.error().message;
}

TEST(SceneHierarchy, RemoveSubtreeKeepsOtherIdsStable) {
  Scene s = family();
  auto removed = s.remove_entity(2);
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  EXPECT_EQ(*removed, (std::vector<EntityId>{2, 4, 5}));
  std::vector<EntityId> ids;
  for (const Entity& e : s.entities()) ids.push_back(e.id());
  EXPECT_EQ(ids, (std::vector<EntityId>{1, 3, 6}));
  EXPECT_EQ(s.find_by_name("c")->id(), 3u);
  EXPECT_EQ(s.find(3)->parent(), 1u);
  EXPECT_EQ(s.find(4), nullptr);
  EXPECT_FALSE(s.remove_entity(4).ok());
  // New ids continue above the largest remaining one.
  EXPECT_EQ(*s.add_entity(Entity{}), 7u);
}

TEST(SceneHierarchy, RemoveCanLiftChildrenKeepingTheirWorldTransforms) {
  Scene s = family();
  s.find(2)->transform.rotation = glm::angleAxis(0.5f, glm::vec3(0, 1, 0));
  s.find(2)->transform.scale = glm::vec3(2.0f);
  const glm::mat4 d_before = s.world_transform(4), e_before = s.world_transform(5);
  auto removed = s.remove_entity(2, RemoveChildren::lift_to_parent);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, (std::vector<EntityId>{2}));
  EXPECT_EQ(s.find(4)->parent(), 1u);
  EXPECT_EQ(s.find(5)->parent(), 1u);
  EXPECT_TRUE(Near(s.world_transform(4), d_before));
  EXPECT_TRUE(Near(s.world_transform(5), e_before));
}

TEST(SceneHierarchy, ReparentRefusesLoopsAndKeepsIds) {
  Scene s = family();
  auto into_child = s.reparent(1, 4);
  ASSERT_FALSE(into_child.ok());
  EXPECT_NE(into_child.error().message.find("one of its own descendants"), std::string::npos);
  EXPECT_FALSE(s.reparent(2, 2).ok());
  EXPECT_FALSE(s.reparent(2, 77).ok());
  EXPECT_FALSE(s.reparent(77, 1).ok());
  EXPECT_EQ(s.find(1)->parent(), kNoEntity);  // refused edits change nothing

  // Keeping the local transform moves the entity with its new parent.
  ASSERT_TRUE(s.reparent(4, 6).ok());
  EXPECT_EQ(s.find(4)->parent(), 6u);
  EXPECT_EQ(s.find(4)->id(), 4u);
  EXPECT_TRUE(Near(s.world_transform(4), glm::translate(glm::mat4(1.0f), glm::vec3(7, 5, 5))));

  // Keeping the world transform changes the local one instead.
  s.find(6)->transform.rotation = glm::angleAxis(std::numbers::pi_v<float> / 3.0f, glm::normalize(glm::vec3(1, 1, 0)));
  const glm::mat4 before = s.world_transform(5);
  ASSERT_TRUE(s.reparent(5, 6, /*keep_world=*/true).ok());
  EXPECT_TRUE(Near(s.world_transform(5), before));
  ASSERT_TRUE(s.reparent(5, kNoEntity, /*keep_world=*/true).ok());
  EXPECT_EQ(s.find(5)->parent(), kNoEntity);
  EXPECT_TRUE(Near(s.world_transform(5), before));
  EXPECT_EQ(s.children_of(6), (std::vector<EntityId>{4}));
  EXPECT_TRUE(s.is_ancestor(6, 4));
  EXPECT_FALSE(s.is_ancestor(4, 6));
}

TEST(SceneHierarchy, TransformFromMatrixRecoversTrs) {
  Transform t;
  t.translation = {1.5f, -2.0f, 3.0f};
  t.rotation = glm::angleAxis(1.1f, glm::normalize(glm::vec3(0.3f, 1.0f, -0.2f)));
  t.scale = {-2.0f, 0.5f, 3.0f};  // mirrored
  Transform back = Transform::from_matrix(t.matrix());
  EXPECT_TRUE(Near(back.matrix(), t.matrix()));
  EXPECT_NEAR(back.scale.x, -2.0f, 1e-5f);
  EXPECT_NEAR(back.scale.y, 0.5f, 1e-5f);
  EXPECT_NEAR(std::abs(glm::dot(back.rotation, t.rotation)), 1.0f, 1e-5f);
}

}  // namespace
}  // namespace kagami::scene::test
