#pragma once
// Culling and execution order. Both only look at declarations: which pass
// produced each version (data edges), which passes read a version before the
// next write (write-after-read edges) and explicit dependencies.
#include <cstdint>
#include <vector>

#include "kagami/core/result.h"
#include "kagami/graph/compiled_graph.h"

namespace kagami::graph::detail {

// Sets PassInfo::root and ::culled. Roots: side-effect passes, passes that
// present, passes that write an exported import. Everything a live pass
// consumes keeps its producer alive. `culling` off keeps every pass.
void cull_passes(const RenderGraph& graph, bool culling, std::vector<PassInfo>& info,
                 std::vector<std::uint8_t>& scratch);

// Live passes in execution order: a topological order that keeps declaration
// order wherever the edges allow it. Fails on a dependency cycle, naming the
// passes and the resources along it.
Result<void> order_passes(const RenderGraph& graph, const std::vector<PassInfo>& info,
                          std::vector<std::uint32_t>& order);

}  // namespace kagami::graph::detail
