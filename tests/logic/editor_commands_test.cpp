// Every kind of edit the editor makes undoes and redoes exactly (the scene
// compares equal and serialises to the same bytes), and drags merge.
#include <gtest/gtest.h>

#include "editor_test_support.h"
#include "kagami/editor/clipboard.h"

namespace kagami::editor::test {
namespace {

using scene::EntityId;

Document doc_with_scene() {
  Document doc;
  doc.scene() = small_scene();
  return doc;
}

TEST(EditorCommands, SetTransformUndoesAndRedoes) {
  Document doc = doc_with_scene();
  auto cmd = EditEntities::of(doc.scene(), 2, "Move", [](scene::Entity& e) { e.transform.translation.x += 2.5f; });
  ASSERT_TRUE(cmd.ok());
  expect_undo_redo(doc, std::move(*cmd));
  EXPECT_FLOAT_EQ(doc.scene().find(2)->transform.translation.x, 2.5f);
}

TEST(EditorCommands, ComponentFieldAndRenameUndo) {
  Document doc = doc_with_scene();
  auto intensity = EditEntities::of(doc.scene(), 2, "Light intensity", [](scene::Entity& e) { e.light->intensity = 40.0f; });
  ASSERT_TRUE(intensity.ok());
  expect_undo_redo(doc, std::move(*intensity));
  auto rename = EditEntities::of(doc.scene(), 6, "Rename", [](scene::Entity& e) { e.name = "ticket booth"; });
  ASSERT_TRUE(rename.ok());
  expect_undo_redo(doc, std::move(*rename));
  EXPECT_EQ(doc.scene().find(6)->name, "ticket booth");
  auto overrides = EditEntities::of(doc.scene(), 6, "Material", [](scene::Entity& e) {
    e.mesh->material_overrides.push_back({0, glm::vec4(1, 0, 0, 1), std::nullopt, 0.2f, std::nullopt});
  });
  ASSERT_TRUE(overrides.ok());
  expect_undo_redo(doc, std::move(*overrides));
  auto remove_light = EditEntities::of(doc.scene(), 2, "Remove light", [](scene::Entity& e) { e.light.reset(); });
  ASSERT_TRUE(remove_light.ok());
  expect_undo_redo(doc, std::move(*remove_light));
  EXPECT_FALSE(doc.scene().find(2)->light.has_value());
}

TEST(EditorCommands, EnvironmentUndo) {
  Document doc = doc_with_scene();
  scene::Environment after = doc.scene().environment;
  after.fog.density = 0.05f;
  after.sky.preset = "storm";
  expect_undo_redo(doc, std::make_unique<EditEnvironment>("Fog", doc.scene().environment, after));
  EXPECT_EQ(doc.scene().environment.sky.preset, "storm");
}

TEST(EditorCommands, CreateUndoRemovesTheEntity) {
  Document doc = doc_with_scene();
  scene::Entity e;
  e.name = "new";
  auto cmd = create_entity(doc.scene(), e, 1);
  const EntityId id = cmd->roots().front();
  expect_undo_redo(doc, std::move(cmd));
  ASSERT_NE(doc.scene().find(id), nullptr);
  EXPECT_EQ(doc.scene().find(id)->parent(), 1u);
}

TEST(EditorCommands, DeleteTakesChildrenAndUndoPutsThemBackInPlace) {
  Document doc = doc_with_scene();
  auto cmd = RemoveEntities::of(doc.scene(), {1});  // street, lamp, bulb
  ASSERT_TRUE(cmd.ok());
  expect_undo_redo(doc, std::move(*cmd));
  EXPECT_EQ(doc.scene().size(), 3u);
  EXPECT_EQ(doc.scene().find(3), nullptr);
  ASSERT_TRUE(doc.undo().ok());
  EXPECT_EQ(doc.scene().find(3)->parent(), 2u);
  EXPECT_EQ(*doc.scene().index_of(1), 0u);
}

TEST(EditorCommands, DeleteOfAChildAndItsAncestorRemovesTheSubtreeOnce) {
  Document doc = doc_with_scene();
  auto cmd = RemoveEntities::of(doc.scene(), {3, 1, 5});
  ASSERT_TRUE(cmd.ok());
  expect_undo_redo(doc, std::move(*cmd));
  EXPECT_EQ(doc.scene().size(), 2u);
}

TEST(EditorCommands, ReparentKeepsWorldPlacementAndUndoes) {
  Document doc = doc_with_scene();
  const glm::mat4 world = doc.scene().world_transform(6);
  auto cmd = ReparentEntities::of(doc.scene(), {6}, 2);
  ASSERT_TRUE(cmd.ok());
  expect_undo_redo(doc, std::move(*cmd));
  EXPECT_EQ(doc.scene().find(6)->parent(), 2u);
  const glm::mat4 moved = doc.scene().world_transform(6);
  EXPECT_NEAR(moved[3][0], world[3][0], 1e-4f);
  EXPECT_NEAR(moved[3][2], world[3][2], 1e-4f);
}

TEST(EditorCommands, ReparentUnderOwnDescendantIsRefused) {
  Document doc = doc_with_scene();
  auto cmd = ReparentEntities::of(doc.scene(), {1}, 3);
  ASSERT_FALSE(cmd.ok());
  EXPECT_NE(cmd.error().message.find("descendants"), std::string::npos);
}

TEST(EditorCommands, DuplicateCopiesTheSubtreeWithFreshIds) {
  Document doc = doc_with_scene();
  auto cmd = duplicate_entities(doc.scene(), {2});
  ASSERT_TRUE(cmd.ok());
  const auto roots = (*cmd)->roots();
  expect_undo_redo(doc, std::move(*cmd));
  ASSERT_EQ(roots.size(), 1u);
  const scene::Entity* copy = doc.scene().find(roots[0]);
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->parent(), 1u);
  EXPECT_EQ(copy->name, "lamp");
  EXPECT_EQ(doc.scene().children_of(roots[0]).size(), 1u);  // the bulb came too
  EXPECT_EQ(doc.scene().size(), 8u);
}

TEST(EditorCommands, CopyPasteAtTheRootKeepsWorldPlacement) {
  Document doc = doc_with_scene();
  Clipboard clip = copy_entities(doc.scene(), {2});
  ASSERT_EQ(clip.items.size(), 2u);
  auto cmd = paste_entities(doc.scene(), clip);
  ASSERT_TRUE(cmd.ok());
  const EntityId pasted = (*cmd)->roots().front();
  expect_undo_redo(doc, std::move(*cmd));
  EXPECT_EQ(doc.scene().find(pasted)->parent(), scene::kNoEntity);
  EXPECT_EQ(doc.scene().find(pasted)->transform.translation, glm::vec3(10, 4, 0));
  EXPECT_FALSE(paste_entities(doc.scene(), Clipboard{}).ok());
}

TEST(EditorHistory, DragInsideAGestureIsOneStep) {
  Document doc = doc_with_scene();
  const scene::Scene before = doc.scene();
  doc.history().begin_gesture();
  for (int frame = 1; frame <= 10; ++frame) {
    auto cmd = EditEntities::of(doc.scene(), 6, "Move", [&](scene::Entity& e) { e.transform.translation.y = float(frame); },
                                "gizmo");
    ASSERT_TRUE(doc.execute(std::move(*cmd)).ok());
  }
  doc.history().end_gesture();
  EXPECT_EQ(doc.history().undo_count(), 1u);
  EXPECT_EQ(doc.scene().find(6)->transform.translation.y, 10.0f);
  ASSERT_TRUE(doc.undo().ok());
  EXPECT_TRUE(doc.scene() == before);
  ASSERT_TRUE(doc.redo().ok());
  EXPECT_EQ(doc.scene().find(6)->transform.translation.y, 10.0f);
}

TEST(EditorHistory, SeparateGesturesAndOtherKeysDoNotMerge) {
  Document doc = doc_with_scene();
  auto move = [&](float y, const char* key) {
    auto cmd = EditEntities::of(doc.scene(), 6, "Move", [&](scene::Entity& e) { e.transform.translation.y = y; }, key);
    ASSERT_TRUE(doc.execute(std::move(*cmd)).ok());
  };
  doc.history().begin_gesture();
  move(1, "gizmo");
  move(2, "gizmo");
  doc.history().end_gesture();
  doc.history().begin_gesture();
  move(3, "gizmo");
  move(4, "inspector");
  doc.history().end_gesture();
  move(5, "gizmo");  // outside a gesture: never merges
  move(6, "gizmo");
  EXPECT_EQ(doc.history().undo_count(), 5u);
}

TEST(EditorHistory, NewEditClearsRedo) {
  Document doc = doc_with_scene();
  ASSERT_TRUE(doc.execute(create_entity(doc.scene(), scene::Entity{})).ok());
  ASSERT_TRUE(doc.undo().ok());
  EXPECT_TRUE(doc.history().can_redo());
  ASSERT_TRUE(doc.execute(create_entity(doc.scene(), scene::Entity{})).ok());
  EXPECT_FALSE(doc.history().can_redo());
  EXPECT_FALSE(doc.redo().ok());
}

TEST(EditorHistory, DirtyFollowsTheSavedState) {
  Document doc = doc_with_scene();
  EXPECT_FALSE(doc.dirty());
  ASSERT_TRUE(doc.execute(create_entity(doc.scene(), scene::Entity{})).ok());
  EXPECT_TRUE(doc.dirty());
  ASSERT_TRUE(doc.undo().ok());
  EXPECT_FALSE(doc.dirty()) << "undoing back to the saved state is clean";
  ASSERT_TRUE(doc.redo().ok());
  doc.history().mark_saved();
  EXPECT_FALSE(doc.dirty());
  ASSERT_TRUE(doc.undo().ok());
  EXPECT_TRUE(doc.dirty()) << "undoing past a save is a change";
  ASSERT_TRUE(doc.redo().ok());
  EXPECT_FALSE(doc.dirty());
  // A drag that merges into the saved step still makes the document dirty.
  doc.history().begin_gesture();
  auto a = EditEntities::of(doc.scene(), 6, "Move", [](scene::Entity& e) { e.transform.translation.y = 1; }, "gizmo");
  ASSERT_TRUE(doc.execute(std::move(*a)).ok());
  doc.history().mark_saved();
  auto b = EditEntities::of(doc.scene(), 6, "Move", [](scene::Entity& e) { e.transform.translation.y = 2; }, "gizmo");
  ASSERT_TRUE(doc.execute(std::move(*b)).ok());
  doc.history().end_gesture();
  EXPECT_TRUE(doc.dirty());
}

TEST(EditorHistory, FailedCommandChangesNothing) {
  Document doc = doc_with_scene();
  auto cmd = EditEntities::of(doc.scene(), 6, "Move", [](scene::Entity& e) { e.transform.translation.y = 1; });
  ASSERT_TRUE(cmd.ok());
  ASSERT_TRUE(RemoveEntities::of(doc.scene(), {6}).ok());
  ASSERT_TRUE(doc.execute(take(RemoveEntities::of(doc.scene(), {6}))).ok());
  const scene::Scene before = doc.scene();
  EXPECT_FALSE(doc.execute(std::move(*cmd)).ok());
  EXPECT_TRUE(doc.scene() == before);
  EXPECT_EQ(doc.history().undo_count(), 1u);
}

}  // namespace
}  // namespace kagami::editor::test

