// Misuse found by compile(): formats and usages that cannot go together,
// conflicting layouts, sample counts, cycles, bad memory requirements. Every
// message names the pass and the resource.
#include <gtest/gtest.h>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/demo_frame.h"

using namespace kagami::graph;

namespace {

std::string compile_error(const RenderGraph& graph, const MemoryRequirementsFn& fn = fake_memory_requirements()) {
  auto compiled = compile(graph, {}, fn);
  return compiled.ok() ? std::string("(compiled fine)") : compiled.error().message;
}

void expect_mentions(const std::string& message, std::initializer_list<const char*> parts) {
  for (const char* part : parts) EXPECT_NE(message.find(part), std::string::npos) << "'" << part << "' not in: " << message;
}

}  // namespace

TEST(GraphErrors, DepthFormatAsColourAttachment) {
  RenderGraph graph;
  graph.add_pass("gbuffer", QueueKind::raster, [&](PassBuilder& p) {
    p.write(p.create_texture("scene_depth", {VK_FORMAT_D32_SFLOAT, 64, 64}), Usage::color_attachment);
  }, PassFlags::side_effects);
  expect_mentions(compile_error(graph),
                  {"pass 'gbuffer'", "'scene_depth'", "D32_SFLOAT", "color_attachment", "depth/stencil format"});
}

TEST(GraphErrors, ColourFormatAsDepthAttachment) {
  RenderGraph graph;
  graph.add_pass("shadow", QueueKind::raster, [&](PassBuilder& p) {
    p.write(p.create_texture("shadow_map", {VK_FORMAT_R32_SFLOAT, 64, 64}), Usage::depth_attachment);
  }, PassFlags::side_effects);
  expect_mentions(compile_error(graph), {"pass 'shadow'", "'shadow_map'", "depth_attachment", "no depth or stencil"});
}

TEST(GraphErrors, StorageImageInAnSrgbFormat) {
  RenderGraph graph;
  graph.add_pass("tonemap_cs", QueueKind::compute, [&](PassBuilder& p) {
    p.write(p.create_texture("ldr", {VK_FORMAT_R8G8B8A8_SRGB, 64, 64}), Usage::storage_write);
  }, PassFlags::side_effects);
  expect_mentions(compile_error(graph), {"pass 'tonemap_cs'", "'ldr'", "storage_write", "sRGB"});
}

TEST(GraphErrors, UsageTheQueueKindCannotServe) {
  RenderGraph graph;
  BufferHandle args;
  graph.add_pass("cull", QueueKind::compute, [&](PassBuilder& p) {
    p.write(p.create_texture("target", {VK_FORMAT_R8G8B8A8_UNORM, 64, 64}), Usage::color_attachment);
  }, PassFlags::side_effects);
  expect_mentions(compile_error(graph), {"pass 'cull'", "'target'", "color_attachment", "needs a raster pass"});

  RenderGraph buffers;
  buffers.add_pass("copy", QueueKind::transfer, [&](PassBuilder& p) {
    args = p.write(p.create_buffer("draw_args", {64}), Usage::transfer_dst);
  });
  buffers.add_pass("draw", QueueKind::raster, [&](PassBuilder& p) { p.read(args, Usage::sampled); },
                   PassFlags::side_effects);
  expect_mentions(compile_error(buffers), {"pass 'draw'", "'draw_args'", "sampled", "texture-only"});
}

TEST(GraphErrors, OneResourceInTwoLayoutsInOnePass) {
  RenderGraph graph;
  TextureHandle t;
  graph.add_pass("draw", QueueKind::raster, [&](PassBuilder& p) {
    t = p.write(p.create_texture("accum", {VK_FORMAT_R16G16B16A16_SFLOAT, 64, 64}), Usage::color_attachment);
  });
  graph.add_pass("feedback", QueueKind::raster, [&](PassBuilder& p) {
    p.read(t, Usage::sampled);
    p.write(t, Usage::color_attachment);
  }, PassFlags::side_effects);
  expect_mentions(compile_error(graph), {"pass 'feedback'", "'accum'", "different image layouts"});
}

