#version 450
// shadow.vert for skinned meshes: posed exactly as mesh_skinned.vert poses
// them, so a character's shadow follows its pose.
#include "shared/types.h"
#define KAGAMI_JOINT_SET 0
#define KAGAMI_JOINT_BINDING 0
#include "shared/skinning.glsl"

layout(location = 0) in vec3 in_position;
layout(push_constant, std430) uniform Push { DrawPush draw; };

// The bind pose, as mesh_skinned.vert gives the dissolve: the shadow's holes
// are the body's holes (shadow_dissolve.frag; unused by solid casters).
layout(location = 0) out vec3 out_object_position;

void main() {
  out_object_position = in_position;
  gl_Position = draw.model * (skin_matrix(draw.emissive.w) * vec4(in_position, 1.0));
}
