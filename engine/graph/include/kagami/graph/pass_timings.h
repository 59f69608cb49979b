#pragma once
// Per-pass GPU timings as lines a person reads: the player's overlay shows
// where a frame's time goes without leaving the window.
#include <span>
#include <string>
#include <vector>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/graph_export.h"

namespace kagami::graph {

struct PassCost {
  std::string name;
  double gpu_ms = 0.0;
};

// The live passes of `graph` with the most GPU time (by `timings`, indexed by
// PassId), slowest first, at most `count`; passes with equal time keep
// execution order. Passes without a timing count as 0 ms.
std::vector<PassCost> slowest_passes(const CompiledGraph& graph, std::span<const PassTiming> timings, std::size_t count);

// The sum of every live pass's GPU time.
double total_gpu_ms(const CompiledGraph& graph, std::span<const PassTiming> timings);

}  // namespace kagami::graph
