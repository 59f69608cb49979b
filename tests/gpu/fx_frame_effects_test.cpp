// The effects wired into the real frame (render::FrameEffects through
// ForwardRenderer): snow over the lit scene and the sky, re-simulated as a pure
// function of time; snow lying on upward faces only; the scenery dissolving,
// or one entity alone, shedding fragments that replay as a pure function of
// time; the data world's drifting blocks; the image breaking up into data
// blocks and going to black.
#include "fx_test_rig.h"
#include "gpu_fixture.h"
#include "ground_and_cube.h"
#include "kagami/core/image.h"
#include "kagami/render/gpu_model.h"

namespace kagami {
namespace {

using testing::add_cube;
using testing::add_face;

constexpr VkExtent2D kExtent{160, 120};

// A model of one dark mesh.
asset::ModelData dark_model(asset::MeshData mesh, const char* name) {
  asset::ModelData model;
  asset::MaterialData dark;
  dark.base_color_factor = glm::vec4(0.15f, 0.12f, 0.1f, 1.0f);
  dark.metallic_factor = 0.0f;
  dark.roughness_factor = 0.9f;
  model.materials.push_back(dark);
  mesh.name = name;
  model.bounds = mesh.bounds;
  model.meshes.push_back(std::move(mesh));
  model.instances.push_back({0, glm::mat4(1.0f), name});
  return model;
}

// A dark 40 m ground at y = 0 with a 2 m dark cube standing on it at the origin.
asset::ModelData ground_and_cube() {
  asset::MeshData mesh;
  add_face(mesh, {0, 0, 0}, {20, 0, 0}, {0, 0, -20});
  add_cube(mesh, {0, 1, 0});
  return dark_model(std::move(mesh), "ground and cube");
}

// A second 2 m cube on the ground, to the camera's left of the first.
asset::MeshData side_cube() {
  asset::MeshData mesh;
  add_cube(mesh, {-3, 1, 1});
  return mesh;
}

render::Camera street_camera() {
  render::Camera camera;
  camera.position = {4.0f, 3.0f, 6.0f};
  camera.target = {0.0f, 1.0f, 0.0f};
  camera.fov_y = glm::radians(55.0f);
  camera.near_plane = 0.1f;
  camera.far_plane = 200.0f;
  return camera;
}

render::Lighting night() {
  render::Lighting l;
  l.sun_direction = glm::normalize(glm::vec3(-0.3f, -1.0f, -0.2f));
  l.sun_radiance = glm::vec3(0.6f, 0.65f, 0.8f);  // a moon, so the cover reads
  l.ambient_sky = glm::vec3(0.08f, 0.09f, 0.12f);
  return l;
}

render::FrameEffects snow_at(float seconds) {
  render::FrameEffects fx;
  fx.snow = true;
  fx.snow_settings.count = 60000;
  fx.snow_settings.seed = 9;
  fx.snow_settings.wind = {4.0f, 1.0f};
  fx.time = {std::uint32_t(seconds * 24.0f), seconds, 1.0f / 24.0f};
  fx.snow_replay_steps = 12;
  return fx;
}

class FrameEffectsTest : public testing::GpuTest {
 protected:
  void SetUp() override {
    GpuTest::SetUp();
    auto renderer = render::ForwardRenderer::create(*device, testing::FxRig::kFormat);
    ASSERT_TRUE(renderer.ok()) << renderer.error().message;
    renderer_ = std::move(*renderer);
    rig_ = std::make_unique<testing::FxRig>(*device, kExtent);
    model_ = render::upload_model(*device, ground_and_cube());
    side_ = render::upload_model(*device, dark_model(side_cube(), "side cube"));
  }
  void TearDown() override {
    render::release_model(*device, model_);
    render::release_model(*device, side_);
    rig_.reset();
    renderer_.reset();
    GpuTest::TearDown();
  }

  ImageRgba8 render(const render::FrameEffects* fx, bool scene, const char* png) {
    render::DrawList empty;
    return render(scene ? render::draw_model(model_) : empty, fx, png);
  }
  ImageRgba8 render(const render::DrawList& draws, const render::FrameEffects* fx, const char* png) {
    const render::Camera camera = street_camera();
    const render::Lighting lighting = night();
    auto image = rig_->render([&](render::FrameGraph& frame, graph::TextureHandle color) {
      return renderer_->add_passes(frame, 0, draws, camera, lighting, color, kExtent, fx);
    });
    EXPECT_TRUE(image.ok()) << image.error().message;
    if (!image) return {};
    EXPECT_TRUE(write_png(std::filesystem::path(KAGAMI_TEST_OUTPUT_DIR) / png, *image).ok());
    return *image;
  }

