#pragma once
// Golden-image comparison. References live in tests/golden/reference and are
// images someone has looked at. A match needs at least 99.9% of pixels within
// 2/255 per channel. On failure the actual image and a diff image are written
// to the build's test-output folder. KAGAMI_UPDATE_GOLDEN=1 rewrites references.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "kagami/core/image.h"

namespace kagami::testing {

inline void expect_matches_golden(const std::string& name, const ImageRgba8& actual) {
  namespace fs = std::filesystem;
  const fs::path reference = fs::path(KAGAMI_SOURCE_DIR) / "tests/golden/reference" / (name + ".png");
  const fs::path out_dir = fs::path(KAGAMI_TEST_OUTPUT_DIR);
  if (const char* update = std::getenv("KAGAMI_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    auto written = write_png(reference, actual);
    ASSERT_TRUE(written.ok()) << written.error().message;
    GTEST_SKIP() << "reference rewritten: " << reference << " (look at it before committing)";
  }
  auto expected = read_png(reference);
  ASSERT_TRUE(expected.ok()) << expected.error().message;
  ImageDiff diff = compare_images(*expected, actual, 2);
  const bool pass = diff.same_size && diff.fraction_within() >= 0.999;
  if (!pass) {
    fs::create_directories(out_dir);
    (void)write_png(out_dir / (name + ".actual.png"), actual);
    if (diff.same_size) (void)write_png(out_dir / (name + ".diff.png"), diff.visual);
  }
  EXPECT_TRUE(diff.same_size) << name << ": size " << actual.width << "x" << actual.height << " vs reference "
                              << expected->width << "x" << expected->height;
  EXPECT_GE(diff.fraction_within(), 0.999)
      << name << ": " << diff.pixels_over_tolerance << " pixels differ by more than 2/255 (max "
      << diff.max_channel_difference << "); actual and diff written to " << out_dir;
}

}  // namespace kagami::testing
