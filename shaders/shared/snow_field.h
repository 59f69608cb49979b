// Shared between C++ and GLSL (written in their common subset): the random
// numbers, spawn placement and wind field of the snow simulation. The GPU runs
// it in snow_sim.comp; the CPU runs the same code in logic tests.
#ifndef KAGAMI_SHADER_SHARED_SNOW_FIELD_H
#define KAGAMI_SHADER_SHARED_SNOW_FIELD_H

#include "shading_lang.h"  // KAGAMI_FN, shared with every C++/GLSL header (never undefined)

#ifdef __cplusplus
namespace kagami::shader {
using uint = std::uint32_t;
#endif

// PCG-style integer hash: a well-mixed 32-bit value from one word.
KAGAMI_FN uint fx_hash(uint v) {
  uint state = v * 747796405u + 2891336453u;
  uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

// Hash of (a, b, c): the random stream of one particle (index, frame, seed).
KAGAMI_FN uint fx_hash3(uint a, uint b, uint c) { return fx_hash(a ^ fx_hash(b ^ fx_hash(c))); }

// Uniform in [0, 1): 24 bits, exact in float on both sides.
KAGAMI_FN float fx_unit(uint h) { return float(h >> 8u) * (1.0f / 16777216.0f); }

// The k-th random number of stream `h`.
KAGAMI_FN float fx_random(uint h, uint k) { return fx_unit(fx_hash(h + k * 0x9E3779B9u)); }

// Whether particle `id` is active at `intensity` (the active fraction): each
// particle has a fixed rank, so raising the intensity only adds flakes.
KAGAMI_FN bool snow_active(uint id, uint seed, float intensity) {
  return fx_unit(fx_hash3(id, 0x5EEDu, seed)) < intensity;
}

// Where a flake spawns relative to the camera: uniform over a box of half
// width `half_width` in x and z, height between y_min and y_max.
KAGAMI_FN vec3 snow_spawn_offset(uint id, uint frame, uint seed, float half_width, float y_min, float y_max) {
  uint h = fx_hash3(id, frame, seed);
  float x = (fx_random(h, 0u) * 2.0f - 1.0f) * half_width;
  float z = (fx_random(h, 1u) * 2.0f - 1.0f) * half_width;
  float y = mix(y_min, y_max, fx_random(h, 2u));
  return vec3(x, y, z);
}

// One divergence-free swirl: the curl of the vector potential
// e * sin(k.p + w t) is cos(k.p + w t) * cross(k, e), scaled to unit amplitude.
KAGAMI_FN vec3 snow_swirl(vec3 p, float t, vec3 k, vec3 e, float w) {
  return cos(dot(k, p) + w * t) * (cross(k, e) / length(cross(k, e)));
}

// Turbulence: four swirls at different scales and directions. Every term is
// divergence-free, so flakes swirl without bunching into sinks.
KAGAMI_FN vec3 snow_turbulence(vec3 p, float t) {
  vec3 v = snow_swirl(p, t, vec3(0.61f, 0.23f, 0.37f), vec3(0.0f, 0.0f, 1.0f), 0.9f);
  v += snow_swirl(p, t, vec3(-0.29f, 0.53f, 0.71f), vec3(1.0f, 0.0f, 0.0f), 1.3f);
  v += 0.6f * snow_swirl(p, t, vec3(1.37f, -0.81f, 0.52f), vec3(0.0f, 1.0f, 0.0f), 2.1f);
  v += 0.4f * snow_swirl(p, t, vec3(-2.3f, 1.1f, -1.7f), vec3(0.6f, 0.0f, 0.8f), 3.7f);
  return v * 0.4f;
}

// Gust factor in [1, 1 + gust]: fronts that travel downwind with the air.
KAGAMI_FN float snow_gust(vec3 p, float t, vec2 wind, float gust) {
  float speed = length(wind);
  vec2 dir = speed > 1e-4f ? wind / speed : vec2(1.0f, 0.0f);
  float phase = t - dot(vec2(p.x, p.z), dir) / max(speed, 1.0f);
  float wave = 0.5f + 0.5f * sin(0.83f * phase) * sin(0.31f * phase + 1.7f);
  return 1.0f + gust * wave * wave;
}

// The air's velocity at p and time t (m/s): the base wind in gusts plus turbulence.
KAGAMI_FN vec3 snow_wind(vec3 p, float t, vec2 wind, float gust, float turbulence) {
  vec3 base = vec3(wind.x, 0.0f, wind.y) * snow_gust(p, t, wind, gust);
  return base + turbulence * snow_turbulence(p, t);
}

#ifdef __cplusplus
}  // namespace kagami::shader
#endif
#endif