  // Sum of the sRGB channels where a world point lands on screen.
  static glm::ivec2 pixel_of(glm::vec3 world) {
    glm::vec4 clip = street_camera().view_projection(float(kExtent.width) / float(kExtent.height)) *
                     glm::vec4(world, 1.0f);
    glm::vec2 ndc = glm::vec2(clip) / clip.w;
    return {int((ndc.x * 0.5f + 0.5f) * float(kExtent.width)), int((ndc.y * 0.5f + 0.5f) * float(kExtent.height))};
  }
  static int brightness_at(const ImageRgba8& image, glm::vec3 world) {
    const glm::ivec2 at = pixel_of(world);
    const int x = at.x, y = at.y;
    EXPECT_TRUE(x >= 0 && y >= 0 && x < int(kExtent.width) && y < int(kExtent.height));
    const std::uint8_t* p = &image.pixels[(std::size_t(y) * image.width + std::size_t(x)) * 4];
    return int(p[0]) + p[1] + p[2];
  }

  static std::size_t pixels_differing(const ImageRgba8& a, const ImageRgba8& b, int tolerance) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 3 < a.pixels.size(); i += 4)
      for (int c = 0; c < 3; ++c)
        if (std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c])) > tolerance) {
          ++n;
          break;
        }
    return n;
  }

  std::unique_ptr<render::ForwardRenderer> renderer_;
  std::unique_ptr<testing::FxRig> rig_;
  static std::size_t teal_pixels(const ImageRgba8& image) {  // green and blue well above red
    std::size_t teal = 0;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4)
      if (image.pixels[i + 1] > image.pixels[i] + 60 && image.pixels[i + 2] > image.pixels[i] + 50) ++teal;
    return teal;
  }

  render::GpuModel model_;
  render::GpuModel side_;  // side_cube()
};

TEST_F(FrameEffectsTest, SnowFallsOverSceneAndSkyAsAPureFunctionOfTime) {
  const ImageRgba8 clear = render(nullptr, true, "fx_frame_no_snow.png");
  const render::FrameEffects at2 = snow_at(2.0f), at3 = snow_at(3.0f);
  const ImageRgba8 first = render(&at2, true, "fx_frame_snow_2s.png");
  const ImageRgba8 later = render(&at3, true, "fx_frame_snow_3s.png");
  const ImageRgba8 again = render(&at2, true, "fx_frame_snow_2s_again.png");
  ASSERT_FALSE(first.pixels.empty());
  EXPECT_TRUE(first.pixels == again.pixels) << "the same time after another one must give the same bytes";
  EXPECT_GT(pixels_differing(first, later, 2), 200u) << "a second later the flakes have moved";
  // Flakes over the ground and over the sky (drawn after the sky pass, not under it).
  const std::size_t half = first.pixels.size() / 2;
  ImageRgba8 top = first, top_clear = clear;
  top.pixels.resize(half / 4);  // the top eighth of the image: sky only
  top_clear.pixels.resize(half / 4);
  EXPECT_GT(pixels_differing(top, top_clear, 6), 40u) << "flakes in front of the sky";
  EXPECT_GT(pixels_differing(first, clear, 6), 400u) << "flakes in front of the scene";
}

TEST_F(FrameEffectsTest, SnowCoverWhitensUpwardFacesOnly) {
  render::FrameEffects cover;
  cover.snow_cover = 1.0f;
  const ImageRgba8 bare = render(nullptr, true, "fx_frame_cover_none.png");
  const ImageRgba8 covered = render(&cover, true, "fx_frame_cover_full.png");
  ASSERT_FALSE(covered.pixels.empty());
  EXPECT_GT(brightness_at(covered, {0.0f, 2.0f, 0.0f}), brightness_at(bare, {0.0f, 2.0f, 0.0f}) + 150)
      << "the cube's top";
  EXPECT_GT(brightness_at(covered, {-3.0f, 0.0f, 3.0f}), brightness_at(bare, {-3.0f, 0.0f, 3.0f}) + 100)
      << "the ground";
  // A wall holds no snow: only the bloom of the white faces around it brightens it a little.
  EXPECT_NEAR(brightness_at(covered, {0.0f, 1.0f, 1.0f}), brightness_at(bare, {0.0f, 1.0f, 1.0f}), 20)
      << "the cube's side facing the camera";
}

