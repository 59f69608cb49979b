// How a point or spot light falls off, shared by surface shading
// (mesh_shading.glsl) and the fog's beams (light_scattering.glsl).
#ifndef KAGAMI_PUNCTUAL_GLSL
#define KAGAMI_PUNCTUAL_GLSL

// A smooth window reaching exactly zero at the range, so culling by range
// changes nothing: (1 - (d/range)^4)^2.
float range_window(float d, float range) {
  float ratio = d / range;
  float window = clamp(1.0 - ratio * ratio * ratio * ratio, 0.0, 1.0);
  return window * window;
}

// A spot's cone for light travelling along `l` (1 for point lights).
float spot_cone(GpuLight light, vec3 l) {
  if (light.color_type.w < 0.5) return 1.0;
  float cos_outer = light.direction_cos.w;
  float t = clamp((dot(l, light.direction_cos.xyz) - cos_outer) / max(light.spot.x - cos_outer, 1e-4), 0.0, 1.0);
  return t * t;
}

#endif
