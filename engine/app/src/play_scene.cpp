// `kagami play --scene FILE --headless --frames N`: plays a location offscreen
// while it streams in, the way the cinematic will, and reports frame times
// while streaming and once resident.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "commands.h"
#include "kagami/core/job_system.h"
#include "kagami/core/log.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/readback.h"
#include "kagami/render/scene_streamer.h"
#include "kagami/render/scene_view.h"
#include "kagami/scene/scene_io.h"
#include "model_view.h"

namespace kagami::app {
namespace {

struct FrameTimes {
  std::vector<double> ms;
  void print(const char* label) const {
    if (ms.empty()) return;
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    double median = sorted[sorted.size() / 2];
    std::printf("%-18s frames %4zu  median %7.2f ms  p95 %7.2f ms  worst %7.2f ms  worst/median %.2f\n", label,
                sorted.size(), median, sorted[sorted.size() * 95 / 100], sorted.back(), sorted.back() / median);
  }
};

}  // namespace

Result<void> play_scene_headless(const Options& options) {
  auto scene = scene::load_scene(*options.scene);
  if (!scene) return scene.error();
  auto created = gpu::Device::create(context_options(options));
  if (!created) return created.error();
  gpu::Device& device = **created;
  Size size = options.size.value_or(Size{640, 360});
  const VkExtent2D extent{size.width, size.height};
  constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;

  Result<void> result;
  {
    JobSystem jobs;
    asset::StreamingBudget budget;
    budget.memory_bytes = 1ull << 30;
    budget.upload_bytes_per_frame = 4ull << 20;
    render::SceneStreamer streamer(device, jobs, budget, options.cache ? *options.cache : KAGAMI_DEFAULT_CACHE_DIR);
    auto handle = streamer.add_scene(*scene);
    if (!handle) return handle.error();
    gpu::FrameRing frames(device);
    auto renderer = render::ForwardRenderer::create(device, kFormat);
    if (!renderer) return renderer.error();
    gpu::Image color = render::create_color_target(device, kFormat, extent, "player target");
    render::FrameTarget target{color.handle, color.view, kFormat, extent};
    // The same image every frame: each frame waits for the last one's writes.
    target.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                      VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
    target.final_state = {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                          VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};

    render::Lighting lighting = render::scene_lighting(*scene);
    Aabb bounds = scene->streaming.bounds.value_or(Aabb{glm::vec3(-100.0f), glm::vec3(100.0f)});
    render::DrawList draws;
    FrameTimes streaming, resident;
    const unsigned total = options.frame_limit.value_or(240);
    for (unsigned frame = 0; frame < total && result.ok(); ++frame) {
      auto start = std::chrono::steady_clock::now();
      VkCommandBuffer cmd = frames.begin();
      render::Camera camera = orbit_camera(bounds, float(extent.width) / float(extent.height), frame / 60.0);
      streamer.request_near(*handle, camera.position);  // the whole location, nearest models first
      streamer.update(cmd, frames.slot(), frame + 1);
      const bool complete = streamer.scene_resident(*handle);
      draws.clear();
      render::add_scene_draws(draws, *scene, [&](std::string_view id) { return streamer.resident(*handle, id); });
      draws.sort();
      result = (*renderer)->record(cmd, frames.slot(), draws, camera, lighting, target);
      frames.end_and_submit({}, {});
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      (complete ? resident : streaming).ms.push_back(ms);
      // KAGAMI_FRAME_LOG=1 prints every frame with its camera: how slow frames are tracked down.
      if (std::getenv("KAGAMI_FRAME_LOG"))
        std::fprintf(stderr, "frame %u %.1f ms %s cam %.1f %.1f %.1f near %.2f far %.1f\n", frame, ms,
                     complete ? "resident" : "streaming", camera.position.x, camera.position.y, camera.position.z,
                     camera.near_plane, camera.far_plane);
    }
    device.wait_idle();
    std::printf("%s at %ux%u on %s\n", scene->name.c_str(), extent.width, extent.height,
                device.context().device_name().c_str());
    streaming.print("while streaming");
    resident.print("resident");
    auto stats = streamer.stats();
    std::printf("assets resident %zu of %zu (%s)\n", stats.resident, streamer.scheduler().asset_count(),
                format_bytes(stats.resident_bytes).c_str());
    device.retire(color);
  }
  if (result && device.context().validation_log().error_count() > 0)
    result = make_error("the validation layer reported ", device.context().validation_log().error_count(), " errors");
  return result;
}

}  // namespace kagami::app
