// The open document: edits survive save -> load exactly, a save that fails
// part way leaves the old file intact and readable, the autosave recovery file
// is written and offered, and a file changed on disk reloads when nothing is unsaved.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>

#include <thread>

#include "editor_test_support.h"
#include "kagami/core/file_io.h"
#include "kagami/editor/clipboard.h"
#include "kagami/editor/selection.h"
#include "test_scratch.h"

namespace kagami::editor::test {
namespace {

namespace fs = std::filesystem;
using kagami::testing::scratch_folder;

Document saved_document(const fs::path& path) {
  EXPECT_TRUE(scene::save_scene(small_scene(), path).ok());
  auto doc = Document::open(path);
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().message);
  return std::move(*doc);
}

std::string text_of(const fs::path& path) {
  auto text = read_file_text(path);
  return text.ok() ? *text : std::string{};
}

TEST(EditorDocument, RoundTripAfterEdits) {
  const fs::path file = scratch_folder() / "lot.json";
  Document doc = saved_document(file);
  auto move = EditEntities::of(doc.scene(), 2, "Move", [](scene::Entity& e) { e.transform.translation = {1.5f, 2, -7}; });
  ASSERT_TRUE(doc.execute(std::move(*move)).ok());
  ASSERT_TRUE(doc.execute(take(duplicate_entities(doc.scene(), {1}))).ok());
  ASSERT_TRUE(doc.execute(take(RemoveEntities::of(doc.scene(), {5}))).ok());
  ASSERT_TRUE(doc.execute(take(ReparentEntities::of(doc.scene(), {6}, 4))).ok());
  scene::Environment env = doc.scene().environment;
  env.fog.density = 0.02f;
  ASSERT_TRUE(doc.execute(std::make_unique<EditEnvironment>("Fog", doc.scene().environment, env)).ok());
  EXPECT_TRUE(doc.dirty());
  ASSERT_TRUE(doc.save().ok());
  EXPECT_FALSE(doc.dirty());

  auto reloaded = scene::load_scene(file);
  ASSERT_TRUE(reloaded.ok()) << reloaded.error().message;
  EXPECT_TRUE(*reloaded == doc.scene());
  EXPECT_EQ(text_of(file), scene::serialize_scene(doc.scene()));
  EXPECT_EQ(text_of(fs::path(file) += ".bak"), scene::serialize_scene(small_scene()));
}

TEST(EditorDocument, UndoEverythingThenSaveWritesTheOriginalBytes) {
  const fs::path file = scratch_folder() / "lot.json";
  Document doc = saved_document(file);
  const std::string original = text_of(file);
  ASSERT_TRUE(doc.execute(take(RemoveEntities::of(doc.scene(), {1, 4}))).ok());
  ASSERT_TRUE(doc.execute(take(paste_entities(doc.scene(), copy_entities(doc.scene(), {6}), 5))).ok());
  while (doc.history().can_undo()) ASSERT_TRUE(doc.undo().ok());
  EXPECT_FALSE(doc.dirty());
  ASSERT_TRUE(doc.save().ok());
  EXPECT_EQ(text_of(file), original);
}

// A write that fails part way (the process may write only a few bytes, as on a
// full disk): the save reports it, the old file is intact and loads, no temporary is left.
TEST(EditorDocument, SaveFailingMidwayLeavesTheOldFileIntact) {
  const fs::path dir = scratch_folder();
  const fs::path file = dir / "lot.json";
  Document doc = saved_document(file);
  const std::string original = text_of(file);
  ASSERT_GT(original.size(), 200u);
  auto move = EditEntities::of(doc.scene(), 2, "Move", [](scene::Entity& e) { e.transform.translation.x = 99; });
  ASSERT_TRUE(doc.execute(std::move(*move)).ok());

  struct rlimit old_limit {};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  auto old_handler = signal(SIGXFSZ, SIG_IGN);  // the write then fails with EFBIG instead of killing us
  struct rlimit small = old_limit;
  small.rlim_cur = 100;  // bytes: the new file is cut off after 100
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  Result<void> saved = doc.save();
  setrlimit(RLIMIT_FSIZE, &old_limit);
  signal(SIGXFSZ, old_handler);

  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("lot.json"), std::string::npos) << saved.error().message;
  EXPECT_TRUE(doc.dirty()) << "a failed save keeps the changes unsaved";
  EXPECT_EQ(text_of(file), original);
  EXPECT_TRUE(scene::load_scene(file).ok());
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  // Once the disk has room again the same document saves.
  ASSERT_TRUE(doc.save().ok());
  EXPECT_EQ(scene::load_scene(file)->find(2)->transform.translation.x, 99.0f);
}

TEST(EditorDocument, SaveAsMovesTheDocument) {
  const fs::path dir = scratch_folder();
  Document doc = saved_document(dir / "a.json");
  ASSERT_TRUE(doc.execute(create_entity(doc.scene(), scene::Entity{})).ok());
  ASSERT_TRUE(doc.save_as(dir / "b.json").ok());
  EXPECT_EQ(doc.path(), dir / "b.json");
  EXPECT_FALSE(doc.dirty());
  EXPECT_EQ(scene::load_scene(dir / "a.json")->size(), 6u);
  EXPECT_EQ(scene::load_scene(dir / "b.json")->size(), 7u);
  Document untitled;
  EXPECT_FALSE(untitled.save().ok());
}

