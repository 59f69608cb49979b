// A scene file that cannot be used is refused with "file:line:column: field: what",
// the location being that of the offending value. Columns below are counted by
// hand from the test text (entity lines start at line 6, see scene_test_support.h).
#include <gtest/gtest.h>

#include <string>

#include "scene_test_support.h"

namespace kagami::scene::test {
namespace {

TEST(SceneJsonErrors, MalformedJsonGivesLineAndColumn) {
  // The '}' after the trailing comma is on line 6, column 14.
  std::string message = refusal(scene_with("    {\"id\": 1,}\n"));
  EXPECT_TRUE(message.starts_with("scenes/test.json:6:14: syntax error")) << message;
  EXPECT_EQ(message.find("[json.exception"), std::string::npos) << message;
}

TEST(SceneJsonErrors, WrongTypeNamesTheField) {
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1, \"light\": {\"type\": \"point\", \"intensity\": \"bright\"}}\n")),
            "scenes/test.json:6:55: entities[0].light.intensity: expected a number, got \"bright\"");
  // An element of a vector: the location is the element's.
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1},\n    {\"id\": 2, \"transform\": {\"scale\": [1, true, 1]}}\n")),
            "scenes/test.json:7:42: entities[1].transform.scale[1]: expected a number, got true");
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1, \"transform\": {\"translation\": [1, 2]}}\n")),
            "scenes/test.json:6:44: entities[0].transform.translation: expected an array of 3 numbers, got 2 elements");
  EXPECT_EQ(refusal(scene_with("    {\"id\": \"one\"}\n")),
            "scenes/test.json:6:12: entities[0].id: expected a whole number in [0, 18446744073709551615], got \"one\"");
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1, \"light\": {\"type\": \"spot\", \"shadows\": 1}}\n")),
            "scenes/test.json:6:52: entities[0].light.shadows: expected true or false, got 1");
}

TEST(SceneJsonErrors, UnknownEnumListsTheChoices) {
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1, \"light\": {\"type\": \"lamp\"}}\n")),
            "scenes/test.json:6:33: entities[0].light.type: expected one of point, spot, directional, got \"lamp\"");
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1, \"emitter\": {\"kind\": \"rain\"}}\n")),
            "scenes/test.json:6:35: entities[0].emitter.kind: expected one of snow, dissolve, sparks, got \"rain\"");
}

TEST(SceneJsonErrors, ErrorFromAFileNamesItsPath) {
  const fs::path path = kScenes / "bad_light_type.json";
  auto scene = load_scene(path);
  ASSERT_FALSE(scene.ok());
  EXPECT_EQ(scene.error().message,
            path.string() + ":8:24: entities[1].light.type: expected one of point, spot, directional, got \"lamp\"");
}

TEST(SceneJsonErrors, DuplicateIdPointsAtTheSecond) {
  EXPECT_EQ(refusal(scene_with("    {\"id\": 4},\n    {\"id\": 4}\n")),
            "scenes/test.json:7:12: entities[1].id: duplicate id 4 (also entities[0])");
}

TEST(SceneJsonErrors, ZeroIdIsRefused) {
  EXPECT_EQ(refusal(scene_with("    {\"id\": 0}\n")),
            "scenes/test.json:6:12: entities[0].id: must be > 0 (0 means \"no entity\")");
}

TEST(SceneJsonErrors, UnknownParent) {
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1, \"parent\": 9}\n")),
            "scenes/test.json:6:25: entities[0].parent: unknown parent 9: no entity has this id");
}

TEST(SceneJsonErrors, ParentCycleShowsTheChain) {
  // 2 -> 3 -> 4 -> 2; entity 1 is fine. The first entity on the loop is blamed.
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1},\n"
                               "    {\"id\": 2, \"parent\": 3},\n"
                               "    {\"id\": 3, \"parent\": 4},\n"
                               "    {\"id\": 4, \"parent\": 2}\n")),
            "scenes/test.json:7:25: entities[1].parent: parent chain loops: 2 -> 3 -> 4 -> 2");
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1},\n    {\"id\": 5, \"parent\": 5}\n")),
            "scenes/test.json:7:25: entities[1].parent: parent chain loops: 5 -> 5");
}

