// Filmic tonemapping (AgX) and display-referred colour grading, shared by
// tonemap.frag and CPU code (tests, tools that preview a curve).
//
// Why AgX rather than a fitted ACES: the film's lights are saturated neon and
// cyan grids. A per-channel curve like fitted ACES skews bright saturated
// colours (blue towards purple, red towards orange-yellow) and clips them to
// flat primaries; AgX compresses in a slightly desaturated "inset" space so
// very bright lights bloom towards white the way film does, while mid-tones
// keep their hue. Its default curve also maps scene mid-grey 0.18 to display
// ~0.5, so exposure settings mean what a photographer expects.
#ifndef KAGAMI_SHADER_TONEMAP_H
#define KAGAMI_SHADER_TONEMAP_H

#include "shading_lang.h"

#ifdef __cplusplus
namespace kagami::shader {
#endif

// AgX works on log2 exposure between these stops around mid-grey (16.5 stops).
const float kAgxMinEv = -12.47393f;
const float kAgxMaxEv = 4.026069f;

// The inset ("AgX base") primaries for Rec.709 input, columns as in GLSL.
KAGAMI_FN mat3 agx_inset() {
  return mat3(0.842479062253094f, 0.0423282422610123f, 0.0423756549057051f,
              0.0784335999999992f, 0.878468636469772f, 0.0784336f,
              0.0792237451477643f, 0.0791661274605434f, 0.879142973793104f);
}

KAGAMI_FN mat3 agx_outset() {
  return mat3(1.19687900512017f, -0.0528968517574562f, -0.0529716355144438f,
              -0.0980208811401368f, 1.15190312990417f, -0.0980434501171241f,
              -0.0990297440797205f, -0.0989611768448433f, 1.15107367264116f);
}

// Polynomial fit of AgX's default sigmoid over the normalised log range [0, 1].
KAGAMI_FN float agx_sigmoid(float x) {
  float x2 = x * x;
  float x4 = x2 * x2;
  return 15.5f * x4 * x2 - 40.14f * x4 * x + 31.96f * x4 - 6.868f * x2 * x + 0.4298f * x2 + 0.1191f * x - 0.00232f;
}

KAGAMI_FN float agx_channel(float v) {
  float ev = clamp(log2(max(v, 1e-10f)), kAgxMinEv, kAgxMaxEv);
  return clamp(agx_sigmoid((ev - kAgxMinEv) / (kAgxMaxEv - kAgxMinEv)), 0.0f, 1.0f);
}

// Scene-linear Rec.709 -> display-encoded (power 2.2) Rec.709 in [0, 1],
// before the outset: grading works on this.
KAGAMI_FN vec3 agx_curve(vec3 linear) {
  vec3 inset = agx_inset() * max(linear, vec3(0.0f));
  return vec3(agx_channel(inset.x), agx_channel(inset.y), agx_channel(inset.z));
}

KAGAMI_FN vec3 agx_finish(vec3 curved) { return clamp(agx_outset() * curved, vec3(0.0f), vec3(1.0f)); }

KAGAMI_FN float rec709_luma(vec3 c) { return dot(c, vec3(0.2126f, 0.7152f, 0.0722f)); }

// Lift raises blacks, gain scales whites, gamma bends the mid-tones (> 1
// brightens), then saturation around the Rec.709 luma. Neutral: lift 0,
// gamma 1, gain 1, saturation 1.
KAGAMI_FN vec3 grade(vec3 display, vec3 lift, vec3 gamma, vec3 gain, float saturation) {
  vec3 c = gain * (display + lift * (vec3(1.0f) - display));
  c = pow(max(c, vec3(0.0f)), vec3(1.0f) / max(gamma, vec3(1e-3f)));
  float luma = rec709_luma(c);
  return max(vec3(luma) + saturation * (c - vec3(luma)), vec3(0.0f));
}

// The whole display transform with neutral grading: scene-linear -> display-encoded.
KAGAMI_FN vec3 agx_tonemap(vec3 linear) { return agx_finish(agx_curve(linear)); }

#ifdef __cplusplus
}  // namespace kagami::shader
#endif
#endif
