#include "kagami/graph/pass_timings.h"

#include <algorithm>

namespace kagami::graph {

std::vector<PassCost> slowest_passes(const CompiledGraph& graph, std::span<const PassTiming> timings, std::size_t count) {
  std::vector<PassCost> costs;
  for (const CompiledPass& pass : graph.passes)
    costs.push_back({std::string(graph.pass_name(pass.id)), pass.id.index < timings.size() ? timings[pass.id.index].gpu_ms : 0.0});
  std::stable_sort(costs.begin(), costs.end(), [](const PassCost& a, const PassCost& b) { return a.gpu_ms > b.gpu_ms; });
  if (costs.size() > count) costs.resize(count);
  return costs;
}

double total_gpu_ms(const CompiledGraph& graph, std::span<const PassTiming> timings) {
  double total = 0.0;
  for (const CompiledPass& pass : graph.passes)
    if (pass.id.index < timings.size()) total += timings[pass.id.index].gpu_ms;
  return total;
}

}  // namespace kagami::graph
