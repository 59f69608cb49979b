#version 450
// 3x3 box blur from a sampled image into a storage image.
layout(local_size_x = 8, local_size_y = 8) in;
layout(set = 0, binding = 0) uniform sampler2D source;
layout(set = 0, binding = 1, rgba8) uniform writeonly image2D target;

void main() {
  ivec2 p = ivec2(gl_GlobalInvocationID.xy);
  ivec2 size = imageSize(target);
  if (p.x >= size.x || p.y >= size.y) return;
  vec4 sum = vec4(0.0);
  for (int y = -1; y <= 1; ++y)
    for (int x = -1; x <= 1; ++x) sum += texelFetch(source, clamp(p + ivec2(x, y), ivec2(0), size - 1), 0);
  imageStore(target, p, sum / 9.0);
}
