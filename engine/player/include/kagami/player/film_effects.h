#pragma once
// The effects of a film frame from its sequence state: the parameter tracks
// the scene binding leaves for the renderer (SceneBinding::renderer_parameters)
//   "snow.intensity"   0..1: the snowstorm around the camera and snow lying on upward faces
//   "wind.strength"    scales the storm's wind, gusts and swirl
//   "fx.dissolve"      0..1: the scenery dissolving into data (distant first)
//   "fx.dissolve.<binding>"  0..1: what one binding draws dissolving alone (a
//                      character: fragments stream off its burning edge); the
//                      film renderer applies these (entity_dissolves below)
//   "fx.data_breakup"  0..1: the image breaking up into data blocks
//   "fx.data_pulse"    0..1: the data world's glowing grid pulsing with time
//   "fx.data_blocks"   0..1: the data world's blocks drifting around the camera (the share shown)
// A pure function of (state, time): the snow and the fragments are
// re-simulated from their seeds every frame (FrameEffects::snow_replay_steps,
// FragmentEmitter::progress), so frames render in any order.
#include <cstdint>

#include "kagami/render/forward_renderer.h"
#include "kagami/sequencer/evaluate.h"

namespace kagami::player {

struct FilmEffectsOptions {
  std::uint32_t snow_count = 40000;    // flake slots (lavapipe renders the film: modest by default)
  float replay_seconds = 1.0f;         // simulated before each frame: enough for flakes to take up the wind
  std::uint32_t replay_steps = 6;      // in that second, the last one frame long (at most one per frame)
  std::uint32_t fragment_count = 2048;  // fragment slots per dissolving character
  float fragment_replay_seconds = 2.5f;  // the longest fragment life (FragmentSettings: 1.5 * life_seconds)
  std::uint32_t data_block_count = 240;
};

// How a character dissolves at `progress`: fine noise over the body, burning
// at the edge in the data world's teal; `seed` < 2^24.
render::DissolveSettings character_dissolve(float progress, std::uint32_t seed);

// The fragments' settings for a film frame.
render::FragmentSettings film_fragments(const FilmEffectsOptions& options = {});

// How many steps (of 1/fps) the fragments are replayed before each frame.
std::uint32_t fragment_replay_steps(double fps, const FilmEffectsOptions& options = {});

// `local` is the act's time, `fps` its frame rate, `seed` distinguishes acts.
render::FrameEffects film_effects(const sequencer::SequenceState& state, double local, double fps,
                                  std::uint32_t seed, const FilmEffectsOptions& options = {});

}  // namespace kagami::player
