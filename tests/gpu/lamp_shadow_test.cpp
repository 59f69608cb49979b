// Lamps in the scene and in the fog. A street lamp is a pole plus a head
// whose glass encloses the light, the light hanging on the head's entity:
// the pole shadows the ground the lamp lights while the head, which would
// black the light out, does not shadow it. And a shadowed spot's beam in fog
// is dark in the shaft behind an occluder, as a viewer sees a lamp's cone
// broken by what stands under it.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include <glm/gtx/quaternion.hpp>

#include "ground_and_cube.h"
#include "kagami/render/scene_view.h"
#include "kagami/scene/scene.h"
#include "lighting_test_rig.h"

namespace kagami {
namespace {

using testing::add_box;
using testing::dark;
using testing::dark_fog;
using testing::LightingRenderTest;
using testing::spot_down;
using testing::test_scene;

// One grey mesh, placed where its vertices say.
asset::ModelData grey_model(const asset::MeshData& mesh) {
  asset::ModelData model;
  model.materials.push_back(testing::grey_material());
  model.meshes.push_back(mesh);
  model.instances.push_back({0, glm::mat4(1.0f), "node"});
  model.bounds = mesh.bounds;
  return model;
}

class LampShadowTest : public LightingRenderTest {
 protected:
  void SetUp() override {
    LightingRenderTest::SetUp();
    if (HasFatalFailure()) return;
    asset::MeshData ground, post, head;
    testing::add_face(ground, {0, 0, 0}, {20, 0, 0}, {0, 0, -20});
    add_box(post, {-0.15f, 0.0f, -0.15f}, {0.15f, 5.5f, 0.15f});
    add_box(head, kLight - glm::vec3(0.3f, 0.15f, 0.3f), kLight + glm::vec3(0.3f, 0.2f, 0.3f));  // closed around the light
    models_["ground"] = render::upload_model(*device, grey_model(ground));
    models_["post"] = render::upload_model(*device, grey_model(post));
    models_["head"] = render::upload_model(*device, grey_model(head));

    for (const char* asset : {"ground", "post"}) {
      scene::Entity e;
      e.name = asset;
      e.mesh = scene::MeshComponent{asset, {}};
      ASSERT_TRUE(scene_.add_entity(std::move(e)).ok());
    }
    scene::Entity head_entity;
    head_entity.name = "head";
    head_entity.mesh = scene::MeshComponent{"head", {}};
    auto head_id = scene_.add_entity(std::move(head_entity));
    ASSERT_TRUE(head_id.ok());
    head_ = *head_id;
    scene::Entity light;
    light.name = "lamp_light";
    light.transform.translation = kLight;
    light.transform.rotation = glm::rotation(glm::vec3(0, 0, -1), glm::vec3(0, -1, 0));  // lights shine down -Z
    scene::LightComponent spot;
    spot.type = scene::LightType::spot;
    spot.color = glm::vec3(1.0f, 0.9f, 0.8f);
    spot.intensity = 300.0f;
    spot.range = 20.0f;
    spot.inner_cone = glm::radians(45.0f);
    spot.outer_cone = glm::radians(60.0f);
    spot.shadows = true;
    light.light = spot;
    ASSERT_TRUE(scene_.add_entity(std::move(light), head_).ok());
  }

  void TearDown() override {
    for (auto& [name, model] : models_) render::release_model(*device, model);
    LightingRenderTest::TearDown();
  }

  render::DrawList draws() const {
    render::DrawList list;
    const std::size_t missing = render::add_scene_draws(list, scene_, [&](std::string_view asset) {
      auto it = models_.find(std::string(asset));
      return it == models_.end() ? nullptr : &it->second;
    });
    EXPECT_EQ(missing, 0u);
    return list;
  }

