// The Timeline tab: transport (play/pause, frame, loop), the shot list, and the
// dope sheet: a time ruler to scrub (left drag) and set the loop range (right
// drag), a row of shots and camera cuts, and a row per keyed channel with its
// keys as diamonds: click selects (ctrl toggles, shift adds), dragging moves
// the selected keys along frames (one undo step), double-click (or K at the
// playhead) adds a key, Delete removes the selection, Space plays and pauses,
// C switches between the dope sheet and the curve view, right-click offers interpolation and tangents.
// Everything is drawn with ImDrawList; edits are commands on the sequence.
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>

#include "editor_state.h"

namespace kagami::editor {

namespace {

using sequencer::Interp;
using sequencer::TangentMode;

constexpr float kNameWidth = 210.0f, kRulerHeight = 20.0f;
constexpr ImU32 kKeyColor = IM_COL32(220, 220, 220, 255), kSelectedColor = IM_COL32(255, 170, 40, 255);

double seconds_per_pixel(const TimelineView& v, const sequencer::Sequence& seq) {
  return seq.duration / std::max(1.0f, v.x1 - v.x0);
}
float x_of(const TimelineView& v, const sequencer::Sequence& seq, double t) {
  return v.x0 + float(t / seconds_per_pixel(v, seq));
}
double time_at(const TimelineView& v, const sequencer::Sequence& seq, float x) {
  return double(x - v.x0) * seconds_per_pixel(v, seq);
}

float shots_top(const TimelineView& v) { return v.top + kRulerHeight; }
float shots_bottom(const TimelineView& v) { return shots_top(v) + v.row_height; }

bool is_selected(const TimelineView& v, const KeyRef& k) {
  return std::find(v.selected.begin(), v.selected.end(), k) != v.selected.end();
}

// A label that fits `width` pixels: its end is kept (the channel's own name
// comes after its shot's), the cut-off start shown as "..".
std::string fitted_label(const std::string& label, float width) {
  if (ImGui::CalcTextSize(label.c_str()).x <= width) return label;
  for (std::size_t start = 1; start < label.size(); ++start) {
    std::string shown = ".." + label.substr(start);
    if (ImGui::CalcTextSize(shown.c_str()).x <= width) return shown;
  }
  return label;
}

void diamond(ImDrawList* dl, ImVec2 c, float r, ImU32 color) {
  dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), color);
  dl->AddQuad(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y),
              IM_COL32(20, 20, 20, 255));
}

// The key under the mouse in the dope sheet, if any (within a diamond's reach).
std::optional<KeyRef> key_at(const Editor::State& s, ImVec2 m) {
  const TimelineView& v = s.timeline;
  const sequencer::Sequence& seq = s.seq->sequence();
  const int row = int(std::floor((m.y - v.rows_top) / v.row_height));
  if (m.y < shots_bottom(v) || row < 0 || std::size_t(row) >= v.rows.size()) return std::nullopt;
  const ChannelInfo& info = v.rows[std::size_t(row)];
  auto curve = ChannelCurve::of(seq, info.ref);
  if (!curve) return std::nullopt;
  std::optional<KeyRef> best;
  float best_dx = 6.0f;
  for (std::size_t i = 0; i < curve->size(); ++i) {
    const float dx = std::abs(x_of(v, seq, curve->time(i) + info.offset) - m.x);
    if (dx <= best_dx) best = KeyRef{info.ref, std::uint32_t(i)}, best_dx = dx;
  }
  return best;
}

// A key on the current channel at the playhead (K, or the Add key button).
void add_key_at_playhead(Editor::State& s) {
  if (!s.timeline.channel) return;
  const auto& rows = s.timeline.rows;
  auto info = std::find_if(rows.begin(), rows.end(), [&](const ChannelInfo& c) { return c.ref == *s.timeline.channel; });
  const sequencer::Sequence& seq = s.seq->sequence();
  if (info != rows.end()) run_sequence(s, add_key(seq, info->ref, s.transport.frame_time(seq) - info->offset));
}

