// The barrier plan and attachment load/store ops. The reference frame's plan
// is pinned barrier by barrier: a change here changes what every frame records.
#include "graph_test_support.h"
#include <gtest/gtest.h>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/demo_frame.h"
#include "kagami/graph/hazard_checker.h"
#include "kagami/graph/usage.h"
#include "kagami/graph/vk_names.h"

using namespace kagami::graph;
using kagami::graph::testing::compile_ok;
using kagami::graph::testing::kColor;
using kagami::cat;

namespace {

// "name: OLD->NEW SRC_STAGES/SRC_ACCESS -> DST_STAGES/DST_ACCESS" per barrier.
std::vector<std::string> describe(const CompiledGraph& g, std::span<const BarrierBatch> batches) {
  std::vector<std::string> out;
  for (const BarrierBatch& batch : batches) {
    for (const ImageBarrier& b : g.images_of(batch)) {
      out.push_back(cat(g.resource_name(b.resource), ": ", layout_name(b.old_layout), "->", layout_name(b.new_layout),
                        " ", stage_names(b.src_stages), "/", access_names(b.src_access), " -> ",
                        stage_names(b.dst_stages), "/", access_names(b.dst_access), b.aliasing ? " (aliasing)" : ""));
    }
    for (const BufferBarrier& b : g.buffers_of(batch)) {
      out.push_back(cat(g.resource_name(b.resource), ": buffer ", stage_names(b.src_stages), "/",
                        access_names(b.src_access), " -> ", stage_names(b.dst_stages), "/",
                        access_names(b.dst_access), b.aliasing ? " (aliasing)" : ""));
    }
  }
  return out;
}

std::vector<std::string> plan_of(const CompiledGraph& g, std::uint32_t pos) {
  return describe(g, g.batches_of(g.passes[pos]));
}

using Lines = std::vector<std::string>;

}  // namespace

