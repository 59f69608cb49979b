#include "kagami/anim/pose.h"

#include <cassert>

namespace kagami::anim {

void rest_pose(const Skeleton& skeleton, std::span<Transform> pose) {
  assert(pose.size() == skeleton.size());
  for (std::size_t i = 0; i < skeleton.joints.size(); ++i) pose[i] = skeleton.joints[i].rest;
}

void local_to_model(const Skeleton& skeleton, std::span<const Transform> local, std::span<glm::mat4> model) {
  assert(local.size() == skeleton.size() && model.size() == skeleton.size());
  for (std::size_t i = 0; i < skeleton.joints.size(); ++i) {
    const std::int32_t p = skeleton.joints[i].parent;
    assert(p < std::int32_t(i));
    model[i] = p == kNoParent ? to_matrix(local[i]) : model[std::size_t(p)] * to_matrix(local[i]);
  }
}

void skinning_matrices(const Skeleton& skeleton, std::span<const glm::mat4> model, std::span<glm::mat4> skin) {
  assert(model.size() == skeleton.size() && skin.size() == skeleton.size());
  for (std::size_t i = 0; i < skeleton.joints.size(); ++i) skin[i] = model[i] * skeleton.joints[i].inverse_bind;
}

}  // namespace kagami::anim
