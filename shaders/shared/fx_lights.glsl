// Radiance from one ParticleLight (point or spot) at p, for flakes and for the
// effect stage's surfaces. Include after shared/particle_types.h.
#ifndef KAGAMI_SHADER_SHARED_FX_LIGHTS_GLSL
#define KAGAMI_SHADER_SHARED_FX_LIGHTS_GLSL

// The light's radiance reaching p, before any cosine term; `to_light` returns the unit direction.
vec3 fx_light_radiance(ParticleLight light, vec3 p, out vec3 to_light) {
  vec3 d = light.position_range.xyz - p;
  float d2 = max(dot(d, d), 1e-4);
  float dist = sqrt(d2);
  to_light = d / dist;
  // Inverse square, windowed smoothly to zero at the range.
  float window = clamp(1.0 - pow(dist / light.position_range.w, 4.0), 0.0, 1.0);
  float falloff = window * window / (1.0 + d2);
  float cos_outer = light.direction_cos_outer.w;
  if (cos_outer > -1.0) {
    float c = dot(-to_light, normalize(light.direction_cos_outer.xyz));
    falloff *= smoothstep(cos_outer, light.cone.x, c);
  }
  return light.color.rgb * falloff;
}
#endif
