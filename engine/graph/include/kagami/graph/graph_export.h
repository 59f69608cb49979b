#pragma once
// Exports of a compiled graph: JSON for tools and the editor (`kagami graph
// --json`), Graphviz DOT for a picture (`--dot`). Both are deterministic: the
// same graph gives the same bytes.
#include <span>
#include <string>

#include "kagami/core/json.h"
#include "kagami/graph/compiled_graph.h"

namespace kagami::graph {

// Measured cost of one pass, filled in by the executor after a frame.
struct PassTiming {
  double gpu_ms = 0.0;
  double cpu_ms = 0.0;
};

// Passes in execution order (accesses, attachments with load/store ops,
// barrier batches before each), culled passes, resources with lifetimes and
// placements, heaps, final barriers and memory totals. `timings`, when not
// empty, is indexed by PassId and adds "gpu_ms"/"cpu_ms" to each live pass.
Json to_json(const CompiledGraph& graph, std::span<const PassTiming> timings = {});

// Passes as boxes (culled ones dashed), resources as ellipses (imports with a
// double border), one edge per access labelled with its usages and version.
std::string to_dot(const CompiledGraph& graph);

}  // namespace kagami::graph
