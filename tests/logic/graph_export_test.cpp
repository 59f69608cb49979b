// JSON and Graphviz exports of a compiled graph.
#include <gtest/gtest.h>

#include "kagami/graph/demo_frame.h"
#include "kagami/graph/graph_export.h"

using namespace kagami::graph;
using kagami::Json;

namespace {

CompiledGraph demo(bool with_debug_pass = false) {
  RenderGraph graph;
  add_demo_frame(graph);
  if (with_debug_pass) {
    graph.add_pass("debug \"normals\"", QueueKind::raster, [&](PassBuilder& p) {
      p.write(p.create_texture("debug_view", {VK_FORMAT_R8G8B8A8_UNORM, 64, 64}), Usage::color_attachment);
    });
  }
  auto compiled = compile(graph, {}, fake_memory_requirements());
  EXPECT_TRUE(compiled.ok()) << compiled.error().message;
  return std::move(compiled).value();
}

}  // namespace

TEST(GraphExport, JsonHasPassesInOrderWithAttachmentsAndBarriers) {
  const CompiledGraph g = demo();
  const Json j = to_json(g);
  ASSERT_EQ(j["passes"].size(), 8u);
  EXPECT_EQ(j["passes"][0]["name"], "shadow");
  EXPECT_EQ(j["passes"][7]["name"], "present");
  EXPECT_EQ(j["passes"][4]["queue"], "compute");
  EXPECT_EQ(j["passes"][2]["order"], 2);
  const Json& lighting = j["passes"][2];
  EXPECT_EQ(lighting["attachments"][0]["resource"], "hdr");
  EXPECT_EQ(lighting["attachments"][0]["load_op"], "CLEAR");
  EXPECT_EQ(lighting["attachments"][1]["store_op"], "NONE");
  const Json& barrier = lighting["barriers"][0]["images"][1];
  EXPECT_EQ(barrier["resource"], "shadow_map");
  EXPECT_EQ(barrier["old_layout"], "DEPTH_ATTACHMENT_OPTIMAL");
  EXPECT_EQ(barrier["new_layout"], "DEPTH_READ_ONLY_OPTIMAL");
  EXPECT_EQ(barrier["dst_stages"], "FRAGMENT_SHADER");
  EXPECT_EQ(barrier["dst_access"], "SHADER_SAMPLED_READ");
  EXPECT_EQ(j["passes"][3]["barriers"][0]["buffers"][0]["resource"], "particle_instances");
  EXPECT_EQ(j["final_barriers"][0]["images"][0]["new_layout"], "PRESENT_SRC_KHR");
  EXPECT_FALSE(j["passes"][0].contains("gpu_ms"));
}

TEST(GraphExport, JsonHasResourcesLifetimesHeapsAndMemory) {
  const CompiledGraph g = demo(true);
  const Json j = to_json(g);
  ASSERT_EQ(j["culled"].size(), 1u);
  EXPECT_EQ(j["culled"][0]["name"], "debug \"normals\"");
  EXPECT_FALSE(j["culled"][0].contains("order"));
  const Json* hdr = nullptr;
  const Json* debug = nullptr;
  for (const Json& r : j["resources"]) {
    if (r["name"] == "hdr") hdr = &r;
    if (r["name"] == "debug_view") debug = &r;
  }
  ASSERT_NE(hdr, nullptr);
  EXPECT_EQ((*hdr)["format"], "R16G16B16A16_SFLOAT");
  EXPECT_EQ((*hdr)["first_use"], 2);
  EXPECT_EQ((*hdr)["last_use"], 5);
  EXPECT_EQ((*hdr)["first_pass"], "lighting");
  EXPECT_EQ((*hdr)["last_pass"], "tonemap");
  EXPECT_EQ((*hdr)["heap"], 0);
  EXPECT_EQ((*hdr)["offset"], g.resources[6].placement.offset);  // hdr: after 4 imports and 2 transients
  EXPECT_EQ(g.resource_name(ResourceId{6}), "hdr");
  EXPECT_EQ((*hdr)["bytes"], 1920u * 1080u * 8u);
  ASSERT_NE(debug, nullptr);
  EXPECT_TRUE((*debug)["first_use"].is_null());
  EXPECT_FALSE(debug->contains("heap"));
  ASSERT_EQ(j["heaps"].size(), 1u);
  EXPECT_EQ(j["heaps"][0]["size"], g.bytes_with_aliasing);
  EXPECT_EQ(j["memory"]["bytes_with_aliasing"], g.bytes_with_aliasing);
  EXPECT_EQ(j["memory"]["bytes_without_aliasing"], g.bytes_without_aliasing);
  EXPECT_EQ(j["memory"]["bytes_saved"], g.bytes_without_aliasing - g.bytes_with_aliasing);
  const Json& swapchain = j["resources"][3];
  EXPECT_EQ(swapchain["name"], "swapchain");
  EXPECT_EQ(swapchain["final_state"]["layout"], "PRESENT_SRC_KHR");
  EXPECT_EQ(swapchain["end_state"]["layout"], "PRESENT_SRC_KHR");
}

TEST(GraphExport, JsonCarriesPerPassTimingsWhenGiven) {
  const CompiledGraph g = demo(true);
  std::vector<PassTiming> timings(g.pass_info.size());
  for (std::size_t i = 0; i < timings.size(); ++i) timings[i] = {0.5 * static_cast<double>(i), 0.25};
  const Json j = to_json(g, timings);
  EXPECT_DOUBLE_EQ(j["passes"][2]["gpu_ms"].get<double>(), 1.0);  // PassId 2 = lighting
  EXPECT_DOUBLE_EQ(j["passes"][2]["cpu_ms"].get<double>(), 0.25);
  EXPECT_FALSE(j["culled"][0].contains("gpu_ms"));
}

TEST(GraphExport, DotDrawsPassesResourcesAndEdges) {
  const CompiledGraph g = demo(true);
  const std::string dot = to_dot(g);
  EXPECT_EQ(dot.rfind("digraph render_graph {", 0), 0u);
  EXPECT_NE(dot.find("p0 [shape=box"), std::string::npos);
  EXPECT_NE(dot.find("label=\"shadow\\n#0 raster\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"debug \\\"normals\\\"\\nculled\""), std::string::npos) << dot;  // escaped, dashed
  EXPECT_NE(dot.find("style=\"rounded,dashed\""), std::string::npos);
  EXPECT_NE(dot.find("shadow_map\\nD32_SFLOAT 2048x2048"), std::string::npos);
  EXPECT_NE(dot.find("peripheries=2"), std::string::npos);  // imports
  EXPECT_NE(dot.find("shape=cylinder"), std::string::npos);  // buffers
  // shadow writes shadow_map (version 1), lighting samples it.
  const std::string shadow_map = "r" + std::to_string(4);
  EXPECT_NE(dot.find("p0 -> " + shadow_map + " [label=\"depth_attachment v1\"]"), std::string::npos) << dot;
  EXPECT_NE(dot.find(shadow_map + " -> p2 [label=\"sampled v1\"]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("[label=\"depth_read_only+sampled v1\"]"), std::string::npos);
  EXPECT_EQ(dot.back(), '\n');
}

TEST(GraphExport, OutputIsDeterministic) {
  const CompiledGraph a = demo(true);
  const CompiledGraph b = demo(true);
  EXPECT_EQ(kagami::dump_json(to_json(a)), kagami::dump_json(to_json(b)));
  EXPECT_EQ(to_dot(a), to_dot(b));
}
