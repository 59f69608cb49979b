#pragma once
// Builds a character as pieces bound to joints of the shared skeleton: each
// shape is placed in model space (rest pose) with a material and a joint, and
// every vertex gets smooth weights from rig.h when the character is finished.
#include <cstdint>
#include <string>
#include <vector>

#include "mesh.h"
#include "rig.h"

namespace kagami::castgen {

class Body {
 public:
  explicit Body(std::string id) : model_(std::move(id)) {}

  // Appends `shape` transformed by `xf` to the part drawn with `material`,
  // bound to `joint`.
  void add(const Material& material, const Mesh& shape, const glm::mat4& xf, std::uint32_t joint);
  // A round limb from a to b (radii ra at a, rb at b).
  void limb(const Material& material, const glm::vec3& a, const glm::vec3& b, float ra, float rb,
            std::uint32_t joint, int segments = 8);
  // An ellipsoid centred at c with radii r.
  void ball(const Material& material, const glm::vec3& c, const glm::vec3& r, std::uint32_t joint,
            int segments = 10);
  // A box from its centre and half size, turned by `rotation`.
  void block(const Material& material, const glm::vec3& c, const glm::vec3& half, std::uint32_t joint,
             const glm::quat& rotation = {1, 0, 0, 0});

  const Model& model() const { return model_; }
  // One VertexWeights per vertex of each part, in part order.
  std::vector<std::vector<VertexWeights>> weights() const;

 private:
  Model model_;
  std::vector<std::vector<std::uint32_t>> owners_;  // per part, per vertex: the joint
};

// Rotation turning +Y onto `dir`.
glm::quat y_to(const glm::vec3& dir);

}  // namespace kagami::castgen
