#pragma once
// The generator's in-memory geometry: an indexed triangle mesh (positions,
// normals, uv0, uint32 indices: what the glTF writer stores) and a Model, which
// is one reusable asset: a mesh split into one part per material.
#include <cstdint>
#include <string>
#include <deque>
#include <vector>

#include "kagami/core/math.h"

namespace kagami::gen {

struct Mesh {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;
  std::vector<glm::vec2> uvs;
  std::vector<std::uint32_t> indices;

  std::uint32_t vertex(const glm::vec3& p, const glm::vec3& n, const glm::vec2& uv);
  void triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c);
  // Faceted triangle/quad with their own vertices and the face normal; corners
  // counter-clockwise seen from the front. uv is planar in metres on the face.
  void flat_triangle(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);
  void flat_quad(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c, const glm::vec3& d);
  // Appends `other` transformed by `xf` (normals by its inverse transpose;
  // winding flipped for mirroring transforms so fronts stay fronts).
  void append(const Mesh& other, const glm::mat4& xf = glm::mat4(1.0f));

  std::size_t vertex_count() const { return positions.size(); }
  std::size_t triangle_count() const { return indices.size() / 3; }
  bool empty() const { return indices.empty(); }
};

// glTF metal-rough material. Emissive colour is kept in [0,1] (glTF's range) and
// anything brighter goes into emissive_strength (KHR_materials_emissive_strength).
struct Material {
  std::string name;
  glm::vec4 base_color{0.8f, 0.8f, 0.8f, 1.0f};
  float metallic = 0.0f;
  float roughness = 0.8f;
  glm::vec3 emissive{0.0f};
  float emissive_strength = 1.0f;
  bool double_sided = false;
};

Material matte(std::string name, glm::vec3 color, float roughness = 0.85f);
Material metal(std::string name, glm::vec3 color, float roughness = 0.45f);
// A surface that glows: base colour and emissive both `color`.
Material glow(std::string name, glm::vec3 color, float strength = 1.0f);

struct Model {
  std::string id;  // file stem: "<id>.gltf"
  std::vector<Material> materials;
  // parts[i] is drawn with materials[i]; a deque, so a Mesh& from with() stays
  // valid while later with() calls add parts.
  std::deque<Mesh> parts;

  explicit Model(std::string model_id) : id(std::move(model_id)) {}
  // The part drawn with `material` (matched by name), created on first use:
  // parts keep the order of first use, so output order never depends on a hash.
  Mesh& with(const Material& material);
  std::size_t triangle_count() const;
  Aabb bounds() const;
};

// Translation * rotation * scale, the order glTF nodes and placements use.
glm::mat4 trs(const glm::vec3& t, const glm::quat& r = glm::quat(1, 0, 0, 0), const glm::vec3& s = glm::vec3(1));
glm::quat yaw(float radians);  // rotation about +Y

}  // namespace kagami::gen
