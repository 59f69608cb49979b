#version 450
// The sky, drawn only where the forward pass left the far plane (depth test
// EQUAL against 0, reverse-Z): the shared analytic model, the sun or moon
// disc seen through the air, and stars at night.
#include "post/common.glsl"

layout(location = 0) out vec4 out_color;

// Integer hash of a lattice cell: stars are fixed to the sky, never to the screen.
uint hash3(ivec3 cell) {
  uvec3 v = uvec3(cell) * uvec3(0x9E3779B1u, 0x85EBCA77u, 0xC2B2AE3Du);
  uint h = v.x ^ (v.y >> 3) ^ (v.z << 7) ^ v.y * 0x27D4EB2Fu ^ v.z * 0x165667B1u;
  h ^= h >> 15;
  h *= 0x2C1B3C6Du;
  h ^= h >> 12;
  h *= 0x297A2D39u;
  return h ^ (h >> 15);
}

// About one star per 250 lattice cells near the sphere; brightness follows a
// steep power law (few bright ones), colour from warm to blue-white.
vec3 stars(vec3 dir, float pixel_angle) {
  const float kCells = 220.0;
  vec3 p = dir * kCells;
  vec3 sum = vec3(0.0);
  ivec3 base = ivec3(floor(p));
  for (int i = 0; i < 8; ++i) {
    ivec3 cell = base + ivec3(i & 1, (i >> 1) & 1, (i >> 2) & 1);
    uint h = hash3(cell);
    if ((h & 0xFFu) > 0u) continue;
    vec3 star = normalize(vec3(cell) + vec3(float((h >> 8) & 0xFFu), float((h >> 16) & 0xFFu), 128.0) / 256.0);
    float angle = acos(clamp(dot(dir, star), -1.0, 1.0));
    float size = max(pixel_angle, 3e-4);
    float magnitude = pow(float((h >> 24) & 0xFFu) / 255.0, 6.0);
    vec3 tint = mix(vec3(1.0, 0.8, 0.6), vec3(0.75, 0.85, 1.0), float((h >> 12) & 0xFu) / 15.0);
    sum += tint * (0.03 + 2.0 * magnitude) * exp(-angle * angle / (size * size));
  }
  return sum;
}

void main() {
  vec3 dir = view_ray(in_uv);
  SkyParams sky = post.sky;
  vec3 radiance = sky_radiance(sky, dir);
  float clear = 1.0 - sky.shape.y;

  // What the air between the eye and space lets through along this ray.
  vec3 tau = sky.optical_depth.xyz + vec3(sky.optical_depth.w);
  vec3 through_air = exp(-tau * sky_air_mass(dir.y)) * smoothstep(-0.01, 0.01, dir.y);

  vec3 body = sky.sun_direction.xyz;
  float cos_angle = dot(dir, body);
  float cos_radius = sky.sun_direction.w;
  float edge = max(fwidth(cos_angle), 1e-6);
  float disc = smoothstep(cos_radius - edge, cos_radius + edge, cos_angle);
  // Limb darkening: the disc's edge is dimmer than its centre.
  float r = sqrt(clamp((1.0 - cos_angle) / max(1.0 - cos_radius, 1e-6), 0.0, 1.0));
  float limb = 1.0 - 0.5 * (1.0 - sqrt(max(1.0 - r * r, 0.0)));
  radiance += sky.sun_radiance.rgb * sky.sun_radiance.w * disc * limb * through_air * clear;

  // Uniform branch: skies without stars skip the lattice walk (most of this pass's cost).
  float pixel_angle = length(fwidth(dir));
  if (sky.shape.z > 0.0) radiance += stars(dir, pixel_angle) * sky.shape.z * through_air * clear * (1.0 - disc);
  out_color = vec4(radiance, 1.0);
}
