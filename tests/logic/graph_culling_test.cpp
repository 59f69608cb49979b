// Culling: passes live only if a root (side effects, present, a write to an
// exported import) needs what they produce.
#include "graph_test_support.h"
#include <gtest/gtest.h>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/demo_frame.h"

using namespace kagami::graph;
using kagami::graph::testing::compile_ok;
using kagami::graph::testing::kColor;

namespace {

std::vector<std::string> live_names(const CompiledGraph& g) {
  std::vector<std::string> names;
  for (const CompiledPass& p : g.passes) names.emplace_back(g.pass_name(p.id));
  return names;
}

std::vector<std::string> culled_names(const CompiledGraph& g) {
  std::vector<std::string> names;
  for (PassId id : g.culled_passes()) names.emplace_back(g.pass_name(id));
  return names;
}

using Names = std::vector<std::string>;

}  // namespace

TEST(GraphCulling, PassesNobodyNeedsAreCulledTransitively) {
  RenderGraph graph;
  TextureHandle swapchain = graph.import_texture(
      "swapchain", {kColor, {}, ResourceState{VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, 0, 0}, false, true});
  TextureHandle a, debug;
  graph.add_pass("scene", QueueKind::raster, [&](PassBuilder& p) {
    a = p.write(p.create_texture("scene_color", kColor), Usage::color_attachment);
  });
  graph.add_pass("debug_source", QueueKind::raster, [&](PassBuilder& p) {
    debug = p.write(p.create_texture("debug_a", kColor), Usage::color_attachment);
  });
  graph.add_pass("debug_view", QueueKind::compute, [&](PassBuilder& p) {
    p.read(debug, Usage::sampled);
    p.write(p.create_texture("debug_b", kColor), Usage::storage_write);
  });
  graph.add_pass("blit", QueueKind::transfer, [&](PassBuilder& p) {
    p.read(a, Usage::transfer_src);
    swapchain = p.write(swapchain, Usage::transfer_dst);
  });
  const CompiledGraph g = compile_ok(graph);
  EXPECT_EQ(live_names(g), (Names{"scene", "blit"}));
  EXPECT_EQ(culled_names(g), (Names{"debug_source", "debug_view"}));
  EXPECT_TRUE(g.pass_info[3].root);   // writes the exported swapchain
  EXPECT_FALSE(g.pass_info[0].root);  // alive only because blit needs it
  // Transients only culled passes touch get no memory and no lifetime.
  const CompiledResource& debug_a = g.resources[debug.index];
  EXPECT_FALSE(debug_a.used());
  EXPECT_EQ(debug_a.placement.heap, kInvalidIndex);
}

TEST(GraphCulling, SideEffectPassesAndTheirInputsSurvive) {
  RenderGraph graph;
  BufferHandle stats;
  graph.add_pass("histogram", QueueKind::compute, [&](PassBuilder& p) {
    stats = p.write(p.create_buffer("luminance_histogram", {1024}), Usage::storage_write);
  });
  graph.add_pass("readback", QueueKind::transfer, [&](PassBuilder& p) { p.read(stats, Usage::transfer_src); },
                 PassFlags::side_effects);
  graph.add_pass("unused", QueueKind::compute, [&](PassBuilder& p) {
    p.read(stats, Usage::storage_read);
    p.write(p.create_buffer("nobody_reads", {64}), Usage::storage_write);
  });
  const CompiledGraph g = compile_ok(graph);
  EXPECT_EQ(live_names(g), (Names{"histogram", "readback"}));
  EXPECT_EQ(culled_names(g), (Names{"unused"}));
  EXPECT_TRUE(g.pass_info[1].root);
  EXPECT_TRUE(g.pass_info[1].side_effects);

  // Without the flag the readback and everything before it disappear.
  RenderGraph plain;
  plain.add_pass("histogram", QueueKind::compute, [&](PassBuilder& p) {
    stats = p.write(p.create_buffer("luminance_histogram", {1024}), Usage::storage_write);
  });
  plain.add_pass("readback", QueueKind::transfer, [&](PassBuilder& p) { p.read(stats, Usage::transfer_src); });
  EXPECT_TRUE(compile_ok(plain).passes.empty());
}

