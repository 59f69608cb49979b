// The menu bar, the keyboard shortcuts, and the file actions with their
// prompts: Save, Save As, Open (asking first when there are unsaved changes),
// Quit (the same), and the offer to recover an autosave.
#include <GLFW/glfw3.h>

#include "editor_state.h"

namespace kagami::editor {

namespace {

void save(Editor::State& s) {
  if (auto saved = s.doc.save(); !saved) return s.report(saved.error());
  s.status = cat("saved ", s.doc.path().string());
  log::info(s.status);
}

// The sequence saves with the scene when it has unsaved changes.
bool save_sequence_if_dirty(Editor::State& s) {
  if (!s.seq || !s.seq->dirty()) return true;
  if (auto saved = s.seq->save(); !saved) {
    s.report(saved.error());
    return false;
  }
  log::info("saved ", s.seq->path().string());
  return true;
}

bool any_dirty(const Editor::State& s) { return s.doc.dirty() || (s.seq && s.seq->dirty()); }

// Undo and redo go to the sequence while the timeline has focus.
bool sequence_focused(const Editor::State& s) { return s.seq && s.timeline.focused; }

void undo(Editor::State& s) {
  if (sequence_focused(s)) {
    if (s.seq->history().can_undo())
      if (auto r = s.seq->undo(); !r) s.report(r.error());
    s.timeline.selected.clear();
    return;
  }
  if (!s.doc.history().can_undo()) return;
  if (auto r = s.doc.undo(); !r) s.report(r.error());
  s.selection.prune(s.doc.scene());
}

void redo(Editor::State& s) {
  if (sequence_focused(s)) {
    if (s.seq->history().can_redo())
      if (auto r = s.seq->redo(); !r) s.report(r.error());
    s.timeline.selected.clear();
    return;
  }
  if (!s.doc.history().can_redo()) return;
  if (auto r = s.doc.redo(); !r) s.report(r.error());
  s.selection.prune(s.doc.scene());
}

void open_now(Editor::State& s, const std::filesystem::path& path) {
  if (auto opened = open_document(s, path); !opened) s.report(opened.error());
}

void ask_path(Editor::State& s, Prompt prompt, const std::filesystem::path& initial) {
  std::snprintf(s.path_buffer, sizeof s.path_buffer, "%s", initial.string().c_str());
  s.prompt = prompt;
}

}  // namespace

Result<void> open_document(Editor::State& s, const std::filesystem::path& path) {
  auto doc = Document::open(path);
  if (!doc) return doc.error();
  s.doc = std::move(*doc);
  s.selection.clear();
  s.scene_handle.reset();
  s.sync_streamer();
  s.frame_selection();  // nothing selected: the whole location
  if (s.doc.recovery_available()) s.prompt = Prompt::recovery;
  log::info("opened ", path.string(), " (", s.doc.scene().size(), " entities)");
  // The sequence written against this scene comes with it; one that does not load is reported, not fatal.
  s.seq.reset();
  s.preview = {};
  if (auto beside = find_sequence_for_scene(path))
    if (auto opened = open_sequence(s, *beside); !opened) s.report(opened.error());
  return {};
}

void request_open(Editor::State& s, const std::filesystem::path& path) {
  if (any_dirty(s)) {
    s.pending_open = path;
    s.prompt = Prompt::unsaved_before_open;
  } else {
    open_now(s, path);
  }
}

void save_or_ask(Editor::State& s) {
  if (s.doc.path().empty()) ask_path(s, Prompt::save_as_path, s.options.project_root / "scenes" / "untitled.json");
  else save(s);
  save_sequence_if_dirty(s);
}

void draw_menu_bar(Editor::State& s, const InputState&) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open...", "Ctrl+O")) ask_path(s, Prompt::open_path, s.options.project_root / "scenes");
    if (ImGui::MenuItem("Save", "Ctrl+S")) save_or_ask(s);
    if (ImGui::MenuItem("Save As...")) ask_path(s, Prompt::save_as_path, s.doc.path());
    if (ImGui::MenuItem("Save Sequence As...", nullptr, false, s.seq.has_value()))
      ask_path(s, Prompt::sequence_save_as_path, s.seq->path());
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) {
      if (any_dirty(s)) s.prompt = Prompt::unsaved_before_quit;
      else s.quit = true;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    const std::string undo_label = cat("Undo ", s.doc.history().undo_label());
    const std::string redo_label = cat("Redo ", s.doc.history().redo_label());
    if (ImGui::MenuItem(undo_label.c_str(), "Ctrl+Z", false, s.doc.history().can_undo())) undo(s);
    if (ImGui::MenuItem(redo_label.c_str(), "Ctrl+Y", false, s.doc.history().can_redo())) redo(s);
    ImGui::Separator();
    const bool any = !s.selection.empty();
    if (ImGui::MenuItem("Copy", "Ctrl+C", false, any)) s.clipboard = copy_entities(s.doc.scene(), s.selection.ids());
    if (ImGui::MenuItem("Paste", "Ctrl+V", false, !s.clipboard.empty())) s.run(paste_entities(s.doc.scene(), s.clipboard));
    if (ImGui::MenuItem("Duplicate", "Ctrl+D", false, any)) s.run(duplicate_entities(s.doc.scene(), s.selection.ids()));
    if (ImGui::MenuItem("Delete", "Del", false, any)) s.run(RemoveEntities::of(s.doc.scene(), s.selection.ids()));
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Translate", "W", s.gizmo == GizmoMode::translate)) s.gizmo = GizmoMode::translate;
    if (ImGui::MenuItem("Rotate", "E", s.gizmo == GizmoMode::rotate)) s.gizmo = GizmoMode::rotate;
    if (ImGui::MenuItem("Scale", "R", s.gizmo == GizmoMode::scale)) s.gizmo = GizmoMode::scale;
    ImGui::MenuItem("Snapping", nullptr, &s.snapping);
    ImGui::DragFloat("Move step", &s.snap_translate, 0.01f, 0.01f, 100.0f);
    ImGui::DragFloat("Angle step", &s.snap_rotate_degrees, 0.5f, 1.0f, 90.0f);
    ImGui::DragFloat("Scale step", &s.snap_scale, 0.01f, 0.01f, 10.0f);
    if (ImGui::MenuItem("Frame selection", "F")) s.frame_selection();
    ImGui::EndMenu();
  }
  const std::string file = s.doc.path().empty() ? std::string("untitled") : s.doc.path().filename().string();
  ImGui::TextDisabled("|  %s%s  |  %s", file.c_str(), s.doc.dirty() ? " *" : "", s.status.c_str());
  ImGui::EndMainMenuBar();
}

