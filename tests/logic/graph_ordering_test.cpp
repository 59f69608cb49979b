// Execution order (stable topological order) and resource lifetimes.
#include "graph_test_support.h"
#include <gtest/gtest.h>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/demo_frame.h"

using namespace kagami::graph;
using kagami::graph::testing::compile_ok;
using kagami::graph::testing::kColor;

namespace {

std::vector<std::string> order(const CompiledGraph& g) {
  std::vector<std::string> names;
  for (const CompiledPass& p : g.passes) names.emplace_back(g.pass_name(p.id));
  return names;
}

using Names = std::vector<std::string>;

PassId independent(RenderGraph& graph, const char* name) {
  return graph.add_pass(name, QueueKind::compute, [&](PassBuilder& p) {
    p.write(p.create_buffer(std::string(name) + "_out", {64}), Usage::storage_write);
  }, PassFlags::side_effects);
}

}  // namespace

TEST(GraphOrdering, DeclarationOrderIsKeptWhenLegal) {
  RenderGraph graph;
  for (const char* name : {"e", "d", "c", "b", "a"}) independent(graph, name);
  EXPECT_EQ(order(compile_ok(graph)), (Names{"e", "d", "c", "b", "a"}));
}

TEST(GraphOrdering, ExplicitDependencyMovesOnlyWhatItMust) {
  RenderGraph graph;
  const PassId a = independent(graph, "a");
  independent(graph, "b");
  const PassId c = independent(graph, "c");
  independent(graph, "d");
  graph.add_dependency(c, a);  // c must run before a
  const CompiledGraph g = compile_ok(graph);
  EXPECT_EQ(order(g), (Names{"b", "c", "a", "d"}));
  for (std::uint32_t pos = 0; pos < g.passes.size(); ++pos) {
    EXPECT_EQ(g.pass_info[g.passes[pos].id.index].order, pos);
    EXPECT_EQ(g.find_pass(g.passes[pos].id), &g.passes[pos]);
  }
}

TEST(GraphOrdering, ReadersRunBeforeTheNextWriter) {
  RenderGraph graph;
  TextureHandle v1, v2;
  const PassId first = graph.add_pass("early_pick", QueueKind::compute, [](PassBuilder&) {}, PassFlags::side_effects);
  graph.add_pass("write", QueueKind::raster, [&](PassBuilder& p) {
    v1 = p.write(p.create_texture("target", kColor), Usage::color_attachment);
  });
  const PassId reader = graph.add_pass("read", QueueKind::raster, [&](PassBuilder& p) { p.read(v1, Usage::sampled); },
                                       PassFlags::side_effects);
  graph.add_pass("overwrite", QueueKind::raster, [&](PassBuilder& p) { v2 = p.write(v1, Usage::color_attachment); },
                 PassFlags::side_effects);
  // Pushing the first pass to the end forces a real topological sort; the
  // write-after-read edge must still put "read" before "overwrite".
  graph.add_dependency(reader, first);
  const CompiledGraph g = compile_ok(graph);
  EXPECT_EQ(order(g), (Names{"write", "read", "early_pick", "overwrite"}));
}

TEST(GraphOrdering, LifetimesSpanFirstToLastLiveUse) {
  RenderGraph graph;
  const DemoFrame f = add_demo_frame(graph);
  const CompiledGraph g = compile_ok(graph);
  auto span = [&](ResourceId id) {
    return std::pair<std::uint32_t, std::uint32_t>{g.resources[id.index].first_use, g.resources[id.index].last_use};
  };
  using Span = std::pair<std::uint32_t, std::uint32_t>;
  EXPECT_EQ(span(f.shadow_map), (Span{0, 2}));
  EXPECT_EQ(span(f.depth), (Span{1, 3}));
  EXPECT_EQ(span(f.hdr), (Span{2, 5}));
  EXPECT_EQ(span(f.bloom_chain), (Span{4, 5}));
  EXPECT_EQ(span(f.ldr), (Span{5, 7}));
  EXPECT_EQ(span(f.scene_geometry), (Span{0, 2}));
  EXPECT_EQ(span(f.swapchain), (Span{7, 7}));
  // Usage flags the executor creates the images with.
  EXPECT_EQ(g.resources[f.hdr.index].image_usage, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT);
  EXPECT_EQ(g.resources[f.depth.index].image_usage,
            VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT);
  EXPECT_EQ(g.resources[f.ldr.index].image_usage,
            VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT);
  EXPECT_EQ(g.resources[f.bloom_chain.index].image_usage, VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT);
}

TEST(GraphOrdering, LifetimesFollowExecutionOrderNotDeclarationOrder) {
  RenderGraph graph;
  BufferHandle buf;
  const PassId make = graph.add_pass("make", QueueKind::compute, [&](PassBuilder& p) {
    buf = p.write(p.create_buffer("data", {256}), Usage::storage_write);
  });
  const PassId late = independent(graph, "late");
  graph.add_pass("use", QueueKind::compute, [&](PassBuilder& p) { p.read(buf, Usage::storage_read); },
                 PassFlags::side_effects);
  graph.add_dependency(late, make);  // late now runs first
  const CompiledGraph g = compile_ok(graph);
  EXPECT_EQ(order(g), (Names{"late", "make", "use"}));
  EXPECT_EQ(g.resources[buf.index].first_use, 1u);
  EXPECT_EQ(g.resources[buf.index].last_use, 2u);
}
