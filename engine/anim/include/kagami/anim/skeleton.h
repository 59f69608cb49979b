#pragma once
// A skeleton: joints in an array where every parent comes before its children,
// so model-space transforms are one forward pass. Pure data; validate() is what
// makes an imported or generated skeleton safe for every other function here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kagami/anim/transform.h"
#include "kagami/core/result.h"

namespace kagami::anim {

inline constexpr std::int32_t kNoParent = -1;
// Joint indices travel to the GPU as 16-bit integers (see skin.h).
inline constexpr std::size_t kMaxJoints = 65535;

struct Joint {
  std::string name;                 // unique within the skeleton
  std::int32_t parent = kNoParent;  // index of an earlier joint, or kNoParent for a root
  Transform rest;                   // local transform of the rest (bind) pose
  glm::mat4 inverse_bind{1.0f};     // model space -> joint space at bind time
};

struct Skeleton {
  std::vector<Joint> joints;

  std::size_t size() const { return joints.size(); }
  bool empty() const { return joints.empty(); }
  // Index of the joint with this name, or nullopt. Linear: for setup, not per frame.
  std::optional<std::uint32_t> find(std::string_view name) const;
};

// Checks every rule the other functions rely on: at most kMaxJoints joints,
// names present and unique, each parent index either kNoParent or an earlier
// joint (which also rules out cycles), finite rest transforms with unit
// rotations, finite inverse binds. Messages start with `source`.
Result<void> validate(const Skeleton& skeleton, std::string_view source);

// Orders joints given in any order so that parents come first, remapping parent
// indices; `order` receives old index for each new index. A parent index out of
// range or a cycle is an Error naming the joint.
Result<Skeleton> sort_parents_first(const Skeleton& skeleton, std::string_view source,
                                    std::vector<std::uint32_t>* order = nullptr);

}  // namespace kagami::anim
