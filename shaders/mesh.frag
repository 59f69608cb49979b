#version 450
// Forward shading without a normal map; see lighting/mesh_shading.glsl.
#include "lighting/mesh_shading.glsl"
