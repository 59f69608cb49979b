#pragma once
// The reader's way past Scene's invariants: a file may name a parent that comes
// later in the file, so it sets ids and parents itself, checks the whole
// hierarchy (order_parents_first), and only then hands the entities over.
#include <vector>

#include "kagami/scene/scene.h"

namespace kagami::scene::detail {

struct SceneAccess {
  static void set_links(Entity& entity, EntityId id, EntityId parent) {
    entity.id_ = id;
    entity.parent_ = parent;
  }
  // `entities` must already satisfy the invariants (unique ids > 0, parents exist, no cycle).
  static void adopt(Scene& scene, std::vector<Entity> entities) {
    scene.entities_ = std::move(entities);
    scene.rebuild_index();
  }
};

}  // namespace kagami::scene::detail