void transport_bar(Editor::State& s) {
  const sequencer::Sequence& seq = s.seq->sequence();
  Transport& t = s.transport;
  if (ImGui::Button(t.playing() ? "Pause" : "Play")) t.toggle(seq);
  ImGui::SameLine();
  if (ImGui::Button("|<")) t.scrub(seq, t.looping() ? t.loop_from() : 0.0);
  ImGui::SameLine();
  bool loop = t.looping();
  if (ImGui::Checkbox("Loop", &loop)) {
    if (loop && t.loop_to() <= t.loop_from()) t.set_loop(seq, 0.0, seq.duration);
    t.set_looping(loop);
  }
  ImGui::SameLine();
  ImGui::Text("frame %lld / %lld  (%.2f s)", static_cast<long long>(t.frame(seq)),
              static_cast<long long>(seq.frame_count()), t.frame_time(seq));
  ImGui::SameLine();
  ImGui::TextDisabled("%s%s", s.seq->path().filename().string().c_str(), s.seq->dirty() ? " *" : "");
  ImGui::Checkbox("View through cut camera", &s.timeline.view_through_cut);
  ImGui::SameLine();
  ImGui::Checkbox("Curves", &s.timeline.curves);
  ImGui::SameLine();
  if (ImGui::Button("Add key (K)")) add_key_at_playhead(s);
  ImGui::SameLine();
  if (ImGui::Button("Delete keys") && !s.timeline.selected.empty() &&
      run_sequence(s, delete_keys(seq, s.timeline.selected)))
    s.timeline.selected.clear();
}

void key_menu(Editor::State& s) {
  if (!ImGui::BeginPopup("key menu")) return;
  const sequencer::Sequence& seq = s.seq->sequence();
  static constexpr std::pair<Interp, const char*> kInterps[] = {
      {Interp::constant, "Constant"}, {Interp::linear, "Linear"},     {Interp::cubic, "Cubic (Bezier)"},
      {Interp::ease_in, "Ease in"},   {Interp::ease_out, "Ease out"}, {Interp::ease_in_out, "Ease in-out"}};
  static constexpr std::pair<TangentMode, const char*> kTangents[] = {{TangentMode::automatic, "Auto"},
                                                                       {TangentMode::auto_clamped, "Auto clamped"},
                                                                       {TangentMode::user, "User"},
                                                                       {TangentMode::broken, "Broken"}};
  ImGui::TextDisabled("Interpolation");
  for (auto [interp, name] : kInterps)
    if (ImGui::MenuItem(name)) run_sequence(s, set_interpolation(seq, s.timeline.selected, interp));
  ImGui::Separator();
  ImGui::TextDisabled("Tangents");
  for (auto [mode, name] : kTangents)
    if (ImGui::MenuItem(name)) run_sequence(s, set_tangent_mode(seq, s.timeline.selected, mode));
  ImGui::Separator();
  if (ImGui::MenuItem("Delete", "Del") && run_sequence(s, delete_keys(seq, s.timeline.selected)))
    s.timeline.selected.clear();
  ImGui::EndPopup();
}

