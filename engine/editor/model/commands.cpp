#include "kagami/editor/commands.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace kagami::editor {

using scene::Entity;
using scene::EntityId;
using scene::kNoEntity;
using scene::Scene;

void assign_content(Entity& target, const Entity& source) {
  target.name = source.name;
  target.transform = source.transform;
  target.mesh = source.mesh;
  target.light = source.light;
  target.camera = source.camera;
  target.character = source.character;
  target.emitter = source.emitter;
  target.streaming_bounds = source.streaming_bounds;
}

EditEntities::EditEntities(std::string what, std::vector<Change> changes, std::string merge_key)
    : what_(std::move(what)), changes_(std::move(changes)), merge_key_(std::move(merge_key)) {}

Result<void> EditEntities::apply(Scene& scene, bool forward) {
  // Check every id first so a failure changes nothing.
  for (const Change& c : changes_)
    if (!scene.find(c.id)) return make_error(what_, ": entity ", c.id, " no longer exists");
  for (const Change& c : changes_) assign_content(*scene.find(c.id), forward ? c.after : c.before);
  return {};
}

bool EditEntities::merge(const SceneUndoable& next) {
  const auto* other = dynamic_cast<const EditEntities*>(&next);
  if (!other || other->changes_.size() != changes_.size()) return false;
  for (std::size_t i = 0; i < changes_.size(); ++i)
    if (changes_[i].id != other->changes_[i].id) return false;
  for (std::size_t i = 0; i < changes_.size(); ++i) changes_[i].after = other->changes_[i].after;
  return true;
}

bool EditEnvironment::merge(const SceneUndoable& next) {
  const auto* other = dynamic_cast<const EditEnvironment*>(&next);
  if (!other) return false;
  after_ = other->after_;
  return true;
}

Result<void> AddEntities::redo(Scene& scene) {
  std::unordered_set<EntityId> adding;
  for (const NewEntity& n : entities_) {
    if (n.id == kNoEntity || scene.find(n.id) || adding.contains(n.id))
      return make_error(what_, ": id ", n.id, " is not free");
    if (n.parent != kNoEntity && !scene.find(n.parent) && !adding.contains(n.parent))
      return make_error(what_, ": parent ", n.parent, " of ", n.id, " does not exist");
    adding.insert(n.id);
  }
  for (const NewEntity& n : entities_) {
    auto added = scene.add_entity(n.content, n.parent, n.id);
    if (!added) return added.error();  // unreachable after the checks above
  }
  return {};
}

Result<void> AddEntities::undo(Scene& scene) {
  for (auto it = entities_.rbegin(); it != entities_.rend(); ++it)
    if (scene.find(it->id)) {
      auto removed = scene.remove_entity(it->id);
      if (!removed) return removed.error();
    }
  return {};
}

std::vector<EntityId> AddEntities::roots() const {
  std::unordered_set<EntityId> ids;
  for (const NewEntity& n : entities_) ids.insert(n.id);
  std::vector<EntityId> roots;
  for (const NewEntity& n : entities_)
    if (!ids.contains(n.parent)) roots.push_back(n.id);
  return roots;
}

