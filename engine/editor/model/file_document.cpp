#include "kagami/editor/file_document.h"

#include "kagami/core/file_io.h"
#include "kagami/core/log.h"
#include "kagami/scene/scene_io.h"
#include "kagami/sequencer/sequence_io.h"

namespace kagami::editor {

namespace fs = std::filesystem;

// How each kind of content loads, saves (atomically, keeping a .bak) and
// writes its recovery file. An autosave is written only when it would load
// again: a recovery file that cannot be read back is worse than none.
template <>
struct DocumentFormat<scene::Scene> {
  static Result<scene::Scene> load(const fs::path& path) { return scene::load_scene(path); }
  static Result<void> save(const scene::Scene& s, const fs::path& path) { return scene::save_scene(s, path); }
  static Result<std::string> autosave_text(const scene::Scene& s) {
    if (auto valid = s.validate(); !valid) return valid.error();
    return scene::serialize_scene(s);
  }
  static void set_source(scene::Scene& s, const fs::path& path) { s.source_path = path; }
};

template <>
struct DocumentFormat<sequencer::Sequence> {
  static Result<sequencer::Sequence> load(const fs::path& path) { return sequencer::load_sequence(path); }
  static Result<void> save(const sequencer::Sequence& s, const fs::path& path) {
    return sequencer::save_sequence(s, path);
  }
  static Result<std::string> autosave_text(const sequencer::Sequence& s) {
    std::string text = sequencer::serialize_sequence(s);
    if (auto valid = sequencer::parse_sequence(text, s.name); !valid) return valid.error();
    return text;
  }
  static void set_source(sequencer::Sequence& s, const fs::path& path) { s.source_path = path; }
};

template <typename C>
std::optional<typename FileDocument<C>::Stamp> FileDocument<C>::stamp_of(const fs::path& path) {
  std::error_code ec;
  auto time = fs::last_write_time(path, ec);
  if (ec) return std::nullopt;
  auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  return Stamp{time, size};
}

template <typename C>
Result<void> FileDocument<C>::load(const fs::path& path) {
  const auto stamp = stamp_of(path);
  auto loaded = DocumentFormat<C>::load(path);
  if (!loaded) return loaded.error();
  content_ = std::move(*loaded);
  DocumentFormat<C>::set_source(content_, path);
  path_ = path;
  disk_stamp_ = stamp;
  history_.clear();
  autosaved_state_ = history_.state();
  return {};
}

template <typename C>
void FileDocument<C>::saved_to(const fs::path& path) {
  if (!path_.empty() && path_ != path) discard_recovery();
  path_ = path;
  DocumentFormat<C>::set_source(content_, path);
  history_.mark_saved();
  autosaved_state_ = history_.state();
  disk_stamp_ = stamp_of(path_);
  discard_recovery();
}

template <typename C>
Result<void> FileDocument<C>::save() {
  if (path_.empty()) return make_error("no file yet: use Save As");
  if (auto saved = DocumentFormat<C>::save(content_, path_); !saved) return saved;
  saved_to(path_);
  return {};
}

template <typename C>
Result<void> FileDocument<C>::save_as(const fs::path& path) {
  if (auto saved = DocumentFormat<C>::save(content_, path); !saved) return saved;
  saved_to(path);
  return {};
}

template <typename C>
fs::path FileDocument<C>::autosave_path(const fs::path& file) {
  fs::path p = file;
  p += ".autosave";
  return p;
}

template <typename C>
Result<bool> FileDocument<C>::autosave_tick(double now) {
  if (path_.empty() || !dirty() || history_.state() == autosaved_state_) return false;
  if (now - last_autosave_ < autosave_interval_seconds) return false;
  last_autosave_ = now;
  auto text = DocumentFormat<C>::autosave_text(content_);
  if (!text) return text.error();
  if (auto written = write_file_atomic(autosave_path(path_), *text); !written) return written.error();
  autosaved_state_ = history_.state();
  return true;
}

template <typename C>
bool FileDocument<C>::recovery_available() const {
  if (path_.empty()) return false;
  auto autosave = stamp_of(autosave_path(path_));
  if (!autosave) return false;
  auto file = stamp_of(path_);
  return !file || autosave->time >= file->time;
}

template <typename C>
Result<void> FileDocument<C>::recover() {
  const fs::path from = autosave_path(path_);
  auto loaded = DocumentFormat<C>::load(from);
  if (!loaded) return make_error("cannot recover from ", from.string(), ": ", loaded.error().message);
  content_ = std::move(*loaded);
  DocumentFormat<C>::set_source(content_, path_);  // the same folder, so relative paths resolve the same way
  history_.clear();
  history_.mark_unsaved();
  autosaved_state_ = history_.state();
  log::info("recovered unsaved changes from ", from.string());
  return {};
}

template <typename C>
void FileDocument<C>::discard_recovery() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove(autosave_path(path_), ec);
}

template <typename C>
bool FileDocument<C>::changed_on_disk() const {
  if (path_.empty()) return false;
  return stamp_of(path_) != disk_stamp_;
}

template <typename C>
Result<bool> FileDocument<C>::reload_if_changed() {
  if (dirty() || !changed_on_disk()) return false;
  const fs::path path = path_;
  if (auto loaded = load(path); !loaded) {
    disk_stamp_ = stamp_of(path);  // report a broken file once, not every frame
    return loaded.error();
  }
  log::info("reloaded ", path.string(), ": it changed on disk");
  return true;
}

template class FileDocument<scene::Scene>;
template class FileDocument<sequencer::Sequence>;

}  // namespace kagami::editor
