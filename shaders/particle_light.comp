#version 450
// The light each particle carries into its draw, found once per particle
// instead of at each of its quad's six vertices (the light loop is most of a
// flake's cost on a CPU driver). Dormant particles and those out of view get
// w = 0, and the draw drops them before anything else.
#include "shared/particle_types.h"
#include "shared/fx_lights.glsl"
#include "shared/particle_quad.glsl"

layout(local_size_x = KAGAMI_PARTICLE_GROUP) in;

layout(set = 0, binding = 0, std430) readonly buffer Draw { ParticleDrawUniforms u; };
layout(set = 0, binding = 1, std430) readonly buffer Particles { Particle particles[]; };
layout(set = 0, binding = 2, std430) writeonly buffer Light { vec4 light[]; };  // rgb radiance, w 1: drawn
layout(push_constant, std430) uniform Push { uint count; };

void main() {
  uint id = gl_GlobalInvocationID.x;
  if (id >= count) return;
  Particle p = particles[id];
  vec3 to_camera;
  float reach = particle_radius(p, u.params.y) +
                0.5 * length(particle_streak(p, u.camera_position.xyz, u.camera_position.w, to_camera));
  if (p.state == KAGAMI_PARTICLE_DORMANT || particle_outside_view(u.view_proj, p.position.xyz, reach)) {
    light[id] = vec4(0.0);
    return;
  }
  vec3 radiance = u.ambient.rgb;
  int lights = min(int(u.params.x), KAGAMI_MAX_PARTICLE_LIGHTS);
  vec3 to_light;
  for (int i = 0; i < lights; ++i) radiance += fx_light_radiance(u.lights[i], p.position.xyz, to_light);
  light[id] = vec4(radiance * 0.9 + u.emissive.rgb, 1.0);
}
