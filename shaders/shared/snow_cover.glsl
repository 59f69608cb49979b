// Snow lying on surfaces: include in a surface shader and mix its albedo.
//
//   vec4 cover = snow_cover(base_albedo, world_position, normal, amount, height_range);
//   albedo = cover.rgb;   // cover.a: the coverage, e.g. to raise roughness
//
// Snow settles on faces that look up (normal.y), thins towards the bottom of
// `height_range` (sheltered street level) and breaks up in noise at its edges,
// so coverage grows naturally as `amount` (0: none, 1: a heavy fall) rises.
#ifndef KAGAMI_SHADER_SHARED_SNOW_COVER_GLSL
#define KAGAMI_SHADER_SHARED_SNOW_COVER_GLSL
#include "shared/fx_noise.glsl"

const vec3 kSnowAlbedo = vec3(0.86, 0.88, 0.92);

// Coverage in [0, 1]. height_range: x where cover starts, y where it is full (world y).
float snow_coverage(vec3 world_position, vec3 normal, float amount, vec2 height_range) {
  if (amount <= 0.0) return 0.0;
  float noise = fx_fbm(world_position * 2.5, 0x5A0Fu);
  // The steepest face that still holds snow: only flat tops at low amounts, slopes at high ones.
  // Never below 0.2: walls (normal.y 0) stay bare however the noise falls.
  float threshold = max(mix(0.95, 0.25, clamp(amount, 0.0, 1.0)) + (noise - 0.5) * 0.5, 0.2);
  float slope = smoothstep(threshold - 0.08, threshold + 0.08, normalize(normal).y);
  float height = height_range.y > height_range.x
                     ? smoothstep(height_range.x, height_range.y, world_position.y + (noise - 0.5) * 0.3)
                     : 1.0;
  float drift = smoothstep(0.25, 0.45, noise + 0.35 * amount);  // bare patches at the edges of a light cover
  return clamp(slope * height * drift, 0.0, 1.0);
}

vec4 snow_cover(vec3 base_albedo, vec3 world_position, vec3 normal, float amount, vec2 height_range) {
  float c = snow_coverage(world_position, normal, amount, height_range);
  return vec4(mix(base_albedo, kSnowAlbedo, c), c);
}
#endif