TEST_F(FrameEffectsTest, DissolveRemovesSurfacesWithAGlowingEdge) {
  const ImageRgba8 empty = render(nullptr, false, "fx_frame_empty.png");
  const ImageRgba8 whole = render(nullptr, true, "fx_frame_whole.png");
  render::FrameEffects fx;
  fx.dissolve = 0.5f;
  const ImageRgba8 half = render(&fx, true, "fx_frame_dissolve_half.png");
  fx.dissolve = 1.0f;
  const ImageRgba8 gone = render(&fx, true, "fx_frame_dissolve_gone.png");
  ASSERT_FALSE(gone.pixels.empty());
  EXPECT_EQ(pixels_differing(gone, empty, 2), 0u) << "fully dissolved: only the sky is left";
  EXPECT_GT(pixels_differing(half, whole, 6), 1000u);
  EXPECT_GT(pixels_differing(half, empty, 6), 1000u);
  EXPECT_GT(teal_pixels(half), 50u) << "the glowing edge";
}

TEST_F(FrameEffectsTest, PerEntityDissolveLeavesTheOtherDrawsUntouched) {
  render::DrawList draws;
  draws.add_model(model_, glm::mat4(1.0f), {}, /*entity=*/1);
  draws.add_model(side_, glm::mat4(1.0f), {}, /*entity=*/2);
  draws.sort();
  const ImageRgba8 whole = render(draws, nullptr, "fx_frame_entity_whole.png");
  render::DissolveSettings half;
  half.progress = 0.5f;
  half.noise_scale = 1.5f;
  EXPECT_EQ(draws.set_dissolve(2, render::dissolve_vector(half)), 1u) << "the side cube's one draw";
  const ImageRgba8 cut = render(draws, nullptr, "fx_frame_entity_half.png");
  ASSERT_FALSE(cut.pixels.empty());
  // Where the side cube can cover (its corners on screen, with a margin for
  // the bloom of its edge): everything else is the same image.
  glm::ivec2 lo(1 << 20), hi(-(1 << 20));
  for (int corner = 0; corner < 8; ++corner) {
    const glm::ivec2 p = pixel_of({-3.0f + ((corner & 1) ? 1.0f : -1.0f), (corner & 2) ? 2.0f : 0.0f,
                                   1.0f + ((corner & 4) ? 1.0f : -1.0f)});
    lo = glm::min(lo, p - 6);
    hi = glm::max(hi, p + 6);
  }
  std::size_t inside = 0, outside = 0;
  for (std::uint32_t y = 0; y < kExtent.height; ++y)
    for (std::uint32_t x = 0; x < kExtent.width; ++x) {
      const std::size_t i = (std::size_t(y) * kExtent.width + x) * 4;
      bool differs = false;
      for (int c = 0; c < 3; ++c) differs = differs || std::abs(int(whole.pixels[i + c]) - int(cut.pixels[i + c])) > 6;
      if (!differs) continue;
      const bool in = int(x) >= lo.x && int(x) <= hi.x && int(y) >= lo.y && int(y) <= hi.y;
      ++(in ? inside : outside);
    }
  EXPECT_GT(inside, 150u) << "the side cube is half gone";
  EXPECT_EQ(outside, 0u) << "the ground and the other cube are as they were";
  EXPECT_GT(teal_pixels(cut), 20u) << "the side cube's burning edge";
  EXPECT_EQ(teal_pixels(whole), 0u);
}

// A fragment emitter on the side cube at `progress`, replayed over `steps`.
render::FragmentEmitter side_cube_fragments(const render::DissolveSource& source, float progress, std::uint32_t steps) {
  render::FragmentEmitter e;
  e.source = &source;
  e.dissolve.progress = progress;
  e.dissolve.noise_scale = 1.5f;
  e.dissolve.edge_color = {0.8f, 7.6f, 6.8f};
  e.settings.count = 4096;
  e.settings.size = 0.08f;
  e.progress.assign(steps, progress);
  e.seed = 5;
  return e;
}

