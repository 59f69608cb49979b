// `kagami play [SEQUENCE|FILM]`: the film in a window, in real time. Space
// pauses, left/right seek 5 s, period/comma step one frame while paused; a
// frame-time overlay with per-pass GPU timings is drawn by the engine's text
// pass. Film time is the only input to a frame, so a paused, stepped or sought
// frame is the frame the offline render writes. Locations stream in on worker
// threads, a budgeted slice per frame, starting a streaming lead before their
// act; playback starts once the first act's location is whole. With no display
// (or --headless) it renders offline at a size and rate that finish on a
// 2-core CPU, and says where the output is.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "commands.h"
#include "frame_sink.h"
#include "kagami/core/log.h"
#include "kagami/core/strings.h"
#include "kagami/gpu/frames.h"
#include "kagami/gpu/swapchain.h"
#include "kagami/graph/pass_timings.h"
#include "kagami/player/film_renderer.h"
#include "window.h"

namespace kagami::app {
namespace {

// A key's press, once (GLFW reports levels; the player wants edges).
struct KeyEdges {
  GLFWwindow* window;
  bool down[GLFW_KEY_LAST + 1] = {};
  bool pressed(int key) {
    bool now = glfwGetKey(window, key) == GLFW_PRESS;
    bool edge = now && !down[key];
    down[key] = now;
    return edge;
  }
};

// The last measured frame's GPU time and its slowest passes, one line each,
// under the frame-time line (timestamps arrive once a frame slot retires).
void add_pass_timings(render::TextRenderer& text, const render::GraphExecutor& executor, render::TextStyle style,
                      glm::vec2 at) {
  constexpr std::size_t kLines = 6;
  const graph::CompiledGraph& compiled = executor.compiled();
  char line[96];
  std::snprintf(line, sizeof line, "gpu %6.2f ms", graph::total_gpu_ms(compiled, executor.timings()));
  style.size = 15.0f;
  text.add(line, at, style);
  for (const graph::PassCost& pass : graph::slowest_passes(compiled, executor.timings(), kLines)) {
    at.y += 18.0f;
    std::snprintf(line, sizeof line, "  %-16.16s %6.2f ms", pass.name.c_str(), pass.gpu_ms);
    text.add(line, at, style);
  }
}

Result<void> play_film_in_window(const Options& options, const sequencer::Film& film) {
  auto opened = open_window_and_device(options, "Kagami");
  if (!opened) return opened.error();
  auto& window = opened->window;
  gpu::Device& gpu = *opened->device;
  VkSurfaceKHR surface = window->create_surface(gpu.context().instance());
  Result<void> result;
  {
    gpu::Swapchain swapchain(gpu, surface, /*vsync=*/true);
    gpu::FrameRing frames(gpu);
    const Size size = options.size.value_or(Size{1280, 720});
    player::LiveStreaming live;
    live.budget.memory_bytes = 1ull << 30;  // two locations at once, with room
    live.cache_dir = options.cache ? *options.cache : KAGAMI_DEFAULT_CACHE_DIR;
    auto player = player::FilmRenderer::create(gpu, film, {size.width, size.height}, swapchain.format(), live);
    if (!player) return player.error();
    KeyEdges keys{window->handle()};
    const double fps = film.acts.front().sequence.frame_rate.fps();
    double t = 0.0, frame_ms = 0.0;
    bool paused = false, waiting = true;  // waiting: for the first act's location, before the clock starts
    std::uint64_t shown = 0, frame_number = 1;
    auto last = std::chrono::steady_clock::now();
    while (!window->should_close() && (!options.frame_limit || shown < *options.frame_limit) && t < film.duration()) {
      window->poll();
      auto now = std::chrono::steady_clock::now();
      double dt = std::chrono::duration<double>(now - last).count();
      last = now;
      if (keys.pressed(GLFW_KEY_SPACE)) paused = !paused;
      if (keys.pressed(GLFW_KEY_RIGHT)) t += 5.0;
      if (keys.pressed(GLFW_KEY_LEFT)) t -= 5.0;
      if (paused && keys.pressed(GLFW_KEY_PERIOD)) t += 1.0 / fps;
      if (paused && keys.pressed(GLFW_KEY_COMMA)) t -= 1.0 / fps;
      if (!paused && !waiting) t += options.frame_limit ? 1.0 / fps : dt;  // --frames N: frame steps, for tests
      t = std::clamp(std::round(t * fps) / fps, 0.0, film.duration());  // on the frame grid

      std::uint32_t w = 0, h = 0;
      window->framebuffer_size(&w, &h);
      VkCommandBuffer cmd = frames.begin();
      if (swapchain.acquire(w, h, frames.image_available()) == gpu::AcquireStatus::skip) {
        frames.end_and_submit({}, {});
        continue;
      }
      const VkExtent2D extent = swapchain.extent();
      render::TextStyle style;
      style.size = 18.0f;
      style.align = asset::TextAlign::left;
      style.color = glm::vec4(0.7f, 1.0f, 0.7f, 1.0f);
      style.outline = glm::vec4(0.0f, 0.0f, 0.0f, 0.9f);
      char overlay[128];
      std::snprintf(overlay, sizeof overlay, "%6.2f ms  t %6.2f / %.0f s  frame %lld%s", frame_ms, t, film.duration(),
                    (long long)std::llround(t * fps), waiting ? "  (loading)" : paused ? "  (paused)" : "");
      (*player)->text().add(overlay, {12.0f, 10.0f}, style);
      add_pass_timings((*player)->text(), (*player)->renderer().executor(), style, {12.0f, 34.0f});
      (*player)->stream(cmd, frames.slot(), frame_number++, t);
      waiting = waiting && !(*player)->location_ready(t);

      render::FrameTarget target{swapchain.image(), swapchain.view(), swapchain.format(), extent};
      render::FrameGraph& frame = (*player)->renderer().frame_graph();
      frame.clear();
      graph::TextureHandle image = render::import_target(frame, target, glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
      auto added = (*player)->add_frame(frame, frames.slot(), t, image, extent);
      if (!added) {
        result = added.error();
        frames.end_and_submit({}, {});
        break;
      }
      if (auto executed = (*player)->renderer().executor().execute(frame, cmd, frames.slot()); !executed) {
        result = executed.error();
        frames.end_and_submit({}, {});
        break;
      }
      gpu::submit_and_present(frames, swapchain);
      ++shown;
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - now).count();
      frame_ms = shown == 1 ? ms : 0.9 * frame_ms + 0.1 * ms;
    }
    gpu.wait_idle();
    std::printf("played %llu frames, up to film time %.2f s\n", (unsigned long long)shown, t);
    for (const player::LocationLoad& load : (*player)->loads())
      std::printf("act %zu (%s): requested at %.2f s, whole at %s (its act starts at %.2f s)\n", load.act + 1,
                  film.acts[load.act].location.c_str(), load.requested_at,
                  load.resident_at < 0.0 ? "never" : cat(load.resident_at, " s").c_str(), film.acts[load.act].start);
    std::printf("frames drawn before their location was whole: %llu\n", (unsigned long long)(*player)->late_frames());
    std::printf("peak resident memory: %s\n", peak_memory().c_str());
    if (result && gpu.context().validation_log().error_count() > 0)
      result = make_error("the validation layer reported ", gpu.context().validation_log().error_count(), " errors");
  }
  vkDestroySurfaceKHR(gpu.context().instance(), surface, nullptr);
  return result;
}

}  // namespace

// Offline defaults of `play` without a display: measured on lavapipe with 2
// cores (README), chosen so the whole cinematic renders in about ten minutes.
const FilmDefaults kHeadlessPlay{Size{320, 180}, 10, "out/cinematic"};

Result<void> play_film(const Options& options) {
  const std::filesystem::path source = options.positional.empty() ? default_film_path() : std::filesystem::path(options.positional.front());
  auto film = sequencer::load_film_or_sequence(source);
  if (!film) return film.error();
  if (!options.headless && display_available()) return play_film_in_window(options, *film);
  log::info("no display (or --headless): rendering ", source.string(), " offline at ",
            options.size.value_or(kHeadlessPlay.size).width, "x", options.size.value_or(kHeadlessPlay.size).height,
            ", ", options.fps.value_or(kHeadlessPlay.fps), " fps instead of a window");
  FilmDefaults defaults = kHeadlessPlay;
  if (ffmpeg_available()) defaults.out = "out/cinematic.mp4";
  return render_film(options, defaults);
}

}  // namespace kagami::app
