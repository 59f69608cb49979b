#version 450
// shadow.vert for dissolving casters: see shared/shadow_dissolve_vertex.glsl.
#include "shared/shadow_dissolve_vertex.glsl"
