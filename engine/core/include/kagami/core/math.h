#pragma once
// GLM configured for Vulkan: depth in [0,1], radians. The defines are set on
// the core target so every module sees the same configuration.
#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>

namespace kagami {

struct Aabb {
  glm::vec3 min{1e30f};
  glm::vec3 max{-1e30f};
  void extend(const glm::vec3& p) { min = glm::min(min, p); max = glm::max(max, p); }
  bool valid() const { return min.x <= max.x && min.y <= max.y && min.z <= max.z; }
  glm::vec3 center() const { return (min + max) * 0.5f; }
  glm::vec3 extent() const { return max - min; }
};

}  // namespace kagami
