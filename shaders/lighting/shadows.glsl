// Shadows: the sun's cascades and the point/spot lights' perspective views.
// Sun: the cascade atlas (2x2 tiles, cascade i at (i % 2, i / 2)), normal
// offset and a small slope-free bias in world units against acne, 3x3
// bilinear comparison taps for soft edges, and a band at the end of each
// cascade that blends into the next so the switch does not show.
// Point and spot lights: the local atlas (KAGAMI_LOCAL_SHADOW_TILES square,
// local_shadow_atlas.glsl addresses it), filtered the same way with offsets
// that grow with distance from the light.
// Needs `view` (ViewUniforms), `shadow_atlas` and `local_shadow_atlas` (sampler2DShadow).
#ifndef KAGAMI_SHADOWS_GLSL
#define KAGAMI_SHADOWS_GLSL

#include "lighting/local_shadow_atlas.glsl"

// 3x3 bilinear comparison taps around `uv` (0..1 across one tile that starts
// at `tile` and spans `extent`, in atlas uv), every tap kept inside the tile.
float filtered_tile(sampler2DShadow atlas, vec2 tile, float extent, vec2 uv, float depth) {
  vec2 texel_uv = 1.0 / vec2(textureSize(atlas, 0));
  vec2 lo = tile + 1.5 * texel_uv, hi = tile + extent - 1.5 * texel_uv;
  vec2 center = tile + uv * extent;
  float lit = 0.0;
  for (int y = -1; y <= 1; ++y)
    for (int x = -1; x <= 1; ++x)
      lit += texture(atlas, vec3(clamp(center + vec2(x, y) * texel_uv, lo, hi), depth));
  return lit / 9.0;
}

float sample_cascade(int cascade, vec3 position, vec3 normal, float n_dot_l) {
  float texel = view.cascade_texel[cascade];
  // Offset along the normal grows as the surface turns from the light.
  vec3 offset = normal * (view.shadow_params.y * texel * (1.0 - 0.5 * n_dot_l)) -
                view.sun_direction.xyz * (view.shadow_params.z * texel);
  vec4 clip = view.shadow_view_proj[cascade] * vec4(position + offset, 1.0);
  vec2 uv = clip.xy * 0.5 + 0.5;
  if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0))) || clip.z > 1.0) return 1.0;
  return filtered_tile(shadow_atlas, vec2(cascade % 2, cascade / 2) * 0.5, 0.5, uv, clip.z);
}

float sun_shadow(vec3 position, vec3 normal, float n_dot_l, float view_depth) {
  if (view.shadow_params.x == 0.0) return 1.0;
  int cascade = 0;
  while (cascade < KAGAMI_SHADOW_CASCADES && view_depth > view.cascade_far[cascade]) ++cascade;
  if (cascade == KAGAMI_SHADOW_CASCADES) return 1.0;
  float lit = sample_cascade(cascade, position, normal, n_dot_l);
  float start = cascade == 0 ? 0.0 : view.cascade_far[cascade - 1];
  float end = view.cascade_far[cascade];
  float band_start = end - (end - start) * view.shadow_params.w;
  if (view_depth > band_start) {
    float next = cascade + 1 < KAGAMI_SHADOW_CASCADES ? sample_cascade(cascade + 1, position, normal, n_dot_l) : 1.0;
    lit = mix(lit, next, smoothstep(band_start, end, view_depth));
  }
  return lit;
}

// How much of a shadowed point or spot light reaches `position` (normal
// `normal`, unit `l` towards the light `d` metres away): 1 unshadowed.
float local_shadow(GpuLight light, vec3 position, vec3 normal, vec3 l, float d) {
  if (light.spot.z < 0.0) return 1.0;
  float texel = light.spot.w * d;
  float n_dot_l = clamp(dot(normal, l), 0.0, 1.0);
  vec3 p = position + normal * (view.local_shadow_params.y * texel * (1.0 - 0.5 * n_dot_l)) +
           l * (view.local_shadow_params.z * texel);
  int v = local_shadow_view(light, p);
  vec3 coord;
  if (!local_shadow_coord(light, view.local_shadow_view_proj[v] * vec4(p, 1.0), coord)) return 1.0;
  return filtered_tile(local_shadow_atlas, local_shadow_tile(v), kLocalShadowTileExtent, coord.xy, coord.z);
}

#endif
