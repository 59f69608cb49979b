#version 450
// Shadow casters that are dissolving (DrawPush::dissolve.x > 0): where the
// visible surface has dissolved, the caster writes no depth, so its shadow
// has the same holes. The same threshold as the mesh shader (dissolve.glsl),
// in the same object space. Solid casters are drawn without this shader and
// stay depth-only (early depth, no fragment work).
#include "shared/types.h"
#include "shared/dissolve.glsl"

layout(location = 0) in vec3 in_object_position;
layout(push_constant, std430) uniform Push { DrawPush draw; };

void main() {
  if (dissolve_heat_at(in_object_position, draw.dissolve) < 0.0) discard;
}
