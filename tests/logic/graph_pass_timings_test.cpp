// The player's overlay lines: the slowest passes of a compiled graph by GPU time.
#include <gtest/gtest.h>

#include "kagami/graph/demo_frame.h"
#include "kagami/graph/pass_timings.h"
#include "graph_test_support.h"

using namespace kagami::graph;

TEST(PassTimings, SlowestPassesComeFirstAndCulledOnesAreLeftOut) {
  RenderGraph graph;
  add_demo_frame(graph);
  // Writes an image nothing reads: culled.
  graph.add_pass("debug view", QueueKind::raster, [&](PassBuilder& p) {
    p.write(p.create_texture("debug_view", {VK_FORMAT_R8G8B8A8_UNORM, 64, 64}), Usage::color_attachment);
  });
  auto compiled = compile(graph, {}, fake_memory_requirements());
  ASSERT_TRUE(compiled.ok()) << compiled.error().message;
  const CompiledGraph& g = *compiled;
  ASSERT_GE(g.passes.size(), 3u);
  std::vector<PassTiming> timings(g.pass_info.size());
  // The second pass in execution order is the slowest, the last one next.
  timings[g.passes[1].id.index].gpu_ms = 5.0;
  timings[g.passes.back().id.index].gpu_ms = 2.0;
  timings[g.passes[0].id.index].gpu_ms = 0.5;
  ASSERT_EQ(g.culled_passes().size(), 1u);
  timings[g.culled_passes()[0].index].gpu_ms = 9.0;  // a stale figure: must not show
  std::vector<PassCost> slowest = slowest_passes(g, timings, 2);
  ASSERT_EQ(slowest.size(), 2u);
  EXPECT_EQ(slowest[0].name, g.pass_name(g.passes[1].id));
  EXPECT_DOUBLE_EQ(slowest[0].gpu_ms, 5.0);
  EXPECT_EQ(slowest[1].name, g.pass_name(g.passes.back().id));
  EXPECT_DOUBLE_EQ(total_gpu_ms(g, timings), 7.5);
  // Without timings yet (the first frames), every live pass is listed at 0 ms.
  EXPECT_EQ(slowest_passes(g, {}, 100).size(), g.passes.size());
  EXPECT_DOUBLE_EQ(total_gpu_ms(g, {}), 0.0);
}