// Mouse handling over the dope sheet (the canvas is one invisible button).
void dope_sheet_input(Editor::State& s, bool hovered) {
  TimelineView& v = s.timeline;
  const sequencer::Sequence& seq = s.seq->sequence();
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 m = io.MousePos;
  const bool on_ruler = m.y < shots_top(v);
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    v.press_x = m.x, v.press_y = m.y, v.drag_moved = false;
    if (on_ruler) {
      v.drag = TimelineView::Drag::scrub;
    } else if (auto key = key_at(s, m)) {
      if (io.KeyCtrl) {
        if (is_selected(v, *key)) std::erase(v.selected, *key);
        else v.selected.push_back(*key);
      } else if (io.KeyShift) {
        if (!is_selected(v, *key)) v.selected.push_back(*key);
      } else if (!is_selected(v, *key)) {
        v.selected = {*key};
      }
      v.channel = key->channel;
      v.drag = TimelineView::Drag::keys;
      v.drag_start = seq;
      v.drag_keys = v.selected;
    } else {
      const int row = int(std::floor((m.y - v.rows_top) / v.row_height));
      if (m.y >= shots_bottom(v) && row >= 0 && std::size_t(row) < v.rows.size()) v.channel = v.rows[std::size_t(row)].ref;
      if (!io.KeyCtrl && !io.KeyShift) v.selected.clear();
      if (m.y >= shots_top(v) && m.y < shots_bottom(v)) {
        // The shots row: a click on a shot moves the playhead to it and makes it the loop range.
        const double t = time_at(v, seq, m.x);
        for (const sequencer::Shot& shot : seq.timeline.shots)
          if (shot.contains(t)) {
            s.transport.scrub(seq, shot.start);
            s.transport.set_loop(seq, shot.start, shot.end());
            s.transport.set_looping(s.transport.looping());
          }
      }
    }
  }
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
    if (on_ruler) {
      v.drag = TimelineView::Drag::loop;
      v.press_time = time_at(v, seq, m.x);
    } else if (auto key = key_at(s, m)) {
      if (!is_selected(v, *key)) v.selected = {*key};
      ImGui::OpenPopup("key menu");
    }
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !on_ruler && !key_at(s, m)) {
    const int row = int(std::floor((m.y - v.rows_top) / v.row_height));
    if (m.y >= shots_bottom(v) && row >= 0 && std::size_t(row) < v.rows.size()) {
      const ChannelInfo& info = v.rows[std::size_t(row)];
      if (run_sequence(s, add_key(seq, info.ref, time_at(v, seq, m.x) - info.offset))) v.selected.clear();
    }
  }
  if (hovered && io.MouseWheel != 0.0f)
    v.scroll = std::max(0.0f, v.scroll - io.MouseWheel * 3.0f);

  switch (v.drag) {
    case TimelineView::Drag::scrub:
      if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) s.transport.scrub(seq, time_at(v, seq, m.x));
      break;
    case TimelineView::Drag::loop:
      if (ImGui::IsMouseDown(ImGuiMouseButton_Right) && std::abs(m.x - v.press_x) > 3.0f)
        s.transport.set_loop(seq, v.press_time, time_at(v, seq, m.x));
      break;
    case TimelineView::Drag::keys:
      if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && (v.drag_moved || std::abs(m.x - v.press_x) > 3.0f)) {
        if (!v.drag_moved) s.seq->history().begin_gesture();
        v.drag_moved = true;
        auto moved = move_keys(v.drag_start, v.drag_keys, time_at(v, seq, m.x) - time_at(v, seq, v.press_x));
        // A move onto another key is refused: the keys wait where they were until the mouse moves on.
        if (moved && s.seq->execute(std::move(moved->command))) v.selected = moved->keys;
      }
      break;
    default:
      break;
  }
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) && !ImGui::IsMouseDown(ImGuiMouseButton_Right) &&
      v.drag != TimelineView::Drag::none) {
    if (v.drag == TimelineView::Drag::keys && v.drag_moved) s.seq->history().end_gesture();
    v.drag = TimelineView::Drag::none;
  }
  if (ImGui::IsWindowFocused() && !io.WantTextInput && !io.KeyCtrl) {
    if (ImGui::IsKeyPressed(GLFW_KEY_DELETE, false) && !v.selected.empty() && run_sequence(s, delete_keys(seq, v.selected)))
      v.selected.clear();
    if (ImGui::IsKeyPressed(GLFW_KEY_K, false)) add_key_at_playhead(s);
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) s.transport.toggle(seq);
  }
}

// Keys that work in both views while the timeline has focus.
void view_keys(Editor::State& s) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsWindowFocused() && !io.WantTextInput && !io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_C, false))
    s.timeline.curves = !s.timeline.curves;
}

