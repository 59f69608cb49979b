#version 450
// Test pattern for render-graph GPU tests: a seeded colour field.
layout(local_size_x = 8, local_size_y = 8) in;
layout(set = 0, binding = 0, rgba8) uniform writeonly image2D target;
layout(push_constant) uniform Push { vec4 tint; } push;

void main() {
  ivec2 p = ivec2(gl_GlobalInvocationID.xy);
  ivec2 size = imageSize(target);
  if (p.x >= size.x || p.y >= size.y) return;
  vec2 uv = (vec2(p) + 0.5) / vec2(size);
  float checker = float(((p.x / 8) + (p.y / 8)) % 2);
  imageStore(target, p, vec4(uv * push.tint.xy, checker * push.tint.z, 1.0));
}
