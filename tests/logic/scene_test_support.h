#pragma once
// Shared by the scene tests: fixtures, scratch folders, capturing warnings and
// checking that a scene text is refused with a given message.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "kagami/core/file_io.h"
#include "kagami/core/log.h"
#include "kagami/scene/scene_io.h"

namespace kagami::scene::test {

namespace fs = std::filesystem;

inline const fs::path kScenes = fs::path(KAGAMI_SOURCE_DIR) / "tests" / "data" / "scenes";

inline fs::path scratch_folder() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = fs::path(KAGAMI_TEST_OUTPUT_DIR) / info->test_suite_name() / info->name();
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

inline std::string text_of(const fs::path& path) {
  auto text = read_file_text(path);
  EXPECT_TRUE(text.ok()) << (text.ok() ? "" : text.error().message);
  return text.ok() ? *text : std::string{};
}

// Collects warnings while alive and keeps them off stderr.
class WarningCapture {
 public:
  WarningCapture() {
    log::set_stderr_enabled(false);
    id_ = log::add_sink([this](log::Level level, std::string_view message) {
      if (level == log::Level::warn) warnings.emplace_back(message);
    });
  }
  ~WarningCapture() {
    log::remove_sink(id_);
    log::set_stderr_enabled(true);
  }
  std::vector<std::string> warnings;

 private:
  int id_ = 0;
};

// A scene file's first lines; tests append entities and close the document.
// Line 1 "{", line 2 schema, line 3 version, line 4 assets, line 5 `"entities": [`.
inline const std::string kHeader =
    "{\n"
    "  \"schema\": \"kagami.scene\",\n"
    "  \"version\": 1,\n"
    "  \"assets\": {\"dome_roof\": \"../assets/dome_roof.gltf\"},\n"
    "  \"entities\": [\n";
inline const std::string kFooter = "  ]\n}\n";

// Entity lines between header and footer: the first is line 6 of the file.
inline std::string scene_with(const std::string& entity_lines) { return kHeader + entity_lines + kFooter; }

// The message of a parse that must fail.
inline std::string refusal(const std::string& text, const SceneLimits& limits = {}) {
  WarningCapture quiet;
  auto scene = parse_scene(text, "scenes/test.json", limits);
  EXPECT_FALSE(scene.ok()) << "accepted:\n" << text;
  return scene.ok() ? std::string{} : scene.error().message;
}

}  // namespace kagami::scene::test
