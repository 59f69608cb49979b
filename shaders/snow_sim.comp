#version 450
// One step of the snow simulation: each invocation owns one particle slot, so
// the result is a pure function of (previous state, push constants).
#include "shared/particle_types.h"
#include "shared/snow_field.h"

layout(local_size_x = KAGAMI_PARTICLE_GROUP) in;

layout(set = 0, binding = 0, std430) buffer Particles { Particle particles[]; };
layout(set = 0, binding = 1) uniform sampler2D heightfield;
layout(push_constant, std430) uniform Push { SnowSimPush sim; };

// The surface under p: the ground plane, raised by the heightfield where it covers p.
float ground_at(vec3 p) {
  float ground = sim.volume.z;
  if ((sim.flags & KAGAMI_SIM_HEIGHTFIELD) != 0u) {
    vec2 uv = (p.xz - sim.height_rect.xy) / sim.height_rect.zw;
    if (all(greaterThanEqual(uv, vec2(0.0))) && all(lessThanEqual(uv, vec2(1.0))))
      ground += textureLod(heightfield, uv, 0.0).r * sim.height_scale;
  }
  return ground;
}

// A fresh flake. `anywhere`: in the whole column (reset, or a flake that has
// just become active); otherwise in the top tenth, where new snow enters.
Particle spawn(uint id, uint spawns, bool anywhere) {
  float top = sim.volume.y;
  float bottom = sim.volume.z - sim.camera.y;
  float y_min = anywhere ? bottom : mix(bottom, top, 0.9);
  vec3 offset = snow_spawn_offset(id, sim.frame, sim.seed, sim.volume.x, y_min, top);
  uint h = fx_hash3(id, sim.frame, sim.seed ^ 0xF1A4Eu);
  Particle p;
  p.position = vec4(sim.camera.xyz + offset, sim.flake.y * (0.5 + fx_random(h, 0u)));
  p.velocity = vec4(0.0, -sim.flake.x, 0.0, 0.0);
  p.id = id;
  p.state = KAGAMI_PARTICLE_FALLING;
  p.spawns = spawns + 1u;
  p.life = sim.flake.z * (0.5 + fx_random(h, 1u));
  return p;
}

void main() {
  uint id = gl_GlobalInvocationID.x;
  if (id >= sim.count) return;
  bool is_active = snow_active(id, sim.seed, sim.flake.w);
  bool reset = (sim.flags & KAGAMI_SIM_RESET) != 0u;
  Particle p;
  if (reset) p = Particle(vec4(0.0), vec4(0.0), id, KAGAMI_PARTICLE_DORMANT, 0u, 0.0);
  else p = particles[id];

  if (!is_active) {
    // Parked: kept (with its id) but not drawn until the intensity rises again.
    p.state = KAGAMI_PARTICLE_DORMANT;
    particles[id] = p;
    return;
  }
  if (p.state == KAGAMI_PARTICLE_DORMANT) {
    particles[id] = spawn(id, p.spawns, true);
    return;
  }

  float dt = sim.camera.w;
  vec3 pos = p.position.xyz;
  if (p.state == KAGAMI_PARTICLE_SETTLED) {
    p.velocity.w += dt;
    if (p.velocity.w >= p.life) p = spawn(id, p.spawns, false);
  } else {
    // Flakes are light: their velocity relaxes towards the air's plus their fall speed.
    vec3 air = snow_wind(pos, sim.time, sim.wind.xy, sim.wind.z, sim.wind.w);
    vec3 target = air + vec3(0.0, -sim.flake.x, 0.0);
    vec3 vel = mix(target, p.velocity.xyz, exp(-sim.drag * dt));
    pos += vel * dt;
    p.velocity = vec4(vel, p.velocity.w + dt);
    float ground = ground_at(pos);
    if (pos.y <= ground) {
      pos.y = ground;
      p.state = KAGAMI_PARTICLE_SETTLED;
      p.velocity = vec4(0.0);
    }
    // Leaving the volume sideways: wrap to the far side so the camera is always
    // surrounded by an even density; above the top (updrafts): spawn again.
    vec2 rel = pos.xz - sim.camera.xz;
    float width = 2.0 * sim.volume.x;
    pos.xz = sim.camera.xz + rel - width * floor((rel + sim.volume.x) / width);
    p.position.xyz = pos;
    if (pos.y > sim.camera.y + sim.volume.y + 1.0) p = spawn(id, p.spawns, false);
  }
  // Settled flakes stay put, but a camera that has moved on far away recycles them.
  vec2 rel = p.position.xz - sim.camera.xz;
  if (p.state == KAGAMI_PARTICLE_SETTLED && max(abs(rel.x), abs(rel.y)) > sim.volume.x)
    p = spawn(id, p.spawns, false);
  particles[id] = p;
}
