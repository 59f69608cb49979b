// Declaring passes: typed versioned handles, merging usages, and the misuse
// that is caught while declaring (reported by compile with pass and resource named).
#include <gtest/gtest.h>

#include <optional>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/demo_frame.h"

using namespace kagami::graph;

namespace {

const TextureDesc kColor{VK_FORMAT_R16G16B16A16_SFLOAT, 256, 256};

std::string compile_error(const RenderGraph& graph) {
  auto compiled = compile(graph, {}, fake_memory_requirements());
  return compiled.ok() ? std::string("(compiled fine)") : compiled.error().message;
}

}  // namespace

TEST(GraphDeclaration, WritesReturnTheNextVersionAndReadsKeepIt) {
  RenderGraph graph;
  TextureHandle t0, t1, t2, read;
  graph.add_pass("a", QueueKind::raster, [&](PassBuilder& p) {
    t0 = p.create_texture("target", kColor);
    t1 = p.write(t0, Usage::color_attachment);
  });
  graph.add_pass("b", QueueKind::raster, [&](PassBuilder& p) { t2 = p.write(t1, Usage::color_attachment); });
  graph.add_pass("c", QueueKind::raster, [&](PassBuilder& p) { read = p.read(t2, Usage::sampled); }, PassFlags::side_effects);
  EXPECT_EQ(t0.version, 0u);
  EXPECT_EQ(t1.version, 1u);
  EXPECT_EQ(t2.version, 2u);
  EXPECT_EQ(read, t2);
  EXPECT_EQ(t0.index, t2.index);
  EXPECT_TRUE(graph.errors().empty());
  ASSERT_EQ(graph.accesses().size(), 3u);
  // Each access records which access produced the version it consumes.
  EXPECT_EQ(graph.accesses()[0].producer, kInvalidIndex);
  EXPECT_EQ(graph.accesses()[1].producer, 0u);
  EXPECT_EQ(graph.accesses()[2].producer, 1u);
}

TEST(GraphDeclaration, StaleHandleIsAnErrorNamingPassAndResource) {
  RenderGraph graph;
  TextureHandle v1, v2;
  graph.add_pass("draw", QueueKind::raster, [&](PassBuilder& p) {
    v1 = p.write(p.create_texture("albedo", kColor), Usage::color_attachment);
  });
  graph.add_pass("decals", QueueKind::raster, [&](PassBuilder& p) { v2 = p.write(v1, Usage::color_attachment); });
  graph.add_pass("late_reader", QueueKind::raster, [&](PassBuilder& p) { p.read(v1, Usage::sampled); });
  ASSERT_EQ(graph.errors().size(), 1u);
  const std::string message = compile_error(graph);
  EXPECT_NE(message.find("late_reader"), std::string::npos) << message;
  EXPECT_NE(message.find("'albedo'"), std::string::npos) << message;
  EXPECT_NE(message.find("stale"), std::string::npos) << message;
  EXPECT_NE(message.find("decals"), std::string::npos) << message;  // who wrote the latest version
}

TEST(GraphDeclaration, TwoWritersOfOneVersionIsAnError) {
  RenderGraph graph;
  TextureHandle v0;
  graph.add_pass("first", QueueKind::raster, [&](PassBuilder& p) {
    v0 = p.create_texture("gbuffer", kColor);
    p.write(v0, Usage::color_attachment);
  });
  graph.add_pass("second", QueueKind::compute, [&](PassBuilder& p) { p.write(v0, Usage::storage_write); });
  const std::string message = compile_error(graph);
  EXPECT_NE(message.find("pass 'second'"), std::string::npos) << message;
  EXPECT_NE(message.find("'gbuffer'"), std::string::npos) << message;
  EXPECT_NE(message.find("two writers"), std::string::npos) << message;
  EXPECT_NE(message.find("'first'"), std::string::npos) << message;
}

TEST(GraphDeclaration, ReadingWhatNobodyWroteIsAnError) {
  RenderGraph graph;
  TextureHandle t;
  graph.add_pass("make", QueueKind::raster, [&](PassBuilder& p) { t = p.create_texture("ghost", kColor); });
  graph.add_pass("use", QueueKind::raster, [&](PassBuilder& p) { p.read(t, Usage::sampled); });
  const std::string message = compile_error(graph);
  EXPECT_NE(message.find("pass 'use'"), std::string::npos) << message;
  EXPECT_NE(message.find("'ghost'"), std::string::npos) << message;
  EXPECT_NE(message.find("no pass writes"), std::string::npos) << message;

  // An import in UNDEFINED layout has no contents either; one in a real layout does.
  RenderGraph imports;
  TextureHandle blank = imports.import_texture("acquired", {kColor, {}, {}, false, true});
  TextureHandle history = imports.import_texture(
      "history", {kColor, {VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                           VK_ACCESS_2_SHADER_SAMPLED_READ_BIT}});
  imports.add_pass("taa", QueueKind::raster, [&](PassBuilder& p) {
    p.read(history, Usage::sampled);
    p.read(blank, Usage::sampled);
  }, PassFlags::side_effects);
  ASSERT_EQ(imports.errors().size(), 1u);
  EXPECT_NE(imports.errors()[0].message.find("'acquired'"), std::string::npos);
}

