#pragma once
// What fade, flash and shake events look like at time t, as pure functions of
// (sequence, t): a frame shows the same overlay whether it was played,
// scrubbed or jumped to. Events still *fire* only on playback (events.h); this
// is their lasting visual state.
//
//   fade   ramps the overlay opacity from its value before the event to
//          `intensity` over `duration`, in `color` (a later fade starts from
//          where the earlier one was at its time);
//   flash  adds `color` at `intensity` opacity, decaying linearly to 0 over `duration`;
//   shake  offsets the camera by up to `intensity` metres, decaying over `duration`.
#include "kagami/sequencer/sequence.h"

namespace kagami::sequencer {

struct ScreenOverlay {
  glm::vec3 color{0.0f};
  float alpha = 0.0f;  // 0: the image as rendered; 1: only `color`
  bool operator==(const ScreenOverlay&) const = default;
};

// Top level and shot events together, at their sequence times.
ScreenOverlay screen_overlay(const Sequence& sequence, double t);
// World-space camera offset from active shake events (deterministic noise of t).
glm::vec3 camera_shake(const Sequence& sequence, double t);

// Display-space grading (lift, gain) that blends the image towards `overlay`:
// display * (1 - a) + color * a, for post chains whose grade is gain * (d + lift * (1 - d)).
struct OverlayGrade {
  glm::vec3 lift{0.0f}, gain{1.0f};
};
OverlayGrade overlay_grade(const ScreenOverlay& overlay);

}  // namespace kagami::sequencer
