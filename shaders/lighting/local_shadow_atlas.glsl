// Where a world point falls in the point/spot light shadow atlas (render/
// local_shadows.h): the light's view that covers it (a spot's one, or the
// point light's cube face, picked as kagami/core/local_shadows.h picks it),
// and the view's tile. Shared by surfaces (shadows.glsl: 3x3 filtered taps)
// and the fog's beams (light_scattering.glsl: one tap per ray sample); each
// brings the view matrices from its own block.
#ifndef KAGAMI_LOCAL_SHADOW_ATLAS_GLSL
#define KAGAMI_LOCAL_SHADOW_ATLAS_GLSL

const float kLocalShadowTileExtent = 1.0 / float(KAGAMI_LOCAL_SHADOW_TILES);  // one tile, in atlas uv

// The cube face of a direction from a point light: kagami::point_shadow_face.
int point_shadow_face(vec3 d) {
  vec3 a = abs(d);
  if (a.x >= a.y && a.x >= a.z) return d.x >= 0.0 ? 0 : 1;
  if (a.y >= a.z) return d.y >= 0.0 ? 2 : 3;
  return d.z >= 0.0 ? 4 : 5;
}

// The view of a shadowed `light` (spot.z >= 0) that sees `p`.
int local_shadow_view(GpuLight light, vec3 p) {
  bool point = light.color_type.w < 0.5;
  return int(light.spot.z) + (point ? point_shadow_face(p - light.position_range.xyz) : 0);
}

// Atlas uv of view `v`'s tile's corner.
vec2 local_shadow_tile(int v) {
  return vec2(v % KAGAMI_LOCAL_SHADOW_TILES, v / KAGAMI_LOCAL_SHADOW_TILES) * kLocalShadowTileExtent;
}

// `clip` (a point through its view's matrix) as xy: uv across the tile (0..1)
// and z: depth. False where the view says nothing (the point is unshadowed):
// behind the light, beyond its range, or outside a spot's map (a cone wider
// than one map covers); a point light's cube face covers its direction exactly.
bool local_shadow_coord(GpuLight light, vec4 clip, out vec3 coord) {
  coord = vec3(0.0);
  if (clip.w <= 0.0) return false;
  vec3 ndc = clip.xyz / clip.w;
  vec2 uv = ndc.xy * 0.5 + 0.5;
  bool point = light.color_type.w < 0.5;
  if (!point && (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0))))) return false;
  if (ndc.z > 1.0) return false;
  coord = vec3(clamp(uv, 0.0, 1.0), ndc.z);
  return true;
}

#endif
