#include "kagami/editor/history.h"

namespace kagami::editor {

Result<void> History::execute(scene::Scene& scene, std::unique_ptr<Command> command) {
  if (auto applied = command->redo(scene); !applied) return applied;
  undone_.clear();
  if (gesture_open_ && !done_.empty()) {
    Entry& top = done_.back();
    const std::string key = command->merge_key();
    if (top.gesture == gesture_ && !key.empty() && key == top.command->merge_key() && top.command->merge(*command)) {
      top.state = next_state_++;
      return {};
    }
  }
  done_.push_back({std::move(command), next_state_++, gesture_open_ ? gesture_ : 0});
  return {};
}

void History::begin_gesture() {
  ++gesture_;
  gesture_open_ = true;
}

void History::end_gesture() { gesture_open_ = false; }

Result<void> History::undo(scene::Scene& scene) {
  if (done_.empty()) return make_error("nothing to undo");
  gesture_open_ = false;
  if (auto undone = done_.back().command->undo(scene); !undone) return undone;
  undone_.push_back(std::move(done_.back()));
  done_.pop_back();
  return {};
}

Result<void> History::redo(scene::Scene& scene) {
  if (undone_.empty()) return make_error("nothing to redo");
  gesture_open_ = false;
  if (auto redone = undone_.back().command->redo(scene); !redone) return redone;
  done_.push_back(std::move(undone_.back()));
  undone_.pop_back();
  return {};
}

void History::clear() {
  done_.clear();
  undone_.clear();
  saved_state_ = 0;
  gesture_open_ = false;
}

}  // namespace kagami::editor
