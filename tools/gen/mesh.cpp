#include "mesh.h"

#include <cmath>

namespace kagami::gen {

std::uint32_t Mesh::vertex(const glm::vec3& p, const glm::vec3& n, const glm::vec2& uv) {
  positions.push_back(p);
  normals.push_back(n);
  uvs.push_back(uv);
  return std::uint32_t(positions.size() - 1);
}

void Mesh::triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  indices.insert(indices.end(), {a, b, c});
}

namespace {
// Face basis for planar uvs: u along the first edge, v across it in the face plane.
void face_uv_basis(const glm::vec3& n, const glm::vec3& edge, glm::vec3& u, glm::vec3& v) {
  u = glm::length(edge) > 1e-12f ? glm::normalize(edge) : glm::vec3(1, 0, 0);
  v = glm::cross(n, u);
}
}  // namespace

void Mesh::flat_triangle(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  glm::vec3 n = glm::cross(b - a, c - a);
  const float len = glm::length(n);
  if (len < 1e-12f) return;  // degenerate: nothing to see, and no normal to give it
  n /= len;
  glm::vec3 u, v;
  face_uv_basis(n, b - a, u, v);
  const auto i = vertex(a, n, {0, 0});
  vertex(b, n, {glm::dot(b - a, u), glm::dot(b - a, v)});
  vertex(c, n, {glm::dot(c - a, u), glm::dot(c - a, v)});
  triangle(i, i + 1, i + 2);
}

void Mesh::flat_quad(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c, const glm::vec3& d) {
  glm::vec3 n = glm::cross(c - a, d - b);
  const float len = glm::length(n);
  if (len < 1e-12f) return;
  n /= len;
  glm::vec3 u, v;
  face_uv_basis(n, b - a, u, v);
  const auto i = vertex(a, n, {0, 0});
  for (const glm::vec3& p : {b, c, d}) vertex(p, n, {glm::dot(p - a, u), glm::dot(p - a, v)});
  triangle(i, i + 1, i + 2);
  triangle(i, i + 2, i + 3);
}

void Mesh::append(const Mesh& other, const glm::mat4& xf) {
  const auto base = std::uint32_t(positions.size());
  const glm::mat3 linear(xf);
  const glm::mat3 normal_matrix = glm::transpose(glm::inverse(linear));
  const bool mirrored = glm::determinant(linear) < 0.0f;
  for (std::size_t i = 0; i < other.positions.size(); ++i) {
    positions.push_back(glm::vec3(xf * glm::vec4(other.positions[i], 1.0f)));
    const glm::vec3 n = normal_matrix * other.normals[i];
    const float len = glm::length(n);
    normals.push_back(len > 1e-20f ? n / len : glm::vec3(0, 1, 0));
    uvs.push_back(other.uvs[i]);
  }
  for (std::size_t i = 0; i + 2 < other.indices.size(); i += 3) {
    const std::uint32_t a = base + other.indices[i], b = base + other.indices[i + 1], c = base + other.indices[i + 2];
    if (mirrored) triangle(a, c, b);
    else triangle(a, b, c);
  }
}

Material matte(std::string name, glm::vec3 color, float roughness) {
  Material m;
  m.name = std::move(name);
  m.base_color = glm::vec4(color, 1.0f);
  m.roughness = roughness;
  return m;
}

Material metal(std::string name, glm::vec3 color, float roughness) {
  Material m = matte(std::move(name), color, roughness);
  m.metallic = 1.0f;
  return m;
}

Material glow(std::string name, glm::vec3 color, float strength) {
  Material m = matte(std::move(name), color, 0.5f);
  m.emissive = color;
  m.emissive_strength = strength;
  return m;
}

Mesh& Model::with(const Material& material) {
  for (std::size_t i = 0; i < materials.size(); ++i)
    if (materials[i].name == material.name) return parts[i];
  materials.push_back(material);
  parts.emplace_back();
  return parts.back();
}

std::size_t Model::triangle_count() const {
  std::size_t n = 0;
  for (const Mesh& m : parts) n += m.triangle_count();
  return n;
}

Aabb Model::bounds() const {
  Aabb box;
  for (const Mesh& m : parts)
    for (const glm::vec3& p : m.positions) box.extend(p);
  return box;
}

glm::mat4 trs(const glm::vec3& t, const glm::quat& r, const glm::vec3& s) {
  return glm::translate(glm::mat4(1.0f), t) * glm::mat4_cast(r) * glm::scale(glm::mat4(1.0f), s);
}

glm::quat yaw(float radians) { return glm::angleAxis(radians, glm::vec3(0, 1, 0)); }

}  // namespace kagami::gen