TEST(GraphDeclaration, WritingAReadOnlyImportIsAnError) {
  RenderGraph graph;
  BufferHandle mesh = graph.import_buffer("mesh_vertices", {{1024}, {}, {}, true, false});
  graph.add_pass("skin", QueueKind::compute, [&](PassBuilder& p) { p.write(mesh, Usage::storage_write); });
  const std::string message = compile_error(graph);
  EXPECT_NE(message.find("pass 'skin'"), std::string::npos) << message;
  EXPECT_NE(message.find("'mesh_vertices'"), std::string::npos) << message;
  EXPECT_NE(message.find("read-only"), std::string::npos) << message;
}

TEST(GraphDeclaration, UsageMustMatchReadOrWrite) {
  RenderGraph graph;
  TextureHandle t;
  graph.add_pass("a", QueueKind::raster, [&](PassBuilder& p) {
    t = p.write(p.create_texture("t", kColor), Usage::color_attachment);
  });
  graph.add_pass("b", QueueKind::raster, [&](PassBuilder& p) { p.read(t, Usage::color_attachment); });
  const std::string message = compile_error(graph);
  EXPECT_NE(message.find("pass 'b' reads 't' with usage color_attachment"), std::string::npos) << message;
}

TEST(GraphDeclaration, InvalidHandlesAreErrors) {
  RenderGraph graph;
  BufferHandle buffer;
  graph.add_pass("a", QueueKind::compute, [&](PassBuilder& p) {
    buffer = p.write(p.create_buffer("counts", {256}), Usage::storage_write);
  });
  graph.add_pass("b", QueueKind::raster, [&](PassBuilder& p) {
    p.read(TextureHandle{}, Usage::sampled);              // never created
    p.read(TextureHandle{buffer.index, 1}, Usage::sampled);  // a buffer's index in a texture handle
    p.read(BufferHandle{buffer.index, 7}, Usage::uniform);   // a version from the future
  });
  ASSERT_EQ(graph.errors().size(), 3u);
  EXPECT_NE(graph.errors()[0].message.find("invalid texture handle"), std::string::npos);
  EXPECT_NE(graph.errors()[1].message.find("invalid texture handle"), std::string::npos);
  EXPECT_NE(graph.errors()[2].message.find("version 7, which does not exist"), std::string::npos);
}

