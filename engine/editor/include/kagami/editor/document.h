#pragma once
// A scene open in the editor: the scene, its file, its history, and what
// keeps the artist's work safe: atomic saves with a .bak (scene_io), an
// autosave recovery file (<file>.autosave) written while there are unsaved
// changes and offered when the file is opened again, and reload when the file
// changes on disk while there is nothing unsaved.
#include <filesystem>
#include <memory>
#include <optional>

#include "kagami/editor/history.h"
#include "kagami/scene/scene.h"

namespace kagami::editor {

class Document {
 public:
  // An empty, untitled scene (Save needs Save As first).
  Document();
  static Result<Document> open(const std::filesystem::path& path);

  scene::Scene& scene() { return scene_; }
  const scene::Scene& scene() const { return scene_; }
  const std::filesystem::path& path() const { return path_; }
  History& history() { return history_; }

  Result<void> execute(std::unique_ptr<Command> command) { return history_.execute(scene_, std::move(command)); }
  Result<void> undo() { return history_.undo(scene_); }
  Result<void> redo() { return history_.redo(scene_); }
  bool dirty() const { return history_.dirty(); }

  // Atomic save to path(); removes the autosave file on success. On failure the
  // file on disk is the previous one and the document stays dirty.
  Result<void> save();
  // Saves to `path` and makes it the document's file.
  Result<void> save_as(const std::filesystem::path& path);

  // --- autosave -------------------------------------------------------------
  static std::filesystem::path autosave_path(const std::filesystem::path& scene_path);
  double autosave_interval_seconds = 30.0;
  // Called every frame with a monotonic clock: writes the recovery file when
  // the scene has unsaved changes not yet autosaved and the interval has passed
  // since the last autosave. Returns whether it wrote.
  Result<bool> autosave_tick(double now_seconds);
  // An autosave newer than the file exists (a session ended with unsaved work).
  bool recovery_available() const;
  // Replaces the scene with the autosave's content; the document is dirty until saved.
  Result<void> recover();
  void discard_recovery();

  // --- hot reload -------------------------------------------------------------
  // The file changed on disk since it was loaded or saved here.
  bool changed_on_disk() const;
  // Reloads when changed on disk and nothing is unsaved (history is cleared).
  // Returns whether it reloaded; an unreadable file is an error and keeps the scene.
  Result<bool> reload_if_changed();

 private:
  struct Stamp {
    std::filesystem::file_time_type time{};
    std::uintmax_t size = 0;
    bool operator==(const Stamp&) const = default;
  };
  static std::optional<Stamp> stamp_of(const std::filesystem::path& path);

  scene::Scene scene_;
  std::filesystem::path path_;
  History history_;
  std::optional<Stamp> disk_stamp_;
  std::uint64_t autosaved_state_ = 0;
  double last_autosave_ = -1e300;
};

}  // namespace kagami::editor