void draw_dope_sheet(Editor::State& s, ImVec2 origin, ImVec2 size) {
  TimelineView& v = s.timeline;
  const sequencer::Sequence& seq = s.seq->sequence();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float right = origin.x + size.x, bottom = origin.y + size.y;
  dl->AddRectFilled(origin, ImVec2(right, bottom), IM_COL32(32, 32, 36, 255));
  // Ruler: seconds, with frame ticks when there is room.
  dl->AddRectFilled(ImVec2(v.x0, origin.y), ImVec2(right, origin.y + kRulerHeight), IM_COL32(48, 48, 54, 255));
  const double px_per_s = 1.0 / seconds_per_pixel(v, seq);
  const double step = px_per_s > 80 ? 0.5 : px_per_s > 30 ? 1.0 : px_per_s > 8 ? 5.0 : 10.0;
  for (double t = 0.0; t <= seq.duration + 1e-9; t += step) {
    const float x = x_of(v, seq, t);
    dl->AddLine(ImVec2(x, origin.y + 12), ImVec2(x, bottom), IM_COL32(60, 60, 66, 255));
    char label[32];
    std::snprintf(label, sizeof label, "%gs", t);
    dl->AddText(ImVec2(x + 2, origin.y + 2), IM_COL32(170, 170, 170, 255), label);
  }
  // Loop range.
  const Transport& tr = s.transport;
  if (tr.loop_to() > tr.loop_from())
    dl->AddRectFilled(ImVec2(x_of(v, seq, tr.loop_from()), origin.y + kRulerHeight - 5),
                      ImVec2(x_of(v, seq, tr.loop_to()), origin.y + kRulerHeight),
                      tr.looping() ? IM_COL32(90, 200, 120, 255) : IM_COL32(90, 120, 100, 255));

  // Shots and camera cuts.
  const float shots_y = shots_top(v);
  dl->AddText(ImVec2(origin.x + 4, shots_y + 2), IM_COL32(200, 200, 200, 255), "Shots / cuts");
  for (const sequencer::Shot& shot : seq.timeline.shots) {
    const ImVec2 a(x_of(v, seq, shot.start) + 1, shots_y + 2), b(x_of(v, seq, shot.end()) - 1, shots_y + v.row_height - 2);
    dl->AddRectFilled(a, b, IM_COL32(70, 90, 140, 255), 3.0f);
    dl->PushClipRect(a, b, true);
    dl->AddText(ImVec2(a.x + 3, a.y), IM_COL32(230, 230, 240, 255), shot.name.c_str());
    dl->PopClipRect();
  }
  for (const auto& track : seq.timeline.camera_cuts)
    for (const auto& cut : track.cuts) {
      const float x = x_of(v, seq, cut.time);
      dl->AddTriangleFilled(ImVec2(x - 4, shots_y + v.row_height - 1), ImVec2(x + 4, shots_y + v.row_height - 1),
                            ImVec2(x, shots_y + v.row_height - 7), IM_COL32(240, 220, 90, 255));
    }

  // Channel rows.
  dl->PushClipRect(ImVec2(origin.x, shots_bottom(v)), ImVec2(right, bottom), true);
  for (std::size_t r = 0; r < v.rows.size(); ++r) {
    const ChannelInfo& info = v.rows[r];
    const float y = v.rows_top + float(r) * v.row_height;
    if (y > bottom) break;
    const bool current = v.channel && *v.channel == info.ref;
    if (current || r % 2 == 0)
      dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(right, y + v.row_height),
                        current ? IM_COL32(55, 65, 85, 255) : IM_COL32(38, 38, 42, 255));
    // Where the channel plays (a shot's window); outside it is greyed.
    dl->AddRectFilled(ImVec2(x_of(v, seq, info.play_from), y + v.row_height - 3),
                      ImVec2(x_of(v, seq, info.play_to), y + v.row_height - 1), IM_COL32(70, 90, 140, 160));
    dl->PushClipRect(ImVec2(origin.x, y), ImVec2(v.x0 - 4, y + v.row_height), true);
    dl->AddText(ImVec2(origin.x + 4, y + 2), IM_COL32(210, 210, 210, 255),
                fitted_label(info.label, v.x0 - origin.x - 10.0f).c_str());
    dl->PopClipRect();
    auto curve = ChannelCurve::of(seq, info.ref);
    if (!curve) continue;
    for (std::size_t i = 0; i < curve->size(); ++i) {
      const KeyRef k{info.ref, std::uint32_t(i)};
      diamond(dl, ImVec2(x_of(v, seq, curve->time(i) + info.offset), y + v.row_height * 0.5f), 5.0f,
              is_selected(v, k) ? kSelectedColor : kKeyColor);
    }
  }
  dl->PopClipRect();
  // The playhead.
  const float px = x_of(v, seq, s.transport.frame_time(seq));
  dl->AddLine(ImVec2(px, origin.y), ImVec2(px, bottom), IM_COL32(255, 80, 60, 255), 2.0f);
}

}  // namespace

void draw_timeline(Editor::State& s) {
  if (!s.seq) {
    ImGui::TextDisabled("No sequence is open: a *.sequence.json beside the scene that names it opens with it,");
    ImGui::TextDisabled("or start the editor with --sequence FILE.");
    return;
  }
  TimelineView& v = s.timeline;
  transport_bar(s);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(std::max(avail.x, 300.0f), std::max(avail.y, 80.0f));
  v.x0 = origin.x + kNameWidth;
  v.x1 = origin.x + size.x - 24.0f;  // room for the last second's label
  v.rows = list_channels(s.seq->sequence());
  v.top = origin.y;
  const float first_row = shots_bottom(v);
  const float max_scroll = std::max(0.0f, float(v.rows.size()) - (size.y - kRulerHeight - v.row_height) / v.row_height);
  v.scroll = std::min(v.scroll, std::ceil(max_scroll));
  v.rows_top = first_row - std::floor(v.scroll) * v.row_height;
  ImGui::InvisibleButton("##timeline", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  v.focused = ImGui::IsWindowFocused();
  if (v.curves && v.channel) {
    draw_curve_view(s, origin, size);
  } else {
    dope_sheet_input(s, hovered);
    draw_dope_sheet(s, origin, size);
  }
  key_menu(s);
  view_keys(s);
}

}  // namespace kagami::editor