  static constexpr glm::vec3 kLight{2.0f, 6.0f, 0.0f};  // 2 m out from the post, on an arm's length
  scene::Scene scene_;
  scene::EntityId head_ = scene::kNoEntity;
  std::map<std::string, render::GpuModel> models_;
  render::Camera camera = [] {
    render::Camera c = testing::top_down();
    c.position = {0.0f, 14.0f, 12.0f};  // oblique: the ground by the post's foot is in sight
    return c;
  }();
};

TEST_F(LampShadowTest, ThePoleShadowsTheGroundItsLampLightsButTheHeadDoesNotBlackItOut) {
  render::Lighting lighting = dark();
  lighting.lights = render::scene_lighting(scene_).lights;
  ASSERT_EQ(lighting.lights.size(), 1u);
  EXPECT_EQ(lighting.lights[0].fixture, head_) << "the light hangs on the head, which encloses it";
  const render::DrawList list = draws();
  const ImageRgba8 shadowed = render(list, camera, lighting, true, "lamp_shadow.png");
  render::Lighting off = lighting;
  off.local_shadows = false;
  const ImageRgba8 unshadowed = render(list, camera, off, true, "lamp_no_shadow.png");
  ASSERT_FALSE(shadowed.pixels.empty());
  ASSERT_FALSE(unshadowed.pixels.empty());

  // The post stands between the light and the ground beyond its foot, away from the light.
  for (glm::vec3 behind : {glm::vec3(-1.5f, 0.0f, 0.0f), glm::vec3(-3.0f, 0.0f, 0.0f)}) {
    const int lit = brightness_at(unshadowed, camera, behind);
    EXPECT_GT(lit, 150) << "the lamp lights the ground behind its post when unshadowed";
    EXPECT_LT(brightness_at(shadowed, camera, behind) * 2, lit) << "the post's shadow";
  }
  // Under the head and beside the post's shadow the ground keeps its light:
  // the head around the light casts nothing for it.
  for (glm::vec3 open : {glm::vec3(2.0f, 0.0f, 0.0f), glm::vec3(-1.5f, 0.0f, 2.5f), glm::vec3(4.0f, 0.0f, 1.0f),
                         glm::vec3(0.5f, 0.0f, -3.0f)}) {
    EXPECT_GT(brightness_at(unshadowed, camera, open), 150);
    EXPECT_NEAR(brightness_at(shadowed, camera, open), brightness_at(unshadowed, camera, open), 3)
        << "open ground keeps its light";
  }

  // Were the head not the light's fixture, it would shadow everything the lamp lights.
  render::Lighting unexempt = lighting;
  unexempt.lights[0].fixture = 0;
  const ImageRgba8 blacked = render(list, camera, unexempt, true, "lamp_head_not_exempt.png");
  EXPECT_LT(brightness_at(blacked, camera, {2.0f, 0.0f, 0.0f}) * 4, brightness_at(unshadowed, camera, {2.0f, 0.0f, 0.0f}))
      << "the head encloses the light: only its exemption lets the light out";
}

// A spot with a shadow map above the floating cube, in black fog, seen from
// the side at the height below the cube: the beam's air in the cube's shadow
// shaft is dark, the air beside it in the beam lit, and without the cube the
// shaft lights up while the air beside it stays as it was.
class FogBeamShadowTest : public LightingRenderTest {};

TEST_F(FogBeamShadowTest, AShadowedSpotsBeamInFogIsDarkInTheShaftBehindAnOccluder) {
  render::Lighting lighting = dark_fog(0.05f);
  // The cube (x, z in [-1, 1], y 2..4) hides the cone within 26.6 degrees of
  // the axis (its top edges from 4 m above); the beam is 35-40 degrees wide.
  render::PunctualLight spot = spot_down({0.0f, 6.0f, 0.0f}, glm::vec3(400.0f), 12.0f, 35.0f, 40.0f);
  spot.shadows = true;
  lighting.lights = {spot};
  render::Camera camera;
  camera.position = {0.0f, 1.0f, 14.0f};
  camera.target = {0.0f, 1.0f, 0.0f};
  camera.fov_y = glm::radians(60.0f);
  camera.near_plane = 0.3f;
  camera.far_plane = 100.0f;
  const ImageRgba8 with_cube = render(test_scene(true), camera, lighting, true, "fog_beam_shadow.png");
  const ImageRgba8 without = render(test_scene(false), camera, lighting, true, "fog_beam_no_occluder.png");
  ASSERT_FALSE(with_cube.pixels.empty());
  ASSERT_FALSE(without.pixels.empty());

  // 5 m under the light: the shaft within 2.5 m of the axis, the beam out to 4.2 m.
  const glm::vec3 shaft{0.0f, 1.0f, 0.0f}, beside{3.3f, 1.0f, 0.0f};
  const int shaft_lit = brightness_at(without, camera, shaft), beside_lit = brightness_at(without, camera, beside);
  EXPECT_GT(beside_lit, 40) << "the beam glows in the fog";
  EXPECT_GT(shaft_lit, beside_lit - 10) << "with nothing in the way the shaft is as bright as the beam beside it";
  EXPECT_LT(brightness_at(with_cube, camera, shaft) + 30, brightness_at(with_cube, camera, beside))
      << "the cube's shadow shaft is darker than the beam beside it";
  EXPECT_LT(brightness_at(with_cube, camera, shaft) * 2, shaft_lit) << "the cube shadows the air below it";
  EXPECT_NEAR(brightness_at(with_cube, camera, beside), beside_lit, 3) << "the air the cube does not shadow keeps its glow";
}

}  // namespace
}  // namespace kagami
