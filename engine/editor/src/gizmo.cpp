// The transform gizmo over the primary selection, drawn with ImGui's draw
// list: three axis arrows (translate), three rings (rotate) or three axis
// handles with boxes (scale). The mouse picks the nearest axis on screen; a
// drag turns into EditEntities commands with one merge key, inside one
// history gesture, so the whole drag is one undo step. Snapping rounds the
// offset, angle or factor to the editor's steps.
#include <cmath>

#include "editor_state.h"

namespace kagami::editor {

namespace {

constexpr float kPickPixels = 8.0f;
constexpr int kRingSegments = 48;
const ImU32 kAxisColors[3] = {IM_COL32(230, 70, 70, 255), IM_COL32(90, 210, 90, 255), IM_COL32(80, 130, 240, 255)};
const ImU32 kHotColor = IM_COL32(255, 220, 60, 255);

glm::vec3 axis_vector(int axis) {
  glm::vec3 v(0.0f);
  v[axis] = 1.0f;
  return v;
}

struct Frame {
  glm::vec3 origin;
  float size;  // world length of an axis: a constant fraction of the view
  glm::vec2 size_px;
  glm::vec2 offset;  // viewport's top-left in the window
};

std::optional<ImVec2> to_screen(const Editor::State& s, const Frame& f, const glm::vec3& p) {
  auto px = project_to_pixel(s.view_proj, p, f.size_px);
  if (!px) return std::nullopt;
  return ImVec2(px->x + f.offset.x, px->y + f.offset.y);
}

// Ring points of `axis` around the origin.
std::vector<ImVec2> ring(const Editor::State& s, const Frame& f, int axis) {
  std::vector<ImVec2> points;
  const glm::vec3 u = axis_vector((axis + 1) % 3), v = axis_vector((axis + 2) % 3);
  for (int i = 0; i <= kRingSegments; ++i) {
    const float a = 6.2831853f * float(i) / kRingSegments;
    if (auto p = to_screen(s, f, f.origin + (u * std::cos(a) + v * std::sin(a)) * f.size)) points.push_back(*p);
  }
  return points;
}

// The axis under the mouse, or -1.
int hovered_axis(const Editor::State& s, const Frame& f, ImVec2 mouse) {
  const glm::vec2 m(mouse.x, mouse.y);
  int best = -1;
  float best_distance = kPickPixels;
  for (int axis = 0; axis < 3; ++axis) {
    if (s.gizmo == GizmoMode::rotate) {
      const auto points = ring(s, f, axis);
      for (std::size_t i = 1; i < points.size(); ++i) {
        float d = distance_to_segment(m, {points[i - 1].x, points[i - 1].y}, {points[i].x, points[i].y});
        if (d < best_distance) best_distance = d, best = axis;
      }
    } else {
      auto a = to_screen(s, f, f.origin), b = to_screen(s, f, f.origin + axis_vector(axis) * f.size);
      if (!a || !b) continue;
      float d = distance_to_segment(m, {a->x, a->y}, {b->x, b->y});
      if (d < best_distance) best_distance = d, best = axis;
    }
  }
  return best;
}

Ray mouse_ray(const Editor::State& s, const Frame& f) {
  const ImVec2 m = ImGui::GetIO().MousePos;
  return pixel_ray(s.view_proj, s.camera.position(), glm::vec2(m.x, m.y) - f.offset, f.size_px);
}

// The drag's measure: the position along the axis (translate, scale) or the
// angle around it (rotate), from the mouse ray.
std::optional<float> measure(const Editor::State& s, const Frame& f, int axis) {
  const Ray ray = mouse_ray(s, f);
  const glm::vec3 dir = axis_vector(axis);
  if (s.gizmo != GizmoMode::rotate) return closest_on_axis(ray, f.origin, dir);
  auto hit = intersect_plane(ray, f.origin, dir);
  if (!hit) return std::nullopt;
  const glm::vec3 local = *hit - f.origin;
  const glm::vec3 u = axis_vector((axis + 1) % 3), v = axis_vector((axis + 2) % 3);
  return std::atan2(glm::dot(local, v), glm::dot(local, u));
}

// New local transforms for the dragged entities from the drag's measure now.
void apply_drag(Editor::State& s, const Frame& f, float now) {
  const GizmoDrag& d = s.drag;
  const glm::vec3 dir = axis_vector(d.axis);
  std::vector<EditEntities::Change> changes;
  for (const auto& [id, start] : d.start) {
    const scene::Entity* e = s.doc.scene().find(id);
    if (!e) continue;
    EditEntities::Change c{id, *e, *e};
    const glm::mat4 parent_world = s.doc.scene().world_transform(e->parent());
    const glm::mat4 start_world = parent_world * start.matrix();
    glm::mat4 world = start_world;
    if (s.gizmo == GizmoMode::translate) {
      const float offset = snap(now - d.start_param, s.snapping ? s.snap_translate : 0.0f);
      world = glm::translate(glm::mat4(1.0f), dir * offset) * start_world;
    } else if (s.gizmo == GizmoMode::rotate) {
      float angle = now - d.start_param;
      if (s.snapping) angle = snap(angle, glm::radians(s.snap_rotate_degrees));
      // Rotate about the gizmo's origin, in world space.
      world = glm::translate(glm::mat4(1.0f), d.origin) * glm::rotate(glm::mat4(1.0f), angle, dir) *
              glm::translate(glm::mat4(1.0f), -d.origin) * start_world;
    }
    c.after.transform = scene::Transform::from_matrix(glm::inverse(parent_world) * world);
    if (s.gizmo == GizmoMode::scale) {
      // Scale along the local axis by how far the handle moved relative to its length.
      float factor = 1.0f + (now - d.start_param) / f.size;
      if (s.snapping) factor = snap(factor, s.snap_scale);
      c.after.transform = start;
      c.after.transform.scale[d.axis] = start.scale[d.axis] * std::max(factor, 0.01f);
    }
    changes.push_back(std::move(c));
  }
  if (changes.empty()) return;
  const char* what = s.gizmo == GizmoMode::translate ? "Move" : s.gizmo == GizmoMode::rotate ? "Rotate" : "Scale";
  s.run(std::make_unique<EditEntities>(what, std::move(changes), "gizmo"));
}

void draw(const Editor::State& s, const Frame& f, int hot) {
  ImDrawList* list = ImGui::GetWindowDrawList();
  auto origin = to_screen(s, f, f.origin);
  if (!origin) return;
  for (int axis = 0; axis < 3; ++axis) {
    const ImU32 color = axis == hot ? kHotColor : kAxisColors[axis];
    if (s.gizmo == GizmoMode::rotate) {
      const auto points = ring(s, f, axis);
      list->AddPolyline(points.data(), int(points.size()), color, 0, 2.5f);
      continue;
    }
    auto tip = to_screen(s, f, f.origin + axis_vector(axis) * f.size);
    if (!tip) continue;
    list->AddLine(*origin, *tip, color, 3.0f);
    if (s.gizmo == GizmoMode::translate) {
      // An arrow head: a triangle across the axis at its tip.
      glm::vec2 d(tip->x - origin->x, tip->y - origin->y);
      if (glm::length(d) < 1.0f) continue;
      d = glm::normalize(d);
      const glm::vec2 n(-d.y, d.x), t(tip->x, tip->y);
      const glm::vec2 a = t + d * 12.0f, b = t + n * 6.0f, c = t - n * 6.0f;
      list->AddTriangleFilled(ImVec2(a.x, a.y), ImVec2(b.x, b.y), ImVec2(c.x, c.y), color);
    } else {
      list->AddRectFilled(ImVec2(tip->x - 5, tip->y - 5), ImVec2(tip->x + 5, tip->y + 5), color);
    }
  }
  list->AddCircleFilled(*origin, 4.0f, IM_COL32(240, 240, 240, 255));
}

}  // namespace

void update_gizmo(Editor::State& s, bool viewport_hovered, bool viewport_active) {
  const scene::EntityId primary = s.selection.primary();
  if (primary == scene::kNoEntity || !s.doc.scene().find(primary)) {
    s.hovered_axis = -1;
    s.drag.axis = -1;
    return;
  }
  Frame f;
  f.origin = glm::vec3(s.doc.scene().world_transform(primary)[3]);
  f.size_px = glm::vec2(float(s.area.extent.width), float(s.area.extent.height));
  f.offset = glm::vec2(float(s.area.offset.x), float(s.area.offset.y));
  // A constant size on screen: a fixed fraction of the distance to the eye.
  f.size = glm::length(f.origin - s.camera.position()) * 0.15f;
  if (s.drag.axis >= 0) f.origin = s.drag.origin;

  const ImGuiIO& io = ImGui::GetIO();
  if (s.drag.axis < 0) {
    s.hovered_axis = viewport_hovered ? hovered_axis(s, f, io.MousePos) : -1;
    if (s.hovered_axis >= 0 && viewport_active && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      if (auto start = measure(s, f, s.hovered_axis)) {
        s.drag.axis = s.hovered_axis;
        s.drag.start_param = *start;
        s.drag.origin = f.origin;
        s.drag.start.clear();
        for (scene::EntityId id : s.selection.ids())
          if (const scene::Entity* e = s.doc.scene().find(id)) s.drag.start.emplace_back(id, e->transform);
        s.doc.history().begin_gesture();
      }
    }
  } else if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    s.drag.axis = -1;
    s.doc.history().end_gesture();
  } else if (auto now = measure(s, f, s.drag.axis)) {
    apply_drag(s, f, *now);
  }
  draw(s, f, s.drag.axis >= 0 ? s.drag.axis : s.hovered_axis);
}

}  // namespace kagami::editor
