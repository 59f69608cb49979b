// Transient memory: placement by lifetime, alignment, memory types, heaps,
// and the aliasing hand-over barrier.
#include "graph_test_support.h"
#include <gtest/gtest.h>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/demo_frame.h"
#include "kagami/graph/formats.h"
#include "kagami/graph/hazard_checker.h"

using namespace kagami::graph;
using kagami::graph::testing::compile_ok;
using kagami::graph::testing::kColor;

namespace {

bool lifetimes_overlap(const CompiledResource& a, const CompiledResource& b) {
  return a.first_use <= b.last_use && b.first_use <= a.last_use;
}

bool bytes_overlap(const CompiledResource& a, const CompiledResource& b) {
  return a.placement.heap == b.placement.heap && a.placement.offset < b.placement.offset + b.requirements.size &&
         b.placement.offset < a.placement.offset + a.requirements.size;
}

// Every pair of transients alive at the same time lives in disjoint bytes.
void expect_no_live_overlap(const CompiledGraph& g) {
  for (std::size_t i = 0; i < g.resources.size(); ++i) {
    const CompiledResource& a = g.resources[i];
    if (!a.transient() || !a.used()) continue;
    EXPECT_NE(a.placement.heap, kInvalidIndex);
    EXPECT_LE(a.placement.offset + a.requirements.size, g.heaps[a.placement.heap].size);
    for (std::size_t j = i + 1; j < g.resources.size(); ++j) {
      const CompiledResource& b = g.resources[j];
      if (!b.transient() || !b.used()) continue;
      if (lifetimes_overlap(a, b)) {
        EXPECT_FALSE(bytes_overlap(a, b)) << g.name(a.name) << " and " << g.name(b.name) << " overlap while both live";
      }
    }
  }
}

// A long chain where each pass reads the previous two outputs: every
// transient lives for three passes, so memory for about three is enough.
void build_chain(RenderGraph& graph, int passes, std::uint32_t width, std::uint32_t size_step = 0) {
  std::vector<TextureHandle> out;
  for (int i = 0; i < passes; ++i) {
    graph.add_pass("step_" + std::to_string(i), QueueKind::raster, [&](PassBuilder& p) {
      for (std::size_t back = 1; back <= 2 && back <= out.size(); ++back) p.read(out[out.size() - back], Usage::sampled);
      const std::uint32_t w = width + size_step * static_cast<std::uint32_t>(i % 5);
      out.push_back(p.write(p.create_texture("t" + std::to_string(i), {VK_FORMAT_R8G8B8A8_UNORM, w, 100}),
                            Usage::color_attachment));
    }, i + 1 == passes ? PassFlags::side_effects : PassFlags::none);
  }
}

}  // namespace

TEST(GraphAliasing, DemoFrameAt1080pSavesAQuarter) {
  RenderGraph graph;
  const DemoFrame f = add_demo_frame(graph, 1920, 1080);
  const CompiledGraph g = compile_ok(graph, fake_memory_requirements(64 * 1024));
  const std::uint64_t shadow = 2048ull * 2048 * 4, depth = 1920ull * 1080 * 4, hdr = 1920ull * 1080 * 8;
  const std::uint64_t bloom =
      (960ull * 540 + 480 * 270 + 240 * 135 + 120 * 67 + 60 * 33) * 8, ldr = 1920ull * 1080 * 4;
  EXPECT_EQ(g.resources[f.bloom_chain.index].requirements.size, bloom);
  EXPECT_EQ(g.bytes_without_aliasing, shadow + depth + hdr + bloom + ldr);
  // shadow, depth and hdr are alive together (lighting); bloom and ldr reuse
  // what shadow and depth leave behind.
  ASSERT_EQ(g.heaps.size(), 1u);
  EXPECT_EQ(g.resources[f.shadow_map.index].placement.offset, 0u);
  EXPECT_EQ(g.resources[f.bloom_chain.index].placement.offset, 0u);
  EXPECT_EQ(g.bytes_with_aliasing, g.resources[f.hdr.index].placement.offset + hdr);
  EXPECT_EQ(g.bytes_with_aliasing, 41689088u);
  EXPECT_EQ(g.bytes_without_aliasing - g.bytes_with_aliasing, 13789088u);  // 13.2 MiB, 24.9 %
  expect_no_live_overlap(g);
}

