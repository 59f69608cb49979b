#version 450
// The effect stage: a ground plane (vertices 0-5) and a UV sphere (the rest),
// generated from the vertex index so the stage needs no buffers.
#include "shared/particle_types.h"

layout(set = 0, binding = 0, std430) readonly buffer Draw { ParticleDrawUniforms u; };
layout(push_constant, std430) uniform Push {
  vec4 sphere;  // xyz centre, w radius
  vec4 cover;   // x snow amount, yz height range, w ground half size
  vec4 ground;  // x ground height, yzw unused
} push;

layout(location = 0) out vec3 out_world;
layout(location = 1) out vec3 out_normal;

const uint kSlices = 48u;
const uint kStacks = 24u;
const vec2 kQuad[6] = vec2[6](vec2(0, 0), vec2(1, 0), vec2(1, 1), vec2(0, 0), vec2(1, 1), vec2(0, 1));

void main() {
  uint v = uint(gl_VertexIndex);
  vec3 world;
  vec3 normal;
  if (v < 6u) {
    vec2 q = kQuad[v] * 2.0 - 1.0;
    world = vec3(q.x, 0.0, -q.y) * push.cover.w + vec3(0.0, push.ground.x, 0.0);
    normal = vec3(0, 1, 0);
  } else {
    v -= 6u;
    uint quad = v / 6u;
    vec2 corner = kQuad[v % 6u];
    float u_angle = (float(quad % kSlices) + corner.x) / float(kSlices) * 6.2831853;
    float v_angle = (float(quad / kSlices) + corner.y) / float(kStacks) * 3.1415927;
    normal = vec3(sin(v_angle) * cos(u_angle), -cos(v_angle), sin(v_angle) * sin(u_angle));
    world = push.sphere.xyz + normal * push.sphere.w;
  }
  out_world = world;
  out_normal = normal;
  gl_Position = u.view_proj * vec4(world, 1.0);
}
