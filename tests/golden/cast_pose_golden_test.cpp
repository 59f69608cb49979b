#include "../gpu/gpu_fixture.h"
#include "../gpu/skinning_test_support.h"
#include "golden.h"
#include "kagami/asset/animation_import.h"
#include "kagami/asset/model_import.h"
#include "kagami/asset/model_pose.h"
#include "kagami/render/character_models.h"
#include "kagami/player/film_effects.h"
#include "kagami/render/forward_renderer.h"

namespace kagami {
namespace {

using GoldenTest = testing::GpuTest;

// The cast's draws under a sun from `sun`, seen from `eye` towards `target`.
struct CastShot {
  glm::vec3 sun, eye, target;
  float fov_y;
  VkExtent2D extent;
  const render::FrameEffects* effects = nullptr;
};

Result<ImageRgba8> render_cast(gpu::Device& device, const render::DrawList& list, const CastShot& shot) {
  render::Lighting lighting;
  lighting.sun_direction = glm::normalize(shot.sun);
  render::Camera camera;
  camera.position = shot.eye;
  camera.target = shot.target;
  camera.fov_y = shot.fov_y;
  render::OffscreenOptions options;
  options.effects = shot.effects;
  return render::render_offscreen(device, list, camera, lighting, shot.extent, options);
}

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
  auto image = render_cast(*device, list, {{0.45f, -0.6f, -0.5f}, {0.6f, 1.5f, 4.2f}, {0.0f, 0.85f, 0.0f}, 0.6f, {480, 270}});
  render::release_model(*device, floor);
  cast->reset();
  ASSERT_TRUE(image.ok()) << image.error().message;
  testing::expect_matches_golden("cast_skinned_poses", *image);
}

// Rin dissolving halfway in her crying pose, as the film's Act 3 has her: the
// skinned draw cut by the dissolve with its teal edge, and the fragments of
// the last second (replayed, each step from the pose Rin had then) rising off
// the burning edge of her posed body -- arms and hands where they are, not
// where the bind pose would hold them.
TEST_F(GoldenTest, RinDissolvesInHerCryPose) {
  auto cast = render::CharacterModels::load(*device, testing::kCast / "cast.json");
  ASSERT_TRUE(cast.ok()) << cast.error().message;
  auto rin = (*cast)->get("rin", "");
  ASSERT_TRUE(rin.ok()) << rin.error().message;
  constexpr double kFps = 24.0, kTime = 2.0;
  constexpr std::uint32_t kSteps = 24;
  constexpr std::uint64_t kEntity = 7;
  const glm::mat4 world(1.0f);
  render::DrawList list;
  const render::ClipLayer now{"cry", kTime};
  ASSERT_TRUE((*cast)->add_draw(list, "rin", "", {&now, 1}, kTime, world, kEntity).ok());
  const render::DissolveSettings dissolve = player::character_dissolve(0.5f, std::uint32_t(kEntity));
  list.set_dissolve(kEntity, render::dissolve_vector(dissolve));
  list.sort();

  render::FrameEffects effects;
  effects.time = {std::uint32_t(kTime * kFps), float(kTime), float(1.0 / kFps)};
  render::FragmentEmitter emitter;
  emitter.source = &(*rin)->dissolve_source();
  emitter.world = glm::scale(world, glm::vec3((*rin)->scale()));
  emitter.dissolve = dissolve;
  emitter.settings = player::film_fragments();
  emitter.seed = std::uint32_t(kEntity);
  for (std::uint32_t i = 0; i < kSteps; ++i) {
    const double t = kTime - double(kSteps - 1 - i) / kFps;
    emitter.progress.push_back(0.5f * float(t / kTime));  // burning in over the film's last two seconds
    const render::ClipLayer then{"cry", t};
    auto pose = (*rin)->pose({&then, 1}, t);
    ASSERT_TRUE(pose.ok()) << pose.error().message;
    emitter.poses.insert(emitter.poses.end(), pose->begin(), pose->end());
  }
  effects.fragments.push_back(std::move(emitter));

  auto image = render_cast(*device, list,
                           {{0.3f, -0.5f, -0.6f}, {0.9f, 1.3f, 2.6f}, {0.0f, 1.0f, 0.0f}, 0.75f, {320, 400}, &effects});
  cast->reset();
  ASSERT_TRUE(image.ok()) << image.error().message;
  testing::expect_matches_golden("rin_dissolve_cry_pose", *image);
}

}  // namespace
}  // namespace kagami
