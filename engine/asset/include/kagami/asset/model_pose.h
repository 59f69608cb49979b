#pragma once
// CPU skinning of a whole model into a posed, rigid copy: what offline views
// (the cast line-up) use to draw a skinned model through the rigid renderer.
// The formula is skin.h's: position = sum_k w_k * (skin[j_k] * p), normals the
// same with w = 0, renormalised.
#include <span>

#include "kagami/anim/clip.h"
#include "kagami/asset/model.h"
#include "kagami/core/result.h"

namespace kagami::asset {

// A copy of `model` with every skinned mesh's positions and normals posed by
// `skinning` (one matrix per skeleton joint, anim::skinning_matrices) and its
// skin stream dropped; rigid meshes and materials are copied unchanged. Bounds
// are recomputed. A matrix count that does not match the skeleton is an Error.
Result<ModelData> pose_model(const ModelData& model, std::span<const glm::mat4> skinning);

// `model` posed by `clip` at time `t` (looped), the clip's joints matched to
// the model's skeleton by index: both must come from the same skeleton (the
// cast's clip library and characters), checked by joint names.
Result<ModelData> pose_model(const ModelData& model, const anim::Skeleton& clip_skeleton, const anim::Clip& clip,
                             float t);

}  // namespace kagami::asset
