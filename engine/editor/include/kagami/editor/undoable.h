#pragma once
// Undo and redo for any kind of document content (a scene, a sequence): an
// Undoable edits one Target, and a BasicHistory keeps the stacks of them, with
// drags merged into one step and a record of which state was last saved (the
// document is dirty whenever the current state is not that one, including
// after undoing past a save). Commands keep both their "before" and "after"
// so history stays correct whatever edits come between.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kagami/core/result.h"

namespace kagami::editor {

template <typename Target>
class Undoable {
 public:
  virtual ~Undoable() = default;
  virtual std::string label() const = 0;
  // Applies the edit (first time and redo). On failure the target is unchanged.
  virtual Result<void> redo(Target& target) = 0;
  virtual Result<void> undo(Target& target) = 0;
  // Commands with the same non-empty key pushed during one gesture (a drag)
  // become one step: merge() takes `next`'s "after" and keeps its own "before".
  virtual std::string merge_key() const { return {}; }
  virtual bool merge(const Undoable& next) { (void)next; return false; }
};

template <typename Target>
class BasicHistory {
 public:
  using Command = Undoable<Target>;

  // Applies `command` and pushes it (clearing redo). Inside an open gesture a
  // command whose merge key equals the top's merges into it instead. On
  // failure nothing is pushed and the target is unchanged.
  Result<void> execute(Target& target, std::unique_ptr<Command> command) {
    if (auto applied = command->redo(target); !applied) return applied;
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

  // A gesture is one user action spread over frames (a gizmo drag, a slider
  // drag, a key drag): everything it executes with one merge key becomes a single step.
  void begin_gesture() {
    ++gesture_;
    gesture_open_ = true;
  }
  void end_gesture() { gesture_open_ = false; }
  bool in_gesture() const { return gesture_open_; }

  Result<void> undo(Target& target) { return step(target, done_, undone_, false, "nothing to undo"); }
  Result<void> redo(Target& target) { return step(target, undone_, done_, true, "nothing to redo"); }
  bool can_undo() const { return !done_.empty(); }
  bool can_redo() const { return !undone_.empty(); }
  std::string undo_label() const { return can_undo() ? done_.back().command->label() : std::string{}; }
  std::string redo_label() const { return can_redo() ? undone_.back().command->label() : std::string{}; }
  std::size_t undo_count() const { return done_.size(); }
  std::size_t redo_count() const { return undone_.size(); }

  // Dirty tracking: the current state versus the one last marked saved.
  bool dirty() const { return state() != saved_state_; }
  void mark_saved() { saved_state_ = state(); }
  void clear() {
    done_.clear();
    undone_.clear();
    saved_state_ = 0;
    gesture_open_ = false;
  }
  // Forgets the saved state: dirty until the next save (a recovered autosave).
  void mark_unsaved() { saved_state_ = kNeverSaved; }
  // Names the current state: equal numbers mean the content has not changed (autosave uses it).
  std::uint64_t state() const { return done_.empty() ? 0 : done_.back().state; }

 private:
  static constexpr std::uint64_t kNeverSaved = ~0ull;
  struct Entry {
    std::unique_ptr<Command> command;
    std::uint64_t state = 0;    // unique per distinct result: a merge gets a new one
    std::uint64_t gesture = 0;  // the gesture it was pushed in (0: none)
  };

  Result<void> step(Target& target, std::vector<Entry>& from, std::vector<Entry>& to, bool forward,
                    const char* empty_message) {
    if (from.empty()) return make_error(empty_message);
    gesture_open_ = false;
    auto done = forward ? from.back().command->redo(target) : from.back().command->undo(target);
    if (!done) return done;
    to.push_back(std::move(from.back()));
    from.pop_back();
    return {};
  }

  std::vector<Entry> done_, undone_;
  std::uint64_t next_state_ = 1;
  std::uint64_t saved_state_ = 0;
  std::uint64_t gesture_ = 0;  // the current or last gesture's number
  bool gesture_open_ = false;
};

}  // namespace kagami::editor
