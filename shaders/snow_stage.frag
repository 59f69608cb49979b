#version 450
// The stage's surfaces, snow-covered by shared/snow_cover.glsl (the proof of
// that include) and lit by the ambient and the particle lights, like the flakes.
#include "shared/particle_types.h"
#include "shared/fx_lights.glsl"
#include "shared/snow_cover.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Draw { ParticleDrawUniforms u; };
layout(push_constant, std430) uniform Push {
  vec4 sphere;
  vec4 cover;
  vec4 ground;
} push;

layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 0) out vec4 out_color;

void main() {
  vec3 n = normalize(in_normal);
  // Asphalt on the ground, dark stone on the sphere, under a layer of snow.
  vec3 base = in_world.y <= push.ground.x + 1e-3 ? vec3(0.08, 0.08, 0.09) : vec3(0.22, 0.18, 0.15);
  vec4 cover = snow_cover(base, in_world, n, push.cover.x, push.cover.yz);
  vec3 radiance = u.ambient.rgb * (0.6 + 0.4 * n.y);
  int count = min(int(u.params.x), KAGAMI_MAX_PARTICLE_LIGHTS);
  vec3 to_light;
  for (int i = 0; i < count; ++i) {
    vec3 light = fx_light_radiance(u.lights[i], in_world, to_light);
    radiance += light * max(dot(n, to_light), 0.0);
  }
  out_color = vec4(cover.rgb * radiance, 1.0);
}
