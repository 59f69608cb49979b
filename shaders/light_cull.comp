#version 450
// Clustered light culling: one invocation per froxel writes the indices of the
// lights that can reach it (sphere against the froxel's view-space box, then
// cone against the box's bounding sphere), as engine/core/light_clusters.cpp.
#include "shared/types.h"

layout(local_size_x = KAGAMI_CLUSTER_GROUP) in;

layout(set = 0, binding = 0, std430) readonly buffer View { ViewUniforms view; };
layout(set = 0, binding = 1, std430) readonly buffer Lights { GpuLight lights[]; };
layout(set = 0, binding = 2, std430) buffer Clusters { uint cluster_data[]; };

#include "lighting/clusters.glsl"

bool light_touches_box(GpuLight light, vec3 box_min, vec3 box_max) {
  vec3 position = (view.view * vec4(light.position_range.xyz, 1.0)).xyz;
  float range = light.position_range.w;
  vec3 d = clamp(position, box_min, box_max) - position;
  if (dot(d, d) > range * range) return false;
  float cos_outer = light.direction_cos.w;
  if (cos_outer <= -1.0) return true;
  vec3 direction = mat3(view.view) * light.direction_cos.xyz;
  vec3 center = 0.5 * (box_min + box_max);
  float radius = 0.5 * length(box_max - box_min);
  vec3 v = center - position;
  float along = dot(v, direction);
  float across = sqrt(max(dot(v, v) - along * along, 0.0));
  float side_distance = cos_outer * across - along * light.spot.y;
  return !(side_distance > radius || along < -radius || along > range + radius);
}

// Strength over squared distance to the box (at least 1 m): light_clusters.cpp's light_importance().
float light_importance(GpuLight light, vec3 box_min, vec3 box_max) {
  vec3 position = (view.view * vec4(light.position_range.xyz, 1.0)).xyz;
  vec3 d = clamp(position, box_min, box_max) - position;
  vec3 c = light.color_type.rgb;
  return max(c.r, max(c.g, c.b)) / max(dot(d, d), 1.0);
}

void main() {
  uint index = gl_GlobalInvocationID.x;
  if (index >= uint(KAGAMI_CLUSTER_COUNT)) return;
  uvec3 c = uvec3(index % kClusterDims.x, (index / kClusterDims.x) % kClusterDims.y,
                  index / (kClusterDims.x * kClusterDims.y));
  float depths[2] = float[2](slice_depth(c.z), slice_depth(c.z + 1u));
  vec2 ndc_min = -1.0 + 2.0 * vec2(c.xy) / vec2(kClusterDims.xy);
  vec2 ndc_max = -1.0 + 2.0 * vec2(c.xy + 1u) / vec2(kClusterDims.xy);
  vec3 box_min = vec3(1e30), box_max = vec3(-1e30);
  for (int i = 0; i < 2; ++i)
    for (int corner = 0; corner < 4; ++corner) {
      float d = depths[i];
      vec2 ndc = vec2((corner & 1) != 0 ? ndc_max.x : ndc_min.x, (corner & 2) != 0 ? ndc_max.y : ndc_min.y);
      vec3 p = vec3(ndc.x * d * view.cluster_params.z, -ndc.y * d * view.cluster_params.w, -d);
      box_min = min(box_min, p);
      box_max = max(box_max, p);
    }

  // A full cluster keeps its most important lights, as assign_lights() does:
  // a newcomer replaces the least important kept light when it matters more.
  uint base = index * uint(KAGAMI_CLUSTER_STRIDE);
  uint count = 0u;
  for (uint i = 0u; i < view.light_info.x; ++i) {
    if (!light_touches_box(lights[i], box_min, box_max)) continue;
    if (count < uint(KAGAMI_MAX_CLUSTER_LIGHTS)) {
      cluster_data[base + 1u + count++] = i;
      continue;
    }
    uint weakest = 0u;
    float weakest_importance = 1e38;
    for (uint k = 0u; k < count; ++k) {
      float importance = light_importance(lights[cluster_data[base + 1u + k]], box_min, box_max);
      if (importance < weakest_importance) {
        weakest_importance = importance;
        weakest = k;
      }
    }
    if (light_importance(lights[i], box_min, box_max) > weakest_importance) cluster_data[base + 1u + weakest] = i;
  }
  cluster_data[base] = count;
}
