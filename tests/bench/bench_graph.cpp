// Render graph compiler benchmarks.
//   graph/compile/N   compile a realistic N-pass graph (the graph is built once)
//   graph/build/N     declare the same graph (setup lambdas, handles, versions)
//   graph/demo_frame  compile the reference frame; counters report the memory
//                     aliasing saves at 1920x1080 (64 KiB alignment, size = bytes)
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/demo_frame.h"

namespace {

using namespace kagami::graph;

// A frame-shaped chain: each pass reads one to three recent outputs (fan-in),
// outputs are read by several later passes (fan-out), some passes blend onto an
// existing target (read-modify-write), every fifth pass is compute, every
// eighth reads a scene buffer, and the last one copies to the swapchain.
// Outputs nobody reads make their passes culled, as in a real frame.
void build_chain(RenderGraph& graph, int passes, std::uint32_t seed) {
  std::mt19937 rng(seed);
  graph.clear();
  graph.reserve(static_cast<std::size_t>(passes), static_cast<std::size_t>(passes) + 4,
                static_cast<std::size_t>(passes) * 4);
  const BufferHandle scene = graph.import_buffer(
      "scene", {{1u << 20}, {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE}, {}, true, false});
  TextureHandle swapchain = graph.import_texture(
      "swapchain", {{VK_FORMAT_B8G8R8A8_UNORM, 1920, 1080},
                    {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_NONE},
                    ResourceState{VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE}});
  constexpr std::size_t kWindow = 8;
  std::vector<TextureHandle> recent;  // newest last
  recent.reserve(kWindow + 1);
  char name[32];
  for (int i = 0; i + 1 < passes; ++i) {
    const bool compute = i % 5 == 4;
    std::snprintf(name, sizeof(name), "pass_%d", i);
    graph.add_pass(name, compute ? QueueKind::compute : QueueKind::raster, [&](PassBuilder& pass) {
      // Blend onto an existing target a quarter of the time (raster only).
      std::size_t target = kWindow;
      if (!compute && recent.size() > 2 && rng() % 4 == 0) target = rng() % recent.size();
      const std::size_t reads = recent.empty() ? 0 : 1 + rng() % std::min<std::size_t>(3, recent.size());
      for (std::size_t r = 0; r < reads; ++r) {
        const std::size_t pick = recent.size() - 1 - rng() % recent.size();
        if (pick != target) pass.read(recent[pick], Usage::sampled);
      }
      if (i % 8 == 0) pass.read(scene, Usage::uniform);
      if (target != kWindow) {
        recent[target] = pass.write(recent[target], Usage::color_attachment);
        return;
      }
      std::snprintf(name, sizeof(name), "target_%d", i);
      const std::uint32_t scale = 1u + static_cast<std::uint32_t>(rng() % 2);
      TextureHandle out = pass.create_texture(name, {VK_FORMAT_R16G16B16A16_SFLOAT, 1920 / scale, 1080 / scale});
      out = pass.write(out, compute ? Usage::storage_write : Usage::color_attachment);
      if (recent.size() == kWindow) recent.erase(recent.begin());
      recent.push_back(out);
    });
  }
  graph.add_pass("present", QueueKind::transfer, [&](PassBuilder& pass) {
    if (!recent.empty()) pass.read(recent.back(), Usage::transfer_src);
    swapchain = pass.write(swapchain, Usage::transfer_dst);
  });
}

void graph_compile(benchmark::State& state) {
  const int passes = static_cast<int>(state.range(0));
  RenderGraph graph;
  build_chain(graph, passes, 1234);
  const MemoryRequirementsFn requirements = fake_memory_requirements();
  CompiledGraph compiled;
  for (auto _ : state) {
    auto ok = compile_into(graph, {}, requirements, compiled);
    if (!ok) {
      state.SkipWithError(ok.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(compiled.passes.data());
  }
  state.SetComplexityN(passes);
  state.counters["live_passes"] = static_cast<double>(compiled.passes.size());
  state.counters["barriers"] = static_cast<double>(compiled.image_barriers.size() + compiled.buffer_barriers.size());
  // Seconds per declared pass (printed with an SI prefix: "250n" is 250 ns).
  state.counters["time_per_pass"] = benchmark::Counter(
      static_cast<double>(passes), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(graph_compile)->Name("graph/compile")->Arg(10)->Arg(100)->Arg(1000)->Arg(5000)->Complexity(benchmark::oN);

void graph_build(benchmark::State& state) {
  const int passes = static_cast<int>(state.range(0));
  RenderGraph graph;
  for (auto _ : state) {
    build_chain(graph, passes, 1234);
    benchmark::DoNotOptimize(graph.passes().data());
  }
  state.SetComplexityN(passes);
}
BENCHMARK(graph_build)->Name("graph/build")->Arg(10)->Arg(100)->Arg(1000)->Arg(5000)->Complexity(benchmark::oN);

void graph_demo_frame(benchmark::State& state) {
  RenderGraph graph;
  add_demo_frame(graph, 1920, 1080);
  const MemoryRequirementsFn requirements = fake_memory_requirements(64 * 1024);
  CompiledGraph compiled;
  for (auto _ : state) {
    auto ok = compile_into(graph, {}, requirements, compiled);
    if (!ok) {
      state.SkipWithError(ok.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(compiled.passes.data());
  }
  const double with = static_cast<double>(compiled.bytes_with_aliasing);
  const double without = static_cast<double>(compiled.bytes_without_aliasing);
  state.counters["MiB_with_aliasing"] = with / (1024.0 * 1024.0);
  state.counters["MiB_without_aliasing"] = without / (1024.0 * 1024.0);
  state.counters["MiB_saved"] = (without - with) / (1024.0 * 1024.0);
  state.counters["saved_pct"] = without > 0 ? 100.0 * (without - with) / without : 0.0;
}
BENCHMARK(graph_demo_frame)->Name("graph/demo_frame");

}  // namespace
