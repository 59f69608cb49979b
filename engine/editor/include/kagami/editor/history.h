#pragma once
// Undo and redo stacks of Commands, with drags merged into one step and a
// record of which state was last saved (the document is dirty whenever the
// current state is not that one, including after undoing past a save).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kagami/editor/commands.h"

namespace kagami::editor {

class History {
 public:
  // Applies `command` and pushes it (clearing redo). Inside an open gesture a
  // command whose merge key equals the top's merges into it instead. On
  // failure nothing is pushed and the scene is unchanged.
  Result<void> execute(scene::Scene& scene, std::unique_ptr<Command> command);

  // A gesture is one user action spread over frames (a gizmo drag, a slider
  // drag): everything it executes with one merge key becomes a single step.
  void begin_gesture();
  void end_gesture();
  bool in_gesture() const { return gesture_open_; }

  Result<void> undo(scene::Scene& scene);
  Result<void> redo(scene::Scene& scene);
  bool can_undo() const { return !done_.empty(); }
  bool can_redo() const { return !undone_.empty(); }
  std::string undo_label() const { return can_undo() ? done_.back().command->label() : std::string{}; }
  std::string redo_label() const { return can_redo() ? undone_.back().command->label() : std::string{}; }
  std::size_t undo_count() const { return done_.size(); }
  std::size_t redo_count() const { return undone_.size(); }

  // Dirty tracking: the current state versus the one last marked saved.
  bool dirty() const { return state() != saved_state_; }
  void mark_saved() { saved_state_ = state(); }
  void clear();
  // Forgets the saved state: dirty until the next save (a recovered autosave).
  void mark_unsaved() { saved_state_ = kNeverSaved; }
  // Names the current state: equal numbers mean the scene has not changed (autosave uses it).
  std::uint64_t state() const { return done_.empty() ? 0 : done_.back().state; }

 private:
  static constexpr std::uint64_t kNeverSaved = ~0ull;
  struct Entry {
    std::unique_ptr<Command> command;
    std::uint64_t state = 0;    // unique per distinct result: a merge gets a new one
    std::uint64_t gesture = 0;  // the gesture it was pushed in (0: none)
  };

  std::vector<Entry> done_, undone_;
  std::uint64_t next_state_ = 1;
  std::uint64_t saved_state_ = 0;
  std::uint64_t gesture_ = 0;  // the current or last gesture's number
  bool gesture_open_ = false;
};

}  // namespace kagami::editor