// The most bytes alive at any one pass: no placement can use less.
std::uint64_t peak_live_bytes(const CompiledGraph& g) {
  std::uint64_t peak = 0;
  for (std::uint32_t pos = 0; pos < g.passes.size(); ++pos) {
    std::uint64_t live = 0;
    for (const CompiledResource& r : g.resources) {
      if (r.transient() && r.used() && r.first_use <= pos && pos <= r.last_use) live += r.requirements.size;
    }
    peak = std::max(peak, live);
  }
  return peak;
}

TEST(GraphAliasing, LongChainsReuseMemoryWithoutLiveOverlap) {
  // Equal sizes: the sweep reuses every freed range exactly and needs no more than the peak.
  RenderGraph same;
  build_chain(same, 40, 256);
  const CompiledGraph g = compile_ok(same, fake_memory_requirements(1));
  expect_no_live_overlap(g);
  EXPECT_EQ(g.bytes_with_aliasing, peak_live_bytes(g));
  EXPECT_EQ(g.bytes_without_aliasing, 40u * 256 * 100 * 4);
}

TEST(GraphAliasing, MixedSizesStayWithinTwiceThePeak) {
  // Sizes cycling through five values fragment the free list; the sweep is
  // greedy (it places as passes come), so it may exceed the peak, but boundedly.
  RenderGraph mixed;
  build_chain(mixed, 40, 256, 16);
  const CompiledGraph g = compile_ok(mixed, fake_memory_requirements(4096));
  expect_no_live_overlap(g);
  EXPECT_LE(g.bytes_with_aliasing, 2 * peak_live_bytes(g));
  EXPECT_LT(g.bytes_with_aliasing, g.bytes_without_aliasing / 5);
}

TEST(GraphAliasing, OffsetsHonourAlignment) {
  RenderGraph graph;
  build_chain(graph, 12, 100, 16);
  for (VkDeviceSize alignment : {256ull, 4096ull, 65536ull}) {
    const CompiledGraph g = compile_ok(graph, fake_memory_requirements(alignment));
    for (const CompiledResource& r : g.resources) {
      if (!r.used()) continue;
      EXPECT_EQ(r.placement.offset % alignment, 0u) << g.name(r.name) << " at alignment " << alignment;
    }
    for (const Heap& h : g.heaps) EXPECT_EQ(h.alignment, alignment);
    expect_no_live_overlap(g);
  }
}

TEST(GraphAliasing, IncompatibleMemoryTypesNeverShareAHeap) {
  RenderGraph graph;
  build_chain(graph, 12, 100, 16);
  // Even steps need type 0, odd steps type 1; every step also accepts type 2 except multiples of 3.
  auto requirements = [](const TransientInfo& info) {
    const int step = std::stoi(std::string(info.name.substr(1)));
    std::uint32_t bits = (step % 2 == 0) ? 0b001u : 0b010u;
    if (step % 3 != 0) bits |= 0b100u;
    return MemoryRequirements{estimate_texture_bytes(*info.texture), 256, bits};
  };
  const CompiledGraph g = compile_ok(graph, requirements);
  expect_no_live_overlap(g);
  for (const CompiledResource& r : g.resources) {
    if (!r.used()) continue;
    const Heap& heap = g.heaps[r.placement.heap];
    EXPECT_NE(heap.memory_type_bits, 0u);
    EXPECT_EQ(heap.memory_type_bits & r.requirements.memory_type_bits, heap.memory_type_bits)
        << g.name(r.name) << " sits in a heap whose types it cannot use";
  }
  EXPECT_GE(g.heaps.size(), 2u);
}