TEST(GraphBarriers, DemoFrameExactPlan) {
  RenderGraph graph;
  add_demo_frame(graph);
  const CompiledGraph g = compile_ok(graph);
  ASSERT_EQ(g.passes.size(), 8u);
  const std::string tests = "EARLY_FRAGMENT_TESTS|LATE_FRAGMENT_TESTS";
  // shadow, depth prepass: discard and clear; nothing to wait for in fresh memory.
  EXPECT_EQ(plan_of(g, 0), (Lines{"shadow_map: UNDEFINED->DEPTH_ATTACHMENT_OPTIMAL NONE/NONE -> " + tests +
                                  "/DEPTH_STENCIL_ATTACHMENT_READ|DEPTH_STENCIL_ATTACHMENT_WRITE"}));
  EXPECT_EQ(plan_of(g, 1), (Lines{"depth: UNDEFINED->DEPTH_ATTACHMENT_OPTIMAL NONE/NONE -> " + tests +
                                  "/DEPTH_STENCIL_ATTACHMENT_READ|DEPTH_STENCIL_ATTACHMENT_WRITE"}));
  // lighting: depth becomes a read-only attachment, the shadow map a sampled depth texture.
  EXPECT_EQ(plan_of(g, 2),
            (Lines{"depth: DEPTH_ATTACHMENT_OPTIMAL->DEPTH_READ_ONLY_OPTIMAL " + tests +
                       "/DEPTH_STENCIL_ATTACHMENT_WRITE -> " + tests + "/DEPTH_STENCIL_ATTACHMENT_READ",
                   "shadow_map: DEPTH_ATTACHMENT_OPTIMAL->DEPTH_READ_ONLY_OPTIMAL " + tests +
                       "/DEPTH_STENCIL_ATTACHMENT_WRITE -> FRAGMENT_SHADER/SHADER_SAMPLED_READ",
                   "hdr: UNDEFINED->COLOR_ATTACHMENT_OPTIMAL NONE/NONE -> COLOR_ATTACHMENT_OUTPUT/"
                   "COLOR_ATTACHMENT_READ|COLOR_ATTACHMENT_WRITE"}));
  // particles: depth is now also sampled (same layout, but the fragment shader
  // has not been made a reader yet), blending waits for lighting's writes, and
  // the particle buffer written by compute before the frame becomes visible to
  // the vertex shader.
  EXPECT_EQ(plan_of(g, 3),
            (Lines{"depth: DEPTH_READ_ONLY_OPTIMAL->DEPTH_READ_ONLY_OPTIMAL " + tests + "/NONE -> FRAGMENT_SHADER|" +
                       tests + "/DEPTH_STENCIL_ATTACHMENT_READ|SHADER_SAMPLED_READ",
                   "hdr: COLOR_ATTACHMENT_OPTIMAL->COLOR_ATTACHMENT_OPTIMAL COLOR_ATTACHMENT_OUTPUT/"
                   "COLOR_ATTACHMENT_WRITE -> COLOR_ATTACHMENT_OUTPUT/COLOR_ATTACHMENT_READ|COLOR_ATTACHMENT_WRITE",
                   "particle_instances: buffer COMPUTE_SHADER/SHADER_STORAGE_WRITE -> VERTEX_SHADER/SHADER_STORAGE_READ"}));
  // bloom: hdr to sampled for compute; bloom_chain takes over shadow_map's and depth's memory.
  EXPECT_EQ(plan_of(g, 4),
            (Lines{"hdr: COLOR_ATTACHMENT_OPTIMAL->SHADER_READ_ONLY_OPTIMAL COLOR_ATTACHMENT_OUTPUT/"
                   "COLOR_ATTACHMENT_WRITE -> COMPUTE_SHADER/SHADER_SAMPLED_READ",
                   "bloom_chain: UNDEFINED->GENERAL FRAGMENT_SHADER|" + tests +
                       "/NONE -> COMPUTE_SHADER/SHADER_STORAGE_WRITE (aliasing)"}));
  // tonemap: hdr is already sampled (read after read, same layout) but only
  // compute was a reader so far; bloom to sampled; ldr reuses memory too.
  EXPECT_EQ(plan_of(g, 5),
            (Lines{"hdr: SHADER_READ_ONLY_OPTIMAL->SHADER_READ_ONLY_OPTIMAL COMPUTE_SHADER/NONE -> "
                   "FRAGMENT_SHADER/SHADER_SAMPLED_READ",
                   "bloom_chain: GENERAL->SHADER_READ_ONLY_OPTIMAL COMPUTE_SHADER/SHADER_STORAGE_WRITE -> "
                   "FRAGMENT_SHADER/SHADER_SAMPLED_READ",
                   "ldr: UNDEFINED->COLOR_ATTACHMENT_OPTIMAL FRAGMENT_SHADER|" + tests +
                       "/NONE -> COLOR_ATTACHMENT_OUTPUT/COLOR_ATTACHMENT_READ|COLOR_ATTACHMENT_WRITE (aliasing)"}));
  // ui: blends over tonemap's output; its host-written vertices need nothing.
  EXPECT_EQ(plan_of(g, 6), (Lines{"ldr: COLOR_ATTACHMENT_OPTIMAL->COLOR_ATTACHMENT_OPTIMAL COLOR_ATTACHMENT_OUTPUT/"
                                  "COLOR_ATTACHMENT_WRITE -> COLOR_ATTACHMENT_OUTPUT/"
                                  "COLOR_ATTACHMENT_READ|COLOR_ATTACHMENT_WRITE"}));
  // present: copy ldr into the swapchain, acquired at the transfer stage.
  EXPECT_EQ(plan_of(g, 7),
            (Lines{"ldr: COLOR_ATTACHMENT_OPTIMAL->TRANSFER_SRC_OPTIMAL COLOR_ATTACHMENT_OUTPUT/"
                   "COLOR_ATTACHMENT_WRITE -> ALL_TRANSFER/TRANSFER_READ",
                   "swapchain: UNDEFINED->TRANSFER_DST_OPTIMAL ALL_TRANSFER/NONE -> ALL_TRANSFER/TRANSFER_WRITE"}));
  // After the last pass: the swapchain to PRESENT_SRC_KHR.
  EXPECT_EQ(describe(g, g.final_batches_span()),
            (Lines{"swapchain: TRANSFER_DST_OPTIMAL->PRESENT_SRC_KHR ALL_TRANSFER/TRANSFER_WRITE -> NONE/NONE"}));
  // Batched: one vkCmdPipelineBarrier2 per pass.
  for (const CompiledPass& p : g.passes) EXPECT_EQ(p.batches.count, 1u) << g.pass_name(p.id);
  EXPECT_EQ(g.final_batches.count, 1u);
  // Aspects.
  for (const ImageBarrier& b : g.image_barriers) {
    const bool depth = g.resource_name(b.resource) == "depth" || g.resource_name(b.resource) == "shadow_map";
    EXPECT_EQ(b.aspect, depth ? VK_IMAGE_ASPECT_DEPTH_BIT : VK_IMAGE_ASPECT_COLOR_BIT);
  }
  EXPECT_TRUE(find_hazards(g).empty());
}

