#version 450
// Forward shading with a tangent-space normal map; see lighting/mesh_shading.glsl.
#define KAGAMI_NORMAL_MAP 1
#include "lighting/mesh_shading.glsl"