namespace kagami::editor::test {
namespace {

TEST(EditorCommands, PlacingAModelAddsAssetAndEntityInOneStep) {
  Document doc;
  doc.scene() = small_scene();
  scene::Entity e;
  e.name = "bench";
  e.mesh = scene::MeshComponent{"bench", {}};
  std::vector<std::unique_ptr<Command>> steps;
  steps.push_back(std::make_unique<AddAsset>("bench", "../assets/bench.gltf"));
  steps.push_back(create_entity(doc.scene(), e));
  auto batch = std::make_unique<CommandBatch>("Place bench", std::move(steps));
  EXPECT_EQ(batch->created().size(), 1u);
  expect_undo_redo(doc, std::move(batch));
  EXPECT_TRUE(doc.scene().validate().ok());
  EXPECT_EQ(doc.history().undo_count(), 1u);
  // A batch whose second step fails leaves nothing behind.
  std::vector<std::unique_ptr<Command>> failing;
  failing.push_back(std::make_unique<AddAsset>("other", "../assets/other.gltf"));
  failing.push_back(std::make_unique<AddAsset>("bench", "../assets/bench.gltf"));  // already there
  const scene::Scene before = doc.scene();
  EXPECT_FALSE(doc.execute(std::make_unique<CommandBatch>("Bad", std::move(failing))).ok());
  EXPECT_TRUE(doc.scene() == before);
}

}  // namespace
}  // namespace kagami::editor::test
