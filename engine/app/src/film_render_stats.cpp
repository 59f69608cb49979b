#include "film_render_stats.h"

#include <algorithm>
#include <cstdio>

#include "kagami/graph/pass_timings.h"

namespace kagami::app {
namespace {

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

}  // namespace

void FilmRenderStats::add_frame(std::size_t act, double wall_seconds, const graph::CompiledGraph& graph,
                                std::span<const graph::PassTiming> timings) {
  Act& a = acts_[act];
  ++a.frames;
  a.wall_seconds += wall_seconds;
  const std::vector<graph::PassCost> passes = graph::slowest_passes(graph, timings, graph.passes.size());
  if (passes.empty() || passes.front().gpu_ms <= 0.0) return;  // no timestamps (yet)
  double total = 0.0;
  for (const graph::PassCost& pass : passes) {
    a.pass_gpu_ms[pass.name].push_back(pass.gpu_ms);
    total += pass.gpu_ms;
  }
  a.frame_gpu_ms.push_back(total);
}

std::string FilmRenderStats::report(const sequencer::Film& film, std::size_t passes_per_act) const {
  std::string out;
  char line[160];
  for (const auto& [index, act] : acts_) {
    const std::string name = index < film.acts.size() ? film.acts[index].name : "act " + std::to_string(index);
    std::vector<std::pair<std::string, double>> passes;
    for (const auto& [pass, times] : act.pass_gpu_ms) passes.emplace_back(pass, median(times));
    std::stable_sort(passes.begin(), passes.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::snprintf(line, sizeof line, "%s: %zu frames, %.2f fps, median gpu %.1f ms per frame\n", name.c_str(),
                  act.frames, act.wall_seconds > 0.0 ? double(act.frames) / act.wall_seconds : 0.0,
                  median(act.frame_gpu_ms));
    out += line;
    for (std::size_t i = 0; i < std::min(passes_per_act, passes.size()); ++i) {
      std::snprintf(line, sizeof line, "  %-24.24s %8.2f ms\n", passes[i].first.c_str(), passes[i].second);
      out += line;
    }
  }
  return out;
}

}  // namespace kagami::app
