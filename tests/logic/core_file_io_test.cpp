// read_file_* and write_file_atomic: what a user sees when a save or a load
// goes wrong, and that a failed save never damages the file it was replacing.
#include "test_scratch.h"
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "kagami/core/file_io.h"

namespace kagami {
namespace {

namespace fs = std::filesystem;

using kagami::testing::scratch_folder;

std::string text_of(const fs::path& path) {
  auto text = read_file_text(path);
  EXPECT_TRUE(text.ok()) << (text.ok() ? "" : text.error().message);
  return text.ok() ? *text : std::string{};
}

// Names in `dir`, sorted: to see that no temporary is left behind.
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(CoreFileIo, AtomicWriteCreatesAFile) {
  const fs::path dir = scratch_folder();
  auto r = write_file_atomic(dir / "scene.json", std::string_view("{\"a\": 1}\n"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(text_of(dir / "scene.json"), "{\"a\": 1}\n");
  EXPECT_EQ(listing(dir), std::vector<std::string>{"scene.json"});
}

TEST(CoreFileIo, AtomicWriteReplacesAndKeepsNoBackupByDefault) {
  const fs::path dir = scratch_folder();
  ASSERT_TRUE(write_file_atomic(dir / "a.txt", std::string_view("old contents")).ok());
  ASSERT_TRUE(write_file_atomic(dir / "a.txt", std::string_view("new")).ok());
  EXPECT_EQ(text_of(dir / "a.txt"), "new");  // shorter than before: no stale tail
  EXPECT_EQ(listing(dir), std::vector<std::string>{"a.txt"});
}

TEST(CoreFileIo, AtomicWriteKeepsBackupWhenAsked) {
  const fs::path dir = scratch_folder();
  ASSERT_TRUE(write_file_atomic(dir / "a.txt", std::string_view("first")).ok());
  ASSERT_TRUE(write_file_atomic(dir / "a.txt", std::string_view("second"), {.keep_backup = true}).ok());
  EXPECT_EQ(text_of(dir / "a.txt"), "second");
  EXPECT_EQ(text_of(dir / "a.txt.bak"), "first");
  ASSERT_TRUE(write_file_atomic(dir / "a.txt", std::string_view("third"), {.keep_backup = true}).ok());
  EXPECT_EQ(text_of(dir / "a.txt.bak"), "second");
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"a.txt", "a.txt.bak"}));
  // A first save with keep_backup has nothing to back up.
  ASSERT_TRUE(write_file_atomic(dir / "b.txt", std::string_view("b"), {.keep_backup = true}).ok());
  EXPECT_FALSE(fs::exists(dir / "b.txt.bak"));
}

TEST(CoreFileIo, AtomicWriteOfBinaryBytes) {
  const fs::path dir = scratch_folder();
  std::vector<std::uint8_t> bytes(70000);
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = std::uint8_t(i * 7 + 3);
  bytes[10] = 0;  // embedded zero bytes survive
  ASSERT_TRUE(write_file_atomic(dir / "blob.bin", bytes).ok());
  auto back = read_file_bytes(dir / "blob.bin");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, bytes);
  // An empty write makes an empty file.
  ASSERT_TRUE(write_file_atomic(dir / "blob.bin", std::span<const std::uint8_t>{}).ok());
  EXPECT_EQ(fs::file_size(dir / "blob.bin"), 0u);
}

TEST(CoreFileIo, AtomicWriteIntoMissingFolderFails) {
  const fs::path dir = scratch_folder();
  const fs::path target = dir / "missing" / "a.txt";
  auto r = write_file_atomic(target, std::string_view("x"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.starts_with(target.string() + ": ")) << r.error().message;
  EXPECT_NE(r.error().message.find("does not exist"), std::string::npos) << r.error().message;
  EXPECT_TRUE(listing(dir).empty());
}

// The parent "folder" is a regular file: nothing can be created under it (root included).
TEST(CoreFileIo, AtomicWriteUnderAFileFailsAndLeavesItIntact) {
  const fs::path dir = scratch_folder();
  ASSERT_TRUE(write_file_atomic(dir / "plain", std::string_view("keep me")).ok());
  auto r = write_file_atomic(dir / "plain" / "a.txt", std::string_view("x"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.starts_with((dir / "plain" / "a.txt").string() + ": ")) << r.error().message;
  EXPECT_EQ(text_of(dir / "plain"), "keep me");
  EXPECT_EQ(listing(dir), std::vector<std::string>{"plain"});
}

// The backup cannot be written (a folder is in the way): the save fails, the
// old file keeps its contents, and the temporary is removed.
TEST(CoreFileIo, FailedBackupLeavesOldFileAndNoTemporary) {
  const fs::path dir = scratch_folder();
  ASSERT_TRUE(write_file_atomic(dir / "a.txt", std::string_view("precious")).ok());
  fs::create_directories(dir / "a.txt.bak" / "occupied");
  auto r = write_file_atomic(dir / "a.txt", std::string_view("replacement"), {.keep_backup = true});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("cannot write backup"), std::string::npos) << r.error().message;
  EXPECT_EQ(text_of(dir / "a.txt"), "precious");
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"a.txt", "a.txt.bak"}));
}

// The rename cannot replace a non-empty folder: fails, the folder and its
// contents stay, and the temporary is removed.
TEST(CoreFileIo, FailedRenameLeavesNoTemporary) {
  const fs::path dir = scratch_folder();
  fs::create_directories(dir / "target");
  ASSERT_TRUE(write_file_atomic(dir / "target" / "inside.txt", std::string_view("inside")).ok());
  auto r = write_file_atomic(dir / "target", std::string_view("x"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("rename failed"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("the previous file is unchanged"), std::string::npos);
  EXPECT_EQ(text_of(dir / "target" / "inside.txt"), "inside");
  EXPECT_EQ(listing(dir), std::vector<std::string>{"target"});
}

// /proc refuses new files even to root: the temporary cannot be created.
TEST(CoreFileIo, TemporaryThatCannotBeCreated) {
  auto r = write_file_atomic("/proc/kagami_cannot_write_here", std::string_view("x"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.starts_with("/proc/kagami_cannot_write_here: cannot create temporary file"))
      << r.error().message;
}

TEST(CoreFileIo, ReadErrorsNameTheFile) {
  const fs::path dir = scratch_folder();
  auto missing = read_file_bytes(dir / "nope.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, (dir / "nope.bin").string() + ": file not found");

  auto folder = read_file_text(dir);
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().message, dir.string() + ": is a folder, not a file");
}

TEST(CoreFileIo, ReadEmptyFile) {
  const fs::path dir = scratch_folder();
  ASSERT_TRUE(write_file_atomic(dir / "empty", std::string_view()).ok());
  auto bytes = read_file_bytes(dir / "empty");
  ASSERT_TRUE(bytes.ok());
  EXPECT_TRUE(bytes->empty());
}

}  // namespace
}  // namespace kagami
