// `kagami edit [SCENE]`: the editor in a window. With --frames N it quits
// after N frames and prints how long the first interactive frame took and the
// frame times (how the editor's figures are measured); --out PNG writes a
// screenshot of the last frame.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "commands.h"
#include "kagami/editor/editor.h"
#include "kagami/editor/window_loop.h"
#include "kagami/gpu/swapchain.h"
#include "model_view.h"
#include "window.h"

namespace kagami::app {
namespace {

void print_frame_times(const char* label, std::vector<double> ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  std::printf("%-16s frames %4zu  median %7.2f ms  p95 %7.2f ms  worst %7.2f ms\n", label, ms.size(), ms[ms.size() / 2],
              ms[ms.size() * 95 / 100], ms.back());
}

}  // namespace

Result<void> run_edit(const Options& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.positional.size() > 1) return make_error("edit takes one scene file, not ", options.positional.size());
  if (options.headless || !display_available())
    return make_error("edit needs a window: no display (set DISPLAY, or run under xvfb-run)");
  auto opened = open_window_and_device(options, "Kagami editor");
  if (!opened) return opened.error();
  auto& window = opened->window;
  gpu::Device& gpu = *opened->device;
  VkSurfaceKHR surface = window->create_surface(gpu.context().instance());
  Result<void> result;
  {
    // --frames measures: frames then run as fast as they can instead of at the display's rate.
    gpu::Swapchain swapchain(gpu, surface, /*vsync=*/!options.frame_limit);
    editor::EditorOptions editor_options;
    editor_options.cache_dir = options.cache ? *options.cache : KAGAMI_DEFAULT_CACHE_DIR;
    editor_options.project_root = KAGAMI_SOURCE_ROOT;
    auto editor = editor::Editor::create(gpu, swapchain.format(), editor_options);
    if (!editor) result = editor.error();
    else if (!options.positional.empty()) result = (*editor)->open(options.positional[0]);
    if (result && options.sequence) result = (*editor)->open_sequence(*options.sequence);
    const double setup_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    editor::WindowRunOptions run;
    run.frame_limit = options.frame_limit;
    if (options.out) run.screenshot = *options.out;
    auto report = result ? editor::run_editor_window(window->handle(), swapchain, gpu, **editor, run)
                         : Result<editor::WindowRunReport>(result.error());
    if (!report) {
      result = report.error();
    } else if (options.frame_limit) {
      std::printf("edit %s at %ux%u on %s\n", options.positional.empty() ? "(untitled)" : options.positional[0].c_str(),
                  swapchain.extent().width, swapchain.extent().height, gpu.context().device_name().c_str());
      std::printf("first interactive frame %.0f ms after start (%.0f ms to open the scene and set up)\n",
                  setup_ms + report->first_frame_ms, setup_ms);
      const auto& ms = report->frame_ms;
      const std::size_t split = report->first_resident.value_or(ms.size());
      print_frame_times("while streaming", {ms.begin(), ms.begin() + std::ptrdiff_t(split)});
      print_frame_times("resident", {ms.begin() + std::ptrdiff_t(split), ms.end()});
    }
    if (result && gpu.context().validation_log().error_count() > 0)
      result = make_error("the validation layer reported ", gpu.context().validation_log().error_count(), " errors");
  }
  vkDestroySurfaceKHR(gpu.context().instance(), surface, nullptr);
  return result;
}

}  // namespace kagami::app
