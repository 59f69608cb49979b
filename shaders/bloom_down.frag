#version 450
// One step of the bloom's downsample chain: a 13-tap filter (four overlapping
// 2x2 boxes around the centre plus a wider ring) that halves the resolution
// without the aliasing a plain 2x2 box gives moving highlights. No threshold:
// every pixel blooms in proportion to its energy.
#include "post/common.glsl"

layout(set = 0, binding = 1) uniform sampler2D source;
layout(location = 0) out vec4 out_color;

vec3 tap(vec2 offset) { return texture(source, in_uv + offset * push.params.xy).rgb; }

void main() {
  vec3 centre = tap(vec2(0.0));
  vec3 inner = tap(vec2(-1.0, -1.0)) + tap(vec2(1.0, -1.0)) + tap(vec2(-1.0, 1.0)) + tap(vec2(1.0, 1.0));
  vec3 edges = tap(vec2(-2.0, 0.0)) + tap(vec2(2.0, 0.0)) + tap(vec2(0.0, -2.0)) + tap(vec2(0.0, 2.0));
  vec3 corners = tap(vec2(-2.0, -2.0)) + tap(vec2(2.0, -2.0)) + tap(vec2(-2.0, 2.0)) + tap(vec2(2.0, 2.0));
  vec3 sum = centre * 0.125 + inner * 0.125 + edges * 0.0625 + corners * 0.03125;
  out_color = vec4(sum, 1.0);
}
