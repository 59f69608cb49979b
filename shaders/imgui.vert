#version 450
#include "shared/editor_types.h"

layout(location = 0) in vec2 in_position;
layout(location = 1) in vec2 in_uv;
layout(location = 2) in vec4 in_color;  // R8G8B8A8_UNORM: ImGui's sRGB colour

layout(push_constant, std430) uniform Push { UiPush ui; };

layout(location = 0) out vec4 out_color;
layout(location = 1) out vec2 out_uv;

void main() {
  vec4 color = in_color;
  // ImGui's colours are sRGB; an sRGB target would encode them a second time.
  if (ui.srgb_target != 0u) color.rgb = pow(color.rgb, vec3(2.2));
  out_color = color;
  out_uv = in_uv;
  gl_Position = vec4(in_position * ui.scale + ui.translate, 0.0, 1.0);
}
