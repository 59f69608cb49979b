// The curve view of the timeline: the selected channel's components drawn as
// the sequencer evaluates them (one line per component, x red, y green, z blue,
// w white), its keys as squares and, for the selected key of a cubic segment,
// tangent handles. Dragging a key changes its value; dragging a handle changes
// its slope (a user or broken tangent); each drag is one undo step.
#include <algorithm>
#include <cmath>

#include "editor_state.h"

namespace kagami::editor {

namespace {

constexpr ImU32 kComponentColors[] = {IM_COL32(235, 90, 80, 255), IM_COL32(110, 210, 90, 255),
                                      IM_COL32(90, 140, 240, 255), IM_COL32(220, 220, 220, 255)};
constexpr float kHandlePixels = 40.0f;  // tangent handles are drawn this far from their key

struct Frame {
  float x0, x1, y0, y1;  // plot area in pixels
  double t0, t1;         // sequence time across it
  float v0, v1;          // value range, bottom to top
  float x(double t) const { return x0 + float((t - t0) / (t1 - t0)) * (x1 - x0); }
  float y(float v) const { return y1 - (v - v0) / (v1 - v0) * (y1 - y0); }
  double time_at(float px) const { return t0 + double(px - x0) / double(x1 - x0) * (t1 - t0); }
  float value_at(float py) const { return v0 + (y1 - py) / (y1 - y0) * (v1 - v0); }
};

}  // namespace

void draw_curve_view(Editor::State& s, ImVec2 origin, ImVec2 size) {
  TimelineView& v = s.timeline;
  const sequencer::Sequence& seq = s.seq->sequence();
  auto info = std::find_if(v.rows.begin(), v.rows.end(), [&](const ChannelInfo& c) { return c.ref == *v.channel; });
  auto curve = ChannelCurve::of(seq, *v.channel);
  if (info == v.rows.end() || !curve) {
    v.channel.reset();
    return;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiIO& io = ImGui::GetIO();
  Frame f{v.x0, v.x1, origin.y + 20.0f, origin.y + size.y - 10.0f, 0.0, seq.duration, 0.0f, 1.0f};
  // The value range: every key and the curve itself, with a margin (the drag keeps the frame steady).
  if (v.drag != TimelineView::Drag::value && v.drag != TimelineView::Drag::in_tangent &&
      v.drag != TimelineView::Drag::out_tangent) {
    float lo = 1e30f, hi = -1e30f;
    for (int c = 0; c < curve->components(); ++c)
      for (float px = f.x0; px <= f.x1; px += 4.0f) {
        const float val = curve->evaluate(f.time_at(px) - info->offset, c);
        lo = std::min(lo, val), hi = std::max(hi, val);
      }
    if (hi - lo < 1e-3f) lo -= 0.5f, hi += 0.5f;
    const float margin = (hi - lo) * 0.1f;
    f.v0 = lo - margin, f.v1 = hi + margin;
    ImGui::GetStateStorage()->SetFloat(ImGui::GetID("curve v0"), f.v0);
    ImGui::GetStateStorage()->SetFloat(ImGui::GetID("curve v1"), f.v1);
  } else {
    f.v0 = ImGui::GetStateStorage()->GetFloat(ImGui::GetID("curve v0"), 0.0f);
    f.v1 = ImGui::GetStateStorage()->GetFloat(ImGui::GetID("curve v1"), 1.0f);
  }

  dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(28, 28, 32, 255));
  dl->AddText(ImVec2(origin.x + 4, origin.y + 4), IM_COL32(220, 220, 220, 255), info->label.c_str());
  char range[64];
  std::snprintf(range, sizeof range, "%.3g .. %.3g", f.v0, f.v1);
  dl->AddText(ImVec2(origin.x + 4, origin.y + 22), IM_COL32(150, 150, 150, 255), range);
  if (f.v0 < 0.0f && f.v1 > 0.0f) dl->AddLine(ImVec2(f.x0, f.y(0.0f)), ImVec2(f.x1, f.y(0.0f)), IM_COL32(70, 70, 76, 255));
  dl->AddRectFilled(ImVec2(f.x(info->play_from), f.y1), ImVec2(f.x(info->play_to), f.y1 + 3), IM_COL32(70, 90, 140, 200));

  dl->PushClipRect(ImVec2(f.x0, f.y0), ImVec2(f.x1, f.y1 + 4), true);
  for (int c = 0; c < curve->components(); ++c) {
    ImVec2 prev;
    for (float px = f.x0; px <= f.x1 + 0.5f; px += 2.0f) {
      const ImVec2 p(px, f.y(curve->evaluate(f.time_at(px) - info->offset, c)));
      if (px > f.x0) dl->AddLine(prev, p, kComponentColors[c], 1.5f);
      prev = p;
    }
  }
  // Keys, and the selected key's tangent handles (for the cubic segments on either side).
  const float seconds_per_px = float((f.t1 - f.t0) / (f.x1 - f.x0));
  struct Hit { KeyRef key; int component; TimelineView::Drag what; };
  std::optional<Hit> hit;
  const ImVec2 m = io.MousePos;
  auto near = [&](ImVec2 p) { return std::abs(p.x - m.x) < 5.0f && std::abs(p.y - m.y) < 5.0f; };
  for (std::size_t i = 0; i < curve->size(); ++i) {
    const KeyRef k{*v.channel, std::uint32_t(i)};
    const bool selected = std::find(v.selected.begin(), v.selected.end(), k) != v.selected.end();
    const float kx = f.x(curve->time(i) + info->offset);
    for (int c = 0; c < curve->components(); ++c) {
      const ImVec2 p(kx, f.y(curve->value(i, c)));
      const bool cubic_out = curve->interp(i) == sequencer::Interp::cubic && i + 1 < curve->size();
      const bool cubic_in = i > 0 && curve->interp(i - 1) == sequencer::Interp::cubic;
      if (selected && (cubic_in || cubic_out)) {
        const float h = kHandlePixels * seconds_per_px;
        auto handle = [&](float sign, float slope, TimelineView::Drag what) {
          const ImVec2 q(kx + sign * kHandlePixels, f.y(curve->value(i, c) + sign * slope * h));
          dl->AddLine(p, q, IM_COL32(200, 200, 120, 255));
          dl->AddCircleFilled(q, 3.5f, IM_COL32(230, 230, 140, 255));
          if (near(q)) hit = Hit{k, c, what};
        };
        if (cubic_in) handle(-1.0f, curve->in_slope(i, c), TimelineView::Drag::in_tangent);
        if (cubic_out) handle(1.0f, curve->out_slope(i, c), TimelineView::Drag::out_tangent);
      }
      dl->AddRectFilled(ImVec2(p.x - 3.5f, p.y - 3.5f), ImVec2(p.x + 3.5f, p.y + 3.5f),
                        selected ? IM_COL32(255, 170, 40, 255) : kComponentColors[c]);
      if (!hit && near(p)) hit = Hit{k, c, TimelineView::Drag::value};
    }
  }
  const float playhead = f.x(s.transport.frame_time(seq));
  dl->AddLine(ImVec2(playhead, f.y0), ImVec2(playhead, f.y1), IM_COL32(255, 80, 60, 255), 2.0f);
  dl->PopClipRect();

  // Input: press on a key or handle starts a drag; the drag edits with merged commands.
  if (ImGui::IsItemHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (hit) {
      v.selected = {hit->key};
      v.curve_key = hit->key;
      v.curve_component = hit->component;
      v.drag = hit->what;
      v.drag_moved = false;
    } else {
      v.selected.clear();
    }
  }
  const bool dragging = v.drag == TimelineView::Drag::value || v.drag == TimelineView::Drag::in_tangent ||
                        v.drag == TimelineView::Drag::out_tangent;
  if (dragging && ImGui::IsMouseDown(ImGuiMouseButton_Left) && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
    if (!v.drag_moved) s.seq->history().begin_gesture();
    v.drag_moved = true;
    auto now = ChannelCurve::of(seq, v.curve_key.channel);
    if (now && v.curve_key.index < now->size()) {
      const float key_x = f.x(now->time(v.curve_key.index) + info->offset);
      const float key_v = now->value(v.curve_key.index, v.curve_component);
      if (v.drag == TimelineView::Drag::value) {
        run_sequence(s, set_key_value(seq, v.curve_key, v.curve_component, f.value_at(m.y)));
      } else {
        // The slope of the line from the key to the mouse (value per second).
        const float dx = (m.x - key_x) * seconds_per_px;
        if (std::abs(dx) > 1e-6f) {
          const float slope = (f.value_at(m.y) - key_v) / dx;
          run_sequence(s, set_key_slope(seq, v.curve_key, v.curve_component,
                                        v.drag == TimelineView::Drag::in_tangent ? TangentSide::in : TangentSide::out,
                                        slope));
        }
      }
    }
  }
  if (dragging && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    if (v.drag_moved) s.seq->history().end_gesture();
    v.drag = TimelineView::Drag::none;
  }
}

}  // namespace kagami::editor
