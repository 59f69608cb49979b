// What every post pass shares: the per-frame uniforms, the push constants and
// view-ray reconstruction from the fullscreen triangle's uv.
#include "shared/post_types.h"

layout(set = 0, binding = 0, std430) readonly buffer Post { PostUniforms post; };
layout(push_constant, std430) uniform Push { PostPush push; };

layout(location = 0) in vec2 in_uv;

// World position of the point at `depth` (reverse-Z) under this pixel.
vec3 world_at(vec2 uv, float depth) {
  vec4 p = post.inv_view_proj * vec4(uv * 2.0 - 1.0, depth, 1.0);
  return p.xyz / p.w;
}

// Normalised direction from the camera through this pixel.
vec3 view_ray(vec2 uv) { return normalize(world_at(uv, 1.0) - post.camera_position.xyz); }

// The final image goes to an sRGB target (the hardware encodes) or a UNORM one.
vec3 for_target(vec3 display, bool target_encodes) { return target_encodes ? pow(display, vec3(2.2)) : display; }
