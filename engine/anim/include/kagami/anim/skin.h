#pragma once
// Skinning data: what a skinned mesh carries per vertex, and the contract with
// the GPU skinning that reads it.
//
// Per vertex (a stream beside positions/normals, same vertex count):
//   VertexSkin { u16vec4 joints; vec4 weights; }   24 bytes, std430-friendly
//   joints index the skeleton's joints (skeleton.h); weights are >= 0, sum to
//   1, sorted largest first; unused slots have weight 0 and joint 0.
//   The vertex shader (or a compute pre-pass) reads it as
//   layout(location = N) in uvec4 joints (VK_FORMAT_R16G16B16A16_UINT) and
//   in vec4 weights (VK_FORMAT_R32G32B32A32_SFLOAT).
//
// Per instance (one character drawn once):
//   the joint matrices of skinning_matrices() (pose.h), skeleton.size() mat4s,
//   column-major, written each frame into one storage buffer shared by all
//   instances; an instance finds its block through a base offset (push
//   constant or instance data): joint_matrices[base + joints[k]].
//   position = sum_k weights[k] * (joint_matrices[base + joints[k]] * vec4(p, 1))
//   normal   = the same with w = 0 (renormalised; joint matrices carry no
//              non-uniform scale in our skeletons, so no inverse transpose).
//   Because skinning matrices already include the model-space placement of the
//   joints, the instance's world matrix is applied after skinning, as for a
//   rigid mesh. Shadow passes run the same skinning so shadows match.
#include <cstdint>
#include <span>

#include "kagami/core/math.h"

namespace kagami::anim {

inline constexpr int kMaxInfluences = 4;

struct VertexSkin {
  glm::u16vec4 joints{0};
  glm::vec4 weights{0.0f};
};
static_assert(sizeof(VertexSkin) == 24, "VertexSkin is a GPU vertex stream: keep it packed");

struct Influence {
  std::uint32_t joint = 0;
  float weight = 0.0f;
};

// Keeps the kMaxInfluences largest positive, finite weights (ties: lower joint
// index first, so the result is deterministic), renormalised to sum 1. A vertex
// with no usable weight gets joint `fallback_joint` at weight 1, so it follows
// that joint instead of collapsing to the origin. `influences` is reordered.
VertexSkin pack_influences(std::span<Influence> influences, std::uint32_t fallback_joint);

}  // namespace kagami::anim
