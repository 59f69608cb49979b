#include "gpu_fixture.h"
#include "kagami/asset/model_import.h"
#include "kagami/render/forward_renderer.h"

namespace kagami {
namespace {

constexpr const char* kBox = "/usr/share/assimp/models/glTF2/BoxTextured-glTF/BoxTextured.gltf";

class ModelRenderTest : public testing::GpuTest {
 protected:
  ImageRgba8 render_box(VkExtent2D extent) {
    auto model = asset::import_model(kBox);
    EXPECT_TRUE(model.ok()) << model.error().message;
    render::GpuModel gpu_model = render::upload_model(*device, *model);
    render::Camera camera = render::frame_bounds(gpu_model.bounds, float(extent.width) / float(extent.height));
    auto image = render::render_offscreen(*device, render::draw_model(gpu_model), camera, render::Lighting{}, extent);
    render::release_model(*device, gpu_model);
    EXPECT_TRUE(image.ok()) << image.error().message;
    return image.ok() ? *image : ImageRgba8{};
  }
};

const std::uint8_t* pixel(const ImageRgba8& image, int x, int y) {
  return &image.pixels[(std::size_t(y) * image.width + x) * 4];
}

TEST_F(ModelRenderTest, TheModelCoversTheCentreAndTheSkyTheCorners) {
  ImageRgba8 image = render_box({160, 120});
  ASSERT_EQ(image.width, 160);
  const std::uint8_t* corner = pixel(image, 2, 2);
  const std::uint8_t* centre = pixel(image, 80, 60);
  // The default clear daytime sky is blue; the box is light (white texture border, lit).
  EXPECT_GT(corner[2], corner[0] + 10);
  EXPECT_GT(int(centre[0]) + centre[1] + centre[2], 3 * 90);
}

TEST_F(ModelRenderTest, DepthTestingKeepsNearFacesInFront) {
  // Looking straight down the box's -Z axis only its front face is visible: the
  // centre pixel must come from the texture's white border/logo, never from
  // the back face drawn later in index order (which would be darker: it faces away).
  auto model = asset::import_model(kBox);
  ASSERT_TRUE(model.ok());
  render::GpuModel gpu_model = render::upload_model(*device, *model);
  render::Camera camera = render::frame_bounds(gpu_model.bounds, 1.0f, {0.0f, 0.0f, -1.0f});
  render::Lighting light;
  light.sun_direction = {0.0f, 0.0f, -1.0f};  // straight onto the front face
  auto image = render::render_offscreen(*device, render::draw_model(gpu_model), camera, light, {64, 64});
  render::release_model(*device, gpu_model);
  ASSERT_TRUE(image.ok());
  const std::uint8_t* c = pixel(*image, 32, 32);
  EXPECT_GT(int(c[0]) + c[1] + c[2], 3 * 100) << "front face, fully lit";
}

TEST_F(ModelRenderTest, TheSameRenderTwiceGivesIdenticalBytes) {
  ImageRgba8 a = render_box({200, 150});
  ImageRgba8 b = render_box({200, 150});
  ASSERT_EQ(a.pixels.size(), b.pixels.size());
  EXPECT_TRUE(a.pixels == b.pixels);
}

TEST_F(ModelRenderTest, CopiesOutsideTheViewAreCulledWithoutChangingTheImage) {
  auto model = asset::import_model(kBox);
  ASSERT_TRUE(model.ok());
  render::GpuModel gpu_model = render::upload_model(*device, *model);
  render::Camera camera = render::frame_bounds(gpu_model.bounds, 4.0f / 3.0f);
  render::DrawList one = render::draw_model(gpu_model);
  render::DrawList crowded = render::draw_model(gpu_model);
  // Copies behind the camera, beside the view and past the far plane.
  const glm::vec3 back = camera.position + glm::normalize(camera.position - camera.target) * 5.0f;
  crowded.add_model(gpu_model, glm::translate(glm::mat4(1.0f), back));
  crowded.add_model(gpu_model, glm::translate(glm::mat4(1.0f), glm::vec3(500.0f, 0.0f, 0.0f)));
  crowded.add_model(gpu_model, glm::translate(glm::mat4(1.0f), camera.target + (camera.target - camera.position) * 2000.0f));
  std::vector<const render::DrawItem*> all, visible;
  for (const render::DrawItem& item : crowded.items()) all.push_back(&item);
  render::cull_draws(all, Frustum::from_matrix(camera.view_projection(4.0f / 3.0f)), visible);
  EXPECT_EQ(visible.size(), one.items().size());

  // Without sun shadows: off-screen copies are still shadow casters (the
  // cascades are fitted to every caster), so with shadows the image may differ.
  render::Lighting lighting;
  lighting.sun_shadows = false;
  auto a = render::render_offscreen(*device, one, camera, lighting, {120, 90});
  auto b = render::render_offscreen(*device, crowded, camera, lighting, {120, 90});
  render::release_model(*device, gpu_model);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(a->pixels == b->pixels);
}

}  // namespace
}  // namespace kagami