TEST(GraphErrors, AttachmentsWithDifferentSampleCounts) {
  RenderGraph graph;
  graph.add_pass("forward", QueueKind::raster, [&](PassBuilder& p) {
    p.write(p.create_texture("color_msaa", {VK_FORMAT_R8G8B8A8_UNORM, 64, 64, 1, 1, VK_SAMPLE_COUNT_4_BIT}),
            Usage::color_attachment);
    p.write(p.create_texture("depth_1x", {VK_FORMAT_D32_SFLOAT, 64, 64}), Usage::depth_attachment);
  }, PassFlags::side_effects);
  expect_mentions(compile_error(graph), {"pass 'forward'", "'color_msaa'", "'depth_1x'", "sample count"});
}

TEST(GraphErrors, DependencyCycleNamesPassesAndResource) {
  RenderGraph graph;
  TextureHandle t;
  const PassId a = graph.add_pass("produce", QueueKind::raster, [&](PassBuilder& p) {
    t = p.write(p.create_texture("bridge", {VK_FORMAT_R8G8B8A8_UNORM, 64, 64}), Usage::color_attachment);
  });
  const PassId b = graph.add_pass("consume", QueueKind::raster, [&](PassBuilder& p) { p.read(t, Usage::sampled); },
                                  PassFlags::side_effects);
  graph.add_dependency(b, a);  // "consume before produce": impossible
  expect_mentions(compile_error(graph),
                  {"dependency cycle", "pass 'produce'", "pass 'consume'", "via 'bridge'", "add_dependency"});

  RenderGraph self;
  const PassId lone = self.add_pass("lonely", QueueKind::compute, [](PassBuilder&) {}, PassFlags::side_effects);
  self.add_dependency(lone, lone);
  expect_mentions(compile_error(self), {"dependency cycle", "pass 'lonely'"});
}

TEST(GraphErrors, MisuseInACulledPassIsStillReported) {
  RenderGraph graph;
  graph.add_pass("dead_code", QueueKind::raster, [&](PassBuilder& p) {
    p.write(p.create_texture("never_used", {VK_FORMAT_D32_SFLOAT, 64, 64}), Usage::color_attachment);
  });
  expect_mentions(compile_error(graph), {"pass 'dead_code'", "'never_used'"});
}

TEST(GraphErrors, InvalidMemoryRequirementsNameTheResource) {
  RenderGraph graph;
  add_demo_frame(graph);
  auto misaligned = [](const TransientInfo& info) {
    return MemoryRequirements{1024, info.name == "hdr" ? 3u : 256u, 1};
  };
  expect_mentions(compile_error(graph, misaligned), {"'hdr'", "alignment 3"});
  auto no_type = [](const TransientInfo&) { return MemoryRequirements{1024, 256, 0}; };
  expect_mentions(compile_error(graph, no_type), {"memory type bits 0"});
}

TEST(GraphErrors, DependencyOnAMissingPass) {
  RenderGraph graph;
  const PassId a = graph.add_pass("a", QueueKind::compute, [](PassBuilder&) {}, PassFlags::side_effects);
  graph.add_dependency(a, PassId{42});
  expect_mentions(compile_error(graph), {"add_dependency", "42"});
}

TEST(GraphErrors, TwoDepthAttachmentsInOnePass) {
  RenderGraph graph;
  graph.add_pass("double_depth", QueueKind::raster, [&](PassBuilder& p) {
    p.write(p.create_texture("depth_a", {VK_FORMAT_D32_SFLOAT, 64, 64}), Usage::depth_attachment);
    p.write(p.create_texture("depth_b", {VK_FORMAT_D16_UNORM, 64, 64}), Usage::depth_attachment);
  }, PassFlags::side_effects);
  expect_mentions(compile_error(graph), {"pass 'double_depth'", "two depth attachments", "'depth_a'", "'depth_b'"});
}