TEST(GraphDeclaration, UsagesOfOneResourceInOnePassMerge) {
  RenderGraph graph;
  TextureHandle depth, field;
  graph.add_pass("prepass", QueueKind::raster, [&](PassBuilder& p) {
    depth = p.write(p.create_texture("depth", {VK_FORMAT_D32_SFLOAT, 64, 64}), Usage::depth_attachment);
  });
  graph.add_pass("init", QueueKind::compute, [&](PassBuilder& p) {
    field = p.write(p.create_texture("field", kColor), Usage::storage_write);
  });
  graph.add_pass("soft_particles", QueueKind::raster, [&](PassBuilder& p) {
    p.read(depth, Usage::depth_read_only);
    p.read(depth, Usage::sampled);
  }, PassFlags::side_effects);
  TextureHandle next;
  graph.add_pass("simulate", QueueKind::compute, [&](PassBuilder& p) {
    next = p.write(field, Usage::storage_write);  // write first, then read the consumed version: same access
    p.read(field, Usage::storage_read);
  }, PassFlags::side_effects);
  ASSERT_TRUE(graph.errors().empty()) << graph.errors()[0].message;
  EXPECT_EQ(next.version, 2u);
  auto compiled = compile(graph, {}, fake_memory_requirements());
  ASSERT_TRUE(compiled.ok()) << compiled.error().message;
  auto soft = compiled->accesses_of(PassId{2});
  ASSERT_EQ(soft.size(), 1u);
  EXPECT_EQ(soft[0].layout, VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL);
  EXPECT_EQ(soft[0].stages, VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT |
                                VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT);
  auto sim = compiled->accesses_of(PassId{3});
  ASSERT_EQ(sim.size(), 1u);
  EXPECT_TRUE(sim[0].writes);
  EXPECT_EQ(sim[0].access, VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
  EXPECT_EQ(sim[0].layout, VK_IMAGE_LAYOUT_GENERAL);
}

TEST(GraphDeclaration, ReadingYourOwnOutputOrWritingTwiceIsAnError) {
  RenderGraph graph;
  graph.add_pass("loop", QueueKind::compute, [&](PassBuilder& p) {
    TextureHandle out = p.write(p.create_texture("feedback", kColor), Usage::storage_write);
    p.read(out, Usage::sampled);
  });
  graph.add_pass("twice", QueueKind::compute, [&](PassBuilder& p) {
    TextureHandle t = p.create_texture("scratch", kColor);
    p.write(t, Usage::storage_write);
    p.write(t, Usage::storage_write);
  });
  ASSERT_EQ(graph.errors().size(), 2u);
  EXPECT_NE(graph.errors()[0].message.find("pass 'loop' reads 'feedback' version 1, which it writes itself"),
            std::string::npos)
      << graph.errors()[0].message;
  EXPECT_NE(graph.errors()[1].message.find("pass 'twice' writes 'scratch' twice"), std::string::npos)
      << graph.errors()[1].message;
}

TEST(GraphDeclaration, BadDescriptionsAreErrors) {
  RenderGraph graph;
  graph.add_pass("make", QueueKind::raster, [&](PassBuilder& p) {
    p.create_texture("empty", {VK_FORMAT_R8G8B8A8_UNORM, 0, 16});
    p.create_texture("too_many_mips", {VK_FORMAT_R8G8B8A8_UNORM, 16, 16, 6});
    p.create_texture("formatless", {VK_FORMAT_UNDEFINED, 16, 16});
    p.create_texture("msaa_mips", {VK_FORMAT_R8G8B8A8_UNORM, 16, 16, 2, 1, VK_SAMPLE_COUNT_4_BIT});
    p.create_buffer("nothing", {0});
  });
  ASSERT_EQ(graph.errors().size(), 5u);
  EXPECT_NE(graph.errors()[0].message.find("'empty' with an empty extent 0x16"), std::string::npos);
  EXPECT_NE(graph.errors()[1].message.find("'too_many_mips' with 6 mip levels (1 to 5"), std::string::npos);
  EXPECT_NE(graph.errors()[2].message.find("'formatless' without a format"), std::string::npos);
  EXPECT_NE(graph.errors()[3].message.find("'msaa_mips'"), std::string::npos);
  EXPECT_NE(graph.errors()[4].message.find("'nothing' with size 0"), std::string::npos);
  for (const auto& e : graph.errors()) EXPECT_NE(e.message.find("pass 'make'"), std::string::npos) << e.message;
}

TEST(GraphDeclaration, ClearKeepsNothingButStorage) {
  RenderGraph graph;
  add_demo_frame(graph);
  graph.add_pass("bad", QueueKind::raster, [&](PassBuilder& p) { p.read(TextureHandle{}, Usage::sampled); });
  EXPECT_FALSE(graph.errors().empty());
  graph.clear();
  EXPECT_TRUE(graph.passes().empty());
  EXPECT_TRUE(graph.resources().empty());
  EXPECT_TRUE(graph.errors().empty());
  const DemoFrame frame = add_demo_frame(graph);
  EXPECT_EQ(graph.pass_name(frame.present), "present");
  EXPECT_EQ(graph.resource_name(frame.hdr), "hdr");
  EXPECT_TRUE(compile(graph, {}, fake_memory_requirements()).ok());
}

TEST(GraphDeclaration, BuildersOnlyWorkInsideTheirSetup) {
  RenderGraph graph;
  std::optional<PassBuilder> kept;
  TextureHandle t;
  graph.add_pass("outer", QueueKind::raster, [&](PassBuilder& p) {
    kept = p;
    t = p.write(p.create_texture("t", kColor), Usage::color_attachment);
    graph.add_pass("inner", QueueKind::raster, [](PassBuilder&) {});
  });
  ASSERT_FALSE(graph.errors().empty());
  EXPECT_EQ(graph.errors()[0].message, "pass 'inner' is declared inside the setup of pass 'outer'");

  RenderGraph late;
  late.add_pass("a", QueueKind::raster, [&](PassBuilder& p) {
    kept = p;
    t = p.write(p.create_texture("t", kColor), Usage::color_attachment);
  }, PassFlags::side_effects);
  kept->read(t, Usage::sampled);
  ASSERT_EQ(late.errors().size(), 1u);
  EXPECT_EQ(late.errors()[0].message, "pass 'a' declares an access after its setup returned");
}