void handle_shortcuts(Editor::State& s) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || s.prompt != Prompt::none) return;
  auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
  if (io.KeyCtrl) {
    if (pressed(GLFW_KEY_Z)) io.KeyShift ? redo(s) : undo(s);
    if (pressed(GLFW_KEY_Y)) redo(s);
    if (pressed(GLFW_KEY_S)) save_or_ask(s);
    if (pressed(GLFW_KEY_O)) ask_path(s, Prompt::open_path, s.options.project_root / "scenes");
    if (pressed(GLFW_KEY_C) && !s.selection.empty()) s.clipboard = copy_entities(s.doc.scene(), s.selection.ids());
    if (pressed(GLFW_KEY_V) && !s.clipboard.empty()) s.run(paste_entities(s.doc.scene(), s.clipboard));
    if (pressed(GLFW_KEY_D) && !s.selection.empty()) s.run(duplicate_entities(s.doc.scene(), s.selection.ids()));
    if (pressed(GLFW_KEY_Q)) s.prompt = any_dirty(s) ? Prompt::unsaved_before_quit : (s.quit = true, Prompt::none);
    return;
  }
  if (pressed(GLFW_KEY_DELETE) && !s.selection.empty() && !sequence_focused(s)) s.run(RemoveEntities::of(s.doc.scene(), s.selection.ids()));
  if (pressed(GLFW_KEY_F)) s.frame_selection();
  // Gizmo modes, unless the right mouse button flies the camera (then W/E move it).
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Right)) {
    if (pressed(GLFW_KEY_W)) s.gizmo = GizmoMode::translate;
    if (pressed(GLFW_KEY_E)) s.gizmo = GizmoMode::rotate;
    if (pressed(GLFW_KEY_R)) s.gizmo = GizmoMode::scale;
  }
}

