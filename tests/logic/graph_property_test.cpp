// Properties over hundreds of random graphs (fixed seeds), checked by the
// independent hazard checker, and proof that the checker catches broken plans.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "kagami/graph/demo_frame.h"
#include "kagami/graph/formats.h"
#include "kagami/graph/hazard_checker.h"

using namespace kagami::graph;

namespace {

struct Entry {
  bool texture = true;
  bool depth = false;
  TextureHandle t;
  BufferHandle b;
  bool read_only = false;
  bool contents = false;
};

template <typename T>
T pick(std::mt19937& rng, std::initializer_list<T> options) {
  return *(options.begin() + rng() % options.size());
}

Usage read_usage(std::mt19937& rng, const Entry& e, QueueKind q) {
  if (q == QueueKind::transfer) return Usage::transfer_src;
  if (!e.texture) {
    return q == QueueKind::raster
               ? pick(rng, {Usage::vertex, Usage::index, Usage::indirect, Usage::uniform, Usage::storage_read})
               : pick(rng, {Usage::storage_read, Usage::uniform, Usage::indirect});
  }
  if (e.depth) return q == QueueKind::raster ? pick(rng, {Usage::sampled, Usage::depth_read_only}) : Usage::sampled;
  return pick(rng, {Usage::sampled, Usage::storage_read});
}

Usage write_usage(std::mt19937& rng, const Entry& e, QueueKind q) {
  if (q == QueueKind::transfer) return Usage::transfer_dst;
  if (!e.texture) return Usage::storage_write;
  if (e.depth) return Usage::depth_attachment;
  return q == QueueKind::raster ? pick(rng, {Usage::color_attachment, Usage::storage_write}) : Usage::storage_write;
}

// A random but valid graph: random queues, reads of anything with contents,
// writes to new transients or existing resources, read-modify-write, merged
// usages, imports in various initial states, side effects and explicit
// dependencies (some pointing backwards, so some graphs have cycles).
void build_random(RenderGraph& graph, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<Entry> pool;
  const TextureDesc color{VK_FORMAT_R16G16B16A16_SFLOAT, 256, 256};
  const ResourceState sampled{VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                              VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};
  pool.push_back({true, false, graph.import_texture("history", {color, sampled, sampled, false, rng() % 2 == 0}), {},
                  false, true});
  pool.push_back({true, false,
                  graph.import_texture("swapchain", {{VK_FORMAT_B8G8R8A8_UNORM, 256, 256},
                                                     {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 0},
                                                     ResourceState{VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, 0, 0}}),
                  {}, false, false});
  pool.push_back({false, false, {},
                  graph.import_buffer("particles", {{65536},
                                                    {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                                                     VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT},
                                                    {}, false, rng() % 2 == 0}),
                  false, true});
  pool.push_back({false, false, {}, graph.import_buffer("mesh", {{1 << 20}, {}, {}, true, false}), true, true});

  const int passes = 4 + static_cast<int>(rng() % 28);
  for (int i = 0; i < passes; ++i) {
    const QueueKind queue = pick(rng, {QueueKind::raster, QueueKind::raster, QueueKind::compute, QueueKind::compute,
                                       QueueKind::transfer});
    const PassFlags flags = rng() % 8 == 0 ? PassFlags::side_effects : PassFlags::none;
    const PassId id = graph.add_pass("p" + std::to_string(i), queue, [&](PassBuilder& p) {
      std::vector<std::size_t> touched;
      bool has_depth_attachment = false;  // dynamic rendering allows one
      const int reads = static_cast<int>(rng() % 4);
      for (int r = 0; r < reads && !pool.empty(); ++r) {
        const std::size_t k = rng() % pool.size();
        Entry& e = pool[k];
        if (!e.contents || std::count(touched.begin(), touched.end(), k)) continue;
        touched.push_back(k);
        const Usage u = read_usage(rng, e, queue);
        if (u == Usage::depth_read_only) {
          if (has_depth_attachment) continue;
          has_depth_attachment = true;
        }
        if (e.texture) {
          p.read(e.t, u);
          // Soft-particle style second usage in the same layout.
          if (e.depth && u == Usage::depth_read_only && rng() % 2) p.read(e.t, Usage::sampled);
        } else {
          p.read(e.b, u);
          if (u == Usage::vertex && rng() % 2) p.read(e.b, Usage::index);
        }
        // Occasionally read-modify-write a storage resource in the same pass.
        if (u == Usage::storage_read && !e.read_only && queue != QueueKind::transfer && rng() % 3 == 0) {
          if (e.texture) e.t = p.write(e.t, Usage::storage_write);
          else e.b = p.write(e.b, Usage::storage_write);
        }
      }
      const int writes = static_cast<int>(rng() % 3);
      for (int w = 0; w < writes; ++w) {
        if (rng() % 2 == 0 && !pool.empty()) {
          const std::size_t k = rng() % pool.size();
          Entry& e = pool[k];
          if (e.read_only || std::count(touched.begin(), touched.end(), k)) continue;
          if (e.depth && queue == QueueKind::compute) continue;
          if (e.depth && queue == QueueKind::raster && has_depth_attachment) continue;
          has_depth_attachment |= e.depth && queue == QueueKind::raster;
          touched.push_back(k);
          if (e.texture) e.t = p.write(e.t, write_usage(rng, e, queue));
          else e.b = p.write(e.b, write_usage(rng, e, queue));
          e.contents = true;
          continue;
        }
        Entry e;
        const std::string name = "r" + std::to_string(i) + "_" + std::to_string(w);
        const int kind = static_cast<int>(rng() % 3);
        if (kind == 2) {
          e.texture = false;
          e.b = p.create_buffer(name, {256u << (rng() % 8)});
          e.b = p.write(e.b, write_usage(rng, e, queue));
        } else {
          e.depth = kind == 1 && queue != QueueKind::compute && !(queue == QueueKind::raster && has_depth_attachment);
          has_depth_attachment |= e.depth && queue == QueueKind::raster;
          const std::uint32_t size = 64u << (rng() % 3);
          const VkFormat format = e.depth ? pick(rng, {VK_FORMAT_D32_SFLOAT, VK_FORMAT_D24_UNORM_S8_UINT})
                                          : pick(rng, {VK_FORMAT_R16G16B16A16_SFLOAT, VK_FORMAT_R8G8B8A8_UNORM});
          TextureDesc desc{format, size, size / 2, 1 + static_cast<std::uint32_t>(rng() % 3)};
          if (rng() % 2) desc.clear = ClearValue{};
          e.t = p.create_texture(name, desc);
          e.t = p.write(e.t, write_usage(rng, e, queue));
        }
        e.contents = true;
        touched.push_back(pool.size());
        pool.push_back(e);
      }
      // Sometimes present the swapchain.
      if (queue != QueueKind::compute && pool[1].contents && rng() % 10 == 0 &&
          !std::count(touched.begin(), touched.end(), std::size_t{1})) {
        p.read(pool[1].t, Usage::present);
        pool[1].contents = false;  // the presentation engine owns it now: nothing may touch it
        pool[1].read_only = true;
      }
    }, flags);
    if (i > 0 && rng() % 6 == 0) {
      const PassId other{static_cast<std::uint32_t>(rng() % static_cast<std::uint32_t>(i))};
      if (rng() % 4 == 0) graph.add_dependency(id, other);  // backwards: may close a cycle
      else graph.add_dependency(other, id);
    }
  }
}

// Alignment, heap type bits and size vary with the kind of resource so heaps
// split and alignment padding matters.
MemoryRequirements random_requirements(const TransientInfo& info) {
  if (info.kind == ResourceKind::buffer) return {info.buffer->size, 256, 0b111};
  const bool depth = is_depth_stencil_format(info.texture->format);
  return {estimate_texture_bytes(*info.texture), depth ? 65536u : 4096u, depth ? 0b011u : 0b110u};
}

void check_invariants(const RenderGraph& graph, const CompiledGraph& g, const std::string& where) {
  // Producers run before consumers; readers of a version before its next writer.
  for (const AccessDecl& a : graph.accesses()) {
    const std::uint32_t consumer = g.pass_info[a.pass.index].order;
    if (consumer == kInvalidIndex) continue;
    if (a.producer != kInvalidIndex) {
      const std::uint32_t producer = g.pass_info[graph.accesses()[a.producer].pass.index].order;
      ASSERT_NE(producer, kInvalidIndex) << where << ": live pass consumes a culled producer";
      EXPECT_LT(producer, consumer) << where;
    }
  }
  // Transients alive together never share bytes; placements are aligned and typed.
  for (std::size_t i = 0; i < g.resources.size(); ++i) {
    const CompiledResource& a = g.resources[i];
    if (!a.transient() || !a.used()) continue;
    const Heap& heap = g.heaps[a.placement.heap];
    EXPECT_EQ(a.placement.offset % a.requirements.alignment, 0u) << where;
    EXPECT_LE(a.placement.offset + a.requirements.size, heap.size) << where;
    EXPECT_EQ(heap.kind, a.kind) << where;
    EXPECT_NE(heap.memory_type_bits, 0u) << where;
    EXPECT_EQ(heap.memory_type_bits & a.requirements.memory_type_bits, heap.memory_type_bits) << where;
    for (std::size_t j = i + 1; j < g.resources.size(); ++j) {
      const CompiledResource& b = g.resources[j];
      if (!b.transient() || !b.used() || b.placement.heap != a.placement.heap) continue;
      const bool live_together = a.first_use <= b.last_use && b.first_use <= a.last_use;
      const bool share = a.placement.offset < b.placement.offset + b.requirements.size &&
                         b.placement.offset < a.placement.offset + a.requirements.size;
      EXPECT_FALSE(live_together && share) << where << ": " << g.name(a.name) << " / " << g.name(b.name);
    }
  }
}

}  // namespace

