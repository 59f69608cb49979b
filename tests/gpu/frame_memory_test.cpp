// Rendering frame after frame with a moving camera holds host memory steady.
// Lavapipe (Mesa 22.x) once grew by megabytes a frame here: it compiled a new
// shader for every bind of a shader whose loops or branches read a uniform
// buffer (the fog's light count, the sky, the forward pass's light loops) and
// never freed it. The per-frame blocks are storage buffers since; this test
// renders the passes that leaked (sun and its shadows, point, spot and
// directional lights, fog with light beams, sky, post) and fails if resident memory climbs.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "gpu_fixture.h"
#include "ground_and_cube.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/forward_renderer.h"

namespace kagami {
namespace {

// Resident set size of this process, in bytes (Linux: /proc/self/statm).
std::uint64_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t total_pages = 0, resident_pages = 0;
  statm >> total_pages >> resident_pages;
  return resident_pages * std::uint64_t(sysconf(_SC_PAGESIZE));
}

render::Lighting foggy_night_with_lamps() {
  render::Lighting lighting;
  lighting.look.fog.density = 0.04f;
  lighting.look.fog.scattering = 1.0f;
  for (int i = 0; i < 4; ++i) {
    render::PunctualLight lamp;
    lamp.spot = i % 2 == 0;
    lamp.position = {-9.0f + 6.0f * float(i), 6.0f, -4.0f};
    lamp.direction = {0.0f, -1.0f, 0.0f};
    lamp.radiant_intensity = glm::vec3(200.0f, 160.0f, 120.0f);
    lamp.range = 14.0f;
    lamp.inner_cone = glm::radians(15.0f);
    lamp.outer_cone = glm::radians(25.0f);
    lamp.shadows = true;
    lighting.lights.push_back(lamp);
  }
  render::DirectionalLight moon;
  moon.direction = glm::normalize(glm::vec3(0.3f, -1.0f, 0.2f));
  moon.radiance = glm::vec3(0.2f, 0.25f, 0.4f);
  lighting.directional_lights.push_back(moon);
  return lighting;
}

class FrameMemoryTest : public testing::GpuTest {};

TEST_F(FrameMemoryTest, ResidentMemoryStaysFlatOverFramesWithAMovingCamera) {
  constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
  constexpr VkExtent2D kExtent{160, 90};
  render::GpuModel model = render::upload_model(*device, testing::test_scene(true));
  const render::DrawList draws = render::draw_model(model);
  const render::Lighting lighting = foggy_night_with_lamps();
  auto renderer = render::ForwardRenderer::create(*device, kFormat);
  ASSERT_TRUE(renderer.ok()) << renderer.error().message;
  gpu::Image color = render::create_color_target(*device, kFormat, kExtent, "memory test target");
  render::FrameTarget target{color.handle, color.view, kFormat, kExtent};
  target.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                    VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
  target.final_state = {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                        VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};

  std::uint64_t after_warm_up = 0;
  {
    gpu::FrameRing frames(*device);
    constexpr int kWarmUp = 12, kMeasured = 48;
    for (int frame = 0; frame < kWarmUp + kMeasured; ++frame) {
      // A new camera every frame, so every per-frame value differs.
      const float angle = 0.15f * float(frame);
      render::Camera camera;
      camera.position = {18.0f * std::sin(angle), 9.0f, 18.0f * std::cos(angle)};
      camera.target = {0.0f, 1.0f, 0.0f};
      VkCommandBuffer cmd = frames.begin();
      auto recorded = (*renderer)->record(cmd, frames.slot(), draws, camera, lighting, target);
      frames.end_and_submit({}, {});
      ASSERT_TRUE(recorded.ok()) << recorded.error().message;
      if (frame + 1 == kWarmUp) {
        device->wait_idle();
        after_warm_up = resident_bytes();
      }
    }
    device->wait_idle();
  }
  const std::uint64_t after = resident_bytes();
  // The leak grew ~2.5 MB a frame on this scene (120 MB over these frames);
  // allocator noise and the validation layer's bookkeeping stay far below.
  const double grown_mib = (double(after) - double(after_warm_up)) / (1024.0 * 1024.0);
  std::printf("resident memory: %.1f MiB after warm-up, grew %.1f MiB over 48 frames\n", double(after_warm_up) / 1048576.0, grown_mib);
  EXPECT_LT(grown_mib, 24.0) << "resident memory grew by " << grown_mib << " MiB over 48 frames";
  device->retire(color);
  render::release_model(*device, model);
}

}  // namespace
}  // namespace kagami
