// A sequence against a scene: bindings resolve (spawning characters), apply()
// writes transforms, lenses and light intensities, camera_view() blends cuts,
// and the shipped scenes/test_shot.sequence.json binds to Tokyo Dome City.
#include <gtest/gtest.h>

#include "kagami/scene/scene_io.h"
#include "kagami/sequencer/events.h"
#include "kagami/sequencer/scene_binding.h"
#include "sequencer_test_support.h"

namespace kagami::sequencer::test {
namespace {

const fs::path kSceneDir = fs::path(KAGAMI_SOURCE_DIR) / "scenes";

scene::Scene small_scene() {
  scene::Scene s;
  s.name = "small";
  for (const char* name : {"cam_a", "cam_b", "cam_c"}) {
    scene::Entity cam;
    cam.name = name;
    cam.camera = scene::CameraComponent{};
    EXPECT_TRUE(s.add_entity(cam).ok());
  }
  scene::Entity lamp;
  lamp.name = "lamp";
  lamp.light = scene::LightComponent{};
  EXPECT_TRUE(s.add_entity(lamp).ok());
  return s;
}

TEST(SequencerScene, BindSpawnsCharactersAndApplyWritesTheScene) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [
    { "type": "camera_cuts", "cuts": [ { "time": 0, "camera": "cam_a" } ] },
    { "type": "transform", "binding": "cam_a", "translation": { "keys": [ { "time": 0, "value": [0, 2, 0], "interp": "linear" },
                                                                            { "time": 2, "value": [4, 2, 0] } ] } },
    { "type": "camera", "binding": "cam_a", "fov_y": { "keys": [ { "time": 0, "value": 0.5 } ] } },
    { "type": "transform", "binding": "len", "path": [ { "time": 0, "position": [1, 0, 1] } ] },
    { "type": "parameter", "path": "light:lamp.intensity", "keys": [ { "time": 0, "value": 0, "interp": "linear" }, { "time": 2, "value": 50 } ] },
    { "type": "parameter", "path": "post.exposure", "keys": [ { "time": 0, "value": 1.5 } ] },
    { "type": "parameter", "path": "snow.intensity", "keys": [ { "time": 0, "value": 0.5 } ] } ])"));
  scene::Scene s = small_scene();
  auto binding = bind_scene(seq, s);
  ASSERT_TRUE(binding.ok()) << binding.error().message;
  EXPECT_EQ(binding->spawned, (std::vector<std::string>{"len"}));
  const scene::Entity* len = s.find_by_name("len");
  ASSERT_NE(len, nullptr);
  ASSERT_TRUE(len->character.has_value());
  EXPECT_EQ(len->character->character, "len");
  EXPECT_EQ(binding->renderer_parameters, (std::vector<std::string_view>{"snow.intensity"}));

  apply(evaluate(seq, 1.0), *binding, s);
  EXPECT_EQ(s.find_by_name("cam_a")->transform.translation, glm::vec3(2, 2, 0));
  EXPECT_EQ(s.find_by_name("cam_a")->camera->fov_y, 0.5f);
  EXPECT_EQ(s.find_by_name("len")->transform.translation, glm::vec3(1, 0, 1));
  EXPECT_FLOAT_EQ(s.find_by_name("lamp")->light->intensity, 25.0f);
  EXPECT_EQ(s.environment.exposure, 1.5f);
  auto view = camera_view(evaluate(seq, 1.0), *binding, s);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->camera, s.find_by_name("cam_a")->id());
  EXPECT_EQ(glm::vec3(view->world[3]), glm::vec3(2, 2, 0));
  // Binding again finds the spawned character instead of adding a second one.
  auto again = bind_scene(seq, s);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->spawned.empty());
}

TEST(SequencerScene, CameraViewBlendsDuringABlendedCut) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [
    { "type": "camera_cuts", "cuts": [ { "time": 0, "camera": "cam_a" }, { "time": 2, "camera": "cam_b", "blend": 2 } ] },
    { "type": "transform", "binding": "cam_b", "translation": { "keys": [ { "time": 0, "value": [10, 0, 0] } ] } },
    { "type": "camera", "binding": "cam_b", "fov_y": { "keys": [ { "time": 0, "value": 1.2 } ] } },
    { "type": "camera", "binding": "cam_a", "fov_y": { "keys": [ { "time": 0, "value": 0.4 } ] } } ])"));
  scene::Scene s = small_scene();
  auto binding = bind_scene(seq, s);
  ASSERT_TRUE(binding.ok()) << binding.error().message;
  SequenceState mid = evaluate(seq, 3.0);
  apply(mid, *binding, s);
  auto view = camera_view(mid, *binding, s);
  ASSERT_TRUE(view.has_value());
  EXPECT_NEAR(view->world[3].x, 5.0f, 1e-5f);
  EXPECT_NEAR(view->fov_y, 0.8f, 1e-5f);
  EXPECT_EQ(view->camera, s.find_by_name("cam_b")->id());
}

