#pragma once
// Copy, paste and duplicate of entity subtrees, as commands.
#include <memory>
#include <vector>

#include "kagami/editor/commands.h"

namespace kagami::editor {

// Copied subtrees, parents before children. A top-level entity's transform is
// its world transform, so a paste at the root puts it where it was.
struct Clipboard {
  struct Item {
    scene::Entity content;
    int parent = -1;  // index of the parent in `items`; -1: top level
  };
  std::vector<Item> items;
  bool empty() const { return items.empty(); }
};

// The subtrees of `ids` (an id below another selected id comes with its ancestor).
Clipboard copy_entities(const scene::Scene& scene, const std::vector<scene::EntityId>& ids);

// Adds the clipboard's subtrees under `parent` with fresh ids, keeping their world placement.
Result<std::unique_ptr<AddEntities>> paste_entities(const scene::Scene& scene, const Clipboard& clipboard,
                                                    scene::EntityId parent = scene::kNoEntity);

// Copies of the subtrees of `ids` next to the originals (same parent, same local transform).
Result<std::unique_ptr<AddEntities>> duplicate_entities(const scene::Scene& scene,
                                                        const std::vector<scene::EntityId>& ids);

// A new entity named `name` under `parent` with a fresh id (the asset browser's drop uses it with a mesh).
std::unique_ptr<AddEntities> create_entity(const scene::Scene& scene, scene::Entity content,
                                           scene::EntityId parent = scene::kNoEntity);

}  // namespace kagami::editor
