#version 450
// The dissolve pass's surface: base colour lit by the ambient and the effect
// lights, cut by shared/dissolve.glsl with its glowing edge. Double-sided, so
// the inside of a shell shows through its holes.
#include "shared/particle_types.h"
#include "shared/fx_lights.glsl"
#include "shared/dissolve.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Draw { ParticleDrawUniforms u; };
layout(set = 0, binding = 1) uniform sampler2D base_color_texture;
layout(push_constant, std430) uniform Push { DissolvePush draw; };

layout(location = 0) in vec3 in_object;
layout(location = 1) in vec3 in_world;
layout(location = 2) in vec3 in_normal;
layout(location = 3) in vec2 in_uv;
layout(location = 0) out vec4 out_color;

void main() {
  vec3 albedo = (texture(base_color_texture, in_uv) * draw.base_color_factor).rgb;
  vec3 emissive;
  if (!dissolve_surface(in_object, draw.dissolve, draw.edge_color.rgb, albedo, emissive)) discard;
  vec3 n = normalize(in_normal);
  if (!gl_FrontFacing) n = -n;
  vec3 radiance = u.ambient.rgb * (0.6 + 0.4 * n.y);
  int count = min(int(u.params.x), KAGAMI_MAX_PARTICLE_LIGHTS);
  vec3 to_light;
  for (int i = 0; i < count; ++i) radiance += fx_light_radiance(u.lights[i], in_world, to_light) * max(dot(n, to_light), 0.0);
  out_color = vec4(albedo * radiance + emissive, 1.0);
}
