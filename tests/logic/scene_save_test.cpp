// Saving never damages the file it replaces: the previous version is kept as
// .bak, and a save that fails (bad folder, a folder in the way, an invalid
// scene) leaves what was on disk as it was.
#include <gtest/gtest.h>

#include <algorithm>

#include "scene_test_support.h"

namespace kagami::scene::test {
namespace {

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

Scene small_scene(const char* name) {
  Scene s;
  s.name = name;
  Entity e;
  e.name = "only";
  EXPECT_TRUE(s.add_entity(e).ok());
  return s;
}

TEST(SceneSave, KeepsThePreviousVersionAsBackup) {
  const fs::path dir = scratch_folder();
  ASSERT_TRUE(save_scene(small_scene("first"), dir / "lot.json").ok());
  EXPECT_EQ(listing(dir), std::vector<std::string>{"lot.json"});
  ASSERT_TRUE(save_scene(small_scene("second"), dir / "lot.json").ok());
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"lot.json", "lot.json.bak"}));
  EXPECT_EQ(text_of(dir / "lot.json"), serialize_scene(small_scene("second")));
  EXPECT_EQ(text_of(dir / "lot.json.bak"), serialize_scene(small_scene("first")));
}

TEST(SceneSave, MissingFolderFailsAndCreatesNothing) {
  const fs::path dir = scratch_folder();
  auto r = save_scene(small_scene("x"), dir / "no_such_folder" / "lot.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("does not exist"), std::string::npos) << r.error().message;
  EXPECT_TRUE(listing(dir).empty());
}

TEST(SceneSave, FolderInTheWayIsLeftAlone) {
  const fs::path dir = scratch_folder();
  fs::create_directories(dir / "lot.json");
  ASSERT_TRUE(write_file_atomic(dir / "lot.json" / "inside.txt", std::string_view("keep me")).ok());
  auto r = save_scene(small_scene("x"), dir / "lot.json");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(fs::is_directory(dir / "lot.json"));
  EXPECT_EQ(text_of(dir / "lot.json" / "inside.txt"), "keep me");
  EXPECT_EQ(listing(dir), std::vector<std::string>{"lot.json"});  // no temporary left behind
}

TEST(SceneSave, InvalidSceneIsNotWritten) {
  const fs::path dir = scratch_folder();
  ASSERT_TRUE(save_scene(small_scene("good"), dir / "lot.json").ok());
  const std::string before = text_of(dir / "lot.json");

  Scene bad = small_scene("bad");
  bad.find(1)->transform.scale = glm::vec3(1.0f, 0.0f, 1.0f);
  auto r = save_scene(bad, dir / "lot.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, (dir / "lot.json").string() +
                                   ": not saved: entities[0] (id 1, \"only\").transform.scale: must not have a zero "
                                   "component, got [1, 0, 1]");
  EXPECT_EQ(text_of(dir / "lot.json"), before);
  EXPECT_EQ(listing(dir), std::vector<std::string>{"lot.json"});
}

TEST(SceneSave, LoadingAMissingFileNamesIt) {
  const fs::path path = scratch_folder() / "nowhere.json";
  auto scene = load_scene(path);
  ASSERT_FALSE(scene.ok());
  EXPECT_EQ(scene.error().message, path.string() + ": file not found");
}

}  // namespace
}  // namespace kagami::scene::test
