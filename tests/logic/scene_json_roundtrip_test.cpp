// Saving is a pure function of the scene: load -> save reproduces a canonical
// file byte for byte, and save -> load -> save never drifts, floats included.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "scene_test_support.h"

namespace kagami::scene::test {
namespace {

Scene load_fixture(const char* name) {
  auto scene = load_scene(kScenes / name);
  EXPECT_TRUE(scene.ok()) << (scene.ok() ? "" : scene.error().message);
  return scene.ok() ? std::move(*scene) : Scene{};
}

TEST(SceneJsonRoundTrip, RichFixtureIsWrittenBackByteForByte) {
  Scene scene = load_fixture("rich.json");
  EXPECT_EQ(serialize_scene(scene), text_of(kScenes / "rich.json"));
}

TEST(SceneJsonRoundTrip, HandWrittenFileLoadsToTheSameScene) {
  // Compact layout, keys in another order, emitter params unsorted, explicit
  // defaults: same scene, and saving it gives the canonical file.
  Scene compact = load_fixture("rich_compact.json");
  Scene canonical = load_fixture("rich.json");
  EXPECT_TRUE(compact == canonical);
  EXPECT_EQ(serialize_scene(compact), text_of(kScenes / "rich.json"));
}

TEST(SceneJsonRoundTrip, SaveLoadSaveIsByteIdentical) {
  const fs::path dir = scratch_folder();
  Scene scene = load_fixture("rich_compact.json");
  ASSERT_TRUE(save_scene(scene, dir / "first.json").ok());
  auto reloaded = load_scene(dir / "first.json");
  ASSERT_TRUE(reloaded.ok()) << reloaded.error().message;
  EXPECT_TRUE(*reloaded == scene);
  ASSERT_TRUE(save_scene(*reloaded, dir / "second.json").ok());
  EXPECT_EQ(text_of(dir / "first.json"), text_of(dir / "second.json"));
}

TEST(SceneJsonRoundTrip, RichFixtureContents) {
  Scene s = load_fixture("rich.json");
  EXPECT_EQ(s.name, "suidoubashi_snow");
  EXPECT_EQ(s.assets.size(), 3u);
  EXPECT_EQ(s.resolve_asset("bridge"), (kScenes / "../../assets/locations/suidoubashi/bridge.gltf").lexically_normal());
  EXPECT_EQ(s.environment.sky.preset, "storm");
  EXPECT_EQ(s.environment.fog.density, 0.035f);
  EXPECT_EQ(s.environment.exposure, -1.25f);
  ASSERT_TRUE(s.streaming.bounds.has_value());
  EXPECT_EQ(s.streaming.bounds->max, glm::vec3(200.0f, 60.0f, 150.0f));
  EXPECT_EQ(s.streaming.priority, 2);

  const Entity* bridge = s.find_by_name("bridge");
  ASSERT_NE(bridge, nullptr);
  EXPECT_EQ(bridge->id(), 2u);
  EXPECT_EQ(bridge->parent(), 1u);
  EXPECT_EQ(bridge->transform.rotation, glm::quat(0.9238795f, 0.0f, 0.3826834f, 0.0f));  // file order x, y, z, w
  ASSERT_TRUE(bridge->mesh.has_value());
  ASSERT_EQ(bridge->mesh->material_overrides.size(), 2u);
  EXPECT_EQ(bridge->mesh->material_overrides[1].material, 2u);
  EXPECT_EQ(bridge->mesh->material_overrides[1].emissive, glm::vec3(4.0f, 3.5f, 2.0f));
  EXPECT_FALSE(bridge->mesh->material_overrides[1].roughness.has_value());
  ASSERT_TRUE(bridge->streaming_bounds.has_value());
  EXPECT_TRUE(bridge->mesh->casts_shadows);  // the default
  EXPECT_FALSE(s.find_by_name("bike")->mesh->casts_shadows);

  const Entity* lamp = s.find(4);
  ASSERT_TRUE(lamp && lamp->light);
  EXPECT_EQ(lamp->light->type, LightType::spot);
  EXPECT_EQ(lamp->light->outer_cone, 0.6f);
  EXPECT_TRUE(lamp->light->shadows);

  const Entity* storm = s.find_by_name("storm");
  ASSERT_TRUE(storm && storm->emitter);
  EXPECT_EQ(storm->emitter->seed, 7u);
  EXPECT_EQ(storm->emitter->param_or("wind", glm::vec3(0.0f)), glm::vec3(3.5f, -0.4f, 1.0f));
  EXPECT_EQ(storm->emitter->param_or("flake_size", 0.0f), 0.012f);
  EXPECT_EQ(storm->emitter->param("tint")->size(), 4u);

  const Entity* cam = s.find_by_name("shot_cam");
  ASSERT_TRUE(cam && cam->camera);
  EXPECT_EQ(cam->camera->near_plane, 0.05f);
  EXPECT_EQ(cam->camera->aperture, 2.8f);
  EXPECT_EQ(s.find_by_name("len")->character->outfit, "coat");
  EXPECT_EQ(s.find_by_name("rin")->character->outfit, "");
}

TEST(SceneJsonRoundTrip, EveryFloatReadsBackExactly) {
  // Random bit patterns over the whole finite float range, subnormals included.
  std::mt19937 rng(1234);
  Scene scene;
  for (int i = 0; i < 3000; ++i) {
    Entity e;
    for (int k = 0; k < 3; ++k) {
      float f;
      do f = std::bit_cast<float>(static_cast<std::uint32_t>(rng())); while (!std::isfinite(f));
      e.transform.translation[k] = f;
    }
    ASSERT_TRUE(scene.add_entity(std::move(e)).ok());
  }
  // Values whose shortest form is known.
  Entity known;
  known.transform.translation = {0.1f, 1.0f / 3.0f, std::numeric_limits<float>::max()};
  ASSERT_TRUE(scene.add_entity(known).ok());

  const std::string first = serialize_scene(scene);
  EXPECT_NE(first.find("\"translation\": [0.1, 0.33333334, 3.4028235e+38]"), std::string::npos);
  auto back = parse_scene(first, "floats.json");
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->size(), scene.size());
  for (std::size_t i = 0; i < scene.size(); ++i)
    for (int k = 0; k < 3; ++k)
      ASSERT_EQ(std::bit_cast<std::uint32_t>(back->entities()[i].transform.translation[k]),
                std::bit_cast<std::uint32_t>(scene.entities()[i].transform.translation[k]))
          << "entity " << i << " axis " << k;
  EXPECT_EQ(serialize_scene(*back), first);
}

TEST(SceneJsonRoundTrip, DefaultsAreOmitted) {
  Scene scene;
  scene.name = "empty_lot";
  Entity plain;
  plain.name = "plain";
  Entity lamp;
  lamp.light = LightComponent{};
  lamp.light->intensity = 5.0f;
  Entity cam;
  cam.camera = CameraComponent{};
  auto root = scene.add_entity(plain);
  ASSERT_TRUE(root.ok());
  ASSERT_TRUE(scene.add_entity(lamp, *root).ok());
  ASSERT_TRUE(scene.add_entity(cam).ok());
  EXPECT_EQ(serialize_scene(scene),
            "{\n"
            "  \"schema\": \"kagami.scene\",\n"
            "  \"version\": 1,\n"
            "  \"name\": \"empty_lot\",\n"
            "  \"entities\": [\n"
            "    {\n"
            "      \"id\": 1,\n"
            "      \"name\": \"plain\"\n"
            "    },\n"
            "    {\n"
            "      \"id\": 2,\n"
            "      \"parent\": 1,\n"
            "      \"light\": {\n"
            "        \"type\": \"point\",\n"
            "        \"intensity\": 5.0\n"
            "      }\n"
            "    },\n"
            "    {\n"
            "      \"id\": 3,\n"
            "      \"camera\": {}\n"
            "    }\n"
            "  ]\n"
            "}\n");
}

TEST(SceneJsonRoundTrip, SceneBuiltInCodeRoundTrips) {
  // What a generator does: build through the API, save, and get the same scene back.
  Scene scene;
  scene.name = "tokyo_dome_city";
  scene.assets["dome_roof"] = "../assets/locations/tokyo_dome_city/dome_roof.gltf";
  scene.environment.sky.preset = "dusk";
  scene.environment.sky.sun_direction = {0.3f, 0.2f, -0.5f};
  Entity dome;
  dome.name = "dome";
  dome.mesh = MeshComponent{"dome_roof", {MaterialOverride{0, glm::vec4(0.9f, 0.9f, 0.95f, 1.0f)}}};
  auto dome_id = scene.add_entity(dome);
  ASSERT_TRUE(dome_id.ok());
  Entity snow;
  snow.emitter = EmitterComponent{};
  snow.emitter->set_param("wind", {1.0f, 0.0f, 0.5f});
  snow.emitter->set_param("density", {0.25f});
  snow.emitter->bounds = Aabb{glm::vec3(-1.0f), glm::vec3(1.0f)};
  ASSERT_TRUE(scene.add_entity(snow, *dome_id).ok());
  ASSERT_TRUE(scene.validate().ok()) << scene.validate().error().message;

  auto back = parse_scene(serialize_scene(scene), "built.json");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(*back == scene);
}

}  // namespace
}  // namespace kagami::scene::test