TEST(GraphProperty, RandomGraphsCompileWithoutHazards) {
  int compiled_graphs = 0, cycles = 0, barriers = 0, aliasing_barriers = 0;
  for (std::uint32_t seed = 1; seed <= 400; ++seed) {
    RenderGraph graph;
    build_random(graph, seed);
    ASSERT_TRUE(graph.errors().empty()) << "seed " << seed << ": " << graph.errors()[0].message;
    for (int variant = 0; variant < 4; ++variant) {
      CompileOptions options;
      options.aliasing = variant != 1;
      options.batch_barriers = variant != 2;
      options.culling = variant != 3;
      auto compiled = compile(graph, options, random_requirements);
      if (!compiled.ok()) {
        ASSERT_NE(compiled.error().message.find("dependency cycle"), std::string::npos)
            << "seed " << seed << ": " << compiled.error().message;
        ++cycles;
        break;
      }
      ++compiled_graphs;
      const std::string where = "seed " + std::to_string(seed) + " variant " + std::to_string(variant);
      for (const Hazard& h : find_hazards(*compiled)) ADD_FAILURE() << where << ": " << h.message;
      check_invariants(graph, *compiled, where);
      barriers += static_cast<int>(compiled->image_barriers.size() + compiled->buffer_barriers.size());
      for (const ImageBarrier& b : compiled->image_barriers) aliasing_barriers += b.aliasing;
      if (HasFailure()) return;
    }
  }
  // The generator really exercises the compiler.
  EXPECT_GT(compiled_graphs, 1200);
  EXPECT_GT(cycles, 0);
  EXPECT_GT(barriers, 10000);
  EXPECT_GT(aliasing_barriers, 200);
}

