#pragma once
// The reference frame: shadow -> depth prepass -> lighting -> particles ->
// bloom -> tonemap -> UI -> present, with realistic formats. Tests pin its
// barrier plan, the benchmark reports its aliasing savings, and tools can
// show it before the renderer builds real frames.
#include <cstdint>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/render_graph.h"

namespace kagami::graph {

struct DemoFrame {
  PassId shadow, depth_prepass, lighting, particles, bloom, tonemap, ui, present;
  ResourceId shadow_map, depth, hdr, bloom_chain, ldr;          // transients
  ResourceId swapchain, scene_geometry, particle_instances, ui_vertices;  // imports
};

// Declares the frame into `graph` at width x height (the shadow map is 2048^2).
DemoFrame add_demo_frame(RenderGraph& graph, std::uint32_t width = 1920, std::uint32_t height = 1080);

// A deterministic stand-in for vkGet*MemoryRequirements: textures take
// estimate_texture_bytes(), buffers their size, everything aligned to
// `alignment`, one memory type for all.
MemoryRequirementsFn fake_memory_requirements(VkDeviceSize alignment = 64 * 1024);

}  // namespace kagami::graph
