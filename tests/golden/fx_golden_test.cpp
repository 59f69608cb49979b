// Golden frames of the GPU effects: a snowstorm over a snow-covered stage under
// a street lamp, and a model dissolving halfway, its glowing edge shedding fragments.
#include "../gpu/fx_test_rig.h"
#include "../gpu/gpu_fixture.h"
#include "golden.h"
#include "kagami/asset/model_import.h"
#include "kagami/render/dissolve_fragments.h"

namespace kagami {
namespace {

using FxGoldenTest = testing::GpuTest;

render::ParticleLook night_with_lamp() {
  render::ParticleLook look;
  look.ambient = {0.09f, 0.1f, 0.15f};
  render::ParticleLightDesc lamp;
  lamp.position = {2.2f, 4.2f, 0.8f};
  lamp.direction = {-0.25f, -1.0f, -0.1f};
  lamp.color = {1.0f, 0.78f, 0.5f};
  lamp.intensity = 30.0f;
  lamp.range = 14.0f;
  lamp.inner_angle = 0.3f;
  lamp.outer_angle = 0.62f;
  look.lights.push_back(lamp);
  return look;
}

// Frame 48 of a storm (two seconds at 24 fps): streaked flakes, bright in the
// lamp's cone, over a ground and a sphere whose upward faces hold snow.
TEST_F(FxGoldenTest, SnowStorm) {
  const VkExtent2D extent{320, 240};
  testing::FxRig rig(*device, extent);
  auto stage = render::SnowStage::create(*device, testing::FxRig::kFormat);
  auto snow = render::SnowSystem::create(*device, testing::FxRig::kFormat, render::SnowStage::kDepthFormat);
  ASSERT_TRUE(stage.ok()) << stage.error().message;
  ASSERT_TRUE(snow.ok()) << snow.error().message;

  render::SnowSettings settings;
  settings.count = 60000;
  settings.seed = 2026;
  settings.wind = {2.5f, 0.6f};
  settings.gust = 0.7f;
  settings.turbulence = 1.0f;
  settings.flake_size = 0.035f;
  settings.half_width = 9.0f;
  settings.top = 7.0f;
  settings.look = night_with_lamp();
  settings.look.streak_seconds = 0.04f;
  render::SnowStageSettings stage_settings;

  render::Camera camera;
  camera.position = {0.0f, 1.7f, 7.0f};
  camera.target = {0.0f, 1.1f, 0.0f};
  constexpr std::uint32_t kFrames = 48;
  for (std::uint32_t i = 0; i + 1 < kFrames; ++i) {
    auto ok = rig.run([&](render::FrameGraph& frame) {
      (*snow)->add_simulate_pass(frame, settings, testing::fx_time(i), camera);
    });
    ASSERT_TRUE(ok.ok()) << ok.error().message;
  }
  auto image = rig.render([&](render::FrameGraph& frame, graph::TextureHandle color) {
    render::StageTargets t = (*stage)->add_pass(frame, 0, stage_settings, settings.look, camera, color, extent);
    return (*snow)->add_passes(frame, 0, settings, testing::fx_time(kFrames - 1), camera, t.color, t.depth, extent);
  });
  ASSERT_TRUE(image.ok()) << image.error().message;
  testing::expect_matches_golden("fx_snow_storm", *image);
}

// Assimp's Wuson model halfway through a dissolve: holes with glowing rims, the
// inside of the shell showing through, embers rising from the burning edge.
TEST_F(FxGoldenTest, DissolveHalfway) {
  auto model = asset::import_model("/usr/share/assimp/models/OBJ/WusonOBJ.obj");
  ASSERT_TRUE(model.ok()) << model.error().message;
  ASSERT_FALSE(model->meshes.empty());
  render::GpuModel gpu_model = render::upload_model(*device, *model);
  // Stand it on the ground at the origin.
  const Aabb bounds = gpu_model.bounds;
  const glm::vec3 center = (bounds.min + bounds.max) * 0.5f;
  const glm::mat4 world = glm::translate(glm::mat4(1.0f), glm::vec3(-center.x, -bounds.min.y, -center.z));
  render::DrawList draws;
  draws.add_model(gpu_model, world);
  auto source = render::make_dissolve_source(*device, model->meshes[0]);
  ASSERT_TRUE(source.ok()) << source.error().message;
  const glm::mat4 source_world = world * model->instances.at(0).world;

  const VkExtent2D extent{320, 240};
  testing::FxRig rig(*device, extent);
  auto stage = render::SnowStage::create(*device, testing::FxRig::kFormat);
  auto dissolve = render::DissolvePass::create(*device, testing::FxRig::kFormat, render::SnowStage::kDepthFormat);
  auto fragments = render::DissolveFragments::create(*device, testing::FxRig::kFormat, render::SnowStage::kDepthFormat);
  ASSERT_TRUE(stage.ok() && dissolve.ok() && fragments.ok());

  render::ParticleLook look;
  look.ambient = {0.12f, 0.14f, 0.2f};
  render::ParticleLightDesc key;
  key.position = {-3.0f, 5.0f, 4.0f};
  key.color = {0.8f, 0.9f, 1.0f};
  key.intensity = 60.0f;
  key.range = 30.0f;
  look.lights.push_back(key);
  render::SnowStageSettings stage_settings;
  stage_settings.sphere_radius = 0.0f;  // no sphere: the model stands alone
  stage_settings.snow_amount = 0.0f;
  stage_settings.ground_half_size = 10.0f * (bounds.max.y - bounds.min.y);
  render::DissolveSettings settings;
  settings.noise_scale = 1.5f / std::max(bounds.max.y - bounds.min.y, 1e-3f) * 2.0f;
  render::FragmentSettings fragment_settings;
  fragment_settings.count = 6000;
  fragment_settings.spawn_chance = 0.04f;
  fragment_settings.size = 0.012f * (bounds.max.y - bounds.min.y);
  fragment_settings.rise_speed = 0.15f * (bounds.max.y - bounds.min.y);

  Aabb placed;
  placed.extend(glm::vec3(world * glm::vec4(bounds.min, 1.0f)));
  placed.extend(glm::vec3(world * glm::vec4(bounds.max, 1.0f)));
  render::Camera camera = render::frame_bounds(placed, float(extent.width) / float(extent.height), {-0.8f, -0.35f, -0.5f});
  constexpr std::uint32_t kFrames = 24;  // progress 0.3 -> 0.5 over one second
  for (std::uint32_t i = 0; i < kFrames; ++i) {
    settings.progress = 0.3f + 0.2f * float(i) / float(kFrames - 1);
    if (i + 1 < kFrames) {
      auto ok = rig.run([&](render::FrameGraph& frame) {
        (*fragments)->add_emit_pass(frame, 0, *source, source_world, {}, settings, fragment_settings, 9,
                                    testing::fx_time(i));
      });
      ASSERT_TRUE(ok.ok()) << ok.error().message;
      continue;
    }
    auto image = rig.render([&](render::FrameGraph& frame, graph::TextureHandle color) {
      render::StageTargets t = (*stage)->add_pass(frame, 0, stage_settings, look, camera, color, extent);
      t = (*dissolve)->add_pass(frame, 0, draws.items(), settings, look, camera, t, extent);
      graph::BufferHandle particles = (*fragments)->add_emit_pass(frame, 0, *source, source_world, {}, settings,
                                                                  fragment_settings, 9, testing::fx_time(i));
      return (*fragments)->add_draw_pass(frame, 0, settings, camera, particles, t.color, t.depth, extent);
    });
    ASSERT_TRUE(image.ok()) << image.error().message;
    testing::expect_matches_golden("fx_dissolve_halfway", *image);
  }
  render::release_dissolve_source(*device, *source);
  render::release_model(*device, gpu_model);
}

}  // namespace
}  // namespace kagami