TEST(GraphAliasing, BuffersAndImagesUseSeparateHeaps) {
  RenderGraph graph;
  TextureHandle tex;
  BufferHandle buf;
  graph.add_pass("a", QueueKind::compute, [&](PassBuilder& p) {
    tex = p.write(p.create_texture("image", {VK_FORMAT_R8G8B8A8_UNORM, 64, 64}), Usage::storage_write);
  });
  graph.add_pass("b", QueueKind::compute, [&](PassBuilder& p) {
    p.read(tex, Usage::sampled);
    buf = p.write(p.create_buffer("buffer", {16384}), Usage::storage_write);
  });
  graph.add_pass("c", QueueKind::compute, [&](PassBuilder& p) { p.read(buf, Usage::storage_read); },
                 PassFlags::side_effects);
  const CompiledGraph g = compile_ok(graph, fake_memory_requirements(256));
  ASSERT_EQ(g.heaps.size(), 2u);
  EXPECT_EQ(g.heaps[g.resources[tex.index].placement.heap].kind, ResourceKind::texture);
  EXPECT_EQ(g.heaps[g.resources[buf.index].placement.heap].kind, ResourceKind::buffer);
  EXPECT_EQ(g.resources[buf.index].buffer_usage, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
}

TEST(GraphAliasing, AliasingOffGivesEveryTransientItsOwnBytes) {
  RenderGraph graph;
  build_chain(graph, 20, 128);
  CompileOptions options;
  options.aliasing = false;
  const CompiledGraph g = compile_ok(graph, fake_memory_requirements(256), options);
  for (std::size_t i = 0; i < g.resources.size(); ++i) {
    for (std::size_t j = i + 1; j < g.resources.size(); ++j) {
      EXPECT_FALSE(bytes_overlap(g.resources[i], g.resources[j]));
    }
  }
  EXPECT_GE(g.bytes_with_aliasing, g.bytes_without_aliasing);
  for (const ImageBarrier& b : g.image_barriers) EXPECT_FALSE(b.aliasing);
  EXPECT_TRUE(find_hazards(g).empty());
  const CompiledGraph aliased = compile_ok(graph, fake_memory_requirements(256));
  EXPECT_LT(aliased.bytes_with_aliasing, g.bytes_with_aliasing / 3);
}

TEST(GraphAliasing, FirstUseOfReusedMemoryWaitsForThePreviousOwner) {
  RenderGraph graph;
  const DemoFrame f = add_demo_frame(graph);
  const CompiledGraph g = compile_ok(graph, fake_memory_requirements());
  const CompiledPass& bloom = g.passes[4];
  ASSERT_EQ(bloom.id, f.bloom);
  const ImageBarrier* handover = nullptr;
  for (const ImageBarrier& b : g.images_of(g.batches_of(bloom)[0])) {
    if (b.resource == f.bloom_chain) handover = &b;
  }
  ASSERT_NE(handover, nullptr);
  EXPECT_TRUE(handover->aliasing);
  EXPECT_EQ(handover->old_layout, VK_IMAGE_LAYOUT_UNDEFINED);  // contents discarded
  EXPECT_EQ(handover->new_layout, VK_IMAGE_LAYOUT_GENERAL);
  // shadow_map (last sampled by lighting's fragment shader) and depth (depth
  // tests + soft-particle sampling) held these bytes.
  EXPECT_EQ(handover->src_stages, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT | VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT |
                                      VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT);
  EXPECT_EQ(handover->src_access, VK_ACCESS_2_NONE);  // only reads since their last writes: nothing to flush
  EXPECT_EQ(handover->dst_stages, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT);
  EXPECT_EQ(handover->dst_access, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
}

TEST(GraphAliasing, AliasedBuffersGetAHandOverBarrier) {
  RenderGraph graph;
  BufferHandle a, b;
  graph.add_pass("write_a", QueueKind::compute, [&](PassBuilder& p) {
    a = p.write(p.create_buffer("a", {4096}), Usage::storage_write);
  });
  graph.add_pass("consume_a", QueueKind::compute, [&](PassBuilder& p) {
    p.read(a, Usage::storage_read);
  }, PassFlags::side_effects);
  graph.add_pass("write_b", QueueKind::transfer, [&](PassBuilder& p) {
    b = p.write(p.create_buffer("b", {4096}), Usage::transfer_dst);
  });
  graph.add_pass("consume_b", QueueKind::raster, [&](PassBuilder& p) { p.read(b, Usage::vertex); },
                 PassFlags::side_effects);
  const CompiledGraph g = compile_ok(graph, fake_memory_requirements(256));
  ASSERT_EQ(g.resources[a.index].placement.offset, g.resources[b.index].placement.offset);
  ASSERT_EQ(g.resources[a.index].placement.heap, g.resources[b.index].placement.heap);
  ASSERT_EQ(g.passes[2].batches.count, 1u);
  const BufferBarrier& handover = g.buffers_of(g.batches_of(g.passes[2])[0])[0];
  EXPECT_EQ(handover.resource, b.resource());
  EXPECT_TRUE(handover.aliasing);
  EXPECT_EQ(handover.src_stages, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT);
  EXPECT_EQ(handover.dst_stages, VK_PIPELINE_STAGE_2_TRANSFER_BIT);
  EXPECT_EQ(handover.dst_access, VK_ACCESS_2_TRANSFER_WRITE_BIT);
  // A fresh buffer needs nothing before its first write.
  EXPECT_EQ(g.passes[0].batches.count, 0u);
  EXPECT_TRUE(find_hazards(g).empty());
}
