#version 450
#include "shared/editor_types.h"

layout(location = 0) in vec3 in_position;
layout(push_constant, std430) uniform Push { IdPush id; };

void main() { gl_Position = id.model_view_proj * vec4(in_position, 1.0); }
