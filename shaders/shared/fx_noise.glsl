// GLSL-only noise for surface effects (snow cover, dissolve): smooth 3D value
// noise from the same integer hash as the particle simulation, so patterns are
// seeded and identical on every run.
#ifndef KAGAMI_SHADER_SHARED_FX_NOISE_GLSL
#define KAGAMI_SHADER_SHARED_FX_NOISE_GLSL
#include "shared/snow_field.h"

float fx_lattice(ivec3 c, uint seed) {
  return fx_unit(fx_hash3(uint(c.x) * 73856093u, uint(c.y) * 19349663u ^ seed, uint(c.z) * 83492791u));
}

// Value noise in [0, 1], C1-smooth (quintic fade).
float fx_value_noise(vec3 p, uint seed) {
  vec3 cell = floor(p);
  vec3 f = p - cell;
  vec3 w = f * f * f * (f * (f * 6.0 - 15.0) + 10.0);
  ivec3 c = ivec3(cell);
  float x00 = mix(fx_lattice(c, seed), fx_lattice(c + ivec3(1, 0, 0), seed), w.x);
  float x10 = mix(fx_lattice(c + ivec3(0, 1, 0), seed), fx_lattice(c + ivec3(1, 1, 0), seed), w.x);
  float x01 = mix(fx_lattice(c + ivec3(0, 0, 1), seed), fx_lattice(c + ivec3(1, 0, 1), seed), w.x);
  float x11 = mix(fx_lattice(c + ivec3(0, 1, 1), seed), fx_lattice(c + ivec3(1, 1, 1), seed), w.x);
  return mix(mix(x00, x10, w.y), mix(x01, x11, w.y), w.z);
}

// Three octaves: broad shapes with some ragged detail, still in [0, 1].
float fx_fbm(vec3 p, uint seed) {
  float n = 0.5333 * fx_value_noise(p, seed);
  n += 0.2667 * fx_value_noise(p * 2.03, seed + 1u);
  n += 0.1333 * fx_value_noise(p * 4.01, seed + 2u);
  return n / 0.9333;
}
#endif
