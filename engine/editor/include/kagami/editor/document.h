#pragma once
// A scene open in the editor: the scene, its file, its history, and what
// keeps the artist's work safe (file_document.h): atomic saves with a .bak
// (scene_io), an autosave recovery file, reload when changed on disk.
#include "kagami/editor/file_document.h"
#include "kagami/editor/history.h"
#include "kagami/scene/scene.h"

namespace kagami::editor {

class Document : public FileDocument<scene::Scene> {
 public:
  // An empty, untitled scene (Save needs Save As first).
  Document() { content().name = "untitled"; }
  static Result<Document> open(const std::filesystem::path& path) {
    Document doc;
    if (auto loaded = doc.load(path); !loaded) return loaded.error();
    return doc;
  }

  scene::Scene& scene() { return content(); }
  const scene::Scene& scene() const { return content(); }
};

}  // namespace kagami::editor
