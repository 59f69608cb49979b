// The passes after the forward pass (sky, fog, bloom, tonemapping, FXAA) on
// synthetic scenes: a pass clears rectangles of the HDR image and the depth
// buffer, then the real post chain runs and the result is read back. Images
// go to the test-output folder for looking at.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "gpu_fixture.h"
#include "kagami/core/image.h"
#include "kagami/look/opaque_grade.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/readback.h"
#include "shared/tonemap.h"

namespace kagami {
namespace {

struct Patch {
  VkRect2D rect;
  glm::vec3 radiance;
  float depth;  // reverse-Z; 0 leaves the sky
};

float luma(const ImageRgba8& image, int x, int y) {
  const std::uint8_t* p = &image.pixels[(std::size_t(y) * image.width + x) * 4];
  return 0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2];
}

float row_luma(const ImageRgba8& image, int y) {
  float sum = 0.0f;
  for (int x = 0; x < image.width; ++x) sum += luma(image, x, y);
  return sum / float(image.width);
}

// A look with nothing but the tonemapper: no vignette, bloom, grading or FXAA.
render::Lighting neutral_lighting() {
  render::Lighting lighting;
  lighting.look.post.vignette = 0.0f;
  lighting.look.post.bloom_strength = 0.0f;
  lighting.look.post.fxaa = false;
  lighting.look.sky.brightness = 0.0f;
  lighting.look.sky.disc_brightness = 0.0f;
  lighting.sun_radiance = glm::vec3(0.0f);  // a black sky and ground wherever no patch is drawn
  return lighting;
}

render::Camera level_camera(glm::vec3 towards, float fov_degrees) {
  render::Camera camera;
  camera.position = {0.0f, 1.7f, 0.0f};
  camera.target = camera.position + towards;
  camera.fov_y = glm::radians(fov_degrees);
  camera.near_plane = 0.1f;
  camera.far_plane = 2000.0f;
  return camera;
}

class PostChainTest : public testing::GpuTest {
 protected:
  ImageRgba8 run(const char* name, const render::Lighting& lighting, const render::Camera& camera, VkExtent2D extent,
                 const std::vector<Patch>& patches = {}) {
    constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
    auto chain = render::PostChain::create(*device, kFormat);
    EXPECT_TRUE(chain.ok()) << chain.error().message;
    if (!chain) return {};
    gpu::Image color = render::create_color_target(*device, kFormat, extent, "post test target");
    render::Readback readback = render::make_readback(*device, kFormat, extent);
    render::FrameTarget target{color.handle, color.view, kFormat, extent};
    target.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
    target.final_state = {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};

    render::GraphExecutor executor(*device);
    render::FrameGraph frame;
    graph::TextureHandle image = render::import_target(frame, target, glm::vec4(0.0f));
    render::SceneTargets scene;
    frame.add_pass(
        "synthetic scene", graph::QueueKind::raster,
        [&](graph::PassBuilder& pass) {
          graph::TextureDesc hdr{render::kHdrFormat, extent.width, extent.height};
          hdr.clear = graph::ClearValue::rgba(0.0f, 0.0f, 0.0f, 1.0f);
          scene.hdr = pass.write(pass.create_texture("hdr", hdr), graph::Usage::color_attachment);
          graph::TextureDesc depth{render::ForwardRenderer::kDepthFormat, extent.width, extent.height};
          depth.clear = graph::ClearValue::depth_stencil(0.0f);
          scene.depth = pass.write(pass.create_texture("depth", depth), graph::Usage::depth_attachment);
        },
        [&patches](render::PassContext& ctx) {
          for (const Patch& patch : patches) {
            VkClearAttachment clears[2] = {};
            clears[0].aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
            clears[0].colorAttachment = 0;
            clears[0].clearValue.color = {{patch.radiance.r, patch.radiance.g, patch.radiance.b, 1.0f}};
            clears[1].aspectMask = VK_IMAGE_ASPECT_DEPTH_BIT;
            clears[1].clearValue.depthStencil = {patch.depth, 0};
            VkClearRect rect{patch.rect, 0, 1};
            vkCmdClearAttachments(ctx.cmd, 2, clears, 1, &rect);
          }
        });
    image = (*chain)->add_passes(frame, 0, scene, camera, lighting, image, extent);
    render::add_readback_pass(frame, image, readback);
    Result<void> executed;
    device->run_now([&](VkCommandBuffer cmd) { executed = executor.execute(frame, cmd, 0); });
    device->retire(color);
    EXPECT_TRUE(executed.ok()) << executed.error().message;
    auto result = render::finish_readback(*device, readback);
    EXPECT_TRUE(result.ok()) << result.error().message;
    if (!result) return {};
    std::filesystem::path out = std::filesystem::path(KAGAMI_TEST_OUTPUT_DIR) / "post" / (std::string(name) + ".png");
    std::filesystem::create_directories(out.parent_path());
    (void)write_png(out, *result);
    return *result;
  }

