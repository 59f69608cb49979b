#pragma once
// Every edit the editor makes to a scene is a Command: it can be done, undone
// and redone. Commands refer to entities by id (ids are stable, pointers are
// not) and keep both the "before" and the "after" state they need, so history
// stays correct whatever edits come between.
//
// A few generic commands cover every edit:
//   EditEntities     rename, transform, any component field, add/remove a component
//   EditEnvironment  sky, fog, exposure
//   AddEntities      create, duplicate, paste (a set of subtrees)
//   RemoveEntities   delete (with children)
//   ReparentEntities drag in the outliner (world transform kept)
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "kagami/core/result.h"
#include "kagami/editor/undoable.h"
#include "kagami/scene/scene.h"

namespace kagami::editor {

class Command : public Undoable<scene::Scene> {
 public:
  // Entities this command creates (the editor selects them afterwards).
  virtual std::vector<scene::EntityId> created() const { return {}; }
};
using SceneUndoable = Undoable<scene::Scene>;

// Copies what an edit may change (name, transform, components), never the id or parent.
void assign_content(scene::Entity& target, const scene::Entity& source);

// New values for whole entities (their id and parent are ignored).
class EditEntities : public Command {
 public:
  struct Change {
    scene::EntityId id = scene::kNoEntity;
    scene::Entity before, after;
  };
  // `what` names the edit for the history ("Move", "Rename", "Light intensity").
  // `merge_key` empty: never merges (a rename); otherwise merges with the same key.
  EditEntities(std::string what, std::vector<Change> changes, std::string merge_key = {});
  // One entity changed by `edit`, with the current value as "before".
  template <typename Fn>
  static Result<std::unique_ptr<EditEntities>> of(const scene::Scene& scene, scene::EntityId id, std::string what,
                                                  Fn&& edit, std::string merge_key = {}) {
    const scene::Entity* e = scene.find(id);
    if (!e) return make_error(what, ": no entity ", id);
    Change c{id, *e, *e};
    edit(c.after);
    std::vector<Change> changes;
    changes.push_back(std::move(c));
    return std::make_unique<EditEntities>(std::move(what), std::move(changes), std::move(merge_key));
  }

  std::string label() const override { return what_; }
  Result<void> redo(scene::Scene& scene) override { return apply(scene, true); }
  Result<void> undo(scene::Scene& scene) override { return apply(scene, false); }
  std::string merge_key() const override { return merge_key_; }
  bool merge(const SceneUndoable& next) override;
  const std::vector<Change>& changes() const { return changes_; }

 private:
  Result<void> apply(scene::Scene& scene, bool forward);
  std::string what_;
  std::vector<Change> changes_;
  std::string merge_key_;
};

class EditEnvironment : public Command {
 public:
  EditEnvironment(std::string what, scene::Environment before, scene::Environment after, std::string merge_key = {})
      : what_(std::move(what)), before_(before), after_(after), merge_key_(std::move(merge_key)) {}
  std::string label() const override { return what_; }
  Result<void> redo(scene::Scene& scene) override { scene.environment = after_; return {}; }
  Result<void> undo(scene::Scene& scene) override { scene.environment = before_; return {}; }
  std::string merge_key() const override { return merge_key_; }
  bool merge(const SceneUndoable& next) override;

 private:
  std::string what_;
  scene::Environment before_, after_;
  std::string merge_key_;
};

// Entities to add, each with its id and parent; parents come before their
// children in the list (a parent may also be an entity already in the scene).
struct NewEntity {
  scene::EntityId id = scene::kNoEntity;
  scene::EntityId parent = scene::kNoEntity;
  scene::Entity content;
};

class AddEntities : public Command {
 public:
  AddEntities(std::string what, std::vector<NewEntity> entities) : what_(std::move(what)), entities_(std::move(entities)) {}
  std::string label() const override { return what_; }
  Result<void> redo(scene::Scene& scene) override;
  Result<void> undo(scene::Scene& scene) override;
  const std::vector<NewEntity>& entities() const { return entities_; }
  // The ids of the top-level entities added (what the editor selects afterwards).
  std::vector<scene::EntityId> roots() const;
  std::vector<scene::EntityId> created() const override { return roots(); }

 private:
  std::string what_;
  std::vector<NewEntity> entities_;
};

// Removes entities with all their descendants; undo puts every one back with
// its id, parent and place in the scene order.
class RemoveEntities : public Command {
 public:
  static Result<std::unique_ptr<RemoveEntities>> of(const scene::Scene& scene, std::vector<scene::EntityId> ids);
  std::string label() const override { return "Delete"; }
  Result<void> redo(scene::Scene& scene) override;
  Result<void> undo(scene::Scene& scene) override;

 private:
  struct Removed {
    std::size_t index = 0;  // position in the scene order
    NewEntity entity;
  };
  RemoveEntities() = default;
  std::vector<scene::EntityId> roots_;
  std::vector<Removed> removed_;  // parents before children
};

// Moves entities under a new parent (kNoEntity: to the root), keeping their
// world transforms. Refused when the new parent is one of them or below one.
class ReparentEntities : public Command {
 public:
  static Result<std::unique_ptr<ReparentEntities>> of(const scene::Scene& scene, std::vector<scene::EntityId> ids,
                                                      scene::EntityId new_parent);
  std::string label() const override { return "Re-parent"; }
  Result<void> redo(scene::Scene& scene) override;
  Result<void> undo(scene::Scene& scene) override;

 private:
  struct Move {
    scene::EntityId id;
    scene::EntityId old_parent;
    scene::Transform old_transform;
  };
  ReparentEntities() = default;
  std::vector<Move> moves_;
  scene::EntityId new_parent_ = scene::kNoEntity;
};

// A new entry in the scene's asset table (a model dropped from the asset browser).
class AddAsset : public Command {
 public:
  AddAsset(std::string id, std::string path) : id_(std::move(id)), path_(std::move(path)) {}
  std::string label() const override { return "Add asset " + id_; }
  Result<void> redo(scene::Scene& scene) override;
  Result<void> undo(scene::Scene& scene) override;

 private:
  std::string id_, path_;
};

// Several commands as one step: done in order, undone in reverse.
class CommandBatch : public Command {
 public:
  CommandBatch(std::string what, std::vector<std::unique_ptr<Command>> steps)
      : what_(std::move(what)), steps_(std::move(steps)) {}
  std::string label() const override { return what_; }
  Result<void> redo(scene::Scene& scene) override;
  Result<void> undo(scene::Scene& scene) override;
  std::vector<scene::EntityId> created() const override;

 private:
  std::string what_;
  std::vector<std::unique_ptr<Command>> steps_;
};

}  // namespace kagami::editor
