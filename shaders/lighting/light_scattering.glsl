// Light scattered towards the eye by the fog from point and spot lights: the
// single-scattering integral along the view ray of
//   density(x) * T(x) * I * cone(x) * window(x) / d(x)^2 * phase,
// inside each light's range. Equiangular sampling (Kulla and Fajardo 2012)
// takes samples by angle as seen from the light, which cancels the 1/d^2
// peak, so a few fixed, stratified samples give a smooth beam with no noise
// (the same frame renders to the same bytes).
#ifndef KAGAMI_LIGHT_SCATTERING_GLSL
#define KAGAMI_LIGHT_SCATTERING_GLSL

#include "lighting/punctual.glsl"

const int kScatterSamples = 8;

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

  float sum = 0.0;
  for (int i = 0; i < kScatterSamples; ++i) {
    float t = h * tan(mix(a0, a1, (float(i) + 0.5) / float(kScatterSamples))) - b;
    vec3 x = eye + dir * t;
    vec3 to_x = x - position;
    float d = max(length(to_x), 1e-3);
    vec3 l = to_x / d;  // the way the light travels
    float weight = range_window(d, range) * spot_cone(light, l);
    float density = density_at_eye * exp(clamp(-falloff * (x.y - eye.y), -80.0, 80.0));
    // Light leaving x towards the eye was scattered from direction l into -dir.
    sum += weight * density * exp(-density_at_eye * t) * hg_phase(dot(-dir, -l), g);
  }
  // Each sample's pdf is h / ((a1 - a0) d^2): the 1/d^2 of the integrand cancels.
  return light.color_type.rgb * sum * (a1 - a0) / (h * float(kScatterSamples));
}

#endif
