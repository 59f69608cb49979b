// Each location from two of its own camera entities, at 320x180, against
// references that were looked at: the mood of each place (Tokyo Dome City at
// dusk with its first illuminations, Suidoubashi's lamps in the snow night,
// the data world's grid fading into fog) must survive lighting and post changes.
#include <filesystem>

#include "../gpu/gpu_fixture.h"
#include "golden.h"
#include "kagami/core/job_system.h"
#include "kagami/render/scene_models.h"
#include "kagami/render/scene_view.h"
#include "kagami/scene/scene_io.h"

namespace kagami {
namespace {

class LocationGolden : public testing::GpuTest {
 protected:
  // Renders the named camera entities of scenes/<location>.json and compares each.
  void expect_views_match(const std::string& location, std::initializer_list<const char*> cameras) {
    auto scene = scene::load_scene(std::filesystem::path(KAGAMI_SOURCE_DIR) / "scenes" / (location + ".json"));
    ASSERT_TRUE(scene.ok()) << scene.error().message;
    JobSystem jobs;
    auto models = render::SceneModels::load(*device, jobs, *scene);
    ASSERT_TRUE(models.ok()) << models.error().message;
    render::DrawList draws;
    ASSERT_EQ(render::add_scene_draws(draws, *scene, [&](std::string_view id) { return models->find(id); }), 0u);
    draws.sort();
    const render::Lighting lighting = render::scene_lighting(*scene);
    for (const char* name : cameras) {
      auto camera = scene::find_camera(*scene, name);
      ASSERT_TRUE(camera.has_value()) << location << " has no camera entity " << name;
      auto image = render::render_offscreen(*device, draws, render::camera_from(*camera), lighting, {320, 180});
      ASSERT_TRUE(image.ok()) << image.error().message;
      testing::expect_matches_golden(location + "_" + name, *image);
    }
  }
};

TEST_F(LocationGolden, TokyoDomeCityAtDusk) {
  expect_views_match("tokyo_dome_city", {"view_dome_to_wheel", "view_dome_from_plaza"});
}

TEST_F(LocationGolden, SuidoubashiLampsInTheSnowNight) {
  expect_views_match("suidoubashi", {"view_under_the_bridge", "view_station_street"});
}

TEST_F(LocationGolden, DataWorldGridInFog) { expect_views_match("data_world", {"view_arena", "view_overview"}); }

}  // namespace
}  // namespace kagami
