#version 450
// shadow.vert for skinned meshes: posed exactly as mesh_skinned.vert poses
// them, so a character's shadow follows its pose.
#include "shared/types.h"
#define KAGAMI_JOINT_SET 0
#define KAGAMI_JOINT_BINDING 0
#include "shared/skinning.glsl"

layout(location = 0) in vec3 in_position;
layout(push_constant, std430) uniform Push { DrawPush draw; };

void main() { gl_Position = draw.model * (skin_matrix(draw.emissive.w) * vec4(in_position, 1.0)); }
