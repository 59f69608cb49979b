#pragma once
// The effects of a film frame from its sequence state: the parameter tracks
// the scene binding leaves for the renderer (SceneBinding::renderer_parameters)
//   "snow.intensity"   0..1: the snowstorm around the camera and snow lying on upward faces
//   "wind.strength"    scales the storm's wind, gusts and swirl
//   "fx.dissolve"      0..1: the scenery dissolving into data (distant first)
//   "fx.data_breakup"  0..1: the image breaking up into data blocks
//   "fx.data_pulse"    0..1: the data world's glowing grid pulsing with time
// A pure function of (state, time): the snow is re-simulated from its seed
// every frame (FrameEffects::snow_replay_steps), so frames render in any order.
#include <cstdint>

#include "kagami/render/forward_renderer.h"
#include "kagami/sequencer/evaluate.h"

namespace kagami::player {

struct FilmEffectsOptions {
  std::uint32_t snow_count = 40000;    // flake slots (lavapipe renders the film: modest by default)
  float replay_seconds = 1.0f;         // simulated before each frame: enough for flakes to take up the wind
  std::uint32_t replay_steps = 6;      // in that second, the last one frame long (at most one per frame)
};

// `local` is the act's time, `fps` its frame rate, `seed` distinguishes acts.
render::FrameEffects film_effects(const sequencer::SequenceState& state, double local, double fps,
                                  std::uint32_t seed, const FilmEffectsOptions& options = {});

}  // namespace kagami::player