TEST(SceneJsonErrors, UnknownAssetId) {
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1, \"mesh\": {\"asset\": \"dome_rooof\"}}\n")),
            "scenes/test.json:6:33: entities[0].mesh.asset: unknown asset \"dome_rooof\" (not in \"assets\")");
}

TEST(SceneJsonErrors, MissingRequiredFieldPointsAtItsObject) {
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1, \"mesh\": {}}\n")),
            "scenes/test.json:6:23: entities[0].mesh.asset: missing (required)");
  EXPECT_EQ(refusal(scene_with("    {\"name\": \"no id\"}\n")), "scenes/test.json:6:5: entities[0].id: missing (required)");
}

TEST(SceneJsonErrors, MissingOrForeignSchema) {
  EXPECT_EQ(refusal("{\n  \"version\": 1,\n  \"entities\": []\n}\n"),
            "scenes/test.json:1:1: schema: missing: not a Kagami scene file (expected \"schema\": \"kagami.scene\")");
  EXPECT_EQ(refusal("{\n  \"schema\": \"kagami.sequence\",\n  \"version\": 1\n}\n"),
            "scenes/test.json:2:13: schema: expected \"kagami.scene\", got \"kagami.sequence\"");
  EXPECT_EQ(refusal("[1, 2]"), "scenes/test.json:1:1: expected an object (a Kagami scene), got an array");
}

TEST(SceneJsonErrors, NewerOrInvalidVersion) {
  EXPECT_EQ(refusal("{\n  \"schema\": \"kagami.scene\",\n  \"version\": 2,\n  \"entities\": []\n}\n"),
            "scenes/test.json:3:14: version: version 2 is newer than this build of Kagami reads (1); update Kagami "
            "to open this file");
  EXPECT_EQ(refusal("{\"schema\": \"kagami.scene\"}"), "scenes/test.json:1:1: version: missing (required)");
  EXPECT_EQ(refusal("{\"schema\": \"kagami.scene\", \"version\": \"1\"}"),
            "scenes/test.json:1:39: version: expected a whole number, got \"1\"");
  EXPECT_EQ(refusal("{\"schema\": \"kagami.scene\", \"version\": 0}"),
            "scenes/test.json:1:39: version: unsupported version 0 (this build reads version 1)");
}

TEST(SceneJsonErrors, NestingTooDeep) {
  // Levels: root, entities, entity, emitter, params, then wind's brackets; the
  // ninth opening bracket is line 6, column 65.
  SceneLimits limits;
  limits.json.max_depth = 8;
  const std::string text =
      scene_with("    {\"id\": 1, \"emitter\": {\"kind\": \"snow\", \"params\": {\"wind\": [[[[1]]]]}}}\n");
  EXPECT_EQ(refusal(text, limits), "scenes/test.json:6:65: nesting deeper than 8 levels");
  // The default limit (64) refuses a hostile file without exhausting the stack.
  std::string hostile = scene_with("    {\"id\": 1, \"emitter\": {\"kind\": \"snow\", \"params\": {\"wind\": " +
                                   std::string(100000, '[') + std::string(100000, ']') + "}}}\n");
  EXPECT_EQ(refusal(hostile), "scenes/test.json:6:121: nesting deeper than 64 levels");
}

TEST(SceneJsonErrors, FileTooBig) {
  SceneLimits limits;
  limits.json.max_bytes = 64;
  const std::string text = scene_with("    {\"id\": 1}\n");
  EXPECT_EQ(refusal(text, limits),
            "scenes/test.json: file is " + std::to_string(text.size()) + " bytes, over the limit of 64");

  const fs::path path = scratch_folder() / "big.json";
  ASSERT_TRUE(write_file_atomic(path, text).ok());
  auto loaded = load_scene(path, limits);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message,
            path.string() + ": file is " + std::to_string(text.size()) + " bytes, over the limit of 64");
}

