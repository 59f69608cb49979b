// The viewport window: a transparent ImGui window over the part of the target
// the scene is drawn into. It turns mouse and keys into camera moves, clicks
// into pick requests, gizmo drags into commands, and asset drops into entities.
#include <GLFW/glfw3.h>

#include <filesystem>

#include "editor_state.h"

namespace kagami::editor {

namespace {

constexpr const char* kAssetPayload = "KAGAMI_ASSET";

// An asset id for a model file: its stem made an identifier, unique in the table.
std::string asset_id_for(const scene::Scene& scene, const std::filesystem::path& model) {
  std::string base;
  for (char c : model.stem().string()) base += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '_';
  if (base.empty()) base = "model";
  std::string id = base;
  for (int n = 2; scene.assets.contains(id) && scene.assets.at(id) != model.generic_string(); ++n) id = cat(base, "_", n);
  return id;
}

// Drops a model from the asset browser: an entity with a mesh where the mouse
// ray meets the ground (y = 0), or in front of the camera.
void drop_model(Editor::State& s, const std::filesystem::path& model, glm::vec2 local_mouse) {
  const glm::vec2 size(float(s.area.extent.width), float(s.area.extent.height));
  Ray ray = pixel_ray(s.view_proj, s.camera.position(), local_mouse, size);
  glm::vec3 at = s.camera.target;
  if (auto hit = intersect_plane(ray, glm::vec3(0.0f), glm::vec3(0, 1, 0));
      hit && glm::length(*hit - ray.origin) < s.camera.distance * 10.0f)
    at = *hit;
  const std::filesystem::path base =
      s.doc.path().empty() ? s.options.project_root / "scenes" : s.doc.path().parent_path();
  const std::string relative = std::filesystem::relative(model, base).generic_string();
  const std::string id = asset_id_for(s.doc.scene(), relative);
  scene::Entity entity;
  entity.name = model.stem().string();
  entity.mesh = scene::MeshComponent{id, {}};
  entity.transform.translation = glm::vec3(snap(at.x, s.snapping ? s.snap_translate : 0.0f), at.y,
                                           snap(at.z, s.snapping ? s.snap_translate : 0.0f));
  std::vector<std::unique_ptr<Command>> steps;
  if (!s.doc.scene().assets.contains(id)) steps.push_back(std::make_unique<AddAsset>(id, relative));
  steps.push_back(create_entity(s.doc.scene(), std::move(entity)));
  s.run(std::make_unique<CommandBatch>("Place " + model.stem().string(), std::move(steps)));
}

void move_camera(Editor::State& s, const InputState& input, bool hovered, bool active) {
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 d = io.MouseDelta;
  const float turn = 0.005f;
  if (active && ImGui::IsMouseDown(ImGuiMouseButton_Right)) {
    // Fly: look with the mouse, move with WASD/QE, faster with shift.
    s.camera.look(d.x * turn, -d.y * turn);
    const float speed = s.camera.distance * (input.shift ? 2.0f : 0.6f) * io.DeltaTime;
    glm::vec3 move(0.0f);
    if (input.keys[GLFW_KEY_W]) move.z += speed;
    if (input.keys[GLFW_KEY_S]) move.z -= speed;
    if (input.keys[GLFW_KEY_D]) move.x += speed;
    if (input.keys[GLFW_KEY_A]) move.x -= speed;
    if (input.keys[GLFW_KEY_E]) move.y += speed;
    if (input.keys[GLFW_KEY_Q]) move.y -= speed;
    s.camera.fly(move);
  } else if (active && (ImGui::IsMouseDown(ImGuiMouseButton_Middle) ||
                        (input.alt && ImGui::IsMouseDown(ImGuiMouseButton_Left)))) {
    if (input.shift) s.camera.pan(-d.x * s.camera.distance * 0.002f, d.y * s.camera.distance * 0.002f);
    else s.camera.orbit(d.x * turn, -d.y * turn);
  }
  if (hovered && io.MouseWheel != 0.0f) s.camera.zoom(io.MouseWheel);
}

}  // namespace

void draw_viewport(Editor::State& s, const InputState& input) {
  const VkRect2D& a = s.area;
  ImGui::SetNextWindowPos(ImVec2(float(a.offset.x), float(a.offset.y)));
  ImGui::SetNextWindowSize(ImVec2(float(a.extent.width), float(a.extent.height)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("Viewport", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();
  ImGui::InvisibleButton("##scene", ImVec2(float(a.extent.width), float(a.extent.height)),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const bool clicked = ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !input.alt;

  if (ImGui::BeginDragDropTarget()) {
    if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kAssetPayload)) {
      const std::string path(static_cast<const char*>(payload->Data), std::size_t(payload->DataSize));
      const ImVec2 m = ImGui::GetIO().MousePos;
      drop_model(s, path, glm::vec2(m.x - float(a.offset.x), m.y - float(a.offset.y)));
    }
    ImGui::EndDragDropTarget();
  }

  update_gizmo(s, hovered, active);
  if (clicked && s.drag.axis < 0 && s.hovered_axis < 0) {
    // Resolved by the entity-id pass of this frame, read back when its slot comes round.
    const ImVec2 m = ImGui::GetIO().MousePos;
    s.pick_pixel = glm::uvec2(std::uint32_t(std::max(m.x, 0.0f)), std::uint32_t(std::max(m.y, 0.0f)));
    s.pick_click_mode = input.ctrl ? ClickMode::toggle : input.shift ? ClickMode::range : ClickMode::replace;
  }
  move_camera(s, input, hovered, active);

  // Streaming progress while the location comes in.
  if (s.scene_handle && !s.streamer->scene_resident(*s.scene_handle)) {
    auto stats = s.streamer->stats();
    ImGui::SetCursorPos(ImVec2(8, 8));
    ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "streaming: %zu resident, %zu loading", stats.resident, stats.loading);
  }
  ImGui::End();
}

}  // namespace kagami::editor
