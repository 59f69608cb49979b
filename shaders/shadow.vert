#version 450
// Depth-only pass into one cascade of the sun's shadow atlas: the push
// constant's matrix is already cascade view-projection * model.
#include "shared/types.h"

layout(location = 0) in vec3 in_position;
layout(push_constant, std430) uniform Push { DrawPush draw; };

void main() { gl_Position = draw.model * vec4(in_position, 1.0); }