  // Reverse-Z depth of a point `distance` metres straight ahead of `camera`.
  static float depth_at(const render::Camera& camera, float aspect, float distance) {
    glm::vec3 forward = glm::normalize(camera.target - camera.position);
    glm::vec4 clip = camera.view_projection(aspect) * glm::vec4(camera.position + forward * distance, 1.0f);
    return clip.z / clip.w;
  }
};

render::Lighting sky_lighting(const char* preset, glm::vec3 towards_sun, glm::vec3 sun_radiance) {
  render::Lighting lighting;
  lighting.look = *look::look_preset(preset);
  lighting.look.post.vignette = 0.0f;
  lighting.sun_direction = -glm::normalize(towards_sun);
  lighting.sun_radiance = sun_radiance;
  return lighting;
}

TEST_F(PostChainTest, DuskSkyIsBrightestAtTheHorizonAndWarmTowardsTheSun) {
  const glm::vec3 sun = glm::normalize(glm::vec3(-0.92f, 0.08f, -0.38f));
  render::Lighting lighting = sky_lighting("dusk", sun, glm::vec3(1.0f, 0.55f, 0.3f) * 0.6f);
  // 90 degree field of view, level: the horizon is the middle row, the top row 45 degrees up.
  ImageRgba8 away = run("dusk_away_from_sun", lighting, level_camera({-sun.x, 0.0f, -sun.z}, 90.0f), {96, 64});
  ImageRgba8 towards = run("dusk_towards_sun", lighting, level_camera({sun.x, 0.0f, sun.z}, 90.0f), {96, 64});
  ASSERT_EQ(away.width, 96);
  EXPECT_GT(row_luma(away, 30), row_luma(away, 1) * 1.1f) << "brighter at the horizon than higher up";
  EXPECT_GT(row_luma(towards, 30), row_luma(away, 30)) << "the glow is strongest towards the sun";
  const std::uint8_t* glow = &towards.pixels[(std::size_t(30) * 96 + 48) * 4];
  EXPECT_GT(int(glow[0]), int(glow[2]) + 10) << "the sunset glow is warm";
}

TEST_F(PostChainTest, NightSkyIsDarkWithAVisibleMoonAndStars) {
  const glm::vec3 moon = glm::normalize(glm::vec3(0.3f, 0.5f, 0.2f));
  render::Lighting lighting = sky_lighting("night", moon, glm::vec3(0.6f, 0.65f, 0.8f) * 0.05f);
  ImageRgba8 image = run("night_moon", lighting, level_camera(moon, 30.0f), {96, 96});
  ASSERT_EQ(image.width, 96);
  float mean = 0.0f;
  for (int y = 0; y < 96; ++y) mean += row_luma(image, y) / 96.0f;
  EXPECT_LT(mean, 30.0f) << "the night sky is dark";
  EXPECT_GT(luma(image, 48, 48), 120.0f) << "the moon is bright";

  ImageRgba8 stars = run("night_stars", lighting, level_camera({-moon.x, 0.6f, -moon.z}, 60.0f), {256, 128});
  int bright = 0;
  for (int y = 0; y < stars.height; ++y)
    for (int x = 0; x < stars.width; ++x) bright += luma(stars, x, y) > 3.0f * row_luma(stars, y) + 12.0f;
  EXPECT_GT(bright, 3) << "stars stand out from the sky";
  EXPECT_LT(bright, stars.width * stars.height / 50) << "stars are points, not a haze";
}

TEST_F(PostChainTest, OvercastSnowSkyIsFlatAndGrey) {
  render::Lighting lighting = sky_lighting("overcast_snow", {0.2f, 0.9f, 0.3f}, glm::vec3(0.02f));
  ImageRgba8 image = run("overcast", lighting, level_camera({1.0f, 0.3f, 0.0f}, 60.0f), {96, 64});
  ASSERT_EQ(image.width, 96);
  const std::uint8_t* top = &image.pixels[(std::size_t(2) * 96 + 10) * 4];
  const std::uint8_t* other = &image.pixels[(std::size_t(2) * 96 + 85) * 4];
  EXPECT_LE(std::abs(int(top[0]) - int(other[0])), 2) << "no direction stands out under cloud";
  EXPECT_LT(std::abs(int(top[0]) - int(top[2])), 25) << "close to grey";
  EXPECT_GT(luma(image, 48, 2), 15.0f) << "the cloud base is lit by the city";
}

// The film fills frames under an opaque overlay with look::opaque_grade_display
// instead of rendering the scene: that is only right if the post chain, with
// every step on (fog, bloom, vignette, grading, FXAA), makes that colour too.
TEST_F(PostChainTest, AnOpaqueGradeMakesOneColourWhateverTheScene) {
  render::Lighting lighting = sky_lighting("dusk", {-0.9f, 0.1f, -0.4f}, glm::vec3(1.0f, 0.6f, 0.3f));
  look::PostSettings& post = lighting.look.post;
  post.vignette = 0.6f;
  post.fxaa = true;
  post.lift = glm::vec3(1.0f);
  post.gain = glm::vec3(0.9f, 0.55f, 0.25f);
  post.gamma = glm::vec3(1.1f, 1.0f, 0.9f);
  post.saturation = 0.8f;
  lighting.look.fog.density = 0.02f;
  render::Camera camera = level_camera({0.0f, 0.0f, -1.0f}, 60.0f);
  std::vector<Patch> patches = {{{{0, 0}, {32, 64}}, glm::vec3(40.0f, 2.0f, 0.1f), depth_at(camera, 1.5f, 10.0f)},
                                {{{40, 8}, {8, 8}}, glm::vec3(3000.0f), depth_at(camera, 1.5f, 3.0f)}};
  ImageRgba8 image = run("opaque_grade", lighting, camera, {96, 64}, patches);
  ASSERT_EQ(image.width, 96);

  // What an sRGB target stores for the fill's clear value (pow 2.2, as for_target decodes).
  const glm::vec3 display = look::opaque_grade_display(post);
  auto stored = [](float display_value) {
    float linear = std::pow(display_value, 2.2f);
    float encoded = linear <= 0.0031308f ? 12.92f * linear : 1.055f * std::pow(linear, 1.0f / 2.4f) - 0.055f;
    return int(std::lround(encoded * 255.0f));
  };
  const int expected[3] = {stored(display.r), stored(display.g), stored(display.b)};
  EXPECT_GT(expected[0], expected[2] + 40) << "the test's grade is a warm colour, not black or white";
  int worst = 0;
  for (std::size_t i = 0; i < image.pixels.size(); i += 4)
    for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(image.pixels[i + std::size_t(c)]) - expected[c]));
  EXPECT_LE(worst, 1) << "every pixel is the opaque grade's colour (" << expected[0] << ", " << expected[1] << ", "
                      << expected[2] << ")";
}

