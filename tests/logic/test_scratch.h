#pragma once
// A fresh folder per test under the build's test-output folder.
#include <gtest/gtest.h>

#include <filesystem>

namespace kagami::testing {

inline std::filesystem::path scratch_folder() {
  namespace fs = std::filesystem;
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = fs::path(KAGAMI_TEST_OUTPUT_DIR) / info->test_suite_name() / info->name();
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace kagami::testing
