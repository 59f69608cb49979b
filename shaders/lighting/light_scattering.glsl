// Light scattered towards the eye by the fog from point and spot lights: the
// single-scattering integral along the view ray of
//   density(x) * T(x) * I * cone(x) * window(x) / d(x)^2 * phase,
// inside each light's range. Equiangular sampling (Kulla and Fajardo 2012)
// takes samples by angle as seen from the light, which cancels the 1/d^2
// peak, so a few fixed, stratified samples give a smooth beam with no noise
// (the same frame renders to the same bytes). A light with a shadow map this
// frame scatters only where it reaches: each sample looks itself up in the
// light's map, so an occluder's shadow shows as a dark shaft in the beam.
// Needs `post` (PostUniforms) and `local_shadow_atlas` (sampler2DShadow).
#ifndef KAGAMI_LIGHT_SCATTERING_GLSL
#define KAGAMI_LIGHT_SCATTERING_GLSL

#include "lighting/local_shadow_atlas.glsl"
#include "lighting/punctual.glsl"

const int kScatterSamples = 8;
// Shadow texels a sample moves towards the light before its lookup, so the
// air right at a lit surface (the last sample of a ray) is not self-shadowed.
const float kBeamShadowBias = 2.0;

// How much of shadowed `light` reaches the air at `x` (`d` metres away along
// unit `l`, the way the light travels). One bilinear comparison tap, kept
// inside the view's tile: the samples of neighbouring pixels blur it anyway,
// and the fog pass runs this for every sample of every pixel.
float beam_shadow(GpuLight light, vec3 x, vec3 l, float d) {
  vec3 p = x - l * (kBeamShadowBias * light.spot.w * d);
  int v = local_shadow_view(light, p);
  vec3 coord;
  if (!local_shadow_coord(light, post.local_shadow_view_proj[v] * vec4(p, 1.0), coord)) return 1.0;
  vec2 half_texel = 0.5 / vec2(textureSize(local_shadow_atlas, 0));
  vec2 tile = local_shadow_tile(v);
  vec2 uv = clamp(tile + coord.xy * kLocalShadowTileExtent, tile + half_texel, tile + kLocalShadowTileExtent - half_texel);
  return texture(local_shadow_atlas, vec3(uv, coord.z));
}

// `density_at_eye` and `falloff` describe the height fog; `g` is its anisotropy.
vec3 light_inscattering(GpuLight light, vec3 eye, vec3 dir, float dist, float density_at_eye, float falloff, float g) {
  vec3 position = light.position_range.xyz;
  float range = light.position_range.w;
  // The part of the ray inside the light's range sphere.
  vec3 from_light = eye - position;
  float b = dot(from_light, dir);
  float disc = b * b - (dot(from_light, from_light) - range * range);
  if (disc <= 0.0) return vec3(0.0);
  float root = sqrt(disc);
  float t0 = max(-b - root, 0.0), t1 = min(-b + root, dist);
  if (t1 <= t0) return vec3(0.0);
  // Closest approach of the (infinite) ray to the light, and the angles of the segment's ends.
  float h = max(length(from_light - dir * b), 0.05);
  float a0 = atan((t0 + b) / h), a1 = atan((t1 + b) / h);

  bool shadowed = light.spot.z >= 0.0;
  float sum = 0.0;
  for (int i = 0; i < kScatterSamples; ++i) {
    float t = h * tan(mix(a0, a1, (float(i) + 0.5) / float(kScatterSamples))) - b;
    vec3 x = eye + dir * t;
    vec3 to_x = x - position;
    float d = max(length(to_x), 1e-3);
    vec3 l = to_x / d;  // the way the light travels
    float weight = range_window(d, range) * spot_cone(light, l);
    if (shadowed) weight *= beam_shadow(light, x, l, d);
    float density = density_at_eye * exp(clamp(-falloff * (x.y - eye.y), -80.0, 80.0));
    // Light leaving x towards the eye was scattered from direction l into -dir.
    sum += weight * density * exp(-density_at_eye * t) * hg_phase(dot(-dir, -l), g);
  }
  // Each sample's pdf is h / ((a1 - a0) d^2): the 1/d^2 of the integrand cancels.
  return light.color_type.rgb * sum * (a1 - a0) / (h * float(kScatterSamples));
}

#endif
