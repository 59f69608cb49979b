// The text a film frame carries: subtitles (bottom centre, the speaker's
// colour from the sequence's speaker table, a dark outline), the act's place
// name as it opens, the title card and the scrolling end credits. Sizes scale
// with the frame height so every render size has the same layout.
#include <algorithm>

#include "kagami/core/strings.h"
#include "kagami/player/film_renderer.h"

namespace kagami::player {
namespace {

// 0 -> 1 over `in` seconds from `from`, 1 -> 0 over `out` seconds before `to`.
float fade_window(double t, double from, double to, double in, double out) {
  if (t < from || t >= to) return 0.0f;
  return float(std::clamp(std::min((t - from) / in, (to - t) / out), 0.0, 1.0));
}

}  // namespace

void FilmRenderer::queue_text(double t, std::size_t act, const sequencer::SequenceState& state, VkExtent2D extent) {
  const float w = float(extent.width), h = float(extent.height);
  const float scale = h / 720.0f;
  const glm::vec4 outline(0.0f, 0.0f, 0.0f, 0.85f);
  const sequencer::FilmAct& a = film_.acts[act];

  if (t < film_.acts_end()) {
    // Subtitles stack upwards from the bottom margin, the latest line lowest.
    float bottom = h - 36.0f * scale;
    for (auto it = state.subtitles.rbegin(); it != state.subtitles.rend(); ++it) {
      render::TextStyle style;
      style.size = std::max(10.0f, 34.0f * scale);
      style.color = glm::vec4(it->color, 1.0f);
      style.outline = outline;
      style.wrap_width = 0.84f * w;
      std::string line = cat(it->speaker_name, ": ", it->text);
      bottom -= text_->measure(line, style).y;
      text_->add(line, {0.5f * w, bottom}, style);
      bottom -= 6.0f * scale;
    }
    // The place, as each act opens.
    double local = t - a.start;
    if (float alpha = fade_window(local, 0.5, 5.0, 0.8, 0.8); alpha > 0.0f) {
      render::TextStyle style;
      style.size = std::max(9.0f, 30.0f * scale);
      style.color = glm::vec4(1.0f, 1.0f, 1.0f, alpha);
      style.outline = glm::vec4(0.0f, 0.0f, 0.0f, 0.8f * alpha);
      style.align = asset::TextAlign::left;
      text_->add(a.name, {40.0f * scale, 32.0f * scale}, style);
    }
  }

  const sequencer::TitleCard& title = film_.title;
  if (float alpha = fade_window(t, title.start, title.start + title.duration, 0.8, 0.8); alpha > 0.0f) {
    render::TextStyle style;
    style.size = std::max(16.0f, 110.0f * scale);
    style.color = glm::vec4(1.0f, 0.92f, 0.6f, alpha);
    glm::vec2 size = text_->add(title.text, {0.5f * w, 0.34f * h}, style);
    style.size = std::max(9.0f, 30.0f * scale);
    style.color = glm::vec4(0.85f, 0.85f, 0.9f, alpha);
    text_->add(title.subtitle, {0.5f * w, 0.34f * h + size.y + 12.0f * scale}, style);
  }

  const sequencer::Credits& credits = film_.credits;
  if (t >= film_.acts_end() && credits.duration > 0.0 && !credits.lines.empty()) {
    // Scrolls from below the frame until the last line has left the top.
    const float line_height = 44.0f * scale;
    const float total = line_height * float(credits.lines.size());
    const float u = float(std::clamp((t - film_.acts_end()) / credits.duration, 0.0, 1.0));
    const float top = h - u * (h + total);
    for (std::size_t i = 0; i < credits.lines.size(); ++i) {
      float y = top + float(i) * line_height;
      if (y < -line_height || y > h || credits.lines[i].empty()) continue;
      render::TextStyle style;
      style.size = std::max(9.0f, (i == 0 ? 48.0f : 30.0f) * scale);
      style.color = i == 0 ? glm::vec4(1.0f, 0.92f, 0.6f, 1.0f) : glm::vec4(0.9f, 0.9f, 0.92f, 1.0f);
      text_->add(credits.lines[i], {0.5f * w, y}, style);
    }
  }
}

}  // namespace kagami::player
