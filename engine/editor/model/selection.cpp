#include "kagami/editor/selection.h"

#include <algorithm>

namespace kagami::editor {

bool Selection::contains(scene::EntityId id) const { return std::find(ids_.begin(), ids_.end(), id) != ids_.end(); }

void Selection::click(scene::EntityId id, ClickMode mode, std::span<const scene::EntityId> shown) {
  if (id == scene::kNoEntity) {
    if (mode == ClickMode::replace) clear();
    return;
  }
  if (mode == ClickMode::toggle) {
    if (contains(id)) std::erase(ids_, id);
    else ids_.push_back(id);
    anchor_ = id;
    return;
  }
  if (mode == ClickMode::range && anchor_ != scene::kNoEntity) {
    auto a = std::find(shown.begin(), shown.end(), anchor_);
    auto b = std::find(shown.begin(), shown.end(), id);
    if (a != shown.end() && b != shown.end()) {
      if (a > b) std::swap(a, b);
      ids_.assign(a, b + 1);
      // The clicked one is the primary.
      std::erase(ids_, id);
      ids_.push_back(id);
      return;  // the anchor stays, so the range can be changed by another shift-click
    }
  }
  ids_ = {id};
  anchor_ = id;
}

void Selection::set(std::vector<scene::EntityId> ids) {
  ids_ = std::move(ids);
  anchor_ = ids_.empty() ? scene::kNoEntity : ids_.back();
}

void Selection::prune(const scene::Scene& scene) {
  std::erase_if(ids_, [&](scene::EntityId id) { return !scene.find(id); });
  if (anchor_ != scene::kNoEntity && !scene.find(anchor_)) anchor_ = primary();
}

}  // namespace kagami::editor
