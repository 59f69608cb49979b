#include "kagami/scene/scene.h"

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "checks.h"

namespace kagami::scene {

bool Entity::operator==(const Entity& o) const {
  return id_ == o.id_ && parent_ == o.parent_ && name == o.name && transform == o.transform && mesh == o.mesh &&
         light == o.light && camera == o.camera && character == o.character && emitter == o.emitter &&
         same_bounds(streaming_bounds, o.streaming_bounds);
}

bool Scene::operator==(const Scene& o) const {
  return name == o.name && assets == o.assets && environment == o.environment && streaming == o.streaming &&
         entities_ == o.entities_;
}

void Scene::rebuild_index() {
  index_.clear();
  index_.reserve(entities_.size());
  max_id_ = kNoEntity;
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    index_.emplace(entities_[i].id_, i);
    max_id_ = std::max(max_id_, entities_[i].id_);
  }
}

std::optional<std::size_t> Scene::index_of(EntityId id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

Entity* Scene::find(EntityId id) {
  auto i = index_of(id);
  return i ? &entities_[*i] : nullptr;
}

const Entity* Scene::find(EntityId id) const {
  auto i = index_of(id);
  return i ? &entities_[*i] : nullptr;
}

Entity* Scene::find_by_name(std::string_view name) {
  for (auto& e : entities_)
    if (e.name == name) return &e;
  return nullptr;
}

const Entity* Scene::find_by_name(std::string_view name) const {
  return const_cast<Scene*>(this)->find_by_name(name);
}

EntityId Scene::max_id() const { return max_id_; }

Result<EntityId> Scene::add_entity(Entity entity, EntityId parent, EntityId id) {
  if (parent != kNoEntity && !find(parent))
    return make_error("cannot add entity \"", entity.name, "\": parent ", parent, " does not exist");
  if (id == kNoEntity) {
    if (max_id_ == std::numeric_limits<EntityId>::max())
      return make_error("cannot add entity \"", entity.name, "\": no id left above ", max_id_);
    id = max_id_ + 1;
  } else if (find(id)) {
    return make_error("cannot add entity \"", entity.name, "\": id ", id, " is already used");
  }
  entity.id_ = id;
  entity.parent_ = parent;
  index_.emplace(id, entities_.size());
  entities_.push_back(std::move(entity));
  max_id_ = std::max(max_id_, id);
  return id;
}

Result<void> Scene::move_entity_to(EntityId id, std::size_t index) {
  auto at = index_of(id);
  if (!at) return make_error("cannot move entity ", id, ": no such entity");
  index = std::min(index, entities_.size() - 1);
  Entity moved = std::move(entities_[*at]);
  entities_.erase(entities_.begin() + std::ptrdiff_t(*at));
  entities_.insert(entities_.begin() + std::ptrdiff_t(index), std::move(moved));
  rebuild_index();
  return {};
}

std::vector<EntityId> Scene::children_of(EntityId id) const {
  std::vector<EntityId> children;
  for (const auto& e : entities_)
    if (e.parent_ == id && id != kNoEntity) children.push_back(e.id_);
  return children;
}

bool Scene::is_ancestor(EntityId ancestor, EntityId id) const {
  const Entity* e = find(id);
  // Invariants rule out cycles, so the walk ends at a root.
  while (e && e->parent_ != kNoEntity) {
    if (e->parent_ == ancestor) return true;
    e = find(e->parent_);
  }
  return false;
}

Result<std::vector<EntityId>> Scene::remove_entity(EntityId id, RemoveChildren children) {
  auto at = index_of(id);
  if (!at) return make_error("cannot remove entity ", id, ": no such entity");
  std::vector<EntityId> removed{id};
  const Entity& target = entities_[*at];

  if (children == RemoveChildren::lift_to_parent) {
    // world(child) = world(grandparent) * local(target) * local(child): the child's
    // new local transform is local(target) * local(child).
    const glm::mat4 target_local = target.transform.matrix();
    const EntityId grandparent = target.parent_;
    for (auto& e : entities_) {
      if (e.parent_ != id) continue;
      e.transform = Transform::from_matrix(target_local * e.transform.matrix());
      e.parent_ = grandparent;
    }
  } else {
    // Breadth first over the subtree: children of each removed entity in scene order.
    std::unordered_map<EntityId, std::vector<EntityId>> kids;
    for (const auto& e : entities_)
      if (e.parent_ != kNoEntity) kids[e.parent_].push_back(e.id_);
    for (std::size_t k = 0; k < removed.size(); ++k) {
      auto it = kids.find(removed[k]);
      if (it != kids.end()) removed.insert(removed.end(), it->second.begin(), it->second.end());
    }
  }

  std::unordered_set<EntityId> gone(removed.begin(), removed.end());
  std::erase_if(entities_, [&](const Entity& e) { return gone.contains(e.id_); });
  rebuild_index();
  return removed;
}

Result<void> Scene::reparent(EntityId id, EntityId new_parent, bool keep_world) {
  Entity* e = find(id);
  if (!e) return make_error("cannot reparent entity ", id, ": no such entity");
  if (new_parent != kNoEntity) {
    if (!find(new_parent)) return make_error("cannot reparent entity ", id, ": new parent ", new_parent, " does not exist");
    if (new_parent == id) return make_error("cannot reparent entity ", id, " under itself");
    if (is_ancestor(id, new_parent))
      return make_error("cannot reparent entity ", id, " under ", new_parent, ", one of its own descendants");
  }
  if (keep_world) {
    glm::mat4 parent_world = new_parent != kNoEntity ? world_transform(new_parent) : glm::mat4(1.0f);
    glm::mat4 local = glm::inverse(parent_world) * world_transform(id);
    e->transform = Transform::from_matrix(local);
  }
  e->parent_ = new_parent;
  return {};
}

std::vector<glm::mat4> Scene::world_transforms() const {
  const std::size_t n = entities_.size();
  std::vector<glm::mat4> world(n);
  std::vector<char> done(n, 0);
  std::vector<std::size_t> chain;
  for (std::size_t i = 0; i < n; ++i) {
    // Collect the not-yet-computed ancestors of i, then compose top down.
    chain.clear();
    std::size_t cur = i;
    while (!done[cur]) {
      chain.push_back(cur);
      EntityId parent = entities_[cur].parent_;
      if (parent == kNoEntity) break;
      cur = index_.at(parent);
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const Entity& e = entities_[*it];
      glm::mat4 local = e.transform.matrix();
      world[*it] = e.parent_ == kNoEntity ? local : world[index_.at(e.parent_)] * local;
      done[*it] = 1;
    }
  }
  return world;
}

glm::mat4 Scene::world_transform(EntityId id) const {
  glm::mat4 m(1.0f);
  for (const Entity* e = find(id); e; e = find(e->parent_)) m = e->transform.matrix() * m;
  return m;
}

std::optional<std::filesystem::path> Scene::resolve_asset(std::string_view asset_id) const {
  auto it = assets.find(asset_id);
  if (it == assets.end()) return std::nullopt;
  return (source_path.parent_path() / it->second).lexically_normal();
}

Result<void> Scene::validate(const SceneLimits& limits) const {
  if (auto issue = checks::check_string("name", name, limits)) return make_error(issue->field, ": ", issue->message);
  if (assets.size() > limits.max_assets)
    return make_error("assets: ", assets.size(), " assets, over the limit of ", limits.max_assets);
  for (const auto& [id, path] : assets)
    if (auto issue = checks::check_asset_entry(id, path, limits))
      return make_error("assets.", issue->field, ": ", issue->message);
  if (auto issue = checks::within("environment", checks::check_environment(environment, limits)))
    return make_error(issue->field, ": ", issue->message);
  if (auto issue = checks::within("streaming", checks::check_streaming(streaming)))
    return make_error(issue->field, ": ", issue->message);
  if (entities_.size() > limits.max_entities)
    return make_error("entities: ", entities_.size(), " entities, over the limit of ", limits.max_entities);
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    std::string who = cat("entities[", i, "] (id ", e.id_, e.name.empty() ? "" : cat(", \"", e.name, "\""), ")");
    if (auto issue = checks::check_entity(e, limits)) return make_error(who, ".", issue->field, ": ", issue->message);
    if (e.mesh && !assets.contains(e.mesh->asset))
      return make_error(who, ".mesh.asset: unknown asset \"", e.mesh->asset, "\" (not in the scene's assets)");
  }
  return {};
}

}  // namespace kagami::scene
