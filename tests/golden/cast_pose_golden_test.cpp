#include "../gpu/gpu_fixture.h"
#include "golden.h"
#include "kagami/asset/animation_import.h"
#include "kagami/asset/model_import.h"
#include "kagami/asset/model_pose.h"
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

}  // namespace
}  // namespace kagami