TEST(GraphCulling, ExportedImportsAreRootsAndNonExportedOnesAreNot) {
  for (bool exported : {true, false}) {
    RenderGraph graph;
    TextureHandle history = graph.import_texture(
        "taa_history", {kColor, {VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                                 VK_ACCESS_2_SHADER_SAMPLED_READ_BIT},
                        {}, false, exported});
    TextureHandle color;
    graph.add_pass("scene", QueueKind::raster, [&](PassBuilder& p) {
      color = p.write(p.create_texture("scene_color", kColor), Usage::color_attachment);
    });
    graph.add_pass("taa_resolve", QueueKind::raster, [&](PassBuilder& p) {
      p.read(color, Usage::sampled);
      history = p.write(history, Usage::color_attachment);
    });
    const CompiledGraph g = compile_ok(graph);
    if (exported) {
      EXPECT_EQ(live_names(g), (Names{"scene", "taa_resolve"}));
    } else {
      EXPECT_TRUE(g.passes.empty()) << "a write to a non-exported import nobody reads is dead";
    }
  }
}

TEST(GraphCulling, PresentUsageIsARoot) {
  RenderGraph graph;
  TextureHandle swapchain = graph.import_texture("swapchain", {kColor, {}, {}, false, false});
  graph.add_pass("draw", QueueKind::raster, [&](PassBuilder& p) {
    swapchain = p.write(swapchain, Usage::color_attachment);
  });
  graph.add_pass("present", QueueKind::raster, [&](PassBuilder& p) { p.read(swapchain, Usage::present); });
  const CompiledGraph g = compile_ok(graph);
  // After presenting, the image is the presentation engine's.
  RenderGraph late = graph;
  late.add_pass("too_late", QueueKind::raster, [&](PassBuilder& p) { p.write(swapchain, Usage::color_attachment); });
  ASSERT_EQ(late.errors().size(), 1u);
  EXPECT_EQ(late.errors()[0].message, "pass 'too_late' uses 'swapchain' after pass 'present' presented it");
  EXPECT_EQ(live_names(g), (Names{"draw", "present"}));
  EXPECT_TRUE(g.pass_info[1].root);
  ASSERT_EQ(g.passes[1].batches.count, 1u);
  const ImageBarrier& b = g.images_of(g.batches_of(g.passes[1])[0])[0];
  EXPECT_EQ(b.old_layout, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL);
  EXPECT_EQ(b.new_layout, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR);
  EXPECT_EQ(b.src_stages, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT);
  EXPECT_EQ(b.src_access, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT);
  EXPECT_EQ(b.dst_stages, VK_PIPELINE_STAGE_2_NONE);
  EXPECT_EQ(b.dst_access, VK_ACCESS_2_NONE);
}

TEST(GraphCulling, CullingOffRunsEveryPass) {
  RenderGraph graph;
  add_demo_frame(graph);
  graph.add_pass("debug_overlay", QueueKind::raster, [&](PassBuilder& p) {
    p.write(p.create_texture("overlay", kColor), Usage::color_attachment);
  });
  const CompiledGraph culled = compile_ok(graph);
  EXPECT_EQ(culled.passes.size(), 8u);
  EXPECT_EQ(culled_names(culled), (Names{"debug_overlay"}));
  CompileOptions all;
  all.culling = false;
  const CompiledGraph full = compile_ok(graph, all);
  EXPECT_EQ(full.passes.size(), 9u);
  EXPECT_TRUE(full.culled_passes().empty());
  // Kept but unread: its attachment is not stored.
  const Attachment& overlay = full.attachments_of(full.passes[8])[0];
  EXPECT_EQ(overlay.load_op, VK_ATTACHMENT_LOAD_OP_DONT_CARE);
  EXPECT_EQ(overlay.store_op, VK_ATTACHMENT_STORE_OP_DONT_CARE);
}

TEST(GraphCulling, DemoFrameKeepsEveryPass) {
  RenderGraph graph;
  add_demo_frame(graph);
  const CompiledGraph g = compile_ok(graph);
  EXPECT_EQ(live_names(g), (Names{"shadow", "depth_prepass", "lighting", "particles", "bloom", "tonemap", "ui",
                                  "present"}));
  EXPECT_TRUE(g.culled_passes().empty());
}
