#include "ordering.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <string>

namespace kagami::graph::detail {

void cull_passes(const RenderGraph& graph, bool culling, std::vector<PassInfo>& info,
                 std::vector<std::uint8_t>& live) {
  const auto passes = graph.passes();
  const auto resources = graph.resources();
  const auto accesses = graph.accesses();
  live.assign(passes.size(), culling ? 0 : 1);
  for (std::uint32_t p = 0; p < passes.size(); ++p) {
    bool root = passes[p].side_effects;
    for (const AccessDecl& a : graph.accesses(PassId{p})) {
      const ResourceDecl& r = resources[a.resource.index];
      if (has_usage(a.usages, Usage::present) || (a.writes && r.imported && r.exported)) root = true;
    }
    info[p].root = root;
    if (root) live[p] = 1;
  }
  // Producers are always declared before their consumers (a handle to a
  // version exists only once its write is declared), so one backward sweep
  // propagates liveness completely.
  for (std::uint32_t p = static_cast<std::uint32_t>(passes.size()); p-- > 0;) {
    if (!live[p]) continue;
    for (const AccessDecl& a : graph.accesses(PassId{p})) {
      if (a.producer != kInvalidIndex) live[accesses[a.producer].pass.index] = 1;
    }
  }
  for (std::uint32_t p = 0; p < passes.size(); ++p) info[p].culled = live[p] == 0;
}

namespace {

struct Edge {
  std::uint32_t from;
  std::uint32_t to;
  std::uint32_t resource;  // kInvalidIndex: explicit dependency
};

std::vector<Edge> collect_edges(const RenderGraph& graph) {
  const auto accesses = graph.accesses();
  std::vector<Edge> edges;
  edges.reserve(accesses.size() * 2 + graph.dependencies().size());
  for (const AccessDecl& a : accesses) {
    if (a.producer != kInvalidIndex) edges.push_back({accesses[a.producer].pass.index, a.pass.index, a.resource.index});
    if (has_usage(a.usages, Usage::present)) {
      // Presenting hands the image over: every other reader of it goes first.
      for (std::uint32_t r = a.next_reader; r != kInvalidIndex; r = accesses[r].next_reader) {
        if (accesses[r].pass != a.pass) edges.push_back({accesses[r].pass.index, a.pass.index, a.resource.index});
      }
    }
    if (!a.writes) continue;
    // Readers of the version this write replaces run before it.
    for (std::uint32_t r = a.readers; r != kInvalidIndex; r = accesses[r].next_reader) {
      if (accesses[r].pass != a.pass) edges.push_back({accesses[r].pass.index, a.pass.index, a.resource.index});
    }
  }
  for (const Dependency& d : graph.dependencies()) edges.push_back({d.before.index, d.after.index, kInvalidIndex});
  return edges;
}

Error describe_cycle(const RenderGraph& graph, const std::vector<Edge>& edges, const std::vector<std::uint32_t>& indegree) {
  // Every pass left with a positive in-degree has an unprocessed predecessor,
  // so walking predecessors from one of them must come back to a pass seen before.
  std::uint32_t start = 0;
  while (indegree[start] == 0) ++start;
  std::vector<std::uint32_t> path{start};
  std::vector<const Edge*> via;
  std::vector<std::uint32_t> seen_at(indegree.size(), kInvalidIndex);
  seen_at[start] = 0;
  for (;;) {
    const std::uint32_t node = path.back();
    const Edge* in = nullptr;
    for (const Edge& e : edges) {
      if (e.to == node && indegree[e.from] > 0) {
        in = &e;
        break;
      }
    }
    via.push_back(in);
    const std::uint32_t prev = in->from;
    if (seen_at[prev] != kInvalidIndex) {
      // Cycle: prev -> path[k-1] ... where path[seen_at[prev]] == prev. Print it forwards.
      std::string text = cat("dependency cycle: pass '", graph.pass_name(PassId{prev}), "'");
      for (std::size_t i = path.size(); i-- > seen_at[prev];) {
        const Edge* e = via[i];
        text += e->resource == kInvalidIndex
                    ? std::string(" -> (add_dependency) ")
                    : cat(" -> (via '", graph.resource_name(ResourceId{e->resource}), "') ");
        text += cat("pass '", graph.pass_name(PassId{path[i]}), "'");
      }
      return Error{text};
    }
    seen_at[prev] = static_cast<std::uint32_t>(path.size());
    path.push_back(prev);
  }
}

}  // namespace

Result<void> order_passes(const RenderGraph& graph, const std::vector<PassInfo>& info,
                          std::vector<std::uint32_t>& order) {
  const auto n = static_cast<std::uint32_t>(info.size());
  order.clear();
  // Data and write-after-read edges always point from an earlier declaration
  // to a later one, so declaration order is a valid order unless an explicit
  // dependency points backwards.
  bool forward_only = true;
  for (const Dependency& d : graph.dependencies()) forward_only &= d.before.index < d.after.index;
  if (forward_only) {
    for (std::uint32_t p = 0; p < n; ++p) {
      if (!info[p].culled) order.push_back(p);
    }
    return {};
  }

  // Kahn's algorithm over every pass (a cycle among culled passes is still a
  // declaration error), always taking the earliest-declared ready pass.
  const std::vector<Edge> edges = collect_edges(graph);
  std::vector<std::uint32_t> offsets(n + 1, 0), indegree(n, 0), targets(edges.size());
  for (const Edge& e : edges) {
    ++offsets[e.from + 1];
    ++indegree[e.to];
  }
  for (std::uint32_t p = 0; p < n; ++p) offsets[p + 1] += offsets[p];
  {
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (const Edge& e : edges) targets[fill[e.from]++] = e.to;
  }
  std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> ready;
  for (std::uint32_t p = 0; p < n; ++p) {
    if (indegree[p] == 0) ready.push(p);
  }
  std::uint32_t processed = 0;
  while (!ready.empty()) {
    const std::uint32_t p = ready.top();
    ready.pop();
    ++processed;
    if (!info[p].culled) order.push_back(p);
    for (std::uint32_t i = offsets[p]; i < offsets[p + 1]; ++i) {
      if (--indegree[targets[i]] == 0) ready.push(targets[i]);
    }
  }
  if (processed != n) return describe_cycle(graph, edges, indegree);
  return {};
}

}  // namespace kagami::graph::detail
