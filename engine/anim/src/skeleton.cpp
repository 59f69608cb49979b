#include "kagami/anim/skeleton.h"

#include <cmath>
#include <unordered_map>

namespace kagami::anim {
namespace {

bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

std::string joint_label(const Skeleton& s, std::size_t i) {
  return s.joints[i].name.empty() ? cat("joint ", i) : cat("joint ", i, " \"", s.joints[i].name, "\"");
}

}  // namespace

std::optional<std::uint32_t> Skeleton::find(std::string_view name) const {
  for (std::size_t i = 0; i < joints.size(); ++i)
    if (joints[i].name == name) return std::uint32_t(i);
  return std::nullopt;
}

Result<void> validate(const Skeleton& s, std::string_view source) {
  if (s.joints.size() > kMaxJoints)
    return make_error(source, ": the skeleton has ", s.joints.size(), " joints, over the limit of ", kMaxJoints);
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t i = 0; i < s.joints.size(); ++i) {
    const Joint& j = s.joints[i];
    if (j.name.empty()) return make_error(source, ": joint ", i, " has no name");
    if (auto [it, inserted] = seen.emplace(j.name, i); !inserted)
      return make_error(source, ": joints ", it->second, " and ", i, " are both named \"", j.name, "\"");
    if (j.parent != kNoParent) {
      if (j.parent < 0 || std::size_t(j.parent) >= s.joints.size())
        return make_error(source, ": ", joint_label(s, i), " has parent index ", j.parent, ", which does not exist (",
                          s.joints.size(), " joints)");
      if (std::size_t(j.parent) == i)
        return make_error(source, ": ", joint_label(s, i), " is its own parent");
      if (std::size_t(j.parent) > i)
        return make_error(source, ": ", joint_label(s, i), " comes before its parent ", joint_label(s, j.parent),
                          " (parents must come first; a cycle also breaks this)");
    }
    const glm::quat& q = j.rest.rotation;
    const float len = std::sqrt(glm::dot(q, q));
    if (!finite(j.rest.translation) || !finite(j.rest.scale) || !std::isfinite(len) || std::abs(len - 1.0f) > 1e-3f)
      return make_error(source, ": ", joint_label(s, i), " has a rest transform that is not finite or not a unit rotation");
    for (int c = 0; c < 4; ++c)
      if (!finite(glm::vec3(j.inverse_bind[c])) || !std::isfinite(j.inverse_bind[c].w))
        return make_error(source, ": ", joint_label(s, i), " has an inverse bind matrix that is not finite");
  }
  return {};
}

Result<Skeleton> sort_parents_first(const Skeleton& in, std::string_view source, std::vector<std::uint32_t>* order) {
  const std::size_t n = in.joints.size();
  std::vector<std::vector<std::uint32_t>> children(n);
  std::vector<std::uint32_t> roots;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t p = in.joints[i].parent;
    if (p == kNoParent) {
      roots.push_back(std::uint32_t(i));
    } else if (p < 0 || std::size_t(p) >= n) {
      return make_error(source, ": ", joint_label(in, i), " has parent index ", p, ", which does not exist (", n,
                        " joints)");
    } else {
      children[std::size_t(p)].push_back(std::uint32_t(i));
    }
  }
  // Breadth-first from the roots: a joint is placed after its parent. Joints
  // never reached sit on a cycle (every joint has one parent, so a joint not
  // descending from a root must loop back on itself).
  std::vector<std::uint32_t> sequence = roots;
  for (std::size_t at = 0; at < sequence.size(); ++at)
    for (std::uint32_t c : children[sequence[at]]) sequence.push_back(c);
  if (sequence.size() != n) {
    std::vector<bool> placed(n, false);
    for (std::uint32_t i : sequence) placed[i] = true;
    for (std::size_t i = 0; i < n; ++i)
      if (!placed[i]) return make_error(source, ": ", joint_label(in, i), " is part of a parent cycle");
  }
  std::vector<std::int32_t> new_index(n);
  for (std::size_t k = 0; k < n; ++k) new_index[sequence[k]] = std::int32_t(k);
  Skeleton out;
  out.joints.reserve(n);
  for (std::uint32_t old : sequence) {
    Joint j = in.joints[old];
    if (j.parent != kNoParent) j.parent = new_index[std::size_t(j.parent)];
    out.joints.push_back(std::move(j));
  }
  if (order) *order = std::move(sequence);
  return out;
}

}  // namespace kagami::anim
