#version 450
// mesh.vert for skinned meshes: the vertex is posed by its joints
// (shared/skinning.glsl) before the draw's world matrix places it.
#include "shared/types.h"
#define KAGAMI_JOINT_SET 0
#define KAGAMI_JOINT_BINDING 8
#include "shared/skinning.glsl"

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
  mat4 skin = skin_matrix(draw.emissive.w);
  vec4 world = draw.model * (skin * vec4(in_position, 1.0));
  out_world_position = world.xyz;
  // Joint matrices are rigid (skin.h), so mat3(skin) turns normals; the
  // placement may scale unevenly, hence its inverse-transpose as in mesh.vert.
  out_normal = transpose(inverse(mat3(draw.model))) * (mat3(skin) * in_normal);
  out_uv = in_uv;
  out_object_position = in_position;  // the bind pose: the dissolve pattern moves with the body
  gl_Position = view.view_proj * world;
}
