// The froxel grid in GLSL: the same functions as engine/core/light_clusters.h
// (the reference the logic tests check), reading the grid from ViewUniforms.
// Needs `view` (ViewUniforms) declared before inclusion.
#ifndef KAGAMI_CLUSTERS_GLSL
#define KAGAMI_CLUSTERS_GLSL

const uvec3 kClusterDims = uvec3(KAGAMI_CLUSTER_X, KAGAMI_CLUSTER_Y, KAGAMI_CLUSTER_Z);

uint cluster_slice(float depth) {
  float near_plane = view.cluster_params.x, far_plane = view.cluster_params.y;
  float t = log(max(depth, near_plane) / near_plane) / log(far_plane / near_plane);
  return uint(clamp(floor(t * float(kClusterDims.z)), 0.0, float(kClusterDims.z - 1u)));
}

float slice_depth(uint slice) {
  float near_plane = view.cluster_params.x, far_plane = view.cluster_params.y;
  return near_plane * pow(far_plane / near_plane, float(slice) / float(kClusterDims.z));
}

uint cluster_tile(float ndc, uint n) { return uint(clamp(floor((ndc * 0.5 + 0.5) * float(n)), 0.0, float(n - 1u))); }

uvec3 cluster_of(vec3 view_position) {
  float depth = max(-view_position.z, 1e-6);
  float ndc_x = view_position.x / (depth * view.cluster_params.z);
  float ndc_y = -view_position.y / (depth * view.cluster_params.w);
  return uvec3(cluster_tile(ndc_x, kClusterDims.x), cluster_tile(ndc_y, kClusterDims.y), cluster_slice(depth));
}

uint cluster_index(uvec3 c) { return c.x + kClusterDims.x * (c.y + kClusterDims.y * c.z); }

#endif
