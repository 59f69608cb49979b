#version 450
// Fragments flying off a dissolving surface: dormant slots sample a triangle
// of the source (area-weighted, seeded) and a point on it, and spawn there if
// the point lies in the glowing edge of the dissolve; live fragments rise,
// swirl and fade. Each invocation owns one slot. The edge is found in the bind
// pose (where the mesh shader's noise lives); a skinned source then places
// the point on the triangle as this step's joints pose it.
#include "shared/particle_types.h"
#include "shared/dissolve.glsl"

layout(local_size_x = KAGAMI_PARTICLE_GROUP) in;

layout(set = 0, binding = 0, std430) buffer Particles { Particle particles[]; };
layout(set = 0, binding = 1, std430) readonly buffer Triangles { FxTriangle triangles[]; };
// Read only with KAGAMI_EMIT_SKINNED (otherwise bound to the triangles).
layout(set = 0, binding = 2, std430) readonly buffer TriangleSkins { FxTriangleSkin skins[]; };
layout(set = 0, binding = 3, std430) readonly buffer Joints { mat4 joint_matrices[]; };
layout(push_constant, std430) uniform Push { DissolveEmitPush emit; };

const uint kTries = 4u;

// The first triangle whose cumulative area fraction reaches u.
uint find_triangle(float u) {
  uint lo = 0u;
  uint hi = emit.triangles - 1u;
  while (lo < hi) {
    uint mid = (lo + hi) / 2u;
    if (triangles[mid].p0.w < u) lo = mid + 1u;
    else hi = mid;
  }
  return lo;
}

// A bind-pose corner in world space, posed by its joints (as mesh_skinned.vert
// does); a corner without weights (every corner of a rigid source) stays rigid.
vec3 corner_world(vec3 p, uvec4 j, vec4 w) {
  if (dot(w, vec4(1.0)) > 0.0) {
    uint b = emit.joint_base;
    mat4 skin = w.x * joint_matrices[b + j.x] + w.y * joint_matrices[b + j.y] + w.z * joint_matrices[b + j.z] +
                w.w * joint_matrices[b + j.w];
    p = (skin * vec4(p, 1.0)).xyz;
  }
  return (emit.model * vec4(p, 1.0)).xyz;
}

void main() {
  uint id = gl_GlobalInvocationID.x;
  if (id >= emit.count) return;
  Particle p;
  if ((emit.flags & KAGAMI_SIM_RESET) != 0u) p = Particle(vec4(0.0), vec4(0.0), id, KAGAMI_PARTICLE_DORMANT, 0u, 0.0);
  else p = particles[id];
  float dt = emit.motion.x;

  if (p.state != KAGAMI_PARTICLE_DORMANT) {
    p.velocity.w += dt;
    if (p.velocity.w >= p.life) {
      p.state = KAGAMI_PARTICLE_DORMANT;
    } else {
      // Buoyant embers: drift up and swirl in the same divergence-free field as the snow.
      vec3 target = vec3(0.0, emit.motion.y, 0.0) + 0.6 * snow_turbulence(p.position.xyz * 1.7, emit.time);
      vec3 vel = mix(target, p.velocity.xyz, exp(-1.5 * dt));
      p.position.xyz += vel * dt;
      p.velocity.xyz = vel;
    }
  } else if (emit.triangles > 0u && emit.dissolve.x > 0.0 && emit.dissolve.x < 1.0) {
    uint h = fx_hash3(id, emit.frame, emit.seed ^ 0xD155u);
    if (fx_random(h, 0u) < emit.spawn_chance) {
      for (uint t = 0u; t < kTries; ++t) {
        uint index = find_triangle(fx_random(h, 1u + 3u * t));
        FxTriangle tri = triangles[index];
        // Uniform on the triangle: square-root warp of two uniforms, as barycentrics.
        float r1 = sqrt(fx_random(h, 2u + 3u * t));
        float r2 = fx_random(h, 3u + 3u * t);
        vec3 bary = vec3(1.0 - r1, r1 * (1.0 - r2), r1 * r2);
        vec3 object = bary.x * tri.p0.xyz + bary.y * tri.p1.xyz + bary.z * tri.p2.xyz;
        if (dissolve_heat_at(object, emit.dissolve) <= 0.0) continue;
        // A rigid source has no skin table: its corners go unweighted.
        FxTriangleSkin skin = FxTriangleSkin(uvec4(0u), uvec4(0u), uvec4(0u), vec4(0.0), vec4(0.0), vec4(0.0));
        if ((emit.flags & KAGAMI_EMIT_SKINNED) != 0u) skin = skins[index];
        vec3 a = corner_world(tri.p0.xyz, skin.joints0, skin.weights0);
        vec3 b = corner_world(tri.p1.xyz, skin.joints1, skin.weights1);
        vec3 c = corner_world(tri.p2.xyz, skin.joints2, skin.weights2);
        vec3 across = cross(b - a, c - a);
        // A triangle the pose folds flat has no normal: leave straight up.
        vec3 normal = dot(across, across) > 1e-12 ? normalize(across) : vec3(0.0, 1.0, 0.0);
        uint k = fx_hash(h + t);
        vec3 jitter = vec3(fx_random(k, 0u), fx_random(k, 1u), fx_random(k, 2u)) - 0.5;
        p.position = vec4(bary.x * a + bary.y * b + bary.z * c, emit.motion.w * (0.6 + 0.8 * fx_random(k, 3u)));
        p.velocity = vec4(normal * 0.4 + vec3(0.0, emit.motion.y, 0.0) + jitter * 0.3, 0.0);
        p.state = KAGAMI_PARTICLE_FALLING;
        p.spawns += 1u;
        p.life = emit.motion.z * (0.5 + fx_random(k, 4u));
        break;
      }
    }
  }
  particles[id] = p;
}
