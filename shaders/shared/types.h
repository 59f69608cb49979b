// Shared between C++ and GLSL: the one definition of every struct both sides see.
// C++ includes it through kagami/render/shader_types.h, which static_asserts sizes.
#ifndef KAGAMI_SHADER_SHARED_TYPES_H
#define KAGAMI_SHADER_SHARED_TYPES_H

#ifdef __cplusplus
#include <glm/glm.hpp>
namespace kagami::shader {
using vec2 = glm::vec2;
using vec3 = glm::vec3;
using vec4 = glm::vec4;
using mat4 = glm::mat4;
using uvec4 = glm::uvec4;
using uint = std::uint32_t;
#define KAGAMI_STRUCT(name) struct name
#else
#define KAGAMI_STRUCT(name) struct name
#endif

// Sizes shared by the light culling compute pass and the forward pass.
#define KAGAMI_CLUSTER_X 16
#define KAGAMI_CLUSTER_Y 9
#define KAGAMI_CLUSTER_Z 24
#define KAGAMI_CLUSTER_COUNT (KAGAMI_CLUSTER_X * KAGAMI_CLUSTER_Y * KAGAMI_CLUSTER_Z)
#define KAGAMI_MAX_CLUSTER_LIGHTS 127  // per cluster; one more uint holds the count
#define KAGAMI_CLUSTER_STRIDE (KAGAMI_MAX_CLUSTER_LIGHTS + 1)
#define KAGAMI_CLUSTER_GROUP 64        // light_cull.comp's local size
#define KAGAMI_SHADOW_CASCADES 4       // in a 2x2 atlas: cascade i at tile (i % 2, i / 2)
// Point and spot light shadows, a fixed budget per frame (render/local_shadows.h
// picks the lights): views 0..3 for spots, then six cube faces per point light,
// all tiles of one atlas, view v at tile (v % TILES, v / TILES).
#define KAGAMI_LOCAL_SHADOW_SPOTS 4
#define KAGAMI_LOCAL_SHADOW_POINTS 2
#define KAGAMI_LOCAL_SHADOW_VIEWS (KAGAMI_LOCAL_SHADOW_SPOTS + 6 * KAGAMI_LOCAL_SHADOW_POINTS)
#define KAGAMI_LOCAL_SHADOW_TILES 4     // per row and column of the atlas: 16 tiles

// Per-view constants at binding 0 of the view set. Like every per-frame block
// (PostUniforms, ParticleDrawUniforms) it is a read-only storage buffer, not a
// uniform buffer: lavapipe (Mesa 22.x, what CI runs) folds uniform-buffer
// values that steer loops and branches into the shader and compiles a new one
// on every bind, never freed; a light-count loop then cost a compile per pass
// per frame and about 4 MB of memory a frame. Storage buffers are not folded.
// Every member is a vec4 or mat4, so the std430 layout is the std140 one.
KAGAMI_STRUCT(ViewUniforms) {
  mat4 view_proj;
  mat4 view;                // world -> view space (the camera looks down -Z)
  mat4 shadow_view_proj[KAGAMI_SHADOW_CASCADES];  // world -> each cascade's clip space
  vec4 camera_position;     // xyz, w unused
  vec4 sun_direction;       // xyz: direction light travels, normalised; w: data pulse 0..1 (FrameEffects)
  vec4 sun_radiance;        // rgb: colour * intensity; w: effects time (s)
  vec4 ambient_sky;         // rgb: hemispherical ambient from above; w: snow cover amount 0..1
  vec4 ambient_ground;      // rgb: from below; w: dissolve progress 0..1 (FrameEffects)
  vec4 cascade_far;         // view depth where each cascade ends
  vec4 cascade_texel;       // world size of one shadow texel in each cascade
  vec4 shadow_params;       // x: on (1) / off (0), y: normal offset in texels, z: depth bias in texels, w: blend band (fraction)
  vec4 cluster_params;      // x: near, y: far, z: tan(half fov x), w: tan(half fov y)
  uvec4 light_info;         // x: point/spot count, y: clustered (1) or per pixel (0), z: directional lights after them
  mat4 local_shadow_view_proj[KAGAMI_LOCAL_SHADOW_VIEWS];  // world -> each point/spot shadow view's clip space
  vec4 local_shadow_params; // x: 1 when any light has a map this frame, y: normal offset in texels, z: depth bias in texels, w unused
};

// One point or spot light, std430 in the light storage buffer (world space).
KAGAMI_STRUCT(GpuLight) {
  vec4 position_range;      // xyz position, w range (> 0: the light is zero beyond it)
  vec4 color_type;          // rgb: colour * intensity (candela; directional: radiance), w: 0 point, 1 spot, 2 directional
  vec4 direction_cos;       // xyz: where a spot points / a directional light travels (unit), w: cos(outer cone); points: -1
  vec4 spot;                // x: cos(inner cone), y: sin(outer cone), z: first shadow view (< 0: unshadowed),
                            // w: world size of a shadow texel per metre from the light
};

// Per-draw push constants (at most 128 bytes on every device).
KAGAMI_STRUCT(DrawPush) {
  mat4 model;               // object -> world
  vec4 base_color_factor;
  vec4 material;            // x metallic, y roughness, z alpha cutoff (< 0: opaque), w: 1 alpha blended
  vec4 emissive;            // rgb: emitted radiance (factor * strength); w: skinned draws: first joint matrix
                            // (skinning.glsl); shadow passes: z the view's index (shadow_dissolve_vertex.glsl)
  vec4 dissolve;            // this draw alone dissolving (dissolve.glsl, object space): x progress (0: off),
                            // y edge width, z noise scale, w seed
};

// Interleaved vertex layout of static meshes.
KAGAMI_STRUCT(MeshVertex) {
  vec3 position;
  vec3 normal;
  vec2 uv;
};

#ifdef __cplusplus
}  // namespace kagami::shader
#endif
#undef KAGAMI_STRUCT
#endif
