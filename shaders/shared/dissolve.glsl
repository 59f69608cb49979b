// Dissolving surfaces: a per-pixel 3D-noise threshold with a glowing edge.
// Works on any mesh: the noise is evaluated at the object-space position, so
// the pattern stays on the surface as the object moves.
//
//   vec3 emissive;
//   if (!dissolve_surface(object_position, dissolve, edge_color, albedo, emissive)) discard;
//   color = albedo * lighting + emissive;
//
// `dissolve`: x progress (0: whole, 1: gone), y edge width (in noise units,
// e.g. 0.08), z noise scale (features per object unit), w seed.
#ifndef KAGAMI_SHADER_SHARED_DISSOLVE_GLSL
#define KAGAMI_SHADER_SHARED_DISSOLVE_GLSL
#include "shared/fx_noise.glsl"

// The noise the threshold sweeps through, spread over [0, 1].
float dissolve_noise(vec3 object_position, vec4 dissolve) {
  return smoothstep(0.2, 0.8, fx_fbm(object_position * dissolve.z, uint(dissolve.w)));
}

// < 0: dissolved; 0: intact; (0, 1]: in the burning edge, 1 at the hole's border.
float dissolve_heat(float noise, vec4 dissolve) {
  float edge = max(dissolve.y, 1e-4);
  float cut = dissolve.x * (1.0 + edge);  // progress 0 keeps everything, 1 removes everything
  // The noise saturates at exactly 1 (smoothstep) on a share of the surface:
  // at progress 1 those points must go too, not linger as glowing specks.
  if (noise < cut - edge || dissolve.x >= 1.0) return -1.0;
  if (noise >= cut) return 0.0;
  return 1.0 - (noise - (cut - edge)) / edge;
}

// dissolve_heat of the surface point at `object_position`: what the visible
// surface (dissolve_surface) and its shadow (shadow_dissolve.frag) both cut by.
float dissolve_heat_at(vec3 object_position, vec4 dissolve) {
  return dissolve_heat(dissolve_noise(object_position, dissolve), dissolve);
}

// The whole scene dissolving into data (FrameEffects::dissolve): world-space
// noise, biased so that surfaces far from the camera go first. What the mesh
// shader cuts by, and the shadow pass too (shadow_dissolve.frag), so the
// scenery's shadows dissolve with it.
float scene_dissolve_heat(vec3 world_position, vec3 camera_position, float progress) {
  float distance_bias = 1.0 - clamp(length(camera_position - world_position) / 80.0, 0.0, 1.0);
  vec4 dissolve = vec4(progress, 0.08, 0.7, 7.0);
  float noise = mix(dissolve_noise(world_position, dissolve), distance_bias, 0.35);
  return dissolve_heat(noise, dissolve);
}

// False when the pixel has dissolved. Otherwise chars the albedo towards the
// edge and returns the edge's glow in `emissive`.
bool dissolve_surface(vec3 object_position, vec4 dissolve, vec3 edge_color, inout vec3 albedo, out vec3 emissive) {
  emissive = vec3(0.0);
  if (dissolve.x <= 0.0) return true;
  float heat = dissolve_heat_at(object_position, dissolve);
  if (heat < 0.0) return false;
  albedo *= 1.0 - heat;
  emissive = edge_color * heat * heat;
  return true;
}
#endif