namespace {

CompiledGraph demo_compiled() {
  RenderGraph graph;
  add_demo_frame(graph);
  auto compiled = compile(graph, {}, fake_memory_requirements());
  EXPECT_TRUE(compiled.ok());
  return std::move(compiled).value();
}

// Removes one image barrier, keeping every range consistent.
void remove_image_barrier(CompiledGraph& g, std::uint32_t index) {
  g.image_barriers.erase(g.image_barriers.begin() + index);
  for (BarrierBatch& b : g.batches) {
    if (index < b.images.begin) --b.images.begin;
    else if (index < b.images.end()) --b.images.count;
  }
}

void remove_buffer_barrier(CompiledGraph& g, std::uint32_t index) {
  g.buffer_barriers.erase(g.buffer_barriers.begin() + index);
  for (BarrierBatch& b : g.batches) {
    if (index < b.buffers.begin) --b.buffers.begin;
    else if (index < b.buffers.end()) --b.buffers.count;
  }
}

bool mentions(const std::vector<Hazard>& hazards, const std::string& a, const std::string& b) {
  return std::any_of(hazards.begin(), hazards.end(), [&](const Hazard& h) {
    return h.message.find(a) != std::string::npos && h.message.find(b) != std::string::npos;
  });
}

}  // namespace

