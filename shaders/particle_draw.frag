#version 450
// A soft round (or, stretched, elongated) spot. params.w selects additive glow
// (premultiplied output for ONE/ONE blending) or alpha-blended snow.
#include "shared/particle_types.h"

layout(set = 0, binding = 0, std430) readonly buffer Draw { ParticleDrawUniforms u; };
layout(location = 0) in vec2 in_local;
layout(location = 1) in vec4 in_color;
layout(location = 0) out vec4 out_color;

void main() {
  float r2 = dot(in_local, in_local);
  if (r2 >= 1.0) discard;
  float a = in_color.a * (1.0 - r2) * (1.0 - r2);
  out_color = u.params.w > 0.5 ? vec4(in_color.rgb * a, a) : vec4(in_color.rgb, a);
}
