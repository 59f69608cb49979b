#version 450
// Shadow casters that are dissolving, alone (DrawPush::dissolve.x > 0) or
// with the whole scene (ViewUniforms::ambient_ground.w > 0): where the
// visible surface has dissolved, the caster writes no depth, so its shadow
// has the same holes. The same thresholds as the mesh shader (dissolve.glsl),
// in the same spaces and from the same camera. Solid casters are drawn
// without this shader and stay depth-only (early depth, no fragment work).
#include "shared/types.h"
#include "shared/dissolve.glsl"

layout(location = 0) in vec3 in_object_position;
layout(location = 1) in vec3 in_world_position;
layout(push_constant, std430) uniform Push { DrawPush draw; };
layout(set = 0, binding = 2, std430) readonly buffer View { ViewUniforms view; };

void main() {
  if (draw.dissolve.x > 0.0 && dissolve_heat_at(in_object_position, draw.dissolve) < 0.0) discard;
  float scene = view.ambient_ground.w;
  if (scene > 0.0 && scene_dissolve_heat(in_world_position, view.camera_position.xyz, scene) < 0.0) discard;
}