TEST(GraphProperty, CheckerCatchesTheRemovedShadowMapBarrier) {
  CompiledGraph g = demo_compiled();
  ASSERT_TRUE(find_hazards(g).empty());
  std::uint32_t index = kInvalidIndex;
  for (std::uint32_t i = 0; i < g.image_barriers.size(); ++i) {
    if (g.resource_name(g.image_barriers[i].resource) == "shadow_map" &&
        g.image_barriers[i].new_layout == VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL)
      index = i;
  }
  ASSERT_NE(index, kInvalidIndex);
  remove_image_barrier(g, index);
  const auto hazards = find_hazards(g);
  ASSERT_FALSE(hazards.empty());
  EXPECT_TRUE(mentions(hazards, "pass 'lighting'", "'shadow_map'"));
  EXPECT_TRUE(mentions(hazards, "read-after-write", "'shadow_map'"));
  EXPECT_TRUE(mentions(hazards, "DEPTH_READ_ONLY_OPTIMAL", "DEPTH_ATTACHMENT_OPTIMAL"));
}

TEST(GraphProperty, EveryBarrierOfTheDemoFrameIsNecessary) {
  const CompiledGraph g = demo_compiled();
  for (std::uint32_t i = 0; i < g.image_barriers.size(); ++i) {
    CompiledGraph broken = g;
    remove_image_barrier(broken, i);
    EXPECT_FALSE(find_hazards(broken).empty())
        << "removing the barrier of '" << g.resource_name(g.image_barriers[i].resource) << "' (" << i
        << ") went unnoticed";
  }
  for (std::uint32_t i = 0; i < g.buffer_barriers.size(); ++i) {
    CompiledGraph broken = g;
    remove_buffer_barrier(broken, i);
    const auto hazards = find_hazards(broken);
    EXPECT_TRUE(mentions(hazards, "read-after-write", "'particle_instances'"));
  }
}

TEST(GraphProperty, CheckerCatchesWeakenedMasks) {
  const CompiledGraph g = demo_compiled();
  // hdr before bloom: waiting on the fragment shader instead of colour output.
  CompiledGraph wrong_stage = g;
  for (ImageBarrier& b : wrong_stage.image_barriers) {
    if (wrong_stage.resource_name(b.resource) == "hdr" && b.new_layout == VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL &&
        b.old_layout == VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL)
      b.src_stages = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT;
  }
  EXPECT_TRUE(mentions(find_hazards(wrong_stage), "'hdr'", "pass 'bloom'"));
  // The particle buffer made visible to the fragment shader, not the vertex shader that reads it.
  CompiledGraph wrong_dst = g;
  wrong_dst.buffer_barriers[0].dst_stages = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT;
  EXPECT_TRUE(mentions(find_hazards(wrong_dst), "read-after-write", "'particle_instances'"));
  // Writes not made available (src access dropped) before ldr is copied.
  CompiledGraph no_flush = g;
  for (ImageBarrier& b : no_flush.image_barriers) {
    if (no_flush.resource_name(b.resource) == "ldr" && b.new_layout == VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL)
      b.src_access = VK_ACCESS_2_NONE;
  }
  EXPECT_TRUE(mentions(find_hazards(no_flush), "'ldr'", "pass 'present'"));
}

TEST(GraphProperty, CheckerCatchesDiscardedContentsAndOverlappingMemory) {
  const CompiledGraph g = demo_compiled();
  // shadow map not stored: lighting would sample garbage.
  CompiledGraph no_store = g;
  for (Attachment& a : no_store.attachments) {
    if (no_store.resource_name(a.resource) == "shadow_map") a.store_op = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  }
  EXPECT_TRUE(mentions(find_hazards(no_store), "'shadow_map'", "discarded"));
  // bloom_chain placed over hdr, which is still alive.
  CompiledGraph overlap = g;
  std::uint32_t hdr = 0, bloom = 0;
  for (std::uint32_t i = 0; i < overlap.resources.size(); ++i) {
    if (overlap.resource_name(ResourceId{i}) == "hdr") hdr = i;
    if (overlap.resource_name(ResourceId{i}) == "bloom_chain") bloom = i;
  }
  overlap.resources[bloom].placement = overlap.resources[hdr].placement;
  const auto hazards = find_hazards(overlap);
  EXPECT_TRUE(mentions(hazards, "'hdr'", "memory was given to another transient")) << hazards.size();
  // The final transition to PRESENT_SRC_KHR missing.
  CompiledGraph no_present = g;
  no_present.final_batches = Range{};
  EXPECT_TRUE(mentions(find_hazards(no_present), "'swapchain'", "PRESENT_SRC_KHR"));
}