TEST_F(FrameEffectsTest, DissolveFragmentsInTheFrameAreAPureFunctionOfTime) {
  auto source = render::make_dissolve_source(*device, side_cube());
  ASSERT_TRUE(source.ok()) << source.error().message;
  render::DrawList draws = render::draw_model(model_);
  render::FrameEffects none;
  none.time = {48, 2.0f, 1.0f / 24.0f};
  const ImageRgba8 without = render(draws, &none, "fx_frame_fragments_none.png");
  render::FrameEffects at2 = none, at3 = none;
  at2.fragments.push_back(side_cube_fragments(*source, 0.5f, 36));
  at3.time = {72, 3.0f, 1.0f / 24.0f};
  at3.fragments.push_back(side_cube_fragments(*source, 0.5f, 36));
  const ImageRgba8 first = render(draws, &at2, "fx_frame_fragments_2s.png");
  const ImageRgba8 later = render(draws, &at3, "fx_frame_fragments_3s.png");
  const ImageRgba8 again = render(draws, &at2, "fx_frame_fragments_2s_again.png");
  ASSERT_FALSE(again.pixels.empty());
  EXPECT_TRUE(first.pixels == again.pixels) << "the same time after another one must give the same bytes";
  EXPECT_GT(pixels_differing(first, without, 6), 30u) << "fragments glow over the scene";
  EXPECT_GT(pixels_differing(first, later, 6), 30u) << "a second later they have moved on";
  render::release_dissolve_source(*device, *source);
}

TEST_F(FrameEffectsTest, DataBlocksDriftAroundTheCamera) {
  render::DataBlockSettings blocks;
  blocks.amount = 0.5f;
  blocks.count = 200;
  blocks.seed = 3;
  const glm::vec3 eye = street_camera().position;
  std::vector<render::DataBlock> a, b, later;
  render::place_data_blocks(blocks, 2.0f, eye, a);
  render::place_data_blocks(blocks, 2.0f, eye, b);
  render::place_data_blocks(blocks, 6.0f, eye, later);
  ASSERT_FALSE(a.empty());
  EXPECT_LE(a.size(), 100u) << "half of 200";
  EXPECT_GE(a.size(), 90u) << "only the few right at the eye shrink away";
  ASSERT_EQ(a.size(), b.size());
  std::size_t moved = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].world, b[i].world) << "block " << i << ": the same time, the same place";
    const glm::vec3 p(a[i].world[3]);
    EXPECT_LE(std::abs(p.x - eye.x), 0.5f * blocks.extent + 1e-3f);
    EXPECT_LE(std::abs(p.z - eye.z), 0.5f * blocks.extent + 1e-3f);
    EXPECT_GE(p.y, blocks.min_height - 0.5f);
    EXPECT_LE(p.y, blocks.max_height + 0.5f);
    if (i < later.size() && glm::length(glm::vec3(later[i].world[3]) - p) > 0.5f) ++moved;
  }
  EXPECT_GT(moved, a.size() / 2) << "four seconds later most have drifted";

  render::FrameEffects fx;
  fx.time = {48, 2.0f, 1.0f / 24.0f};
  const ImageRgba8 without = render(&fx, true, "fx_frame_blocks_none.png");
  fx.data_blocks = blocks;
  fx.data_blocks.amount = 1.0f;
  const ImageRgba8 with = render(&fx, true, "fx_frame_blocks.png");
  ASSERT_FALSE(with.pixels.empty());
  EXPECT_GT(teal_pixels(with), teal_pixels(without) + 30) << "glowing teal blocks in view";
}

TEST_F(FrameEffectsTest, DataBreakupShatersIntoTealBlocksThenBlack) {
  const ImageRgba8 whole = render(nullptr, true, "fx_frame_breakup_none.png");
  render::FrameEffects fx;
  fx.data_breakup = 0.5f;
  fx.time.seconds = 1.0f;
  const ImageRgba8 half = render(&fx, true, "fx_frame_breakup_half.png");
  fx.data_breakup = 1.0f;
  const ImageRgba8 black = render(&fx, true, "fx_frame_breakup_full.png");
  ASSERT_FALSE(black.pixels.empty());
  EXPECT_GT(pixels_differing(half, whole, 6), half.pixels.size() / 4 / 5) << "a fifth of the image broken";
  std::size_t teal = 0, lit = 0;
  for (std::size_t i = 0; i < half.pixels.size(); i += 4)
    if (half.pixels[i + 1] > half.pixels[i] + 60 && half.pixels[i + 2] > half.pixels[i] + 50) ++teal;
  for (std::size_t i = 0; i < black.pixels.size(); i += 4)
    if (black.pixels[i] + black.pixels[i + 1] + black.pixels[i + 2] > 30) ++lit;
  EXPECT_GT(teal, 100u) << "glowing teal block edges";
  EXPECT_EQ(lit, 0u) << "at 1 the image has gone to black";
}

}  // namespace
}  // namespace kagami
