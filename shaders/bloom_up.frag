#version 450
// One step of the bloom's upsample chain: a 3x3 tent filter over the smaller
// level, added (blend ONE, ONE) onto the next larger level, so each level ends
// up holding the sum of itself and every blurrier level below it.
#include "post/common.glsl"

layout(set = 0, binding = 1) uniform sampler2D source;
layout(location = 0) out vec4 out_color;

void main() {
  vec2 d = push.params.xy * push.params.z;
  vec3 sum = texture(source, in_uv).rgb * 4.0;
  sum += (texture(source, in_uv + vec2(-d.x, 0.0)).rgb + texture(source, in_uv + vec2(d.x, 0.0)).rgb +
          texture(source, in_uv + vec2(0.0, -d.y)).rgb + texture(source, in_uv + vec2(0.0, d.y)).rgb) * 2.0;
  sum += texture(source, in_uv + vec2(-d.x, -d.y)).rgb + texture(source, in_uv + vec2(d.x, -d.y)).rgb +
         texture(source, in_uv + vec2(-d.x, d.y)).rgb + texture(source, in_uv + vec2(d.x, d.y)).rgb;
  out_color = vec4(sum / 16.0, 1.0);
}
