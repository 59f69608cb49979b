#pragma once
// Retargeting: a clip made for one skeleton, played on another.
//
// Joints are paired by name (the same name on both sides) or by an explicit
// map from source names to target names. For each pair the rotation is
// transferred relative to the rest poses:
//   target = target_rest * inverse(source_rest) * source
// so a joint that does not move in the source stays in the target's own rest
// orientation, and bones keep the target's lengths. Translation keys are kept
// only for the root (the first mapped source joint without a mapped ancestor),
// as an offset from the rest position scaled by the ratio of hip heights
// (target / source), so a smaller character takes smaller steps. Scale keys
// transfer as a ratio to the source rest scale.
#include <string>
#include <utility>
#include <vector>

#include "kagami/anim/clip.h"

namespace kagami::anim {

// Source joint name -> target joint name.
using JointNameMap = std::vector<std::pair<std::string, std::string>>;

// Height of the root above the lowest joint in the rest pose (the feet for a
// humanoid): the scale of a character's stride.
float hip_height(const Skeleton& skeleton);

// Pairs joints by identical names; fails when no name matches.
Result<JointNameMap> match_joints_by_name(const Skeleton& source, const Skeleton& target);

// The clip re-expressed for `target`. Every name in `map` must exist on its
// side and each target joint may appear once; channels of source joints not
// in the map are dropped, target joints not in the map keep their rest pose.
// Errors start with `source_name`.
Result<Clip> retarget(const Clip& clip, const Skeleton& source, const Skeleton& target, const JointNameMap& map,
                      std::string_view source_name);

}  // namespace kagami::anim
