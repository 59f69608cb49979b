#pragma once
// Helpers shared by the graph compiler's logic tests.
#include <gtest/gtest.h>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/demo_frame.h"

namespace kagami::graph::testing {

inline const TextureDesc kColor{VK_FORMAT_R8G8B8A8_UNORM, 128, 128};

// Compiles and expects success; the memory requirements default to the demo's estimates.
inline CompiledGraph compile_ok(const RenderGraph& graph, const MemoryRequirementsFn& fn = fake_memory_requirements(),
                                CompileOptions options = {}) {
  auto compiled = compile(graph, options, fn);
  EXPECT_TRUE(compiled.ok()) << compiled.error().message;
  return compiled.ok() ? std::move(compiled).value() : CompiledGraph{};
}

inline CompiledGraph compile_ok(const RenderGraph& graph, CompileOptions options) {
  return compile_ok(graph, fake_memory_requirements(), options);
}

}  // namespace kagami::graph::testing
