// Sun shadows from the cascade atlas (2x2 tiles, cascade i at (i % 2, i / 2)):
// normal offset and a small slope-free bias in world units against acne,
// 3x3 bilinear comparison taps for soft edges, and a band at the end of each
// cascade that blends into the next so the switch does not show.
// Needs `view` (ViewUniforms) and `shadow_atlas` (sampler2DShadow).
#ifndef KAGAMI_SHADOWS_GLSL
#define KAGAMI_SHADOWS_GLSL

float sample_cascade(int cascade, vec3 position, vec3 normal, float n_dot_l) {
  float texel = view.cascade_texel[cascade];
  // Offset along the normal grows as the surface turns from the light.
  vec3 offset = normal * (view.shadow_params.y * texel * (1.0 - 0.5 * n_dot_l)) -
                view.sun_direction.xyz * (view.shadow_params.z * texel);
  vec4 clip = view.shadow_view_proj[cascade] * vec4(position + offset, 1.0);
  vec2 uv = clip.xy * 0.5 + 0.5;
  if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0))) || clip.z > 1.0) return 1.0;
  vec2 atlas_size = vec2(textureSize(shadow_atlas, 0));
  vec2 tile = vec2(cascade % 2, cascade / 2) * 0.5;
  vec2 texel_uv = 1.0 / atlas_size;
  // Keep every tap inside this cascade's tile.
  vec2 lo = tile + 1.5 * texel_uv, hi = tile + 0.5 - 1.5 * texel_uv;
  vec2 center = tile + uv * 0.5;
  float lit = 0.0;
  for (int y = -1; y <= 1; ++y)
    for (int x = -1; x <= 1; ++x)
      lit += texture(shadow_atlas, vec3(clamp(center + vec2(x, y) * texel_uv, lo, hi), clip.z));
  return lit / 9.0;
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

#endif
