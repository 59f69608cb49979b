#version 450
#include "shared/text_types.h"

layout(location = 0) in vec2 in_uv;
layout(location = 1) in vec4 in_color;
layout(location = 2) in vec4 in_outline;
layout(set = 0, binding = 0) uniform sampler2D atlas;
layout(push_constant, std430) uniform Push { TextPush text; };

layout(location = 0) out vec4 out_color;

void main() {
  // The atlas stores 0.5 on the glyph's edge and rises inside; as a signed
  // distance in atlas pixels, positive inside.
  float distance = (texture(atlas, in_uv).r - 0.5) * 2.0 * text.sdf_spread;
  // One screen pixel in atlas pixels: edges stay one pixel soft at any size.
  float pixel = max(fwidth(distance), 1e-4);
  float fill = clamp(distance / pixel + 0.5, 0.0, 1.0);
  float outline = clamp((distance + text.outline_width) / pixel + 0.5, 0.0, 1.0) * in_outline.a;
  float alpha = max(fill * in_color.a, outline);
  vec3 rgb = mix(in_outline.rgb, in_color.rgb, fill);
  out_color = vec4(rgb, alpha);
}