TEST(SequencerScene, BindErrorsNameTheBindingOrPath) {
  scene::Scene s = small_scene();
  Sequence missing = parse_ok(R"({ "schema": "kagami.sequence", "version": 1, "duration": 1, "name": "m",
    "bindings": [ { "name": "hero", "entity": "nobody" } ] })");
  auto result = bind_scene(missing, s);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "m: binding \"hero\": no entity named \"nobody\" in scene small");
  Sequence not_a_character = parse_ok(R"({ "schema": "kagami.sequence", "version": 1, "duration": 1, "name": "m",
    "bindings": [ { "name": "rin", "entity": "lamp", "character": "rin" } ] })");
  result = bind_scene(not_a_character, s);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("entity \"lamp\" is not character \"rin\""), std::string::npos);
  Sequence bad_path = parse_ok(R"({ "schema": "kagami.sequence", "version": 1, "duration": 1, "name": "m",
    "tracks": [ { "type": "parameter", "path": "light:cam_a.intensity", "keys": [ { "time": 0, "value": 1 } ] } ] })");
  result = bind_scene(bad_path, s);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "m: parameter \"light:cam_a.intensity\": entity \"cam_a\" has no light");
}

TEST(SequencerScene, PerEntityParametersTargetTheirBindingsEntity) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [
    { "type": "parameter", "path": "fx.dissolve", "keys": [ { "time": 0, "value": 0.25 } ] },
    { "type": "parameter", "path": "fx.dissolve.len", "keys": [ { "time": 0, "value": 0, "interp": "linear" },
                                                                { "time": 2, "value": 1 } ] },
    { "type": "parameter", "path": "fx.dissolvent", "keys": [ { "time": 0, "value": 1 } ] } ])"));
  scene::Scene s = small_scene();
  auto binding = bind_scene(seq, s);
  ASSERT_TRUE(binding.ok()) << binding.error().message;
  const scene::EntityId len = s.find_by_name("len")->id();
  ASSERT_EQ(binding->entity_parameters.size(), 1u) << "\"fx.dissolve\" alone is the whole world's, "
                                                      "\"fx.dissolvent\" no per-entity parameter";
  EXPECT_EQ(binding->entity_parameters[0].name, "fx.dissolve");
  EXPECT_EQ(binding->entity_parameters[0].entity, len);
  auto values = entity_parameter_values(evaluate(seq, 0.5), *binding, "fx.dissolve");
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].entity, len);
  EXPECT_FLOAT_EQ(values[0].value, 0.25f);
  EXPECT_TRUE(entity_parameter_values(evaluate(seq, 0.5), *binding, "fx.glow").empty());

  Sequence unknown = parse_ok(sequence_text(R"(,
  "tracks": [ { "type": "parameter", "path": "fx.dissolve.rin", "keys": [ { "time": 0, "value": 1 } ] } ])"));
  auto refused = bind_scene(unknown, s);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "t: parameter \"fx.dissolve.rin\": no binding named \"rin\" in the sequence");
  Sequence vector = parse_ok(sequence_text(R"(,
  "tracks": [ { "type": "parameter", "path": "fx.dissolve.len", "value_type": "vec3",
                "keys": [ { "time": 0, "value": [1, 1, 1] } ] } ])"));
  refused = bind_scene(vector, s);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("\"fx.dissolve.len\": expects float"), std::string::npos)
      << refused.error().message;
}

TEST(SequencerScene, TestShotBindsToTokyoDomeCity) {
  WarningCapture quiet;
  auto seq = load_sequence(kSceneDir / "test_shot.sequence.json");
  ASSERT_TRUE(seq.ok()) << seq.error().message;
  EXPECT_TRUE(quiet.warnings.empty());
  auto s = scene::load_scene(kSceneDir / seq->scene);
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto binding = bind_scene(*seq, *s);
  ASSERT_TRUE(binding.ok()) << binding.error().message;
  for (std::size_t i = 0; i < 3; ++i) {
    const scene::Entity* camera = s->find(binding->entities[i]);
    ASSERT_NE(camera, nullptr);
    EXPECT_TRUE(camera->camera.has_value()) << camera->name;
    EXPECT_TRUE(camera->name.starts_with("view_")) << camera->name;
  }
  // Three cuts, the second blended; a subtitle; the floodlight warms up.
  EXPECT_EQ(evaluate(*seq, 1.0).camera.camera, 0u);
  EXPECT_EQ(evaluate(*seq, 4.5).camera.previous, 0u);
  EXPECT_EQ(evaluate(*seq, 6.0).camera.camera, 1u);
  EXPECT_EQ(evaluate(*seq, 9.0).camera.camera, 2u);
  ASSERT_EQ(evaluate(*seq, 2.0).subtitles.size(), 1u);
  EXPECT_EQ(evaluate(*seq, 2.0).subtitles[0].speaker_name, "Len");
  SequenceState at4 = evaluate(*seq, 4.0);
  apply(at4, *binding, *s);
  EXPECT_GT(s->find_by_name("floodlight_3_light")->light->intensity, 0.0f);
  EXPECT_LT(s->find_by_name("floodlight_3_light")->light->intensity, 60000.0f);
  auto view = camera_view(evaluate(*seq, 9.0), *binding, *s);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->camera, s->find_by_name("view_dome_from_plaza")->id());
  // The file as shipped is in the writer's own format: saving changes nothing.
  auto text = read_file_text(kSceneDir / "test_shot.sequence.json");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(serialize_sequence(*seq), *text);
}

}  // namespace
}  // namespace kagami::sequencer::test
