#include "../gpu/gpu_fixture.h"
#include "../gpu/skinning_test_support.h"
#include "golden.h"
#include "kagami/asset/animation_import.h"
#include "kagami/asset/model_import.h"
#include "kagami/asset/model_pose.h"
#include "kagami/render/character_models.h"
#include "kagami/render/forward_renderer.h"

namespace kagami {
namespace {

using GoldenTest = testing::GpuTest;

// A skinned pose: Len (Vocaloid costume) mid-stride in the library's walk clip,
// posed on the CPU (asset::pose_model) and drawn by the forward renderer, seen
// three-quarters from the front.
TEST_F(GoldenTest, LenWalkPose) {
  const std::filesystem::path cast = std::filesystem::path(KAGAMI_SOURCE_DIR) / "assets" / "characters";
  auto library = asset::import_animation(cast / "clips.gltf");
  ASSERT_TRUE(library.ok()) << library.error().message;
  const anim::Clip* walk = nullptr;
  for (const anim::Clip& c : library->clips)
    if (c.name == "walk") walk = &c;
  ASSERT_NE(walk, nullptr);
  auto model = asset::import_model(cast / "len_vocaloid.gltf");
  ASSERT_TRUE(model.ok()) << model.error().message;
  auto posed = asset::pose_model(*model, library->skeleton, *walk, 0.25f);
  ASSERT_TRUE(posed.ok()) << posed.error().message;
  render::GpuModel gpu_model = render::upload_model(*device, *posed);
  render::Camera camera = render::frame_bounds(gpu_model.bounds, 240.0f / 320.0f, {-0.5f, -0.15f, -0.85f});
  auto image = render::render_offscreen(*device, render::draw_model(gpu_model), camera, render::Lighting{}, {240, 320});
  render::release_model(*device, gpu_model);
  ASSERT_TRUE(image.ok()) << image.error().message;
  testing::expect_matches_golden("len_walk_pose", *image);
}

// The four characters skinned on the GPU (CharacterModels, the cast registry),
// each in a different clip of the library -- Len walking, Rin running, Miku
// punching, Camui aiming -- on a ground under a low sun, so their shadows show
// the poses too.
TEST_F(GoldenTest, CastSkinnedOnTheGround) {
  auto cast = render::CharacterModels::load(*device, testing::kCast / "cast.json");
  ASSERT_TRUE(cast.ok()) << cast.error().message;
  render::GpuModel floor = render::upload_model(*device, testing::ground());
  render::DrawList list;
  list.add_model(floor);
  struct Actor {
    const char* who;
    render::ClipLayer clip;
  };
  const Actor actors[] = {{"len", {"walk", 0.25}}, {"rin", {"run", 0.2}}, {"miku", {"punch", 0.35}},
                          {"camui", {"aim_fire", 0.8}}};
  for (std::size_t i = 0; i < std::size(actors); ++i) {
    const glm::mat4 world = glm::translate(glm::mat4(1.0f), {-1.35f + 0.9f * float(i), 0.0f, 0.0f});
    auto added = (*cast)->add_draw(list, actors[i].who, "", {&actors[i].clip, 1}, 0.0, world);
    ASSERT_TRUE(added.ok()) << added.error().message;
  }
  list.sort();
  render::Lighting lighting;
  lighting.sun_direction = glm::normalize(glm::vec3(0.45f, -0.6f, -0.5f));
  render::Camera camera;
  camera.position = {0.6f, 1.5f, 4.2f};
  camera.target = {0.0f, 0.85f, 0.0f};
  camera.fov_y = 0.6f;
  auto image = render::render_offscreen(*device, list, camera, lighting, {480, 270});
  render::release_model(*device, floor);
  cast->reset();
  ASSERT_TRUE(image.ok()) << image.error().message;
  testing::expect_matches_golden("cast_skinned_poses", *image);
}

}  // namespace
}  // namespace kagami
