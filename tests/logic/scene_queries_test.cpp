// What the renderer and `kagami info` read from a scene, in world space.
#include <gtest/gtest.h>

#include "kagami/scene/queries.h"
#include "scene_test_support.h"

namespace kagami::scene::test {
namespace {

Scene rich() {
  auto scene = load_scene(kScenes / "rich.json");
  EXPECT_TRUE(scene.ok()) << (scene.ok() ? "" : scene.error().message);
  return scene.ok() ? std::move(*scene) : Scene{};
}

void expect_near(glm::vec3 actual, glm::vec3 expected) {
  EXPECT_NEAR(actual.x, expected.x, 1e-4f);
  EXPECT_NEAR(actual.y, expected.y, 1e-4f);
  EXPECT_NEAR(actual.z, expected.z, 1e-4f);
}

TEST(SceneQueries, CountsForInfo) {
  SceneCounts c = count(rich());
  EXPECT_EQ(c.entities, 13u);
  EXPECT_EQ(c.roots, 7u);
  EXPECT_EQ(c.mesh_instances, 3u);
  EXPECT_EQ(c.point_lights, 1u);
  EXPECT_EQ(c.spot_lights, 1u);
  EXPECT_EQ(c.directional_lights, 1u);
  EXPECT_EQ(c.lights(), 3u);
  EXPECT_EQ(c.cameras, 1u);
  EXPECT_EQ(c.characters, 2u);
  EXPECT_EQ(c.emitters, 2u);
  EXPECT_EQ(c.assets, 3u);
}

TEST(SceneQueries, MeshInstancesCarryWorldMatrices) {
  Scene s = rich();
  std::vector<MeshInstance> meshes = mesh_instances(s);
  ASSERT_EQ(meshes.size(), 3u);
  EXPECT_EQ(meshes[0].entity, 2u);
  EXPECT_EQ(meshes[0].mesh->asset, "bridge");
  // street (10,0,-5) + bridge (0,8.5,0), scaled by 1.5.
  expect_near(glm::vec3(meshes[0].world[3]), {10.0f, 8.5f, -5.0f});
  EXPECT_NEAR(glm::length(glm::vec3(meshes[0].world[0])), 1.5f, 1e-5f);
  // bike: below lamp_01 (street + (4,0,2)), mirrored on x.
  EXPECT_EQ(meshes[2].mesh->asset, "bicycle");
  expect_near(glm::vec3(meshes[2].world[3]), {14.0f, 0.0f, -3.0f});
  EXPECT_LT(glm::determinant(meshes[2].world), 0.0f);
}

TEST(SceneQueries, LightsInWorldSpace) {
  std::vector<WorldLight> lights = world_lights(rich());
  ASSERT_EQ(lights.size(), 3u);
  const WorldLight& spot = lights[0];
  EXPECT_EQ(spot.type, LightType::spot);
  // street (10,0,-5) + lamp_01 (4,0,2) + (0,4.2,0); rotated -90deg about x, so -Z points down.
  expect_near(spot.position, {14.0f, 4.2f, -3.0f});
  expect_near(spot.direction, {0.0f, -1.0f, 0.0f});
  EXPECT_EQ(spot.intensity, 800.0f);
  EXPECT_TRUE(spot.shadows);
  EXPECT_EQ(lights[1].type, LightType::directional);
  expect_near(lights[1].direction, {0.0f, 0.0f, -1.0f});
  EXPECT_EQ(lights[2].type, LightType::point);
  expect_near(lights[2].position, {10.0f, 0.0f, -5.0f});
}

TEST(SceneQueries, CamerasHaveViewMatrices) {
  Scene s = rich();
  auto cam = find_camera(s, "shot_cam");
  ASSERT_TRUE(cam.has_value());
  EXPECT_EQ(cam->entity, 7u);
  expect_near(cam->position, {-3.0f, 1.6f, 12.0f});
  expect_near(glm::vec3(cam->view * glm::vec4(cam->position, 1.0f)), glm::vec3(0.0f));
  expect_near(glm::vec3(cam->view * glm::vec4(-3.0f, 1.6f, 2.0f, 1.0f)), {0.0f, 0.0f, -10.0f});
  EXPECT_EQ(cam->camera.fov_y, 0.6f);
  EXPECT_FALSE(find_camera(s, "no_such_camera").has_value());
  EXPECT_EQ(find_camera(s)->entity, 7u);

  // A rotated, scaled parent: the view has no scale and inverts the world matrix.
  Scene t;
  Entity rig;
  rig.transform.rotation = glm::angleAxis(0.7f, glm::vec3(0, 1, 0));
  rig.transform.scale = glm::vec3(3.0f);
  rig.transform.translation = {1, 2, 3};
  auto rig_id = t.add_entity(rig);
  Entity lens;
  lens.camera = CameraComponent{};
  lens.transform.translation = {0, 0, 1};
  ASSERT_TRUE(t.add_entity(lens, *rig_id).ok());
  WorldCamera c = world_cameras(t).front();
  expect_near(c.position, glm::vec3(t.world_transform(2)[3]));
  glm::mat4 identity = c.view * c.world;
  for (int i = 0; i < 4; ++i) expect_near(glm::vec3(identity[i]), glm::vec3(glm::mat4(1.0f)[i]));
  expect_near(c.forward, glm::angleAxis(0.7f, glm::vec3(0, 1, 0)) * glm::vec3(0, 0, -1));
}

TEST(SceneQueries, ValidateNamesTheEntityAndField) {
  Scene s = rich();
  ASSERT_TRUE(s.validate().ok()) << s.validate().error().message;

  Scene nan = s;
  nan.find(4)->light->intensity = -1.0f;
  ASSERT_FALSE(nan.validate().ok());
  EXPECT_EQ(nan.validate().error().message,
            "entities[3] (id 4, \"lamp_01_light\").light.intensity: must be >= 0, got -1");

  Scene missing_asset = s;
  missing_asset.assets.erase("bicycle");
  ASSERT_FALSE(missing_asset.validate().ok());
  EXPECT_EQ(missing_asset.validate().error().message,
            "entities[10] (id 11, \"bike\").mesh.asset: unknown asset \"bicycle\" (not in the scene's assets)");

  Scene bad_name = s;
  bad_name.find(1)->name = std::string("street\xff", 7);
  ASSERT_FALSE(bad_name.validate().ok());
  EXPECT_NE(bad_name.validate().error().message.find(".name: is not valid UTF-8"), std::string::npos);

  Scene bad_env = s;
  bad_env.environment.sky.sun_direction = glm::vec3(0.0f);
  ASSERT_FALSE(bad_env.validate().ok());
  EXPECT_EQ(bad_env.validate().error().message, "environment.sky.sun_direction: must not be zero");
}

}  // namespace
}  // namespace kagami::scene::test
