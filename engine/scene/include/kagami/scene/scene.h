#pragma once
// The scene model: one location of the cinematic (Tokyo Dome City, Suidoubashi,
// the data world). A Scene is an asset table, an environment, streaming
// settings and a flat list of entities that form a transform hierarchy.
//
// Entity ids are stable: they are what scene files, sequences and the editor's
// undo history refer to, so an id never changes while the entity lives, and
// only Scene can set an entity's id or parent. That keeps the invariants every
// Scene holds at all times: ids are unique and > 0, every parent exists, and the
// parent links form no cycle. Entities keep the order they were added (file
// order); parents may come after their children.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kagami/core/json.h"
#include "kagami/core/result.h"
#include "kagami/scene/components.h"

namespace kagami::scene {

using EntityId = std::uint64_t;
inline constexpr EntityId kNoEntity = 0;  // "no parent" / "pick an id for me"

// Limits on what a scene may hold; files beyond them are refused on load.
struct SceneLimits {
  JsonLimits json;                          // file size and nesting depth
  std::size_t max_entities = 1'000'000;
  std::size_t max_assets = 100'000;
  std::size_t max_string_bytes = 4096;      // names, ids, paths
  std::size_t max_material_overrides = 256;  // per mesh
  std::size_t max_emitter_params = 64;      // per emitter
  std::size_t max_warnings = 50;            // unknown-field warnings logged one by one
};

class Scene;
namespace detail { struct SceneAccess; }

class Entity {
 public:
  EntityId id() const { return id_; }
  EntityId parent() const { return parent_; }  // kNoEntity for a root

  std::string name;  // for people and tools; not required to be unique
  Transform transform;  // local, relative to the parent
  std::optional<MeshComponent> mesh;
  std::optional<LightComponent> light;
  std::optional<CameraComponent> camera;
  std::optional<CharacterComponent> character;
  std::optional<EmitterComponent> emitter;
  std::optional<Aabb> streaming_bounds;  // overrides the scene's bounds for this entity (world space)

  bool operator==(const Entity&) const;

 private:
  friend class Scene;
  friend struct detail::SceneAccess;
  EntityId id_ = kNoEntity;
  EntityId parent_ = kNoEntity;
};

// What happens to the children of a removed entity.
enum class RemoveChildren {
  remove,           // remove the whole subtree
  lift_to_parent,   // children move to the removed entity's parent, keeping their world transforms
};

class Scene {
 public:
  std::string name;
  std::map<std::string, std::string, std::less<>> assets;  // asset id -> path relative to the scene file
  Environment environment;
  StreamingSettings streaming;
  // Where the scene was loaded from (not saved): asset paths are relative to its folder.
  std::filesystem::path source_path;

  // --- entities -------------------------------------------------------------
  std::span<const Entity> entities() const { return entities_; }
  std::size_t size() const { return entities_.size(); }

  Entity* find(EntityId id);
  const Entity* find(EntityId id) const;
  // The first entity (in scene order) with this name.
  Entity* find_by_name(std::string_view name);
  const Entity* find_by_name(std::string_view name) const;
  // Position of the entity in entities(), if present.
  std::optional<std::size_t> index_of(EntityId id) const;

  // Adds an entity under `parent` (kNoEntity: a root). With id == kNoEntity the
  // new id is the largest id in the scene + 1; an explicit id (the editor
  // undoing a removal) must be unused. Fails when the parent does not exist.
  Result<EntityId> add_entity(Entity entity, EntityId parent = kNoEntity, EntityId id = kNoEntity);
  // Removes an entity. Returns the ids removed, the entity's first.
  Result<std::vector<EntityId>> remove_entity(EntityId id, RemoveChildren children = RemoveChildren::remove);
  // Moves an entity under a new parent (kNoEntity: make it a root). Refuses a
  // parent that is the entity itself or one of its descendants. With
  // keep_world, the local transform changes so the world transform does not
  // (exact without shear); otherwise the local transform is kept.
  Result<void> reparent(EntityId id, EntityId new_parent, bool keep_world = false);

  // Moves an entity to position `index` in entities() (clamped to the end);
  // the hierarchy is unchanged. Undoing a removal puts entities back where the
  // file had them, so save -> undo -> save writes the same bytes.
  Result<void> move_entity_to(EntityId id, std::size_t index);

  std::vector<EntityId> children_of(EntityId id) const;  // in scene order
  bool is_ancestor(EntityId ancestor, EntityId id) const;  // strictly above id
  EntityId max_id() const;

  // World matrices, aligned with entities(): parents are composed before children.
  std::vector<glm::mat4> world_transforms() const;
  glm::mat4 world_transform(EntityId id) const;  // identity for an unknown id

  // The full set of rules a scene file must satisfy (value ranges, known asset
  // ids, sane strings). save_scene refuses a scene that fails; the message
  // names the entity and the field ("entities[3] (id 7).light.intensity: ...").
  Result<void> validate(const SceneLimits& limits = {}) const;

  // An asset's file: the table's path resolved against source_path's folder.
  std::optional<std::filesystem::path> resolve_asset(std::string_view asset_id) const;

  bool operator==(const Scene& other) const;  // content, not source_path

 private:
  friend struct detail::SceneAccess;
  void rebuild_index();
  std::vector<Entity> entities_;
  std::unordered_map<EntityId, std::size_t> index_;  // id -> position in entities_
  EntityId max_id_ = kNoEntity;
};

}  // namespace kagami::scene
