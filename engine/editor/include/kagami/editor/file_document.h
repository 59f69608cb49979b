#pragma once
// What keeps an artist's work safe, for any content the editor opens from a
// file (a scene, a sequence): atomic saves with a .bak (through the content's
// own save function), Save As, an autosave recovery file (<file>.autosave)
// written while there are unsaved changes and offered when the file is opened
// again, and reload when the file changes on disk while nothing is unsaved.
// DocumentFormat<Content> says how a kind of content loads, saves and writes
// its autosave; file_document.cpp instantiates FileDocument for each kind.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kagami/editor/undoable.h"

namespace kagami::editor {

template <typename Content>
struct DocumentFormat;  // specialised per content type in file_document.cpp

template <typename Content>
class FileDocument {
 public:
  using Command = Undoable<Content>;

  Content& content() { return content_; }
  const Content& content() const { return content_; }
  const std::filesystem::path& path() const { return path_; }
  BasicHistory<Content>& history() { return history_; }
  const BasicHistory<Content>& history() const { return history_; }

  Result<void> execute(std::unique_ptr<Command> command) { return history_.execute(content_, std::move(command)); }
  Result<void> undo() { return history_.undo(content_); }
  Result<void> redo() { return history_.redo(content_); }
  bool dirty() const { return history_.dirty(); }

  // Atomic save to path(); removes the autosave file on success. On failure the
  // file on disk is the previous one and the document stays dirty.
  Result<void> save();
  // Saves to `path` and makes it the document's file.
  Result<void> save_as(const std::filesystem::path& path);

  // --- autosave -------------------------------------------------------------
  static std::filesystem::path autosave_path(const std::filesystem::path& file);
  double autosave_interval_seconds = 30.0;
  // Called every frame with a monotonic clock: writes the recovery file when
  // the content has unsaved changes not yet autosaved and the interval has passed
  // since the last autosave. Returns whether it wrote.
  Result<bool> autosave_tick(double now_seconds);
  // An autosave newer than the file exists (a session ended with unsaved work).
  bool recovery_available() const;
  // Replaces the content with the autosave's; the document is dirty until saved.
  Result<void> recover();
  void discard_recovery();

  // --- hot reload -------------------------------------------------------------
  // The file changed on disk since it was loaded or saved here.
  bool changed_on_disk() const;
  // Reloads when changed on disk and nothing is unsaved (history is cleared).
  // Returns whether it reloaded; an unreadable file is an error and keeps the content.
  Result<bool> reload_if_changed();

 protected:
  // Replaces the content with the file's (history cleared); on failure nothing changes.
  Result<void> load(const std::filesystem::path& path);

 private:
  struct Stamp {
    std::filesystem::file_time_type time{};
    std::uintmax_t size = 0;
    bool operator==(const Stamp&) const = default;
  };
  static std::optional<Stamp> stamp_of(const std::filesystem::path& path);
  void saved_to(const std::filesystem::path& path);

  Content content_{};
  std::filesystem::path path_;
  BasicHistory<Content> history_;
  std::optional<Stamp> disk_stamp_;
  std::uint64_t autosaved_state_ = 0;
  double last_autosave_ = -1e300;
};

}  // namespace kagami::editor
