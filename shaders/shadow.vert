#version 450
// Depth-only pass into one cascade of the sun's shadow atlas: the push
// constant's matrix is already cascade view-projection * model.
#include "shared/types.h"

layout(location = 0) in vec3 in_position;
layout(push_constant, std430) uniform Push { DrawPush draw; };

// Read only by shadow_dissolve.frag (dissolving casters); solid casters have
// no fragment shader and the output goes unused.
layout(location = 0) out vec3 out_object_position;

void main() {
  out_object_position = in_position;
  gl_Position = draw.model * vec4(in_position, 1.0);
}
