// The outliner: the hierarchy as a tree. Click selects (ctrl toggles, shift
// extends a range in the shown order), dragging entities onto another makes
// them its children (onto the "Scene" row: roots), and the context menu
// renames, duplicates, deletes, copies and pastes.
#include <unordered_map>

#include "editor_state.h"

namespace kagami::editor {

namespace {

constexpr const char* kEntityPayload = "KAGAMI_ENTITY";

struct Tree {
  std::unordered_map<scene::EntityId, std::vector<scene::EntityId>> children;
  std::vector<scene::EntityId> roots;
};

Tree build_tree(const scene::Scene& scene) {
  Tree t;
  for (const scene::Entity& e : scene.entities()) {
    if (e.parent() == scene::kNoEntity) t.roots.push_back(e.id());
    else t.children[e.parent()].push_back(e.id());
  }
  return t;
}

// Drops dragged entities (the selection when the dragged one is selected) under `parent`.
void accept_entity_drop(Editor::State& s, scene::EntityId parent) {
  if (!ImGui::BeginDragDropTarget()) return;
  if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kEntityPayload)) {
    scene::EntityId dragged = *static_cast<const scene::EntityId*>(payload->Data);
    std::vector<scene::EntityId> ids = s.selection.contains(dragged) ? s.selection.ids() : std::vector{dragged};
    s.run(ReparentEntities::of(s.doc.scene(), ids, parent));
  }
  ImGui::EndDragDropTarget();
}

void context_menu(Editor::State& s, scene::EntityId id) {
  if (!ImGui::BeginPopupContextItem()) return;
  if (!s.selection.contains(id)) s.selection.set({id});
  if (ImGui::MenuItem("Rename")) {
    s.rename.id = id;
    std::snprintf(s.rename.buffer, sizeof s.rename.buffer, "%s", s.doc.scene().find(id)->name.c_str());
    s.rename.focus = true;
  }
  if (ImGui::MenuItem("Duplicate", "Ctrl+D")) s.run(duplicate_entities(s.doc.scene(), s.selection.ids()));
  if (ImGui::MenuItem("Copy", "Ctrl+C")) s.clipboard = copy_entities(s.doc.scene(), s.selection.ids());
  if (ImGui::MenuItem("Paste as child", nullptr, false, !s.clipboard.empty()))
    s.run(paste_entities(s.doc.scene(), s.clipboard, id));
  if (ImGui::MenuItem("New child")) {
    scene::Entity e;
    e.name = "entity";
    s.run(create_entity(s.doc.scene(), std::move(e), id));
  }
  if (ImGui::MenuItem("Delete", "Del")) s.run(RemoveEntities::of(s.doc.scene(), s.selection.ids()));
  ImGui::EndPopup();
}

void draw_node(Editor::State& s, const Tree& tree, scene::EntityId id) {
  const scene::Entity* e = s.doc.scene().find(id);
  if (!e) return;
  s.outliner_order.push_back(id);
  auto kids = tree.children.find(id);
  const bool leaf = kids == tree.children.end();
  ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
  if (leaf) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
  if (s.selection.contains(id)) flags |= ImGuiTreeNodeFlags_Selected;

  bool open = false;
  if (s.rename.id == id) {
    if (s.rename.focus) ImGui::SetKeyboardFocusHere();
    s.rename.focus = false;
    if (ImGui::InputText("##rename", s.rename.buffer, sizeof s.rename.buffer,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
      std::string name = s.rename.buffer;
      s.rename.id = scene::kNoEntity;
      if (name != e->name)
        s.run(EditEntities::of(s.doc.scene(), id, "Rename", [&](scene::Entity& x) { x.name = name; }));
    } else if (ImGui::IsItemDeactivated()) {
      s.rename.id = scene::kNoEntity;
    }
    open = !leaf;
    if (open) ImGui::TreePush(reinterpret_cast<void*>(std::uintptr_t(id)));
  } else {
    const char* icon = e->light ? "[L] " : e->camera ? "[C] " : e->emitter ? "[P] " : e->mesh ? "" : "";
    open = ImGui::TreeNodeEx(reinterpret_cast<void*>(std::uintptr_t(id)), flags, "%s%s", icon,
                             e->name.empty() ? "(unnamed)" : e->name.c_str());
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) {
      const ImGuiIO& io = ImGui::GetIO();
      s.selection.click(id, io.KeyCtrl ? ClickMode::toggle : io.KeyShift ? ClickMode::range : ClickMode::replace,
                        s.outliner_shown);
    }
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
      s.rename.id = id;
      std::snprintf(s.rename.buffer, sizeof s.rename.buffer, "%s", e->name.c_str());
      s.rename.focus = true;
    }
    if (ImGui::BeginDragDropSource()) {
      ImGui::SetDragDropPayload(kEntityPayload, &id, sizeof id);
      ImGui::Text("%s", e->name.c_str());
      ImGui::EndDragDropSource();
    }
    accept_entity_drop(s, id);
    context_menu(s, id);
  }
  if (open && !leaf) {
    for (scene::EntityId child : kids->second) draw_node(s, tree, child);
    ImGui::TreePop();
  }
}

}  // namespace

void draw_outliner(Editor::State& s) {
  const float top = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(0, top));
  ImGui::SetNextWindowSize(ImVec2(float(s.area.offset.x), ImGui::GetIO().DisplaySize.y - top));
  ImGui::Begin("Outliner", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  s.outliner_order.clear();
  const Tree tree = build_tree(s.doc.scene());
  ImGui::Selectable(cat("Scene: ", s.doc.scene().name, "  (", s.doc.scene().size(), ")").c_str(), false);
  accept_entity_drop(s, scene::kNoEntity);
  if (ImGui::BeginPopupContextItem()) {
    if (ImGui::MenuItem("New entity")) {
      scene::Entity e;
      e.name = "entity";
      s.run(create_entity(s.doc.scene(), std::move(e)));
    }
    if (ImGui::MenuItem("Paste", "Ctrl+V", false, !s.clipboard.empty())) s.run(paste_entities(s.doc.scene(), s.clipboard));
    ImGui::EndPopup();
  }
  ImGui::Separator();
  // A location has a thousand entities: only the visible rows are cheap, so keep the tree collapsed by default.
  for (scene::EntityId root : tree.roots) draw_node(s, tree, root);
  s.outliner_shown = s.outliner_order;
  ImGui::End();
}

}  // namespace kagami::editor
