#version 450
// Scene-linear HDR -> display: bloom mixed in, optical vignetting (cos^4 law),
// exposure and white balance, the AgX curve, lift/gamma/gain/saturation
// grading, AgX's outset. Writes display-encoded colour with its luma in alpha
// (FXAA's input), or straight to the target when FXAA is off.
#include "post/common.glsl"
#include "shared/tonemap.h"

layout(set = 0, binding = 1) uniform sampler2D hdr;
layout(set = 0, binding = 2) uniform sampler2D bloom;
layout(location = 0) out vec4 out_color;

void main() {
  vec3 scene = texelFetch(hdr, ivec2(gl_FragCoord.xy), 0).rgb;
  vec3 glow = texture(bloom, in_uv).rgb * push.params.x;  // x: 1 / bloom levels (the sum's normalisation)
  vec3 c = mix(scene, glow, post.exposure.y);

  vec2 from_centre = (in_uv - 0.5) * vec2(post.target_size.x * post.target_size.w, 1.0);
  float r2 = dot(from_centre, from_centre) / max(post.exposure.w * post.exposure.w, 1e-4);
  float cos4 = 1.0 / ((1.0 + r2) * (1.0 + r2));
  c *= mix(1.0, cos4, post.exposure.z);

  c *= post.exposure.x * post.white_balance.rgb;
  vec3 display = agx_curve(c);
  display = grade(display, post.lift.rgb, post.gamma.rgb, post.gain.rgb, post.lift.w);
  display = agx_finish(display);
  out_color = vec4(for_target(display, push.params.w > 0.5), rec709_luma(display));
}
