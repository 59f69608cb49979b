// `kagami play --scene FILE [--then NEXT] --headless --frames N`: plays a
// location offscreen while it streams in, the way the cinematic will, and
// reports frame times. With --then, the next location streams in behind the
// one being watched (a sequencer cue ahead of a cut) and the player cuts to it
// once it is resident: the case the film meets at every change of location.
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
    std::printf("%-26s frames %4zu  median %7.2f ms  p95 %7.2f ms  worst %7.2f ms  worst/median %.2f\n", label,
                sorted.size(), median, sorted[sorted.size() * 95 / 100], sorted.back(), sorted.back() / median);
  }
};

// One location the player knows: its scene, its streamer handle, its look.
struct Location {
  scene::Scene scene;
  render::SceneHandle handle = 0;
  render::Lighting lighting;
  Aabb bounds;
};

Result<Location> open_location(const std::string& path, render::SceneStreamer& streamer) {
  auto scene = scene::load_scene(path);
  if (!scene) return scene.error();
  Location location;
  location.scene = std::move(*scene);
  auto handle = streamer.add_scene(location.scene);
  if (!handle) return handle.error();
  location.handle = *handle;
  location.lighting = render::scene_lighting(location.scene);
  location.bounds = location.scene.streaming.bounds.value_or(Aabb{glm::vec3(-100.0f), glm::vec3(100.0f)});
  return location;
}

// Which set of frame times a frame belongs to, in the order they are printed.
enum Phase { kWatchedStreaming, kWatchedResident, kNextStreaming, kNextResident, kAfterCut, kPhaseCount };
const char* const kPhaseNames[kPhaseCount] = {"while streaming", "resident", "while next streams in",
                                              "next resident, before cut", "after the cut"};

}  // namespace

Result<void> play_scene_headless(const Options& options) {
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
    auto watched = open_location(*options.scene, streamer);
    if (!watched) return watched.error();
    std::optional<Location> next;
    if (options.then_scene) {
      auto opened = open_location(*options.then_scene, streamer);
      if (!opened) return opened.error();
      next = std::move(*opened);
    }

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

    render::DrawList draws;
    FrameTimes times[kPhaseCount];
    const unsigned total = options.frame_limit.value_or(240);
    // With --then: the next location is cued once the watched one is whole,
    // and the cut comes two thirds of the way through, if it is resident by then.
    const unsigned cut_frame = total * 2 / 3;
    bool cued = false, cut = false;
    for (unsigned frame = 0; frame < total && result.ok(); ++frame) {
      auto start = std::chrono::steady_clock::now();
      VkCommandBuffer cmd = frames.begin();
      Location& shown = cut ? *next : *watched;
      const float aspect = float(extent.width) / float(extent.height);
      render::Camera camera = orbit_camera(shown.bounds, aspect, frame / 60.0);
      streamer.request_near(shown.handle, camera.position);  // the whole location, nearest models first
      if (next && !cut && cued) streamer.request_scene(next->handle, asset::kCuePriority);
      streamer.update(cmd, frames.slot(), frame + 1);
      const bool shown_complete = streamer.scene_resident(shown.handle);
      const bool next_complete = next && streamer.scene_resident(next->handle);

      draws.clear();
      render::add_scene_draws(draws, shown.scene,
                              [&](std::string_view id) { return streamer.resident(shown.handle, id); });
      draws.sort();
      result = (*renderer)->record(cmd, frames.slot(), draws, camera, shown.lighting, target);
      frames.end_and_submit({}, {});
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

      Phase phase = shown_complete ? kWatchedResident : kWatchedStreaming;
      if (cut) phase = kAfterCut;
      else if (cued) phase = next_complete ? kNextResident : kNextStreaming;
      times[phase].ms.push_back(ms);
      // KAGAMI_FRAME_LOG=1 prints every frame with its camera: how slow frames are tracked down.
      if (std::getenv("KAGAMI_FRAME_LOG"))
        std::fprintf(stderr, "frame %u %.1f ms %s cam %.1f %.1f %.1f near %.2f far %.1f\n", frame, ms,
                     kPhaseNames[phase], camera.position.x, camera.position.y, camera.position.z, camera.near_plane,
                     camera.far_plane);
      if (next && !cued && shown_complete) cued = true;
      if (next && !cut && frame + 1 >= cut_frame && next_complete) cut = true;
    }
    device.wait_idle();
    std::printf("%s at %ux%u on %s\n", watched->scene.name.c_str(), extent.width, extent.height,
                device.context().device_name().c_str());
    if (next && !cut) std::printf("never cut to %s: it was not resident by frame %u\n", next->scene.name.c_str(), total);
    for (int phase = 0; phase < kPhaseCount; ++phase) times[phase].print(kPhaseNames[phase]);
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
