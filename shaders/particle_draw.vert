#version 450
// One camera-facing quad per particle (6 vertices, instance = particle slot),
// stretched along its screen-plane velocity so fast flakes read as streaks,
// in the light particle_light.comp found for it (w = 0: not drawn).
#include "shared/particle_types.h"
#include "shared/particle_quad.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Draw { ParticleDrawUniforms u; };
layout(set = 0, binding = 1, std430) readonly buffer Particles { Particle particles[]; };
layout(set = 0, binding = 2, std430) readonly buffer Light { vec4 light[]; };

layout(location = 0) out vec2 out_local;   // -1..1 across the quad
layout(location = 1) out vec4 out_color;   // rgb radiance, a opacity

const vec2 kCorners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));

void main() {
  vec2 corner = kCorners[gl_VertexIndex];
  out_local = corner;
  vec4 lit = light[gl_InstanceIndex];
  if (lit.w == 0.0) {
    out_color = vec4(0.0);
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: the quad is dropped
    return;
  }
  Particle p = particles[gl_InstanceIndex];
  vec3 center = p.position.xyz;
  vec3 to_camera;
  vec3 streak = particle_streak(p, u.camera_position.xyz, u.camera_position.w, to_camera);
  float streak_length = length(streak);
  vec3 axis = streak_length > 1e-5 ? streak / streak_length
                                   : normalize(cross(to_camera, abs(to_camera.y) < 0.99 ? vec3(0, 1, 0) : vec3(1, 0, 0)));
  vec3 side = normalize(cross(to_camera, axis));
  float radius = particle_radius(p, u.params.y);
  vec3 world = center + axis * corner.x * (radius + 0.5 * streak_length) + side * corner.y * radius;
  gl_Position = u.view_proj * vec4(world, 1.0);

  // A streak spreads the same light over a longer quad.
  float opacity = u.ambient.w * (2.0 * radius) / (2.0 * radius + streak_length);
  float age = p.velocity.w;
  if (u.params.w > 0.5) {
    opacity *= clamp(1.0 - age / max(p.life, 1e-3), 0.0, 1.0);  // fragments fade over their life
  } else if (p.state == KAGAMI_PARTICLE_SETTLED) {
    opacity *= clamp((p.life - age) / max(u.params.z, 1e-3), 0.0, 1.0);  // landed flakes fade out
  }
  out_color = vec4(lit.rgb, opacity);
}
