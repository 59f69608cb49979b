#version 450
// Combines two graph textures side by side (left: a, right: b).
layout(location = 0) in vec2 in_uv;
layout(set = 0, binding = 0) uniform sampler2D a;
layout(set = 0, binding = 1) uniform sampler2D b;
layout(location = 0) out vec4 out_color;

void main() {
  out_color = in_uv.x < 0.5 ? texture(a, in_uv) : texture(b, in_uv);
}
