#include <chrono>
#include <cstdio>

#include "commands.h"
#include "kagami/core/log.h"
#include "kagami/gpu/frames.h"
#include "kagami/gpu/swapchain.h"
#include "kagami/render/forward_renderer.h"
#include "model_view.h"
#include "window.h"

namespace kagami::app {
namespace {

constexpr const char* kDefaultHeadlessOut = "out/kagami.png";

// Plays in a window until it is closed (or --frames N have been shown).
Result<void> play_in_window(const Options& options, const asset::ModelData& model) {
  auto opened = open_window_and_device(options, "Kagami");
  if (!opened) return opened.error();
  auto& window = opened->window;
  LoadedModel loaded;
  loaded.device = std::move(opened->device);
  gpu::Device& gpu = *loaded.device;
  loaded.model = render::upload_model(gpu, model);

  VkSurfaceKHR surface = window->create_surface(gpu.context().instance());
  Result<void> result;
  {
    gpu::Swapchain swapchain(gpu, surface, /*vsync=*/true);
    gpu::FrameRing frames(gpu);
    auto renderer = render::ForwardRenderer::create(gpu, swapchain.format());
    if (!renderer) return renderer.error();

    render::DrawList draws = render::draw_model(loaded.model);
    auto last_title = std::chrono::steady_clock::now();
    std::uint64_t shown = 0;
    double frame_ms = 0.0;
    while (!window->should_close() && (!options.frame_limit || shown < *options.frame_limit)) {
      auto start = std::chrono::steady_clock::now();
      window->poll();
      std::uint32_t w = 0, h = 0;
      window->framebuffer_size(&w, &h);
      VkCommandBuffer cmd = frames.begin();
      if (swapchain.acquire(w, h, frames.image_available()) == gpu::AcquireStatus::skip) {
        frames.end_and_submit({}, {});  // minimised or resized: nothing to draw this time
        continue;
      }
      // Time comes from the frame index (deterministic), at 60 frames per second.
      double seconds = double(shown) / 60.0;
      VkExtent2D extent = swapchain.extent();
      render::Camera camera = orbit_camera(loaded.model.bounds, float(extent.width) / float(extent.height), seconds);
      render::FrameTarget target{swapchain.image(), swapchain.view(), swapchain.format(), extent};
      if (auto recorded = (*renderer)->record(cmd, frames.slot(), draws, camera, render::Lighting{}, target);
          !recorded)
        return recorded.error();

      gpu::submit_and_present(frames, swapchain);
      ++shown;

      auto end = std::chrono::steady_clock::now();
      frame_ms = 0.9 * frame_ms + 0.1 * std::chrono::duration<double, std::milli>(end - start).count();
      if (end - last_title > std::chrono::milliseconds(500)) {
        char title[96];
        std::snprintf(title, sizeof title, "Kagami  %.2f ms/frame  %ux%u", frame_ms, extent.width, extent.height);
        window->set_title(title);
        last_title = end;
      }
    }
    gpu.wait_idle();
    log::info("played ", shown, " frames");
    if (gpu.context().validation_log().error_count() > 0)
      result = make_error("the validation layer reported ", gpu.context().validation_log().error_count(), " errors");
  }
  vkDestroySurfaceKHR(gpu.context().instance(), surface, nullptr);
  return result;
}

}  // namespace

Result<void> run_play(const Options& options) {
  if (!options.model && !options.scene) return play_film(options);
  if (options.scene) {
    if (!options.headless && display_available())
      return make_error("play --scene opens no window yet: add --headless to play it offscreen with frame times");
    return play_scene_headless(options);
  }
  std::string model_path = options.model.value_or(KAGAMI_DEFAULT_MODEL);
  auto model = asset::import_model(model_path);
  if (!model) return model.error();
  if (!options.headless && display_available()) return play_in_window(options, *model);

  // No display: render the first frame offscreen so the run still shows something.
  Options offline = options;
  offline.model = model_path;
  offline.out = options.out.value_or(kDefaultHeadlessOut);
  log::info("no display (or --headless): rendering to ", *offline.out, " instead of a window");
  return run_render(offline);
}

}  // namespace kagami::app