TEST(GraphBarriers, DemoFrameLoadAndStoreOps) {
  RenderGraph graph;
  add_demo_frame(graph);
  const CompiledGraph g = compile_ok(graph);
  auto ops = [&](std::uint32_t pos) {
    Lines out;
    for (const Attachment& a : g.attachments_of(g.passes[pos])) {
      out.push_back(cat(g.resource_name(a.resource), " ", usage_name(a.usage), " ", load_op_name(a.load_op), "/",
                        store_op_name(a.store_op)));
    }
    return out;
  };
  EXPECT_EQ(ops(0), (Lines{"shadow_map depth_attachment CLEAR/STORE"}));
  EXPECT_EQ(ops(1), (Lines{"depth depth_attachment CLEAR/STORE"}));
  EXPECT_EQ(ops(2), (Lines{"hdr color_attachment CLEAR/STORE", "depth depth_read_only LOAD/NONE"}));
  EXPECT_EQ(ops(3), (Lines{"hdr color_attachment LOAD/STORE", "depth depth_read_only LOAD/NONE"}));
  EXPECT_EQ(ops(4), Lines{});  // compute
  EXPECT_EQ(ops(5), (Lines{"ldr color_attachment DONT_CARE/STORE"}));  // no clear value: full-screen overwrite
  EXPECT_EQ(ops(6), (Lines{"ldr color_attachment LOAD/STORE"}));
  EXPECT_EQ(ops(7), Lines{});  // transfer
  const Attachment& shadow = g.attachments_of(g.passes[0])[0];
  ASSERT_TRUE(shadow.clear.has_value());
  EXPECT_EQ(shadow.clear->depth, 1.0f);
  EXPECT_EQ(shadow.layout, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL);
  EXPECT_EQ(shadow.format, VK_FORMAT_D32_SFLOAT);
}

TEST(GraphBarriers, StoreOnlyWhatIsReadLaterOrImported) {
  RenderGraph graph;
  TextureHandle history = graph.import_texture(
      "history", {kColor, {VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                           VK_ACCESS_2_SHADER_SAMPLED_READ_BIT}});
  TextureHandle swapchain = graph.import_texture(
      "swapchain", {{VK_FORMAT_B8G8R8A8_SRGB, 128, 128, 1, 1, VK_SAMPLE_COUNT_1_BIT, ClearValue::rgba(0, 0, 1, 1)},
                    {}, ResourceState{VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, 0, 0}});
  graph.add_pass("draw", QueueKind::raster, [&](PassBuilder& p) {
    p.write(p.create_texture("scratch_depth", {VK_FORMAT_D24_UNORM_S8_UINT, 128, 128}), Usage::depth_attachment);
    history = p.write(history, Usage::color_attachment);  // imported with contents, no clear: LOAD
    swapchain = p.write(swapchain, Usage::color_attachment);  // imported, cleared by its first writer
  });
  const CompiledGraph g = compile_ok(graph);
  Lines ops;
  for (const Attachment& a : g.attachments_of(g.passes[0]))
    ops.push_back(cat(g.resource_name(a.resource), " ", layout_name(a.layout), " ", load_op_name(a.load_op), "/",
                      store_op_name(a.store_op)));
  EXPECT_EQ(ops, (Lines{"history COLOR_ATTACHMENT_OPTIMAL LOAD/STORE", "swapchain COLOR_ATTACHMENT_OPTIMAL CLEAR/STORE",
                        "scratch_depth DEPTH_STENCIL_ATTACHMENT_OPTIMAL DONT_CARE/DONT_CARE"}));
  // A depth/stencil format transitions both aspects.
  for (const ImageBarrier& b : g.image_barriers) {
    if (g.resource_name(b.resource) == "scratch_depth") {
      EXPECT_EQ(b.aspect, VK_IMAGE_ASPECT_DEPTH_BIT | VK_IMAGE_ASPECT_STENCIL_BIT);
    }
  }
  EXPECT_TRUE(find_hazards(g).empty());
}

