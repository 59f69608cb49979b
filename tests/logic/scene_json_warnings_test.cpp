// Unknown fields (a typo, a field from a newer generator) are not fatal: the
// scene loads and each field is reported once with its location.
#include <gtest/gtest.h>

#include "scene_test_support.h"

namespace kagami::scene::test {
namespace {

TEST(SceneJsonWarnings, UnknownFieldsWarnWithLocationButLoad) {
  WarningCapture capture;
  const std::string text =
      "{\n"
      "  \"schema\": \"kagami.scene\",\n"
      "  \"version\": 1,\n"
      "  \"author\": \"locgen\",\n"
      "  \"entities\": [\n"
      "    {\"id\": 1, \"colour\": [1, 0, 0], \"light\": {\"type\": \"point\", \"intensity\": 3, \"radius\": 2}}\n"
      "  ]\n"
      "}\n";
  auto scene = parse_scene(text, "scenes/test.json");
  ASSERT_TRUE(scene.ok()) << scene.error().message;
  EXPECT_EQ(capture.warnings, (std::vector<std::string>{
                                  "scenes/test.json:4:3: author: unknown field, ignored",
                                  "scenes/test.json:6:15: entities[0].colour: unknown field, ignored",
                                  "scenes/test.json:6:79: entities[0].light.radius: unknown field, ignored",
                              }));
  ASSERT_EQ(scene->size(), 1u);
  const Entity& e = scene->entities()[0];
  ASSERT_TRUE(e.light.has_value());
  EXPECT_EQ(e.light->intensity, 3.0f);
  // Ignored fields are dropped: saving writes only what the format knows.
  EXPECT_EQ(serialize_scene(*scene).find("radius"), std::string::npos);
}

TEST(SceneJsonWarnings, ManyWarningsEndInACount) {
  WarningCapture capture;
  SceneLimits limits;
  limits.max_warnings = 2;
  auto scene = parse_scene(scene_with("    {\"id\": 1, \"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5}\n"),
                           "scenes/test.json", limits);
  ASSERT_TRUE(scene.ok()) << scene.error().message;
  ASSERT_EQ(capture.warnings.size(), 3u);
  EXPECT_EQ(capture.warnings[0], "scenes/test.json:6:15: entities[0].a: unknown field, ignored");
  EXPECT_EQ(capture.warnings[1], "scenes/test.json:6:23: entities[0].b: unknown field, ignored");
  EXPECT_EQ(capture.warnings[2], "scenes/test.json: 3 more unknown fields ignored (5 in all)");
}

TEST(SceneJsonWarnings, DataKeysAreNotUnknownFields) {
  // Asset ids and emitter parameter names are data, not fields of the format.
  WarningCapture capture;
  auto scene = load_scene(kScenes / "rich.json");
  ASSERT_TRUE(scene.ok()) << scene.error().message;
  EXPECT_TRUE(capture.warnings.empty()) << capture.warnings.front();
}

}  // namespace
}  // namespace kagami::scene::test