void draw_prompts(Editor::State& s) {
  static const char* kTitles[] = {"", "Unsaved changes##quit", "Unsaved changes##open", "Recover unsaved work?",
                                  "Open scene", "Save scene as", "Recover unsaved sequence?", "Save sequence as"};
  if (s.prompt == Prompt::none) return;
  const char* title = kTitles[int(s.prompt)];
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  auto close = [&] {
    s.prompt = Prompt::none;
    ImGui::CloseCurrentPopup();
  };
  switch (s.prompt) {
    case Prompt::unsaved_before_quit:
    case Prompt::unsaved_before_open: {
      const bool quitting = s.prompt == Prompt::unsaved_before_quit;
      ImGui::Text("%s has unsaved changes.", s.doc.dirty() ? (s.doc.path().empty() ? "The scene" : s.doc.path().filename().string().c_str())
                                                           : s.seq->path().filename().string().c_str());
      auto then = [&] {
        const bool q = quitting;
        close();
        if (q) s.quit = true;
        else open_now(s, s.pending_open);
      };
      if (ImGui::Button("Save")) {
        if (s.doc.path().empty()) close(), ask_path(s, Prompt::save_as_path, s.options.project_root / "scenes");
        else if (auto saved = s.doc.save(); !saved) s.report(saved.error());
        else if (save_sequence_if_dirty(s)) then();
      }
      ImGui::SameLine();
      if (ImGui::Button("Discard changes")) {
        s.doc.discard_recovery();
        if (s.seq) s.seq->discard_recovery();
        then();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) close();
      break;
    }
    case Prompt::recovery:
      ImGui::Text("An autosave of %s is newer than the file:", s.doc.path().filename().string().c_str());
      ImGui::Text("the last session ended with unsaved changes.");
      if (ImGui::Button("Recover")) {
        if (auto r = s.doc.recover(); !r) s.report(r.error());
        s.selection.clear();
        s.sync_streamer();
        close();
      }
      ImGui::SameLine();
      if (ImGui::Button("Discard autosave")) {
        s.doc.discard_recovery();
        close();
      }
      break;
    case Prompt::sequence_recovery:
      ImGui::Text("An autosave of %s is newer than the file:", s.seq->path().filename().string().c_str());
      ImGui::Text("the last session ended with unsaved changes to the sequence.");
      if (ImGui::Button("Recover")) {
        if (auto r = s.seq->recover(); !r) s.report(r.error());
        s.preview.stale = true;
        close();
      }
      ImGui::SameLine();
      if (ImGui::Button("Discard autosave")) {
        s.seq->discard_recovery();
        close();
      }
      break;
    case Prompt::sequence_save_as_path:
      ImGui::SetNextItemWidth(520);
      if (ImGui::InputText("##path", s.path_buffer, sizeof s.path_buffer, ImGuiInputTextFlags_EnterReturnsTrue) ||
          ImGui::Button("Save")) {
        const std::filesystem::path path = s.path_buffer;
        close();
        if (auto saved = s.seq->save_as(path); !saved) s.report(saved.error());
        else s.status = cat("saved ", path.string());
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) close();
      break;
    case Prompt::open_path:
    case Prompt::save_as_path: {
      const bool opening = s.prompt == Prompt::open_path;
      ImGui::SetNextItemWidth(520);
      const bool entered =
          ImGui::InputText("##path", s.path_buffer, sizeof s.path_buffer, ImGuiInputTextFlags_EnterReturnsTrue);
      if (ImGui::Button(opening ? "Open" : "Save") || entered) {
        const std::filesystem::path path = s.path_buffer;
        close();
        if (opening) request_open(s, path);
        else if (auto saved = s.doc.save_as(path); !saved) s.report(saved.error());
        else s.status = cat("saved ", path.string());
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) close();
      break;
    }
    case Prompt::none:
      break;
  }
  ImGui::EndPopup();
}

}  // namespace kagami::editor