TEST(EditorDocument, AutosaveIsWrittenWhileDirtyAndOfferedOnOpen) {
  const fs::path file = scratch_folder() / "lot.json";
  const fs::path autosave = Document::autosave_path(file);
  {
    Document doc = saved_document(file);
    doc.autosave_interval_seconds = 10.0;
    EXPECT_FALSE(*doc.autosave_tick(100.0)) << "nothing unsaved";
    auto rename = EditEntities::of(doc.scene(), 6, "Rename", [](scene::Entity& e) { e.name = "booth"; });
    ASSERT_TRUE(doc.execute(std::move(*rename)).ok());
    EXPECT_TRUE(*doc.autosave_tick(101.0));
    EXPECT_TRUE(fs::exists(autosave));
    EXPECT_FALSE(*doc.autosave_tick(200.0)) << "nothing new since the last autosave";
    auto again = EditEntities::of(doc.scene(), 6, "Rename", [](scene::Entity& e) { e.name = "booth 2"; });
    ASSERT_TRUE(doc.execute(std::move(*again)).ok());
    EXPECT_TRUE(*doc.autosave_tick(201.0));
    auto third = EditEntities::of(doc.scene(), 6, "Rename", [](scene::Entity& e) { e.name = "booth 3"; });
    ASSERT_TRUE(doc.execute(std::move(*third)).ok());
    EXPECT_FALSE(*doc.autosave_tick(205.0)) << "within the interval";
    EXPECT_TRUE(*doc.autosave_tick(211.5));
    // The session ends without saving.
  }
  auto reopened = Document::open(file);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->scene().find(6)->name, "kiosk");
  ASSERT_TRUE(reopened->recovery_available());
  ASSERT_TRUE(reopened->recover().ok());
  EXPECT_EQ(reopened->scene().find(6)->name, "booth 3");
  EXPECT_TRUE(reopened->dirty());
  EXPECT_EQ(reopened->scene().source_path, file);
  ASSERT_TRUE(reopened->save().ok());
  EXPECT_FALSE(fs::exists(autosave)) << "a save makes the recovery file obsolete";
  EXPECT_FALSE(reopened->recovery_available());
}

TEST(EditorDocument, ReloadsAFileChangedOnDiskOnlyWhenClean) {
  const fs::path file = scratch_folder() / "lot.json";
  Document doc = saved_document(file);
  EXPECT_FALSE(doc.changed_on_disk());
  scene::Scene changed = small_scene();
  changed.find(6)->name = "changed elsewhere";
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a distinct modification time
  ASSERT_TRUE(scene::save_scene(changed, file).ok());
  EXPECT_TRUE(doc.changed_on_disk());

  // With unsaved changes the editor's scene wins (it will prompt on save, not reload).
  ASSERT_TRUE(doc.execute(create_entity(doc.scene(), scene::Entity{})).ok());
  EXPECT_FALSE(*doc.reload_if_changed());
  ASSERT_TRUE(doc.undo().ok());
  auto reloaded = doc.reload_if_changed();
  ASSERT_TRUE(reloaded.ok());
  EXPECT_TRUE(*reloaded);
  EXPECT_EQ(doc.scene().find(6)->name, "changed elsewhere");
  EXPECT_FALSE(doc.history().can_undo());

  // A broken file is reported once and the scene kept.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_TRUE(write_file_atomic(file, std::string_view("{ broken")).ok());
  auto broken = doc.reload_if_changed();
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("lot.json"), std::string::npos);
  EXPECT_EQ(doc.scene().find(6)->name, "changed elsewhere");
  EXPECT_FALSE(*doc.reload_if_changed());
}

TEST(EditorSelection, ClickCtrlAndShift) {
  const std::vector<scene::EntityId> shown{1, 2, 3, 4, 5, 6};
  Selection s;
  s.click(2, ClickMode::replace, shown);
  EXPECT_EQ(s.ids(), (std::vector<scene::EntityId>{2}));
  s.click(5, ClickMode::range, shown);
  EXPECT_EQ(s.ids(), (std::vector<scene::EntityId>{2, 3, 4, 5}));
  EXPECT_EQ(s.primary(), 5u);
  s.click(3, ClickMode::toggle, shown);
  EXPECT_EQ(s.ids(), (std::vector<scene::EntityId>{2, 4, 5}));
  s.click(6, ClickMode::toggle, shown);
  EXPECT_EQ(s.primary(), 6u);
  s.click(scene::kNoEntity, ClickMode::replace, shown);
  EXPECT_TRUE(s.empty());
  s.set({1, 3});
  scene::Scene lot = small_scene();
  ASSERT_TRUE(lot.remove_entity(3).ok());
  s.prune(lot);
  EXPECT_EQ(s.ids(), (std::vector<scene::EntityId>{1}));
}

}  // namespace
}  // namespace kagami::editor::test
