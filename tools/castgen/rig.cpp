#include "rig.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace kagami::castgen {

const std::vector<RigJoint>& skeleton() {
  static const std::vector<RigJoint> joints = [] {
    std::vector<RigJoint> j(kJointCount);
    auto set = [&](J index, const char* name, int parent, glm::vec3 t) { j[index] = {name, parent, t, {1, 0, 0, 0}}; };
    set(hips, "hips", -1, {0, 0.95f, 0});
    set(spine, "spine", hips, {0, 0.12f, 0});
    set(chest, "chest", spine, {0, 0.16f, 0});
    set(neck, "neck", chest, {0, 0.2f, 0});
    set(head, "head", neck, {0, 0.09f, 0});
    set(hair_l, "hair_l", head, {0.1f, 0.12f, -0.03f});
    set(hair_l_tip, "hair_l_tip", hair_l, {0.05f, -0.3f, -0.04f});
    set(hair_r, "hair_r", head, {-0.1f, 0.12f, -0.03f});
    set(hair_r_tip, "hair_r_tip", hair_r, {-0.05f, -0.3f, -0.04f});
    set(ponytail, "ponytail", head, {0, 0.1f, -0.11f});
    set(ponytail_tip, "ponytail_tip", ponytail, {0, -0.25f, -0.06f});
    for (int side = 0; side < 2; ++side) {
      const float s = side == 0 ? 1.0f : -1.0f;
      const bool l = side == 0;
      set(l ? shoulder_l : shoulder_r, l ? "shoulder_l" : "shoulder_r", chest, {s * 0.05f, 0.15f, 0});
      set(l ? arm_l : arm_r, l ? "arm_l" : "arm_r", l ? shoulder_l : shoulder_r, {s * 0.13f, 0, 0});
      set(l ? forearm_l : forearm_r, l ? "forearm_l" : "forearm_r", l ? arm_l : arm_r, {s * 0.26f, 0, 0});
      set(l ? hand_l : hand_r, l ? "hand_l" : "hand_r", l ? forearm_l : forearm_r, {s * 0.24f, 0, 0});
      set(l ? leg_l : leg_r, l ? "leg_l" : "leg_r", hips, {s * 0.09f, -0.05f, 0});
      set(l ? shin_l : shin_r, l ? "shin_l" : "shin_r", l ? leg_l : leg_r, {0, -0.42f, 0});
      set(l ? foot_l : foot_r, l ? "foot_l" : "foot_r", l ? shin_l : shin_r, {0, -0.42f, 0});
      set(l ? toe_l : toe_r, l ? "toe_l" : "toe_r", l ? foot_l : foot_r, {0, -0.04f, 0.12f});
    }
    return j;
  }();
  return joints;
}

const std::vector<glm::vec3>& rest_positions() {
  static const std::vector<glm::vec3> positions = [] {
    std::vector<glm::vec3> p(kJointCount);
    for (std::size_t i = 0; i < kJointCount; ++i) {
      const RigJoint& j = skeleton()[i];
      p[i] = j.translation + (j.parent >= 0 ? p[std::size_t(j.parent)] : glm::vec3(0));
    }
    return p;
  }();
  return positions;
}

namespace {

bool is_hair(std::uint32_t j) { return j >= hair_l && j <= ponytail_tip; }

// The bone of joint j: from it to its first child, or on along its own offset
// for an end joint.
std::pair<glm::vec3, glm::vec3> bone(std::uint32_t j) {
  const auto& p = rest_positions();
  for (std::uint32_t c = j + 1; c < kJointCount; ++c)
    if (skeleton()[c].parent == int(j) && !is_hair(c) && !(j == chest && c != neck)) return {p[j], p[c]};
  return {p[j], p[j] + skeleton()[j].translation * 0.5f};
}

float segment_distance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 ab = b - a;
  const float t = std::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-8f), 0.0f, 1.0f);
  return glm::length(p - (a + t * ab));
}

}  // namespace

VertexWeights weigh(const glm::vec3& p, std::uint32_t joint) {
  std::vector<std::uint32_t> candidates{joint};
  const int parent = skeleton()[joint].parent;
  if (parent >= 0 && !(is_hair(joint) == false && false)) candidates.push_back(std::uint32_t(parent));
  for (std::uint32_t c = 0; c < kJointCount; ++c)
    if (skeleton()[c].parent == int(joint) && (is_hair(joint) || !is_hair(c))) candidates.push_back(c);
  std::vector<std::pair<float, std::uint32_t>> w;
  for (std::uint32_t c : candidates) {
    const auto [a, b] = bone(c);
    const float d = segment_distance(p, a, b) + 0.02f;
    // The piece's own joint counts double, so a vertex never leaves its piece.
    w.emplace_back((c == joint ? 2.0f : 1.0f) / (d * d * d * d), c);
  }
  std::sort(w.begin(), w.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  VertexWeights out;
  float total = 0.0f;
  const std::size_t n = std::min<std::size_t>(4, w.size());
  for (std::size_t k = 0; k < n; ++k) total += w[k].first;
  for (std::size_t k = 0; k < n; ++k) {
    out.joints[int(k)] = std::uint16_t(w[k].second);
    out.weights[int(k)] = w[k].first / total;
  }
  return out;
}

}  // namespace kagami::castgen
