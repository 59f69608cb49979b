#pragma once
// Poses are spans of local Transforms, one per joint, owned by the caller (a
// std::vector sized once per character). From a local pose come model-space
// matrices (one pass, parents first) and skinning matrices for the GPU.
#include <span>

#include "kagami/anim/skeleton.h"
#include "kagami/anim/transform.h"

namespace kagami::anim {

// Every joint's rest transform.
void rest_pose(const Skeleton& skeleton, std::span<Transform> pose);

// model[i] = model[parent] * local[i] (roots: local[i]). Needs a validated
// skeleton (parents first); all spans have skeleton.size() entries.
void local_to_model(const Skeleton& skeleton, std::span<const Transform> local, std::span<glm::mat4> model);

// skin[i] = model[i] * inverse_bind[i]: takes a bind-pose vertex to its posed
// position in model space. These are what the GPU skinning reads (skin.h).
void skinning_matrices(const Skeleton& skeleton, std::span<const glm::mat4> model, std::span<glm::mat4> skin);

}  // namespace kagami::anim
