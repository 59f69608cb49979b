#pragma once
// The transform hierarchy as plain data: ordering entities so parents come
// before their children, and finding what makes a set of parent links invalid
// (the scene reader uses this to point at the offending "parent" field).
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kagami/scene/scene.h"

namespace kagami::scene {

struct HierarchyProblem {
  enum class Kind {
    zero_id,         // ids must be > 0
    duplicate_id,    // `index` repeats the id of `first`
    missing_parent,  // `index` names a parent no entity has
    cycle,           // following parents from `index` comes back to it
  };
  Kind kind = Kind::zero_id;
  std::size_t index = 0;  // the entity to blame (for a cycle, the first in order that is on it)
  std::size_t first = 0;  // duplicate_id: the earlier entity with the same id
  std::vector<EntityId> chain;  // cycle: ids from `index` along parents back to it ("3 -> 5 -> 3")

  std::string describe(std::span<const EntityId> ids, std::span<const EntityId> parents) const;
};

struct HierarchyOrder {
  std::vector<std::size_t> order;  // indices, every parent before its children; empty on a problem
  std::optional<HierarchyProblem> problem;
};

// ids[i] and parents[i] describe entity i (parents[i] == kNoEntity for a root).
// Checks ids, then parents, then cycles; reports the first problem in entity order.
HierarchyOrder order_parents_first(std::span<const EntityId> ids, std::span<const EntityId> parents);

}  // namespace kagami::scene
