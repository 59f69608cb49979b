#version 450
// FXAA on the tonemapped image (luma in alpha): find the local edge's
// orientation, walk along it to both ends, and resample across the edge by
// how far this pixel sits from the nearer end; a sub-pixel term softens
// single-pixel aliasing. The last pass: writes the frame's target.
#include "post/common.glsl"

layout(set = 0, binding = 1) uniform sampler2D ldr;
layout(location = 0) out vec4 out_color;

const float kEdgeThreshold = 0.125;     // of the local maximum luma
const float kEdgeThresholdMin = 0.0312;  // ignore edges in near-black areas
const float kSubpixelAmount = 0.75;
const int kSearchSteps = 10;
const float kSearchStride[kSearchSteps] = float[](1.0, 1.0, 1.0, 1.0, 1.5, 2.0, 2.0, 2.0, 4.0, 8.0);

float luma_at(vec2 uv) { return textureLod(ldr, uv, 0.0).a; }
float luma_off(vec2 uv, vec2 texel, float x, float y) { return luma_at(uv + vec2(x, y) * texel); }

void main() {
  vec2 uv = in_uv;
  vec2 texel = push.params.xy;
  bool encode = push.params.w > 0.5;
  vec4 centre = textureLod(ldr, uv, 0.0);
  float m = centre.a;
  float n = luma_off(uv, texel, 0.0, -1.0), s = luma_off(uv, texel, 0.0, 1.0);
  float w = luma_off(uv, texel, -1.0, 0.0), e = luma_off(uv, texel, 1.0, 0.0);
  float lo = min(m, min(min(n, s), min(w, e)));
  float hi = max(m, max(max(n, s), max(w, e)));
  float range = hi - lo;
  if (range < max(kEdgeThresholdMin, hi * kEdgeThreshold)) {
    out_color = vec4(for_target(centre.rgb, encode), 1.0);
    return;
  }
  float nw = luma_off(uv, texel, -1.0, -1.0), ne = luma_off(uv, texel, 1.0, -1.0);
  float sw = luma_off(uv, texel, -1.0, 1.0), se = luma_off(uv, texel, 1.0, 1.0);

  // A horizontal edge changes luma from north to south.
  float horizontal_change = abs(n + s - 2.0 * m) * 2.0 + abs(ne + se - 2.0 * e) + abs(nw + sw - 2.0 * w);
  float vertical_change = abs(e + w - 2.0 * m) * 2.0 + abs(ne + nw - 2.0 * n) + abs(se + sw - 2.0 * s);
  bool horizontal = horizontal_change >= vertical_change;

  float before = horizontal ? n : w;  // the neighbours across the edge
  float after = horizontal ? s : e;
  float step_length = horizontal ? texel.y : texel.x;
  float gradient_before = abs(before - m), gradient_after = abs(after - m);
  bool towards_before = gradient_before >= gradient_after;
  float edge_luma = 0.5 * (m + (towards_before ? before : after));
  float gradient = 0.25 * max(gradient_before, gradient_after);
  if (towards_before) step_length = -step_length;

  vec2 across = horizontal ? vec2(0.0, step_length) : vec2(step_length, 0.0);
  vec2 along = horizontal ? vec2(texel.x, 0.0) : vec2(0.0, texel.y);
  vec2 on_edge = uv + 0.5 * across;

  vec2 uv_neg = on_edge - along, uv_pos = on_edge + along;
  float end_neg = luma_at(uv_neg) - edge_luma, end_pos = luma_at(uv_pos) - edge_luma;
  bool done_neg = abs(end_neg) >= gradient, done_pos = abs(end_pos) >= gradient;
  for (int i = 1; i < kSearchSteps && !(done_neg && done_pos); ++i) {
    if (!done_neg) {
      uv_neg -= along * kSearchStride[i];
      end_neg = luma_at(uv_neg) - edge_luma;
      done_neg = abs(end_neg) >= gradient;
    }
    if (!done_pos) {
      uv_pos += along * kSearchStride[i];
      end_pos = luma_at(uv_pos) - edge_luma;
      done_pos = abs(end_pos) >= gradient;
    }
  }
  float dist_neg = horizontal ? uv.x - uv_neg.x : uv.y - uv_neg.y;
  float dist_pos = horizontal ? uv_pos.x - uv.x : uv_pos.y - uv.y;
  bool nearer_is_neg = dist_neg < dist_pos;
  float nearest = min(dist_neg, dist_pos);
  // Blend only when the luma at the nearer end crosses the edge the other way
  // from this pixel: then this pixel lies on the stair step being smoothed.
  bool centre_below = m - edge_luma < 0.0;
  bool end_below = (nearer_is_neg ? end_neg : end_pos) < 0.0;
  float edge_offset = centre_below != end_below ? 0.5 - nearest / (dist_neg + dist_pos) : 0.0;

  float average = (2.0 * (n + s + w + e) + nw + ne + sw + se) / 12.0;
  float subpixel = smoothstep(0.0, 1.0, clamp(abs(average - m) / range, 0.0, 1.0));
  float subpixel_offset = subpixel * subpixel * kSubpixelAmount;

  float offset = max(edge_offset, subpixel_offset);
  vec3 color = textureLod(ldr, uv + offset * across, 0.0).rgb;
  out_color = vec4(for_target(color, encode), 1.0);
}
