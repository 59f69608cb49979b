#include "kagami/player/film_effects.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace kagami::player {
namespace {

std::optional<float> parameter(const sequencer::SequenceState& state, std::string_view path) {
  std::optional<float> value;
  for (const sequencer::ParameterValue& p : state.parameters)  // later entries override earlier ones
    if (p.path == path) value = p.value.x;
  return value;
}

// The storm's wind at strength 1: a gale blowing mostly along the street (+x).
constexpr glm::vec2 kGale{5.0f, 1.5f};

}  // namespace

render::FrameEffects film_effects(const sequencer::SequenceState& state, double local, double fps,
                                  std::uint32_t seed, const FilmEffectsOptions& options) {
  render::FrameEffects fx;
  fx.time.delta = float(1.0 / fps);
  fx.time.frame = std::uint32_t(std::llround(std::max(local, 0.0) * fps));
  fx.time.seconds = float(local);
  if (auto snow = parameter(state, "snow.intensity")) {
    const float intensity = std::clamp(*snow, 0.0f, 1.0f);
    fx.snow = intensity > 0.0f;
    fx.snow_cover = intensity;
    render::SnowSettings& s = fx.snow_settings;
    s.count = options.snow_count;
    s.seed = seed;
    s.intensity = intensity;
    const float wind = std::max(parameter(state, "wind.strength").value_or(0.5f), 0.0f);
    s.wind = kGale * wind;
    s.gust = 0.6f;
    s.turbulence = 0.5f + 1.0f * wind;
    s.look.streak_seconds = 0.04f;
    const auto frames = std::uint32_t(std::lround(double(options.replay_seconds) * fps));
    fx.snow_replay_steps = std::clamp(options.replay_steps, 1u, std::max(frames, 1u));
    fx.snow_replay_seconds = options.replay_seconds;
  }
  fx.dissolve = std::clamp(parameter(state, "fx.dissolve").value_or(0.0f), 0.0f, 1.0f);
  fx.data_breakup = std::clamp(parameter(state, "fx.data_breakup").value_or(0.0f), 0.0f, 1.0f);
  fx.data_pulse = std::clamp(parameter(state, "fx.data_pulse").value_or(0.0f), 0.0f, 1.0f);
  fx.data_blocks.amount = std::clamp(parameter(state, "fx.data_blocks").value_or(0.0f), 0.0f, 1.0f);
  fx.data_blocks.count = options.data_block_count;
  fx.data_blocks.seed = seed;
  return fx;
}

render::DissolveSettings character_dissolve(float progress, std::uint32_t seed) {
  render::DissolveSettings d;
  d.progress = std::clamp(progress, 0.0f, 1.0f);
  d.edge_width = 0.08f;
  d.noise_scale = 3.0f;                      // features about a third of a metre across a body
  d.edge_color = glm::vec3(0.8f, 7.6f, 6.8f);  // mesh_shading.glsl's kDataTeal * 8: the world dissolve's edge
  d.seed = seed & 0xFFFFFFu;
  return d;
}

render::FragmentSettings film_fragments(const FilmEffectsOptions& options) {
  render::FragmentSettings f;
  f.count = options.fragment_count;
  // Sparse enough that the body still reads through the stream leaving it.
  f.spawn_chance = 0.05f;
  f.rise_speed = 1.0f;
  f.life_seconds = options.fragment_replay_seconds / 1.5f;
  f.size = 0.04f;  // seen from afar: a few pixels
  return f;
}

std::uint32_t fragment_replay_steps(double fps, const FilmEffectsOptions& options) {
  return std::max(1u, std::uint32_t(std::lround(double(options.fragment_replay_seconds) * fps)));
}

}  // namespace kagami::player