TEST(GraphBarriers, ReadAfterReadNeedsNoBarrierUnlessTheLayoutChanges) {
  RenderGraph graph;
  TextureHandle t;
  graph.add_pass("make", QueueKind::raster, [&](PassBuilder& p) {
    t = p.write(p.create_texture("lut", kColor), Usage::color_attachment);
  });
  for (const char* name : {"read_1", "read_2", "read_3"}) {
    graph.add_pass(name, QueueKind::raster, [&](PassBuilder& p) { p.read(t, Usage::sampled); }, PassFlags::side_effects);
  }
  graph.add_pass("copy_out", QueueKind::transfer, [&](PassBuilder& p) { p.read(t, Usage::transfer_src); },
                 PassFlags::side_effects);
  const CompiledGraph g = compile_ok(graph);
  EXPECT_EQ(plan_of(g, 1), (Lines{"lut: COLOR_ATTACHMENT_OPTIMAL->SHADER_READ_ONLY_OPTIMAL COLOR_ATTACHMENT_OUTPUT/"
                                  "COLOR_ATTACHMENT_WRITE -> FRAGMENT_SHADER/SHADER_SAMPLED_READ"}));
  EXPECT_EQ(plan_of(g, 2), Lines{});
  EXPECT_EQ(plan_of(g, 3), Lines{});
  // The layout change only waits for the readers (the write is already available).
  EXPECT_EQ(plan_of(g, 4), (Lines{"lut: SHADER_READ_ONLY_OPTIMAL->TRANSFER_SRC_OPTIMAL FRAGMENT_SHADER/NONE -> "
                                  "ALL_TRANSFER/TRANSFER_READ"}));
  EXPECT_TRUE(find_hazards(g).empty());
}

TEST(GraphBarriers, WriteAfterReadsWaitsForEveryReader) {
  RenderGraph graph;
  BufferHandle b;
  graph.add_pass("fill", QueueKind::transfer, [&](PassBuilder& p) {
    b = p.write(p.create_buffer("lights", {4096}), Usage::transfer_dst);
  });
  graph.add_pass("cull", QueueKind::compute, [&](PassBuilder& p) { p.read(b, Usage::storage_read); },
                 PassFlags::side_effects);
  graph.add_pass("shade", QueueKind::raster, [&](PassBuilder& p) { p.read(b, Usage::uniform); },
                 PassFlags::side_effects);
  graph.add_pass("refill", QueueKind::transfer, [&](PassBuilder& p) { b = p.write(b, Usage::transfer_dst); },
                 PassFlags::side_effects);
  const CompiledGraph g = compile_ok(graph);
  EXPECT_EQ(plan_of(g, 0), Lines{});  // fresh memory
  EXPECT_EQ(plan_of(g, 1), (Lines{"lights: buffer ALL_TRANSFER/TRANSFER_WRITE -> COMPUTE_SHADER/SHADER_STORAGE_READ"}));
  EXPECT_EQ(plan_of(g, 2), (Lines{"lights: buffer ALL_TRANSFER/NONE -> VERTEX_SHADER|FRAGMENT_SHADER/UNIFORM_READ"}));
  EXPECT_EQ(plan_of(g, 3),
            (Lines{"lights: buffer VERTEX_SHADER|FRAGMENT_SHADER|COMPUTE_SHADER/NONE -> ALL_TRANSFER/TRANSFER_WRITE"}));
  EXPECT_TRUE(find_hazards(g).empty());
}

