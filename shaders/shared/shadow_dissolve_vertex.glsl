// The vertex shader of dissolving shadow casters (shadow_dissolve.vert and
// shadow_dissolve_skinned.vert, which defines KAGAMI_SHADOW_SKINNED). Unlike
// the solid casters' shadow.vert, DrawPush::model is the draw's world matrix
// alone and the view's matrix is read from the pass's view list (index in
// DrawPush::emissive.z): the fragment shader needs the world position, which
// the scene-wide dissolve is cut by, as well as the object position.
#include "shared/types.h"
#ifdef KAGAMI_SHADOW_SKINNED
#define KAGAMI_JOINT_SET 0
#define KAGAMI_JOINT_BINDING 0
#include "shared/skinning.glsl"
#endif

layout(location = 0) in vec3 in_position;
layout(push_constant, std430) uniform Push { DrawPush draw; };
layout(set = 0, binding = 1, std430) readonly buffer Views { mat4 view_proj[]; };

layout(location = 0) out vec3 out_object_position;  // the bind pose for a skinned caster, as mesh_skinned.vert
layout(location = 1) out vec3 out_world_position;

void main() {
  out_object_position = in_position;
#ifdef KAGAMI_SHADOW_SKINNED
  vec4 world = draw.model * (skin_matrix(draw.emissive.w) * vec4(in_position, 1.0));
#else
  vec4 world = draw.model * vec4(in_position, 1.0);
#endif
  out_world_position = world.xyz;
  gl_Position = view_proj[uint(draw.emissive.z + 0.5)] * world;
}
