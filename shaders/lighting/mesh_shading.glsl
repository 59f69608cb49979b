// The body of mesh.frag and mesh_normal_map.frag (KAGAMI_NORMAL_MAP defined).
// Forward shading of glTF metal-rough materials: the sun with cascaded
// shadows, every point/spot light (the few picked for it shadowed) of this pixel's froxel (or every light,
// with clustering off), a hemisphere ambient and emission. Writes linear HDR
// radiance; exposure and tonemapping come after.
#include "shared/types.h"

layout(location = 0) in vec3 in_world_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec2 in_uv;
layout(location = 3) in vec3 in_object_position;

layout(set = 0, binding = 0, std430) readonly buffer View { ViewUniforms view; };
layout(set = 0, binding = 1) uniform sampler2D base_color_texture;
layout(set = 0, binding = 2) uniform sampler2D metal_rough_texture;  // G roughness, B metallic
layout(set = 0, binding = 3) uniform sampler2D normal_texture;       // tangent space
layout(set = 0, binding = 4) uniform sampler2D emissive_texture;
layout(set = 0, binding = 5) uniform sampler2DShadow shadow_atlas;
layout(set = 0, binding = 6, std430) readonly buffer Lights { GpuLight lights[]; };
layout(set = 0, binding = 7, std430) readonly buffer Clusters { uint cluster_data[]; };
layout(set = 0, binding = 9) uniform sampler2DShadow local_shadow_atlas;  // point and spot light shadows
layout(push_constant, std430) uniform Push { DrawPush draw; };

layout(location = 0) out vec4 out_color;

#include "lighting/brdf.glsl"
#include "lighting/clusters.glsl"
#include "lighting/punctual.glsl"
#include "lighting/shadows.glsl"
#include "shared/dissolve.glsl"
#include "shared/snow_cover.glsl"

const uint kFlagBlend = 1u;
// Missing maps are not sampled at all: on a CPU driver every texture fetch
// costs, and most of the locations' materials have only a base colour.
const uint kFlagMetalRoughMap = 4u;
const uint kFlagEmissiveMap = 8u;

// Tangent frame from screen-space derivatives of position and uv (no vertex
// tangents needed, mirrored uvs handled). Bitangent flipped to glTF's
// convention: uv origin top-left, normal-map green pointing up the image.
vec3 perturb_normal(vec3 n, vec3 p, vec2 uv, vec3 sampled) {
  vec3 dp1 = dFdx(p), dp2 = dFdy(p);
  vec2 duv1 = dFdx(uv), duv2 = dFdy(uv);
  vec3 dp2_perp = cross(dp2, n), dp1_perp = cross(n, dp1);
  vec3 t = dp2_perp * duv1.x + dp1_perp * duv2.x;
  vec3 b = dp2_perp * duv1.y + dp1_perp * duv2.y;
  float len2 = max(dot(t, t), dot(b, b));
  if (len2 < 1e-20) return n;  // no uv variation: nothing to perturb along
  float inv = inversesqrt(len2);
  vec3 m = sampled * 2.0 - 1.0;
  return normalize(mat3(t * inv, -b * inv, n) * m);
}

const vec3 kDataTeal = vec3(0.1, 0.95, 0.85);

// The data world's glow flowing: rings of brightness travelling outwards
// from the origin along the floor and up the columns, plus a slow breathing,
// a pure function of world position and time. 1 on average.
float data_pulse(vec3 p, float time, float strength) {
  float rings = sin(length(p.xz) * 0.15 - time * 2.5 + p.y * 0.3);
  float travelling = pow(0.5 + 0.5 * rings, 6.0) * 2.5;
  float breathing = 0.85 + 0.15 * sin(time * 1.3);
  return mix(1.0, 0.45 * breathing + travelling, strength);
}

// `geometric` is the surface's own normal (not normal-mapped), for the shadow's offset.
vec3 point_spot(Surface s, GpuLight light, vec3 geometric) {
  vec3 to_light = light.position_range.xyz - s.position;
  float d2 = max(dot(to_light, to_light), 1e-4);
  float d = sqrt(d2);
  vec3 l = to_light / d;
  // Inverse square inside the range window and the spot's cone.
  float attenuation = range_window(d, light.position_range.w) / d2 * spot_cone(light, -l);
  if (attenuation <= 0.0) return vec3(0.0);
  attenuation *= local_shadow(light, s.position, geometric, l, d);
  return shade_light(s, l, light.color_type.rgb * attenuation);
}