TEST(GraphBarriers, UnbatchedIssuesOneCallPerTransition) {
  RenderGraph graph;
  add_demo_frame(graph);
  const CompiledGraph batched = compile_ok(graph);
  CompileOptions options;
  options.batch_barriers = false;
  const CompiledGraph single = compile_ok(graph, options);
  EXPECT_EQ(single.image_barriers.size(), batched.image_barriers.size());
  EXPECT_EQ(single.buffer_barriers.size(), batched.buffer_barriers.size());
  EXPECT_EQ(single.batches.size(), single.image_barriers.size() + single.buffer_barriers.size());
  for (const BarrierBatch& b : single.batches) EXPECT_EQ(b.images.count + b.buffers.count, 1u);
  EXPECT_EQ(single.passes[2].batches.count, 3u);  // lighting: depth, shadow_map, hdr
  EXPECT_EQ(single.passes[3].batches.count, 3u);  // particles: two images and a buffer
  for (std::uint32_t pos = 0; pos < batched.passes.size(); ++pos) {
    EXPECT_EQ(plan_of(single, pos), plan_of(batched, pos));  // same barriers, split up
  }
  EXPECT_TRUE(find_hazards(single).empty());
}

TEST(GraphBarriers, ImportsStartFromTheirDeclaredStateAndEndInTheirFinalOne) {
  RenderGraph graph;
  const ResourceState sampled{VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                              VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};
  TextureHandle previous = graph.import_texture("history_prev", {kColor, sampled, sampled, true, false});
  TextureHandle next = graph.import_texture("history_next", {kColor, sampled, sampled, false, true});
  graph.add_pass("resolve", QueueKind::raster, [&](PassBuilder& p) {
    p.read(previous, Usage::sampled);  // same stage and access as its initial state: nothing to do
    next = p.write(next, Usage::color_attachment);
  });
  const CompiledGraph g = compile_ok(graph);
  EXPECT_EQ(plan_of(g, 0), (Lines{"history_next: SHADER_READ_ONLY_OPTIMAL->COLOR_ATTACHMENT_OPTIMAL FRAGMENT_SHADER/"
                                  "NONE -> COLOR_ATTACHMENT_OUTPUT/COLOR_ATTACHMENT_READ|COLOR_ATTACHMENT_WRITE"}));
  EXPECT_EQ(describe(g, g.final_batches_span()),
            (Lines{"history_next: COLOR_ATTACHMENT_OPTIMAL->SHADER_READ_ONLY_OPTIMAL COLOR_ATTACHMENT_OUTPUT/"
                   "COLOR_ATTACHMENT_WRITE -> FRAGMENT_SHADER/SHADER_SAMPLED_READ"}));
  EXPECT_EQ(g.resources[next.index].end_state, sampled);
  EXPECT_EQ(g.resources[previous.index].end_state, sampled);
  EXPECT_TRUE(find_hazards(g).empty());
}

TEST(GraphBarriers, EndStateFeedsTheNextFrame) {
  // Frame N writes a storage image and declares no final state; frame N+1
  // imports it with the state frame N reported and reads it in compute.
  const TextureDesc desc{VK_FORMAT_R32_SFLOAT, 64, 64};
  ResourceState carried;
  {
    RenderGraph graph;
    TextureHandle sim = graph.import_texture("sim_state", {desc, {}, {}, false, true});
    graph.add_pass("step", QueueKind::compute, [&](PassBuilder& p) { sim = p.write(sim, Usage::storage_write); });
    const CompiledGraph g = compile_ok(graph);
    EXPECT_EQ(g.final_batches.count, 0u);
    carried = g.resources[0].end_state;
  }
  EXPECT_EQ(carried, (ResourceState{VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                                    VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT}));
  RenderGraph graph;
  TextureHandle sim = graph.import_texture("sim_state", {desc, carried, {}, false, true});
  graph.add_pass("read", QueueKind::compute, [&](PassBuilder& p) { p.read(sim, Usage::storage_read); },
                 PassFlags::side_effects);
  const CompiledGraph g = compile_ok(graph);
  EXPECT_EQ(plan_of(g, 0), (Lines{"sim_state: GENERAL->GENERAL COMPUTE_SHADER/SHADER_STORAGE_WRITE -> "
                                  "COMPUTE_SHADER/SHADER_STORAGE_READ"}));
  EXPECT_TRUE(find_hazards(g).empty());
}
