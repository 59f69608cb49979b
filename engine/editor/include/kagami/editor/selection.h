#pragma once
// The selected entities: a click replaces, ctrl toggles, shift extends a range
// in the order the outliner shows. The last one clicked is the primary (the
// gizmo sits on it, the inspector shows it).
#include <span>
#include <vector>

#include "kagami/scene/scene.h"

namespace kagami::editor {

enum class ClickMode { replace, toggle, range };

class Selection {
 public:
  // `shown`: entities in outliner order (for ranges).
  void click(scene::EntityId id, ClickMode mode, std::span<const scene::EntityId> shown = {});
  void set(std::vector<scene::EntityId> ids);
  void clear() { ids_.clear(); anchor_ = scene::kNoEntity; }
  // Drops entities the scene no longer has (after delete or undo of a create).
  void prune(const scene::Scene& scene);

  const std::vector<scene::EntityId>& ids() const { return ids_; }
  bool contains(scene::EntityId id) const;
  bool empty() const { return ids_.empty(); }
  scene::EntityId primary() const { return ids_.empty() ? scene::kNoEntity : ids_.back(); }

 private:
  std::vector<scene::EntityId> ids_;
  scene::EntityId anchor_ = scene::kNoEntity;
};

}  // namespace kagami::editor