TEST_F(PostChainTest, FogThickensWithDistance) {
  render::Lighting lighting = neutral_lighting();
  lighting.look.fog.density = 0.01f;
  lighting.look.fog.height_falloff = 0.0f;
  lighting.look.fog.color = glm::vec3(0.5f);
  lighting.sun_radiance = glm::vec3(0.0f);
  render::Camera camera = level_camera({0.0f, 0.0f, -1.0f}, 60.0f);
  const VkExtent2D extent{128, 32};
  const float distances[] = {5.0f, 20.0f, 80.0f, 320.0f};
  std::vector<Patch> patches;
  for (int i = 0; i < 4; ++i)
    patches.push_back({{{i * 32, 0}, {32, 32}}, glm::vec3(0.0f), depth_at(camera, 4.0f, distances[i])});
  ImageRgba8 image = run("fog_strips", lighting, camera, extent, patches);
  ASSERT_EQ(image.width, 128);
  for (int i = 1; i < 4; ++i)
    EXPECT_GT(luma(image, i * 32 + 16, 16), luma(image, (i - 1) * 32 + 16, 16) + 8.0f) << "strip " << i;
  EXPECT_LT(luma(image, 16, 16), 0.5f * luma(image, 3 * 32 + 16, 16)) << "near things stay clear";

  lighting.look.fog.density = 0.0f;
  ImageRgba8 clear = run("fog_none", lighting, camera, extent, patches);
  EXPECT_LT(luma(clear, 3 * 32 + 16, 16), 2.0f) << "no fog: the black far strip stays black";
}

