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

Result<void> run_edit(const Options& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.positional.size() > 1) return make_error("edit takes one scene file, not ", options.positional.size());
  if (options.headless || !display_available())
    return make_error("edit needs a window: no display (set DISPLAY, or run under xvfb-run)");
  Size size = options.size.value_or(Size{1280, 720});
  auto window = Window::open(size.width, size.height, "Kagami editor");
  if (!window) return window.error();
  gpu::ContextOptions context = context_options(options);
  context.instance_extensions = Window::required_instance_extensions();
  context.want_swapchain = true;
  auto device = gpu::Device::create(context);
  if (!device) return device.error();
  gpu::Device& gpu = **device;
  VkSurfaceKHR surface = (*window)->create_surface(gpu.context().instance());
  Result<void> result;
  {
    gpu::Swapchain swapchain(gpu, surface, /*vsync=*/true);
    editor::EditorOptions editor_options;
    editor_options.cache_dir = options.cache ? *options.cache : KAGAMI_DEFAULT_CACHE_DIR;
    editor_options.project_root = KAGAMI_SOURCE_ROOT;
    auto editor = editor::Editor::create(gpu, swapchain.format(), editor_options);
    if (!editor) return editor.error();
    if (!options.positional.empty())
      if (auto opened = (*editor)->open(options.positional[0]); !opened) return opened.error();
    const double setup_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    editor::WindowRunOptions run;
    run.frame_limit = options.frame_limit;
    if (options.out) run.screenshot = *options.out;
    auto report = editor::run_editor_window((*window)->handle(), swapchain, gpu, **editor, run);
    if (!report) {
      result = report.error();
    } else if (options.frame_limit) {
      std::vector<double> ms = report->frame_ms;
      std::sort(ms.begin(), ms.end());
      std::printf("edit %s at %ux%u on %s\n", options.positional.empty() ? "(untitled)" : options.positional[0].c_str(),
                  swapchain.extent().width, swapchain.extent().height, gpu.context().device_name().c_str());
      std::printf("first interactive frame %.0f ms after start (%.0f ms to open the scene and set up)\n",
                  setup_ms + report->first_frame_ms, setup_ms);
      if (!ms.empty())
        std::printf("frames %zu  median %.2f ms  p95 %.2f ms  worst %.2f ms  scene %s\n", ms.size(), ms[ms.size() / 2],
                    ms[ms.size() * 95 / 100], ms.back(), (*editor)->scene_resident() ? "resident" : "still streaming");
    }
    if (result && gpu.context().validation_log().error_count() > 0)
      result = make_error("the validation layer reported ", gpu.context().validation_log().error_count(), " errors");
  }
  vkDestroySurfaceKHR(gpu.context().instance(), surface, nullptr);
  return result;
}

}  // namespace kagami::app
