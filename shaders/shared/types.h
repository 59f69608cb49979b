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
using uint = std::uint32_t;
#define KAGAMI_STRUCT(name) struct name
#else
#define KAGAMI_STRUCT(name) struct name
#endif

// Per-view constants, std140 in a uniform buffer (binding 0 of the view set).
KAGAMI_STRUCT(ViewUniforms) {
  mat4 view_proj;
  vec4 camera_position;     // xyz, w unused
  vec4 sun_direction;       // xyz: direction light travels, normalised; w unused
  vec4 sun_radiance;        // rgb: colour * intensity; w unused
  vec4 ambient_sky;         // rgb: hemispherical ambient from above
  vec4 ambient_ground;      // rgb: from below
};

// Per-draw push constants (at most 128 bytes on every device).
KAGAMI_STRUCT(DrawPush) {
  mat4 model;               // object -> world
  vec4 base_color_factor;
  vec4 material;            // x metallic, y roughness, z alpha cutoff (< 0: opaque), w unused
  vec4 emissive;            // rgb: emitted radiance (factor * strength); w unused
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
