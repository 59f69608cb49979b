#include "body.h"

#include <glm/gtx/quaternion.hpp>

#include "shapes.h"

namespace kagami::castgen {

glm::quat y_to(const glm::vec3& dir) { return glm::rotation(glm::vec3(0, 1, 0), glm::normalize(dir)); }

void Body::add(const Material& material, const Mesh& shape, const glm::mat4& xf, std::uint32_t joint) {
  Mesh& part = model_.with(material);
  std::size_t index = 0;
  while (&model_.parts[index] != &part) ++index;
  if (owners_.size() <= index) owners_.resize(index + 1);
  part.append(shape, xf);
  owners_[index].resize(part.vertex_count(), joint);
}

void Body::limb(const Material& material, const glm::vec3& a, const glm::vec3& b, float ra, float rb,
                std::uint32_t joint, int segments) {
  add(material, cylinder(ra, rb, glm::length(b - a), segments), trs(a, y_to(b - a)), joint);
}

void Body::ball(const Material& material, const glm::vec3& c, const glm::vec3& r, std::uint32_t joint,
                int segments) {
  add(material, sphere(1.0f, segments, segments / 2 + 2), trs(c, {1, 0, 0, 0}, r), joint);
}

void Body::block(const Material& material, const glm::vec3& c, const glm::vec3& half, std::uint32_t joint,
                 const glm::quat& rotation) {
  add(material, box_centered(half), trs(c, rotation), joint);
}

std::vector<std::vector<VertexWeights>> Body::weights() const {
  std::vector<std::vector<VertexWeights>> out(model_.parts.size());
  for (std::size_t i = 0; i < model_.parts.size(); ++i)
    for (std::size_t v = 0; v < model_.parts[i].vertex_count(); ++v)
      out[i].push_back(weigh(model_.parts[i].positions[v], owners_[i][v]));
  return out;
}

}  // namespace kagami::castgen
