// Uniforms of the sky, fog and post-processing passes (everything after the
// forward pass). One read-only storage buffer per frame slot (types.h says
// why not a uniform buffer), vec4s only, bound at binding 0 of every post
// pass. C++ sees it through kagami/render/post_types.h (size checks).
#ifndef KAGAMI_SHADER_POST_TYPES_H
#define KAGAMI_SHADER_POST_TYPES_H

#include "sky_model.h"
#include "types.h"

// Lights whose beams the fog shows (in-scattering along each view ray): the
// few that matter most to the camera, chosen on the CPU each frame.
#define KAGAMI_FOG_LIGHTS 4

#ifdef __cplusplus
namespace kagami::shader {
#endif

struct PostUniforms {
  mat4 inv_view_proj;      // clip (reverse-Z) -> world
  vec4 camera_position;    // xyz; w: distance the fog gives sky pixels
  SkyParams sky;
  vec4 fog_color;          // rgb: radiance of fog lit by the ambient light; w: density at height 0 (1/m)
  vec4 fog_params;         // x: height falloff (1/m); y: sun scattering [0,1]; z: anisotropy g; w: start distance (m)
  vec4 exposure;           // x: exposure multiplier; y: bloom strength; z: vignette strength; w: vignette radius
  vec4 white_balance;      // rgb: multipliers applied in scene-linear (temperature); w: output is linear (sRGB target)
  vec4 lift;               // rgb; w: saturation
  vec4 gamma;              // rgb; w unused
  vec4 gain;               // rgb; w unused
  vec4 target_size;        // xy: pixels; zw: 1 / pixels
  GpuLight fog_lights[KAGAMI_FOG_LIGHTS];  // point/spot lights scattered by the fog
  uvec4 fog_light_info;    // x: how many of fog_lights are used; yzw unused
  // World -> clip of each point/spot shadow view this frame (ViewUniforms has
  // the same): fog_lights with a map (spot.z >= 0) shadow their beams.
  mat4 local_shadow_view_proj[KAGAMI_LOCAL_SHADOW_VIEWS];
};

// Push constants of every post pass: what differs between draws of one pass kind.
struct PostPush {
  vec4 params;  // bloom: xy source texel size, z filter radius (texels); fxaa: xy 1 / size
};

#ifdef __cplusplus
}  // namespace kagami::shader
#endif
#endif
