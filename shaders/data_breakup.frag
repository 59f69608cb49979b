#version 450
// The image breaking up into data (Act 2 -> Act 3, "fx.data_breakup"): the
// screen splits into blocks that, as the amount rises, shift, freeze into
// one colour, drift towards teal, get glowing teal outlines and finally drop
// out to black. push.params: x amount (0..1), y time (s). Which blocks break
// is a seeded hash of the block (and of a 12 Hz flicker), so it is a pure
// function of amount and time.
#include "post/common.glsl"
#include "shared/snow_field.h"

layout(set = 0, binding = 1) uniform sampler2D source;
layout(location = 0) out vec4 out_color;

const vec3 kTeal = vec3(0.1, 0.95, 0.85);

void main() {
  float amount = clamp(push.params.x, 0.0, 1.0);
  vec2 size = post.target_size.xy;
  vec2 pixel = in_uv * size;
  // Blocks about 1/24 of the image height, split in four where a hash says so.
  float block = max(floor(size.y / 24.0), 4.0);
  uvec2 big = uvec2(pixel / block);
  uint flicker = uint(floor(push.params.y * 12.0));
  if (fx_random(fx_hash3(big.x, big.y, 0xB10Cu), 0u) < 0.4) block *= 0.5;
  uvec2 cell = uvec2(pixel / block);
  uint h = fx_hash3(cell.x, cell.y, 0xDA7Au);
  float order = fx_random(h, 0u);  // when this block breaks: 0 first .. 1 last
  // Flicker: a broken block sometimes flashes back to the image for a frame.
  float jitter = fx_random(fx_hash3(cell.x, cell.y, flicker), 1u);
  float broken = step(order, amount * 1.25 - 0.1 * jitter);
  vec3 image = texture(source, in_uv).rgb;
  if (broken < 0.5) {
    // Unbroken rows still tear sideways a little as the break-up starts.
    uint row = uint(pixel.y / 3.0);
    float tear = fx_random(fx_hash3(row, flicker, 0x7EA2u), 2u);
    float shift = tear > 1.0 - 0.2 * amount ? (tear - 0.5) * 40.0 * amount : 0.0;
    out_color = vec4(texture(source, (pixel + vec2(shift, 0.0)) / size).rgb, 1.0);
    return;
  }
  // A broken block: displaced, frozen to the colour at its displaced centre, tinted teal.
  vec2 offset = (vec2(fx_random(h, 3u), fx_random(h, 4u)) - 0.5) * block * 6.0 * amount;
  vec2 centre = (vec2(cell) + 0.5) * block + offset;
  vec3 frozen = texture(source, clamp(centre / size, vec2(0.0), vec2(1.0))).rgb;
  float luminance = dot(frozen, vec3(0.2126, 0.7152, 0.0722));
  vec3 data = mix(frozen, kTeal * luminance * 1.5, amount);
  // Dropping out: the later a block broke, the longer it stays lit.
  float fade = clamp((amount * 1.5 - order) * 2.0, 0.0, 1.0);  // every block black at 1
  data *= 1.0 - fade;
  vec2 in_block = pixel - vec2(cell) * block;
  float edge_distance = min(min(in_block.x, block - in_block.x), min(in_block.y, block - in_block.y));
  float edge = 1.0 - smoothstep(0.5, 1.5, edge_distance);
  float glow = edge * (1.0 - amount) * 4.0 * (0.5 + fx_random(h, 5u));
  out_color = vec4(data + kTeal * glow, 1.0);
}
