// GPU skinning, the contract of engine/anim/include/kagami/anim/skin.h: up to
// four joints per vertex (vertex binding 1: anim::VertexSkin), their skinning
// matrices read from a storage buffer holding every skinned draw's matrices
// back to back; the draw's first matrix is DrawPush.emissive.w (an integer,
// exact in a float below 2^24). Include after shared/types.h, with
// KAGAMI_JOINT_SET / KAGAMI_JOINT_BINDING defined.
#ifndef KAGAMI_SKINNING_GLSL
#define KAGAMI_SKINNING_GLSL

layout(location = 3) in uvec4 in_joints;
layout(location = 4) in vec4 in_weights;

layout(set = KAGAMI_JOINT_SET, binding = KAGAMI_JOINT_BINDING, std430) readonly buffer JointMatrices {
  mat4 joint_matrices[];
};

// The weighted sum of the vertex's joint matrices: bind pose -> posed model space.
mat4 skin_matrix(float first_joint) {
  uint base = uint(first_joint + 0.5);
  return in_weights.x * joint_matrices[base + in_joints.x] + in_weights.y * joint_matrices[base + in_joints.y] +
         in_weights.z * joint_matrices[base + in_joints.z] + in_weights.w * joint_matrices[base + in_joints.w];
}

#endif
