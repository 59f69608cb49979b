#version 450
#include "shared/types.h"

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec2 in_uv;

layout(set = 0, binding = 0, std430) readonly buffer View { ViewUniforms view; };
layout(push_constant, std430) uniform Push { DrawPush draw; };

layout(location = 0) out vec3 out_world_position;
layout(location = 1) out vec3 out_normal;
layout(location = 2) out vec2 out_uv;
layout(location = 3) out vec3 out_object_position;  // a per-draw dissolve's noise space

void main() {
  vec4 world = draw.model * vec4(in_position, 1.0);
  out_world_position = world.xyz;
  // Inverse-transpose keeps normals perpendicular under non-uniform scale.
  out_normal = transpose(inverse(mat3(draw.model))) * in_normal;
  out_uv = in_uv;
  out_object_position = in_position;
  gl_Position = view.view_proj * world;
}
