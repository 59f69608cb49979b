#version 450
// shadow_skinned.vert for dissolving casters: see shared/shadow_dissolve_vertex.glsl.
#define KAGAMI_SHADOW_SKINNED
#include "shared/shadow_dissolve_vertex.glsl"
