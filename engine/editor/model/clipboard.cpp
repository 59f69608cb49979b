#include "kagami/editor/clipboard.h"

#include <unordered_map>
#include <unordered_set>

namespace kagami::editor {

using scene::Entity;
using scene::EntityId;
using scene::kNoEntity;
using scene::Scene;

namespace {

// Every entity of the subtrees rooted at the top-level ones among `ids`, parents first,
// with the index of each one's parent in the list (-1 for the roots).
struct Subtrees {
  std::vector<EntityId> order;
  std::vector<int> parent;
};

Subtrees collect(const Scene& scene, const std::vector<EntityId>& ids) {
  std::unordered_set<EntityId> selected(ids.begin(), ids.end());
  std::unordered_map<EntityId, std::vector<EntityId>> kids;
  for (const Entity& e : scene.entities())
    if (e.parent() != kNoEntity) kids[e.parent()].push_back(e.id());
  Subtrees s;
  std::unordered_map<EntityId, int> position;
  for (EntityId id : ids) {
    const Entity* e = scene.find(id);
    if (!e || position.contains(id)) continue;
    bool below = false;
    for (const Entity* p = scene.find(e->parent()); p && !below; p = scene.find(p->parent()))
      below = selected.contains(p->id());
    if (below) continue;
    position[id] = int(s.order.size());
    s.order.push_back(id);
    s.parent.push_back(-1);
  }
  for (std::size_t k = 0; k < s.order.size(); ++k) {
    auto it = kids.find(s.order[k]);
    if (it == kids.end()) continue;
    for (EntityId child : it->second) {
      position[child] = int(s.order.size());
      s.order.push_back(child);
      s.parent.push_back(int(k));
    }
  }
  return s;
}

}  // namespace

Clipboard copy_entities(const Scene& scene, const std::vector<EntityId>& ids) {
  Subtrees s = collect(scene, ids);
  Clipboard clip;
  for (std::size_t i = 0; i < s.order.size(); ++i) {
    Entity content = *scene.find(s.order[i]);
    if (s.parent[i] < 0) content.transform = scene::Transform::from_matrix(scene.world_transform(s.order[i]));
    clip.items.push_back({std::move(content), s.parent[i]});
  }
  return clip;
}

Result<std::unique_ptr<AddEntities>> paste_entities(const Scene& scene, const Clipboard& clipboard, EntityId parent) {
  if (clipboard.empty()) return make_error("Paste: the clipboard is empty");
  if (parent != kNoEntity && !scene.find(parent)) return make_error("Paste: parent ", parent, " does not exist");
  const glm::mat4 parent_inverse = glm::inverse(scene.world_transform(parent));
  std::vector<NewEntity> added;
  EntityId next = scene.max_id() + 1;
  for (const Clipboard::Item& item : clipboard.items) {
    NewEntity n{next++, kNoEntity, item.content};
    if (item.parent < 0) {
      n.parent = parent;
      n.content.transform = scene::Transform::from_matrix(parent_inverse * item.content.transform.matrix());
    } else {
      n.parent = added[std::size_t(item.parent)].id;
    }
    added.push_back(std::move(n));
  }
  return std::make_unique<AddEntities>("Paste", std::move(added));
}

Result<std::unique_ptr<AddEntities>> duplicate_entities(const Scene& scene, const std::vector<EntityId>& ids) {
  Subtrees s = collect(scene, ids);
  if (s.order.empty()) return make_error("Duplicate: nothing selected");
  std::vector<NewEntity> added;
  EntityId next = scene.max_id() + 1;
  for (std::size_t i = 0; i < s.order.size(); ++i) {
    const Entity& original = *scene.find(s.order[i]);
    EntityId parent = s.parent[i] < 0 ? original.parent() : added[std::size_t(s.parent[i])].id;
    added.push_back({next++, parent, original});
  }
  return std::make_unique<AddEntities>("Duplicate", std::move(added));
}

std::unique_ptr<AddEntities> create_entity(const Scene& scene, Entity content, EntityId parent) {
  std::vector<NewEntity> added{{scene.max_id() + 1, parent, std::move(content)}};
  return std::make_unique<AddEntities>("Create", std::move(added));
}

}  // namespace kagami::editor
