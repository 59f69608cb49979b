#include "kagami/sequencer/overlay.h"

#include <algorithm>
#include <cmath>

namespace kagami::sequencer {
namespace {

// Calls fn(event, sequence_time) for every event of the timeline and its shots
// (clipped to the shots' trimmed ranges), in no particular order across levels.
template <typename Fn>
void each_event(const Timeline& timeline, double offset, double from, double to, Fn&& fn) {
  for (const EventTrack& track : timeline.events)
    for (const Event& e : track.events) {
      double at = e.time + offset;
      if (at >= from && at < to) fn(e, at);
    }
  for (const Shot& shot : timeline.shots) {
    double shot_offset = offset + shot.start - shot.trim_start;
    each_event(shot.timeline, shot_offset, std::max(from, offset + shot.start), std::min(to, offset + shot.end()), fn);
  }
}

float ramp(double t, double start, double duration) {
  if (t < start) return 0.0f;
  if (duration <= 0.0) return 1.0f;
  return float(std::clamp((t - start) / duration, 0.0, 1.0));
}

}  // namespace

ScreenOverlay screen_overlay(const Sequence& sequence, double t) {
  // Fades in time order: each starts from the overlay as the previous left it.
  std::vector<std::pair<double, const Event*>> fades;
  ScreenOverlay flash;
  each_event(sequence.timeline, 0.0, 0.0, sequence.duration + 1.0, [&](const Event& e, double at) {
    if (e.kind == EventKind::fade && at <= t) fades.emplace_back(at, &e);
    if (e.kind == EventKind::flash && at <= t && t < at + std::max(e.duration, 1e-6)) {
      float a = std::clamp(e.intensity, 0.0f, 1.0f) * (1.0f - ramp(t, at, e.duration));
      if (a > flash.alpha) flash = {e.color, a};
    }
  });
  std::stable_sort(fades.begin(), fades.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  ScreenOverlay fade;
  for (const auto& [at, e] : fades) {
    float k = ramp(t, at, e->duration);
    float target = std::clamp(e->intensity, 0.0f, 1.0f);
    // The colour jumps to the new fade's colour only where the overlay is clear
    // or the new fade takes over; mixing keeps a white-out from flashing black.
    fade.color = fade.alpha > 0.0f ? glm::mix(fade.color, e->color, k) : e->color;
    fade.alpha = fade.alpha + (target - fade.alpha) * k;
  }
  if (flash.alpha <= 0.0f) return fade;
  // A flash shows over the fade.
  ScreenOverlay out;
  out.alpha = 1.0f - (1.0f - fade.alpha) * (1.0f - flash.alpha);
  out.color = out.alpha > 0.0f ? (fade.color * fade.alpha * (1.0f - flash.alpha) + flash.color * flash.alpha) / out.alpha
                               : flash.color;
  return out;
}

glm::vec3 camera_shake(const Sequence& sequence, double t) {
  glm::vec3 offset(0.0f);
  each_event(sequence.timeline, 0.0, 0.0, sequence.duration + 1.0, [&](const Event& e, double at) {
    if (e.kind != EventKind::shake || t < at || t >= at + e.duration) return;
    float decay = 1.0f - ramp(t, at, e.duration);
    double u = t - at;
    // Incommensurate frequencies: an irregular shake that is still a function of t.
    offset += e.intensity * decay *
              glm::vec3(std::sin(u * 47.0), 0.7 * std::sin(u * 61.0 + 1.3), 0.5 * std::sin(u * 37.0 + 2.1));
  });
  return offset;
}

OverlayGrade overlay_grade(const ScreenOverlay& overlay) {
  float a = std::clamp(overlay.alpha, 0.0f, 1.0f);
  OverlayGrade g;
  // gain * (d * (1 - lift) + lift) = d * (1 - a) + color * a
  g.gain = glm::vec3(1.0f - a) + overlay.color * a;
  for (int i = 0; i < 3; ++i) g.lift[i] = g.gain[i] > 1e-6f ? overlay.color[i] * a / g.gain[i] : 0.0f;
  return g;
}

}  // namespace kagami::sequencer
