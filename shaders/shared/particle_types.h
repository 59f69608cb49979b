// Shared between C++ and GLSL: GPU particles (snow, dissolve fragments) and the
// constants of their simulation and draw passes. C++ includes it through
// kagami/render/particle_shader_types.h, which static_asserts the sizes.
#ifndef KAGAMI_SHADER_SHARED_PARTICLE_TYPES_H
#define KAGAMI_SHADER_SHARED_PARTICLE_TYPES_H

#ifdef __cplusplus
#include <cstdint>
#include <glm/glm.hpp>
namespace kagami::shader {
using vec2 = glm::vec2;
using vec3 = glm::vec3;
using vec4 = glm::vec4;
using mat4 = glm::mat4;
using uint = std::uint32_t;
using uvec4 = glm::uvec4;
#endif

#define KAGAMI_PARTICLE_DORMANT 0u
#define KAGAMI_PARTICLE_FALLING 1u
#define KAGAMI_PARTICLE_SETTLED 2u
#define KAGAMI_PARTICLE_GROUP 256u
#define KAGAMI_MAX_PARTICLE_LIGHTS 8

#define KAGAMI_SIM_RESET 1u        // spawn every particle afresh (first frame, new seed or count)
#define KAGAMI_SIM_HEIGHTFIELD 2u  // collide with the height texture as well as the ground plane
#define KAGAMI_EMIT_SKINNED 4u     // dissolve_emit.comp: pose the source's triangles by the step's joints

// One particle, std430 in a storage buffer that lives across frames. Each slot
// is written only by the invocation of its own index, so a frame's result never
// depends on scheduling order.
struct Particle {
  vec4 position;  // xyz world, w size (m)
  vec4 velocity;  // xyz m/s, w age (s since spawn, or since landing when settled)
  uint id;        // its own index: a read-back sees any slot lost, duplicated or overwritten
  uint state;     // KAGAMI_PARTICLE_*
  uint spawns;    // times (re)spawned since the reset
  float life;     // settled: seconds it lies before fading out; fragments: seconds it lives
};

// Push constants of snow_sim.comp (<= 128 bytes).
struct SnowSimPush {
  vec4 camera;       // xyz camera position, w time step (s)
  vec4 volume;       // x half width around the camera (x and z), y top above the camera, z ground height, w unused
  vec4 wind;         // xy base wind along world x and z (m/s), z gust strength, w turbulence (m/s)
  vec4 flake;        // x fall speed (m/s), y flake size (m), z mean settle time (s), w intensity (active fraction)
  vec4 height_rect;  // heightfield footprint: xy min corner (world x, z), zw size
  uint seed;
  uint frame;
  uint count;
  uint flags;        // KAGAMI_SIM_*
  float time;        // s
  float height_scale;  // heightfield red channel 1.0 -> this many metres above the ground plane
  float drag;        // 1/s: how fast a flake takes up the air's velocity
  float pad;
};

struct ParticleLight {
  vec4 position_range;       // xyz world, w range (m)
  vec4 color;                // rgb radiance (colour * intensity), w unused
  vec4 direction_cos_outer;  // xyz spot direction, w cos(outer angle); <= -1: a point light
  vec4 cone;                 // x cos(inner angle), yzw unused
};

// Uniforms of the particle draw: a read-only storage buffer, for the reason
// ViewUniforms gives (types.h); vec4s only, so std430 = std140.
struct ParticleDrawUniforms {
  mat4 view_proj;
  vec4 camera_position;  // xyz, w streak length (s of motion drawn)
  vec4 ambient;          // rgb ambient radiance on a flake, w opacity
  vec4 emissive;         // rgb added radiance (glowing fragments), w unused
  vec4 params;           // x light count, y size scale, z fade seconds at end of life, w unused
  ParticleLight lights[KAGAMI_MAX_PARTICLE_LIGHTS];
};

// Push constants of dissolve.vert/.frag: one mesh draw (<= 128 bytes).
struct DissolvePush {
  mat4 model;              // object -> world
  vec4 base_color_factor;
  vec4 dissolve;           // x progress 0..1, y edge width, z noise scale (per object unit), w seed (exact integer)
  vec4 edge_color;         // rgb radiance of the glowing edge, w unused
};

// A triangle of a dissolving mesh, object space, for emitting fragments.
struct FxTriangle {
  vec4 p0;  // xyz, w: cumulative area fraction up to and including this triangle
  vec4 p1;
  vec4 p2;
};

// The joints of an FxTriangle's corners (anim::VertexSkin each), in a buffer
// parallel to the triangles; a corner whose weights sum to 0 is rigid.
struct FxTriangleSkin {
  uvec4 joints0;
  uvec4 joints1;
  uvec4 joints2;
  vec4 weights0;
  vec4 weights1;
  vec4 weights2;
};

// Push constants of dissolve_emit.comp (<= 128 bytes).
struct DissolveEmitPush {
  mat4 model;       // object -> world of the dissolving mesh
  vec4 dissolve;    // as DissolvePush::dissolve
  vec4 motion;      // x time step (s), y rise speed (m/s), z mean life (s), w fragment size (m)
  uint seed;
  uint frame;
  uint count;       // fragment slots
  uint triangles;   // in the source
  float time;
  float spawn_chance;  // per dormant slot and frame
  uint flags;          // KAGAMI_SIM_RESET, KAGAMI_EMIT_SKINNED
  uint joint_base;     // skinned: this step's first matrix in the joint buffer
};

#ifdef __cplusplus
}  // namespace kagami::shader
#endif
#endif