TEST_F(PostChainTest, BloomSpreadsABrightPixelAndFadesWithDistance) {
  render::Lighting lighting = neutral_lighting();
  const VkExtent2D extent{96, 96};
  std::vector<Patch> patches = {{{{0, 0}, extent}, glm::vec3(0.0f), 0.5f},
                                {{{48, 48}, {1, 1}}, glm::vec3(3000.0f), 0.5f}};
  render::Camera camera = level_camera({0.0f, 0.0f, -1.0f}, 60.0f);
  ImageRgba8 without = run("bloom_off", lighting, camera, extent, patches);
  lighting.look.post.bloom_strength = 0.05f;
  ImageRgba8 with = run("bloom_on", lighting, camera, extent, patches);
  ASSERT_EQ(with.width, 96);
  EXPECT_LT(luma(without, 56, 48), 1.0f) << "without bloom the light stays in its pixel";
  EXPECT_GT(luma(with, 52, 48), 20.0f);
  EXPECT_GT(luma(with, 56, 48), 5.0f) << "bloom spreads the light";
  EXPECT_GT(luma(with, 52, 48), luma(with, 60, 48)) << "and fades with distance";
  EXPECT_NEAR(luma(with, 40, 48), luma(with, 56, 48), 3.0f) << "evenly in every direction";
}

TEST_F(PostChainTest, TonemapMapsMidGreyLikeTheCpuCurve) {
  render::Lighting lighting = neutral_lighting();
  const VkExtent2D extent{32, 32};
  ImageRgba8 image = run("mid_grey", lighting, level_camera({0, 0, -1}, 60.0f), extent,
                         {{{{0, 0}, extent}, glm::vec3(0.18f), 0.5f}});
  ASSERT_EQ(image.width, 32);
  float display = shader::agx_tonemap(glm::vec3(0.18f)).g;
  EXPECT_NEAR(luma(image, 16, 16), display * 255.0f, 4.0f);
  EXPECT_NEAR(luma(image, 16, 16), 128.0f, 20.0f) << "mid-grey lands near the middle of the display range";

  lighting.look.post.exposure = 1.0f;
  ImageRgba8 brighter = run("mid_grey_plus_1ev", lighting, level_camera({0, 0, -1}, 60.0f), extent,
                            {{{{0, 0}, extent}, glm::vec3(0.18f), 0.5f}});
  EXPECT_GT(luma(brighter, 16, 16), luma(image, 16, 16) + 10.0f) << "one stop more exposure is brighter";
}

TEST_F(PostChainTest, FxaaSoftensStairStepsAndLeavesFlatAreasAlone) {
  render::Lighting lighting = neutral_lighting();
  const VkExtent2D extent{96, 64};
  // A bright area above a shallow staircase (one pixel down every 4 columns).
  std::vector<Patch> patches;
  for (int band = 0; band < 24; ++band)
    patches.push_back({{{band * 4, 0}, {4, std::uint32_t(16 + band)}}, glm::vec3(2.0f), 0.5f});
  render::Camera camera = level_camera({0, 0, -1}, 60.0f);
  ImageRgba8 hard = run("fxaa_off", lighting, camera, extent, patches);
  lighting.look.post.fxaa = true;
  ImageRgba8 smooth = run("fxaa_on", lighting, camera, extent, patches);
  ASSERT_EQ(smooth.width, 96);
  auto intermediate = [](const ImageRgba8& image) {
    int count = 0;
    for (int y = 0; y < image.height; ++y)
      for (int x = 2; x < image.width - 2; ++x) count += luma(image, x, y) > 25.0f && luma(image, x, y) < 200.0f;
    return count;
  };
  EXPECT_EQ(intermediate(hard), 0) << "without FXAA the edge is a hard staircase";
  EXPECT_GT(intermediate(smooth), 40) << "FXAA blends along the edge";
  EXPECT_EQ(luma(smooth, 48, 2), luma(hard, 48, 2)) << "flat areas are untouched";
  EXPECT_EQ(luma(smooth, 48, 60), luma(hard, 48, 60));
}

}  // namespace
}  // namespace kagami
