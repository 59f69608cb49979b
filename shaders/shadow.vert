#version 450
// Depth-only pass into one view of a shadow atlas (a cascade of the sun, a
// lamp's view), solid casters: the push constant's matrix is already the
// view's view-projection * model. Dissolving casters use shadow_dissolve.vert.
#include "shared/types.h"

layout(location = 0) in vec3 in_position;
layout(push_constant, std430) uniform Push { DrawPush draw; };

void main() { gl_Position = draw.model * vec4(in_position, 1.0); }
