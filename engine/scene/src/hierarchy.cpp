#include "kagami/scene/hierarchy.h"

#include <unordered_map>

namespace kagami::scene {

std::string HierarchyProblem::describe(std::span<const EntityId> ids, std::span<const EntityId> parents) const {
  switch (kind) {
    case Kind::zero_id: return "id must be > 0";
    case Kind::duplicate_id: return cat("duplicate id ", ids[index], " (also entities[", first, "])");
    case Kind::missing_parent: return cat("unknown parent ", parents[index], ": no entity has this id");
    case Kind::cycle: {
      std::string text = "parent chain loops: ";
      for (std::size_t i = 0; i < chain.size(); ++i) text += cat(i ? " -> " : "", chain[i]);
      return text;
    }
  }
  return "?";
}

HierarchyOrder order_parents_first(std::span<const EntityId> ids, std::span<const EntityId> parents) {
  HierarchyOrder result;
  const std::size_t n = ids.size();
  std::unordered_map<EntityId, std::size_t> index;
  index.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (ids[i] == kNoEntity) {
      result.problem = HierarchyProblem{HierarchyProblem::Kind::zero_id, i};
      return result;
    }
    auto [it, inserted] = index.emplace(ids[i], i);
    if (!inserted) {
      result.problem = HierarchyProblem{HierarchyProblem::Kind::duplicate_id, i, it->second};
      return result;
    }
  }
  std::vector<std::ptrdiff_t> parent_index(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    if (parents[i] == kNoEntity) continue;
    auto it = index.find(parents[i]);
    if (it == index.end()) {
      result.problem = HierarchyProblem{HierarchyProblem::Kind::missing_parent, i};
      return result;
    }
    parent_index[i] = static_cast<std::ptrdiff_t>(it->second);
  }

  // Walk up from each unvisited entity; meeting an entity on the current walk is a cycle.
  enum : std::uint8_t { unvisited, on_path, done };
  std::vector<std::uint8_t> state(n, unvisited);
  std::vector<std::size_t> path;
  result.order.reserve(n);
  for (std::size_t start = 0; start < n; ++start) {
    if (state[start] != unvisited) continue;
    path.clear();
    std::ptrdiff_t cur = static_cast<std::ptrdiff_t>(start);
    while (cur >= 0 && state[cur] == unvisited) {
      state[cur] = on_path;
      path.push_back(static_cast<std::size_t>(cur));
      cur = parent_index[cur];
    }
    if (cur >= 0 && state[cur] == on_path) {
      // The loop is the part of the path from `cur` on. Blame its first entity in scene order.
      std::size_t from = 0;
      while (path[from] != static_cast<std::size_t>(cur)) ++from;
      std::size_t blame = path[from];
      for (std::size_t k = from; k < path.size(); ++k) blame = std::min(blame, path[k]);
      HierarchyProblem problem{HierarchyProblem::Kind::cycle, blame};
      std::size_t at = blame;
      do {
        problem.chain.push_back(ids[at]);
        at = static_cast<std::size_t>(parent_index[at]);
      } while (at != blame);
      problem.chain.push_back(ids[blame]);
      result.order.clear();
      result.problem = std::move(problem);
      return result;
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      state[*it] = done;
      result.order.push_back(*it);
    }
  }
  return result;
}

}  // namespace kagami::scene
