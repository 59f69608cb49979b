#version 450
#include "shared/editor_types.h"

layout(push_constant, std430) uniform Push { IdPush id; };
layout(location = 0) out uint out_entity;

void main() { out_entity = id.entity; }
