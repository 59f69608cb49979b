// Metal-rough BRDF: GGX distribution, height-correlated Smith visibility,
// Schlick Fresnel, and a Lambert diffuse that only takes what the specular
// lobe did not reflect. Ambient: a sky/ground hemisphere, with its specular
// part scaled by an analytic fit of the split-sum environment BRDF.
#ifndef KAGAMI_BRDF_GLSL
#define KAGAMI_BRDF_GLSL

const float PI = 3.14159265;

struct Surface {
  vec3 position;
  vec3 normal;
  vec3 to_eye;          // unit
  vec3 diffuse_color;   // base colour * (1 - metallic)
  vec3 f0;              // specular reflectance at normal incidence
  float roughness;      // perceptual, clamped
};

float d_ggx(float n_dot_h, float alpha) {
  float a2 = alpha * alpha;
  float f = (n_dot_h * a2 - n_dot_h) * n_dot_h + 1.0;
  return a2 / (PI * f * f);
}

float v_smith_ggx_correlated(float n_dot_v, float n_dot_l, float alpha) {
  float a2 = alpha * alpha;
  float ggx_l = n_dot_v * sqrt((n_dot_l - n_dot_l * a2) * n_dot_l + a2);
  float ggx_v = n_dot_l * sqrt((n_dot_v - n_dot_v * a2) * n_dot_v + a2);
  return 0.5 / max(ggx_v + ggx_l, 1e-6);
}

vec3 f_schlick(vec3 f0, float v_dot_h) {
  float f = pow(1.0 - v_dot_h, 5.0);
  return f0 + (1.0 - f0) * f;
}

// Outgoing radiance for light arriving from `l` with irradiance `irradiance`
// (radiance * attenuation, before the cosine).
vec3 shade_light(Surface s, vec3 l, vec3 irradiance) {
  float n_dot_l = dot(s.normal, l);
  if (n_dot_l <= 0.0) return vec3(0.0);
  vec3 h = normalize(l + s.to_eye);
  float n_dot_v = max(dot(s.normal, s.to_eye), 1e-4);
  float n_dot_h = max(dot(s.normal, h), 0.0);
  float alpha = s.roughness * s.roughness;
  vec3 f = f_schlick(s.f0, max(dot(s.to_eye, h), 0.0));
  vec3 specular = d_ggx(n_dot_h, alpha) * v_smith_ggx_correlated(n_dot_v, n_dot_l, alpha) * f;
  vec3 diffuse = (1.0 - f) * s.diffuse_color / PI;
  return (diffuse + specular) * irradiance * n_dot_l;
}

// Karis' analytic fit of the split-sum DFG term: scale and bias on f0.
vec2 env_brdf_approx(float roughness, float n_dot_v) {
  const vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
  const vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
  vec4 r = roughness * c0 + c1;
  float a004 = min(r.x * r.x, exp2(-9.28 * n_dot_v)) * r.x + r.y;
  return vec2(-1.04, 1.04) * a004 + r.zw;
}

vec3 hemisphere(vec3 direction, vec3 sky, vec3 ground) { return mix(ground, sky, direction.y * 0.5 + 0.5); }

vec3 shade_ambient(Surface s, vec3 sky, vec3 ground) {
  float n_dot_v = max(dot(s.normal, s.to_eye), 1e-4);
  vec3 r = reflect(-s.to_eye, s.normal);
  // Rough surfaces see the whole hemisphere around the normal, smooth ones a
  // mirror direction.
  vec3 specular_dir = normalize(mix(r, s.normal, s.roughness * s.roughness));
  vec2 ab = env_brdf_approx(s.roughness, n_dot_v);
  vec3 specular = hemisphere(specular_dir, sky, ground) * (s.f0 * ab.x + ab.y);
  vec3 diffuse = hemisphere(s.normal, sky, ground) * s.diffuse_color * (1.0 - (s.f0 * ab.x + ab.y));
  return diffuse + specular;
}

#endif
