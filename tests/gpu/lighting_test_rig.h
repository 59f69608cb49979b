#pragma once
// What the lighting tests share: a dark night to light, a black foggy one to
// see beams in, a camera looking down, a spot pointing down, and a fixture
// rendering a model (or a draw list) and reading brightness where a world
// point lands on screen.
#include <filesystem>
#include <string>

#include "gpu_fixture.h"
#include "kagami/core/image.h"
#include "kagami/render/forward_renderer.h"

namespace kagami::testing {

inline render::Lighting dark() {
  render::Lighting l;
  l.sun_radiance = glm::vec3(0.0f);
  l.ambient_sky = glm::vec3(0.01f);
  l.ambient_ground = glm::vec3(0.0f);
  return l;
}

// dark() in uniform black fog of `density` (1/m) against a black sky, with no
// bloom or vignette: only light the fog scatters shows in the air.
inline render::Lighting dark_fog(float density) {
  render::Lighting l = dark();
  l.look.sky.brightness = 0.0f;
  l.look.sky.disc_brightness = 0.0f;
  l.look.fog.color = glm::vec3(0.0f);
  l.look.fog.density = density;
  l.look.fog.height_falloff = 0.0f;
  l.look.fog.scattering = 1.0f;
  l.look.post.bloom_strength = 0.0f;
  l.look.post.vignette = 0.0f;
  return l;
}

inline render::Camera top_down() {
  render::Camera camera;
  camera.position = {0.0f, 30.0f, 0.01f};
  camera.target = {0.0f, 0.0f, 0.0f};
  camera.fov_y = glm::radians(60.0f);
  camera.near_plane = 0.5f;
  camera.far_plane = 100.0f;
  return camera;
}

// A spot light pointing straight down, its cone angles in degrees.
inline render::PunctualLight spot_down(glm::vec3 position, glm::vec3 radiant_intensity, float range,
                                       float inner_degrees, float outer_degrees) {
  render::PunctualLight spot;
  spot.spot = true;
  spot.position = position;
  spot.direction = {0.0f, -1.0f, 0.0f};
  spot.radiant_intensity = radiant_intensity;
  spot.range = range;
  spot.inner_cone = glm::radians(inner_degrees);
  spot.outer_cone = glm::radians(outer_degrees);
  return spot;
}

class LightingRenderTest : public GpuTest {
 protected:
  ImageRgba8 render(const asset::ModelData& scene, const render::Camera& camera, const render::Lighting& lighting,
                    bool clustered, const char* png) {
    render::GpuModel model = render::upload_model(*device, scene);
    ImageRgba8 image = render(render::draw_model(model), camera, lighting, clustered, png);
    render::release_model(*device, model);
    return image;
  }

  // Writes the frame to the test output folder as `png`.
  ImageRgba8 render(const render::DrawList& draws, const render::Camera& camera, const render::Lighting& lighting,
                    bool clustered, const char* png, const render::FrameEffects* effects = nullptr) {
    render::OffscreenOptions options;
    options.clustered_lights = clustered;
    options.effects = effects;
    auto image = render::render_offscreen(*device, draws, camera, lighting, kExtent, options);
    EXPECT_TRUE(image.ok()) << image.error().message;
    if (!image) return {};
    EXPECT_TRUE(write_png(std::filesystem::path(KAGAMI_TEST_OUTPUT_DIR) / png, *image).ok());
    return *image;
  }

  // Brightness (sum of sRGB channels) where a world point lands on screen.
  int brightness_at(const ImageRgba8& image, const render::Camera& camera, glm::vec3 world) const {
    glm::vec4 clip = camera.view_projection(float(kExtent.width) / float(kExtent.height)) * glm::vec4(world, 1.0f);
    glm::vec2 ndc = glm::vec2(clip) / clip.w;
    int x = int((ndc.x * 0.5f + 0.5f) * float(kExtent.width));
    int y = int((ndc.y * 0.5f + 0.5f) * float(kExtent.height));
    EXPECT_TRUE(x >= 0 && y >= 0 && x < int(kExtent.width) && y < int(kExtent.height));
    if (image.pixels.empty() || x < 0 || y < 0 || x >= int(kExtent.width) || y >= int(kExtent.height)) return 0;
    const std::uint8_t* p = &image.pixels[(std::size_t(y) * image.width + std::size_t(x)) * 4];
    return int(p[0]) + p[1] + p[2];
  }

  static constexpr VkExtent2D kExtent{256, 192};
};

}  // namespace kagami::testing
