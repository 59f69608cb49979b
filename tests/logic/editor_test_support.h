#pragma once
// Shared by the editor's logic tests: a small scene with a hierarchy and
// every kind of component, and a helper that checks undo then redo.
#include <gtest/gtest.h>

#include "kagami/editor/document.h"
#include "kagami/scene/scene_io.h"

namespace kagami::editor::test {

// 1 "street" (root) -> 2 "lamp" (light) -> 3 "bulb"; 4 "camera"; 5 "snow" (emitter); 6 "kiosk" (mesh).
inline scene::Scene small_scene() {
  scene::Scene s;
  s.name = "test_lot";
  s.assets["kiosk"] = "../assets/kiosk.gltf";
  auto add = [&](const char* name, scene::EntityId parent, auto&& fill) {
    scene::Entity e;
    e.name = name;
    fill(e);
    auto id = s.add_entity(std::move(e), parent);
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : scene::kNoEntity;
  };
  auto street = add("street", scene::kNoEntity, [](scene::Entity& e) { e.transform.translation = {10, 0, 0}; });
  auto lamp = add("lamp", street, [](scene::Entity& e) {
    e.transform.translation = {0, 4, 0};
    e.light = scene::LightComponent{};
  });
  add("bulb", lamp, [](scene::Entity& e) { e.transform.scale = glm::vec3(0.5f); });
  add("camera", scene::kNoEntity, [](scene::Entity& e) { e.camera = scene::CameraComponent{}; });
  add("snow", scene::kNoEntity, [](scene::Entity& e) {
    e.emitter = scene::EmitterComponent{};
    e.emitter->set_param("wind", {1.0f, 0.0f, 0.0f});
  });
  add("kiosk", scene::kNoEntity, [](scene::Entity& e) {
    e.mesh = scene::MeshComponent{"kiosk", {}};
    e.transform.translation = {-3, 0, 2};
  });
  return s;
}

// The command out of a factory's Result (failing the test when there is none).
template <typename T>
std::unique_ptr<Command> take(Result<std::unique_ptr<T>> made) {
  EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().message);
  if (!made.ok()) return nullptr;
  return std::move(made).value();
}

// Executes `command` on `doc`, then checks undo restores `before` exactly and redo gives `after` again.
inline void expect_undo_redo(Document& doc, std::unique_ptr<Command> command) {
  const scene::Scene before = doc.scene();
  ASSERT_TRUE(doc.execute(std::move(command)).ok());
  const scene::Scene after = doc.scene();
  EXPECT_FALSE(after == before) << "the edit changed nothing";
  ASSERT_TRUE(doc.undo().ok());
  EXPECT_TRUE(doc.scene() == before) << "undo did not restore the scene";
  EXPECT_EQ(scene::serialize_scene(doc.scene()), scene::serialize_scene(before));
  ASSERT_TRUE(doc.redo().ok());
  EXPECT_TRUE(doc.scene() == after) << "redo did not give the edit back";
}

}  // namespace kagami::editor::test
