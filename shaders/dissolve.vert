#version 450
// A static mesh that may be dissolving: passes the object-space position on
// for the dissolve noise, world position and normal for lighting.
#include "shared/particle_types.h"

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec2 in_uv;

layout(set = 0, binding = 0, std430) readonly buffer Draw { ParticleDrawUniforms u; };
layout(push_constant, std430) uniform Push { DissolvePush draw; };

layout(location = 0) out vec3 out_object;
layout(location = 1) out vec3 out_world;
layout(location = 2) out vec3 out_normal;
layout(location = 3) out vec2 out_uv;

void main() {
  vec4 world = draw.model * vec4(in_position, 1.0);
  out_object = in_position;
  out_world = world.xyz;
  out_normal = mat3(transpose(inverse(draw.model))) * in_normal;
  out_uv = in_uv;
  gl_Position = u.view_proj * world;
}