void main() {
  uint flags = uint(draw.material.w);
  vec4 base = texture(base_color_texture, in_uv) * draw.base_color_factor;
  if (draw.material.z >= 0.0 && base.a < draw.material.z) discard;

  vec3 n = normalize(in_normal);
  if (!gl_FrontFacing) n = -n;
#ifdef KAGAMI_NORMAL_MAP
  // A variant of its own rather than a branch: a CPU driver (lavapipe) runs
  // both sides of a branch under a mask, derivatives and fetch included.
  n = perturb_normal(n, in_world_position, in_uv, texture(normal_texture, in_uv).xyz);
#endif

  vec4 metal_rough = (flags & kFlagMetalRoughMap) != 0u ? texture(metal_rough_texture, in_uv) : vec4(1.0);
  float metallic = clamp(draw.material.x * metal_rough.b, 0.0, 1.0);
  float roughness = draw.material.y * metal_rough.g;
  // The effects (FrameEffects), each skipped whole when off: a uniform branch.
  vec3 effect_glow = vec3(0.0);
  if (view.ambient_ground.w > 0.0) {
    // Dissolving into data: world-space noise, biased so distant surfaces go first.
    float heat = scene_dissolve_heat(in_world_position, view.camera_position.xyz, view.ambient_ground.w);
    if (heat < 0.0) discard;
    base.rgb *= 1.0 - heat;
    effect_glow = kDataTeal * 8.0 * heat * heat;
  }
  if (draw.dissolve.x > 0.0) {
    // This draw alone dissolving (a character): object-space noise, so the
    // pattern stays on the body as it moves and the fragments the film emits
    // from the same noise (dissolve_emit.comp) leave from the burning edge.
    float heat = dissolve_heat_at(in_object_position, draw.dissolve);
    if (heat < 0.0) discard;
    base.rgb *= 1.0 - heat;
    effect_glow = max(effect_glow, kDataTeal * 8.0 * heat * heat);
  }
  if (view.ambient_sky.w > 0.0) {
    // Snow lying on upward faces: white, rough, not metal.
    vec4 cover = snow_cover(base.rgb, in_world_position, n, view.ambient_sky.w, vec2(0.0));
    base.rgb = cover.rgb;
    metallic *= 1.0 - cover.a;
    roughness = mix(roughness, 0.85, cover.a);
  }
  Surface s;
  s.position = in_world_position;
  s.normal = n;
  s.to_eye = normalize(view.camera_position.xyz - in_world_position);
  s.roughness = clamp(roughness, 0.045, 1.0);
  s.diffuse_color = base.rgb * (1.0 - metallic);
  s.f0 = mix(vec3(0.04), base.rgb, metallic);

  vec3 view_position = (view.view * vec4(in_world_position, 1.0)).xyz;
  vec3 l = -view.sun_direction.xyz;
  vec3 color = vec3(0.0);
  float sun_n_dot_l = dot(n, l);
  vec3 geometric = normalize(in_normal) * (gl_FrontFacing ? 1.0 : -1.0);
  if (sun_n_dot_l > 0.0 && any(greaterThan(view.sun_radiance.rgb, vec3(0.0))))
    color += shade_light(s, l, view.sun_radiance.rgb) * sun_shadow(in_world_position, geometric, sun_n_dot_l, -view_position.z);

  if (view.light_info.y != 0u) {
    uint base_index = cluster_index(cluster_of(view_position)) * uint(KAGAMI_CLUSTER_STRIDE);
    uint count = min(cluster_data[base_index], uint(KAGAMI_MAX_CLUSTER_LIGHTS));
    for (uint i = 0u; i < count; ++i) color += point_spot(s, lights[cluster_data[base_index + 1u + i]], geometric);
  } else {
    for (uint i = 0u; i < view.light_info.x; ++i) color += point_spot(s, lights[i], geometric);
  }

  // Directional lights beyond the sun (a moon): unshadowed, after the culled ones.
  for (uint i = 0u; i < view.light_info.z; ++i) {
    GpuLight light = lights[view.light_info.x + i];
    vec3 to_light = -light.direction_cos.xyz;
    if (dot(n, to_light) > 0.0) color += shade_light(s, to_light, light.color_type.rgb);
  }

  color += shade_ambient(s, view.ambient_sky.rgb, view.ambient_ground.rgb);
  vec3 emissive = draw.emissive.rgb;
  if ((flags & kFlagEmissiveMap) != 0u) emissive *= texture(emissive_texture, in_uv).rgb;
  if (view.sun_direction.w > 0.0) emissive *= data_pulse(in_world_position, view.sun_radiance.w, view.sun_direction.w);
  color += emissive + effect_glow;
  out_color = vec4(color, (flags & kFlagBlend) != 0u ? base.a : 1.0);
}
