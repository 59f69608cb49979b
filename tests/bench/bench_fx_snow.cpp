// GPU effect benchmarks (on whatever device ranks first: lavapipe in CI).
//   fx/snow/N           simulate + draw one frame of N flakes at 1280x720 into
//                       an HDR target over the effect stage, submitted and waited
//                       for; counters: ms per 100k flakes, GPU ms of the
//                       simulation and of the draw (its lighting pass included)
//   fx/snow_simulate/N  the compute step alone
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <memory>

#include "kagami/gpu/device.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/snow_stage.h"
#include "kagami/render/snow_system.h"

namespace {

using namespace kagami;

constexpr VkFormat kHdr = VK_FORMAT_R16G16B16A16_SFLOAT;
constexpr VkExtent2D kExtent{1280, 720};

gpu::Device* bench_device() {
  static std::unique_ptr<gpu::Device> device = [] {
    gpu::ContextOptions options;
    options.app_name = "kagami-bench";
    auto created = gpu::Device::create(options);
    return created.ok() ? std::move(*created) : nullptr;
  }();
  return device.get();
}

render::SnowSettings storm(std::uint32_t count) {
  render::SnowSettings s;
  s.count = count;
  s.seed = 7;
  s.wind = {2.5f, 0.6f};
  s.look.lights.push_back({{2.0f, 4.0f, 1.0f}, {1.0f, 0.8f, 0.5f}, 30.0f, 14.0f, {0.0f, -1.0f, 0.0f}, 0.3f, 0.6f});
  return s;
}

void run_snow(benchmark::State& state, bool draw) {
  gpu::Device* device = bench_device();
  if (!device) {
    state.SkipWithError("no Vulkan device");
    return;
  }
  const auto count = std::uint32_t(state.range(0));
  auto snow = render::SnowSystem::create(*device, kHdr, render::SnowStage::kDepthFormat);
  auto stage = render::SnowStage::create(*device, kHdr);
  if (!snow.ok() || !stage.ok()) {
    state.SkipWithError("pipelines could not be created");
    return;
  }
  gpu::Image color = render::create_color_target(*device, kHdr, kExtent, "bench hdr");
  render::GraphExecutor executor(*device);
  render::FrameGraph frame;
  render::SnowSettings settings = storm(count);
  render::SnowStageSettings stage_settings;
  render::Camera camera;
  camera.position = {0.0f, 1.7f, 7.0f};
  camera.target = {0.0f, 1.1f, 0.0f};
  render::FrameTarget target{color.handle, color.view, kHdr, kExtent};
  target.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
  target.final_state = {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};

  std::uint32_t index = 0;
  double simulate_ms = 0.0, lighting_ms = 0.0, draw_ms = 0.0;
  auto one_frame = [&] {
    frame.clear();
    render::FxTime time{index, float(index + 1) / 24.0f, 1.0f / 24.0f};
    ++index;
    graph::BufferHandle particles = (*snow)->add_simulate_pass(frame, settings, time, camera);
    if (draw) {
      graph::TextureHandle image = render::import_target(frame, target, {0.02f, 0.025f, 0.035f, 1.0f});
      render::StageTargets t = (*stage)->add_pass(frame, 0, stage_settings, settings.look, camera, image, kExtent);
      (*snow)->add_draw_pass(frame, 0, settings, camera, particles, t.color, t.depth, kExtent);
    }
    device->run_now([&](VkCommandBuffer cmd) { (void)executor.execute(frame, cmd, 0); });
    // GPU times measured the last time slot 0 ran (the previous frame).
    const auto& compiled = executor.compiled();
    for (const auto& pass : compiled.passes) {
      std::string_view name = compiled.pass_name(pass.id);
      double ms = executor.timings()[pass.id.index].gpu_ms;
      if (name == "snow simulate") simulate_ms = ms;
      if (name == "snow draw lighting") lighting_ms = ms;
      if (name == "snow draw") draw_ms = ms;
    }
  };
  for (int i = 0; i < 3; ++i) one_frame();  // spawn, warm caches and pipelines
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) one_frame();
  const double frame_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() /
                          double(std::max<benchmark::IterationCount>(state.iterations(), 1));
  state.counters["ms_per_100k"] = frame_ms * 1e5 / double(count);
  state.counters["gpu_simulate_ms"] = simulate_ms;
  if (draw) state.counters["gpu_draw_ms"] = lighting_ms + draw_ms;
  device->wait_idle();
  device->retire(color);
}

void fx_snow(benchmark::State& state) { run_snow(state, true); }
void fx_snow_simulate(benchmark::State& state) { run_snow(state, false); }

}  // namespace

BENCHMARK(fx_snow)->Name("fx/snow")->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(fx_snow_simulate)->Name("fx/snow_simulate")->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime();