TEST(SceneJsonErrors, EntityCountAndStringLengthLimits) {
  SceneLimits limits;
  limits.max_entities = 2;
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1}, {\"id\": 2}, {\"id\": 3}\n"), limits),
            "scenes/test.json:5:15: entities: 3 entities, over the limit of 2");
  limits = {};
  limits.max_string_bytes = 29;  // the header's asset path is 24 bytes
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1, \"name\": \"len_in_the_grey_winter_coat_01\"}\n"), limits),
            "scenes/test.json:6:23: entities[0].name: string is 30 bytes long, over the limit of 29");
}

TEST(SceneJsonErrors, OutOfRangeValuesNameTheField) {
  struct Case {
    std::string entity;
    std::string expected;
  };
  const Case cases[] = {
      {R"({"id": 1, "light": {"type": "point", "intensity": -5}})",
       "6:55: entities[0].light.intensity: must be >= 0, got -5"},
      {R"({"id": 1, "transform": {"scale": [1, 0, 1]}})",
       "6:38: entities[0].transform.scale: must not have a zero component, got [1, 0, 1]"},
      {R"({"id": 1, "light": {"type": "spot", "inner_cone": 0.5, "outer_cone": 0.3}})",
       "6:74: entities[0].light.outer_cone: must be >= inner_cone (0.5), got 0.3"},
      {R"({"id": 1, "transform": {"rotation": [0, 0, 0, 2]}})",
       "6:41: entities[0].transform.rotation: must be a unit quaternion [x, y, z, w], got length 2"},
      {R"({"id": 1, "camera": {"near": 10, "far": 5}})", "6:45: entities[0].camera.far: must be > 10, got 5"},
      {R"({"id": 1, "transform": {"translation": [1e39, 0, 0]}})",
       "6:45: entities[0].transform.translation[0]: number 1e+39 is out of range for a 32-bit float"},
      {R"({"id": 1, "mesh": {"asset": "dome_roof", "material_overrides": [{"material": 0, "roughness": 2}]}})",
       "6:98: entities[0].mesh.material_overrides[0].roughness: must be in [0, 1], got 2"},
      {R"({"id": 1, "emitter": {"kind": "snow", "rate": -1}})",
       "6:51: entities[0].emitter.rate: must be in [0, 1e+07], got -1"},
      {R"({"id": 1, "streaming": {"bounds": {"min": [0, 0, 0], "max": [1, -1, 1]}}})",
       "6:65: entities[0].streaming.bounds.max: must be >= min on every axis (min [0, 0, 0], max [1, -1, 1])"},
      {R"({"id": -3})", "6:12: entities[0].id: expected a whole number in [0, 18446744073709551615], got -3"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(refusal(scene_with("    " + c.entity + "\n")), "scenes/test.json:" + c.expected) << c.entity;
}

TEST(SceneJsonErrors, SceneLevelValues) {
  const std::string head = "{\"schema\": \"kagami.scene\", \"version\": 1, ";
  EXPECT_EQ(refusal(head + R"("environment": {"sky": {"turbidity": 0.5}}})"),
            "scenes/test.json:1:79: environment.sky.turbidity: must be in [1, 32], got 0.5");
  EXPECT_EQ(refusal(head + R"("environment": {"fog": {"density": -1}}})"),
            "scenes/test.json:1:77: environment.fog.density: must be >= 0, got -1");
  EXPECT_EQ(refusal(head + R"("streaming": {"priority": 5000}})"),
            "scenes/test.json:1:68: streaming.priority: must be in [-1000, 1000], got 5000");
  EXPECT_EQ(refusal(head + R"("assets": {"a": "/abs/a.gltf"}})"),
            "scenes/test.json:1:58: assets.a: path must be relative to the scene file, with '/' separators, got "
            "\"/abs/a.gltf\"");
  EXPECT_EQ(refusal(head + R"("assets": {"dome roof": "a.gltf"}})"),
            "scenes/test.json:1:53: assets.dome roof: asset id must be a non-empty identifier (letters, digits, _ and "
            "-), got \"dome roof\"");
}

TEST(SceneJsonErrors, DuplicateKeysAreRefused) {
  EXPECT_EQ(refusal(scene_with("    {\"id\": 1, \"name\": \"a\", \"name\": \"b\"}\n")),
            "scenes/test.json:6:28: duplicate key \"name\"");
}

}  // namespace
}  // namespace kagami::scene::test
