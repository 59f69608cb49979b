#pragma once
// The cast's one shared humanoid skeleton (27 joints, rest pose a T-pose facing
// +Z, metres, +Y up) and smooth skin weights computed from it.
#include <cstdint>
#include <string_view>
#include <vector>

#include "gltf_writer.h"

namespace kagami::castgen {
using namespace ::kagami::gen;

// Joint indices of the shared skeleton (parents before children).
enum J : std::uint32_t {
  hips, spine, chest, neck, head,
  hair_l, hair_l_tip, hair_r, hair_r_tip, ponytail, ponytail_tip,
  shoulder_l, arm_l, forearm_l, hand_l,
  shoulder_r, arm_r, forearm_r, hand_r,
  leg_l, shin_l, foot_l, toe_l,
  leg_r, shin_r, foot_r, toe_r,
  kJointCount
};

const std::vector<RigJoint>& skeleton();
// Model-space rest position of each joint.
const std::vector<glm::vec3>& rest_positions();

// Up to four influences for a vertex at `p` that belongs to a piece bound to
// `joint`: the joint, its parent and its children (hair joints only for hair
// pieces) weighted by the inverse fourth power of the distance to each bone
// segment, so limbs bend smoothly across joints.
VertexWeights weigh(const glm::vec3& p, std::uint32_t joint);

}  // namespace kagami::castgen
