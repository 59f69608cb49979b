#include "kagami/editor/document.h"

#include "kagami/core/file_io.h"
#include "kagami/core/log.h"
#include "kagami/scene/scene_io.h"

namespace kagami::editor {

namespace fs = std::filesystem;

Document::Document() { scene_.name = "untitled"; }

std::optional<Document::Stamp> Document::stamp_of(const fs::path& path) {
  std::error_code ec;
  auto time = fs::last_write_time(path, ec);
  if (ec) return std::nullopt;
  auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  return Stamp{time, size};
}

Result<Document> Document::open(const fs::path& path) {
  auto loaded = scene::load_scene(path);
  if (!loaded) return loaded.error();
  Document doc;
  doc.scene_ = std::move(*loaded);
  doc.path_ = path;
  doc.disk_stamp_ = stamp_of(path);
  return doc;
}

Result<void> Document::save() {
  if (path_.empty()) return make_error("the scene has no file yet: use Save As");
  if (auto saved = scene::save_scene(scene_, path_); !saved) return saved;
  history_.mark_saved();
  autosaved_state_ = history_.state();
  disk_stamp_ = stamp_of(path_);
  discard_recovery();
  return {};
}

Result<void> Document::save_as(const fs::path& path) {
  if (auto saved = scene::save_scene(scene_, path); !saved) return saved;
  if (!path_.empty() && path_ != path) discard_recovery();
  path_ = path;
  scene_.source_path = path;
  history_.mark_saved();
  autosaved_state_ = history_.state();
  disk_stamp_ = stamp_of(path_);
  discard_recovery();
  return {};
}

fs::path Document::autosave_path(const fs::path& scene_path) {
  fs::path p = scene_path;
  p += ".autosave";
  return p;
}

Result<bool> Document::autosave_tick(double now) {
  if (path_.empty() || !dirty() || history_.state() == autosaved_state_) return false;
  if (now - last_autosave_ < autosave_interval_seconds) return false;
  last_autosave_ = now;
  // Invalid scenes are not autosaved: the recovery file must load.
  if (auto valid = scene_.validate(); !valid) return valid.error();
  if (auto written = write_file_atomic(autosave_path(path_), scene::serialize_scene(scene_)); !written)
    return written.error();
  autosaved_state_ = history_.state();
  return true;
}

bool Document::recovery_available() const {
  if (path_.empty()) return false;
  auto autosave = stamp_of(autosave_path(path_));
  if (!autosave) return false;
  auto file = stamp_of(path_);
  return !file || autosave->time >= file->time;
}

Result<void> Document::recover() {
  const fs::path from = autosave_path(path_);
  auto loaded = scene::load_scene(from);
  if (!loaded) return make_error("cannot recover from ", from.string(), ": ", loaded.error().message);
  scene_ = std::move(*loaded);
  scene_.source_path = path_;  // the same folder, so asset paths resolve the same way
  history_.clear();
  history_.mark_unsaved();
  autosaved_state_ = history_.state();
  log::info("recovered unsaved changes from ", from.string());
  return {};
}

void Document::discard_recovery() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove(autosave_path(path_), ec);
}

bool Document::changed_on_disk() const {
  if (path_.empty()) return false;
  return stamp_of(path_) != disk_stamp_;
}

Result<bool> Document::reload_if_changed() {
  if (dirty() || !changed_on_disk()) return false;
  auto stamp = stamp_of(path_);
  auto loaded = scene::load_scene(path_);
  disk_stamp_ = stamp;  // report a broken file once, not every frame
  if (!loaded) return loaded.error();
  scene_ = std::move(*loaded);
  history_.clear();
  autosaved_state_ = history_.state();
  log::info("reloaded ", path_.string(), ": it changed on disk");
  return true;
}

}  // namespace kagami::editor
