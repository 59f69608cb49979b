#include "../gpu/gpu_fixture.h"
#include "golden.h"
#include "kagami/asset/model_import.h"
#include "kagami/render/forward_renderer.h"

namespace kagami {
namespace {

using GoldenTest = testing::GpuTest;

// The first real render: the textured box from Debian's assimp-testmodels, lit
// by the default sun and ambient, from the default framing camera.
TEST_F(GoldenTest, BoxTextured) {
  auto model = asset::import_model("/usr/share/assimp/models/glTF2/BoxTextured-glTF/BoxTextured.gltf");
  ASSERT_TRUE(model.ok()) << model.error().message;
  render::GpuModel gpu_model = render::upload_model(*device, *model);
  render::Camera camera = render::frame_bounds(gpu_model.bounds, 320.0f / 240.0f, {-0.6f, -0.45f, -0.75f});
  auto image = render::render_offscreen(*device, render::draw_model(gpu_model), camera, render::Lighting{}, {320, 240});
  render::release_model(*device, gpu_model);
  ASSERT_TRUE(image.ok()) << image.error().message;
  testing::expect_matches_golden("box_textured", *image);
}

}  // namespace
}  // namespace kagami
