#version 450
#include "shared/types.h"

layout(location = 0) in vec3 in_world_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec2 in_uv;

layout(set = 0, binding = 0, std140) uniform View { ViewUniforms view; };
layout(set = 0, binding = 1) uniform sampler2D base_color_texture;
layout(push_constant, std430) uniform Push { DrawPush draw; };

layout(location = 0) out vec4 out_color;

const float PI = 3.14159265;

// A first lit look: Lambert diffuse plus a normalised Blinn-Phong highlight
// from the sun, and a sky/ground hemisphere ambient. The full metal-rough BRDF
// arrives with the lighting work; the inputs are already the glTF ones.
void main() {
  vec4 base = texture(base_color_texture, in_uv) * draw.base_color_factor;
  if (draw.material.z >= 0.0 && base.a < draw.material.z) discard;

  vec3 n = normalize(in_normal);
  if (!gl_FrontFacing) n = -n;
  vec3 l = -view.sun_direction.xyz;
  vec3 v = normalize(view.camera_position.xyz - in_world_position);
  vec3 h = normalize(l + v);
  float n_dot_l = max(dot(n, l), 0.0);

  float metallic = draw.material.x;
  float roughness = clamp(draw.material.y, 0.05, 1.0);
  float shininess = 2.0 / (roughness * roughness * roughness * roughness) - 2.0;
  vec3 specular_color = mix(vec3(0.04), base.rgb, metallic);
  vec3 diffuse_color = base.rgb * (1.0 - metallic);

  vec3 diffuse = diffuse_color / PI;
  vec3 specular = specular_color * (shininess + 8.0) / (8.0 * PI) * pow(max(dot(n, h), 0.0), shininess);
  vec3 ambient = mix(view.ambient_ground.rgb, view.ambient_sky.rgb, n.y * 0.5 + 0.5) * diffuse_color;

  vec3 color = (diffuse + specular) * view.sun_radiance.rgb * n_dot_l + ambient + draw.emissive.rgb;
  out_color = vec4(color, 1.0);
}