namespace {

// `ids` without those below another of them, in the order given, unknown ids dropped.
std::vector<EntityId> top_level(const Scene& scene, const std::vector<EntityId>& ids) {
  std::unordered_set<EntityId> set(ids.begin(), ids.end());
  std::vector<EntityId> out;
  for (EntityId id : ids) {
    if (!scene.find(id) || std::find(out.begin(), out.end(), id) != out.end()) continue;
    bool below = false;
    for (const Entity* e = scene.find(scene.find(id)->parent()); e && !below; e = scene.find(e->parent()))
      below = set.contains(e->id());
    if (!below) out.push_back(id);
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<RemoveEntities>> RemoveEntities::of(const Scene& scene, std::vector<EntityId> ids) {
  std::unique_ptr<RemoveEntities> cmd(new RemoveEntities());
  cmd->roots_ = top_level(scene, ids);
  if (cmd->roots_.empty()) return make_error("Delete: nothing to delete");
  std::unordered_map<EntityId, std::vector<EntityId>> kids;
  for (const Entity& e : scene.entities())
    if (e.parent() != kNoEntity) kids[e.parent()].push_back(e.id());
  // Breadth first from each root: parents always before their children.
  std::vector<EntityId> order = cmd->roots_;
  for (std::size_t k = 0; k < order.size(); ++k)
    if (auto it = kids.find(order[k]); it != kids.end()) order.insert(order.end(), it->second.begin(), it->second.end());
  for (EntityId id : order) {
    const Entity& e = *scene.find(id);
    cmd->removed_.push_back({*scene.index_of(id), NewEntity{id, e.parent(), e}});
  }
  return cmd;
}

Result<void> RemoveEntities::redo(Scene& scene) {
  for (EntityId id : roots_)
    if (!scene.find(id)) return make_error("Delete: entity ", id, " no longer exists");
  for (EntityId id : roots_) {
    auto removed = scene.remove_entity(id);
    if (!removed) return removed.error();
  }
  return {};
}

Result<void> RemoveEntities::undo(Scene& scene) {
  for (const Removed& r : removed_) {
    auto added = scene.add_entity(r.entity.content, r.entity.parent, r.entity.id);
    if (!added) return added.error();
  }
  // Back to their old places: in increasing order of position, each lands where it was.
  std::vector<const Removed*> by_index;
  for (const Removed& r : removed_) by_index.push_back(&r);
  std::sort(by_index.begin(), by_index.end(), [](auto* a, auto* b) { return a->index < b->index; });
  for (const Removed* r : by_index) {
    auto moved = scene.move_entity_to(r->entity.id, r->index);
    if (!moved) return moved.error();
  }
  return {};
}

Result<std::unique_ptr<ReparentEntities>> ReparentEntities::of(const Scene& scene, std::vector<EntityId> ids,
                                                               EntityId new_parent) {
  if (new_parent != kNoEntity && !scene.find(new_parent))
    return make_error("Re-parent: new parent ", new_parent, " does not exist");
  std::unique_ptr<ReparentEntities> cmd(new ReparentEntities());
  cmd->new_parent_ = new_parent;
  for (EntityId id : top_level(scene, ids)) {
    if (id == new_parent || scene.is_ancestor(id, new_parent))
      return make_error("Re-parent: cannot move entity ", id, " under itself or one of its descendants");
    const Entity& e = *scene.find(id);
    if (e.parent() != new_parent) cmd->moves_.push_back({id, e.parent(), e.transform});
  }
  if (cmd->moves_.empty()) return make_error("Re-parent: nothing moves");
  return cmd;
}

Result<void> ReparentEntities::redo(Scene& scene) {
  for (const Move& m : moves_) {
    auto moved = scene.reparent(m.id, new_parent_, /*keep_world=*/true);
    if (!moved) return moved.error();
  }
  return {};
}

Result<void> ReparentEntities::undo(Scene& scene) {
  for (auto it = moves_.rbegin(); it != moves_.rend(); ++it) {
    auto moved = scene.reparent(it->id, it->old_parent, /*keep_world=*/false);
    if (!moved) return moved.error();
    scene.find(it->id)->transform = it->old_transform;
  }
  return {};
}

Result<void> AddAsset::redo(Scene& scene) {
  if (scene.assets.contains(id_)) return make_error("Add asset: the scene already has an asset \"", id_, "\"");
  scene.assets[id_] = path_;
  return {};
}

Result<void> AddAsset::undo(Scene& scene) {
  scene.assets.erase(id_);
  return {};
}

Result<void> CommandBatch::redo(Scene& scene) {
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    if (auto done = steps_[i]->redo(scene); !done) {
      // Take back the steps already done so a failure changes nothing.
      while (i-- > 0) (void)steps_[i]->undo(scene);
      return done;
    }
  }
  return {};
}

Result<void> CommandBatch::undo(Scene& scene) {
  for (auto it = steps_.rbegin(); it != steps_.rend(); ++it)
    if (auto undone = (*it)->undo(scene); !undone) return undone;
  return {};
}

std::vector<EntityId> CommandBatch::created() const {
  std::vector<EntityId> ids;
  for (const auto& step : steps_) {
    auto more = step->created();
    ids.insert(ids.end(), more.begin(), more.end());
  }
  return ids;
}

}  // namespace kagami::editor
