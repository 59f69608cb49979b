#version 450
#include "shared/text_types.h"

layout(location = 0) in vec2 in_position;
layout(location = 1) in vec2 in_uv;
layout(location = 2) in vec4 in_color;
layout(location = 3) in vec4 in_outline;
layout(push_constant, std430) uniform Push { TextPush text; };

layout(location = 0) out vec2 out_uv;
layout(location = 1) out vec4 out_color;
layout(location = 2) out vec4 out_outline;

void main() {
  // Pixels to clip space; Vulkan's clip space already has y down.
  gl_Position = vec4(in_position / text.target_size * 2.0 - 1.0, 0.0, 1.0);
  out_uv = in_uv;
  out_color = in_color;
  out_outline = in_outline;
}
