#include "kagami/scene/components.h"

#include <algorithm>

namespace kagami::scene {

glm::mat4 Transform::matrix() const {
  glm::mat4 m = glm::mat4_cast(rotation);
  m[0] *= scale.x;
  m[1] *= scale.y;
  m[2] *= scale.z;
  m[3] = glm::vec4(translation, 1.0f);
  return m;
}

Transform Transform::from_matrix(const glm::mat4& m) {
  Transform t;
  t.translation = glm::vec3(m[3]);
  glm::vec3 x(m[0]), y(m[1]), z(m[2]);
  t.scale = {glm::length(x), glm::length(y), glm::length(z)};
  // A mirrored basis cannot be a rotation: put the reflection into scale.x.
  if (glm::dot(glm::cross(x, y), z) < 0.0f) t.scale.x = -t.scale.x;
  glm::mat3 basis(x / t.scale.x, y / t.scale.y, z / t.scale.z);
  t.rotation = glm::normalize(glm::quat_cast(basis));
  return t;
}

const std::vector<float>* EmitterComponent::param(std::string_view name) const {
  for (const auto& p : params)
    if (p.name == name) return &p.values;
  return nullptr;
}

float EmitterComponent::param_or(std::string_view name, float fallback) const {
  const auto* values = param(name);
  return values && !values->empty() ? values->front() : fallback;
}

glm::vec3 EmitterComponent::param_or(std::string_view name, glm::vec3 fallback) const {
  const auto* values = param(name);
  if (!values || values->empty()) return fallback;
  if (values->size() == 1) return glm::vec3((*values)[0]);
  glm::vec3 v = fallback;
  for (std::size_t i = 0; i < 3 && i < values->size(); ++i) v[int(i)] = (*values)[i];
  return v;
}

void EmitterComponent::set_param(std::string name, std::vector<float> values) {
  auto it = std::lower_bound(params.begin(), params.end(), name,
                             [](const EmitterParam& p, const std::string& n) { return p.name < n; });
  if (it != params.end() && it->name == name) it->values = std::move(values);
  else params.insert(it, EmitterParam{std::move(name), std::move(values)});
}

bool same_bounds(const std::optional<Aabb>& a, const std::optional<Aabb>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->min == b->min && a->max == b->max);
}

bool EmitterComponent::operator==(const EmitterComponent& o) const {
  return kind == o.kind && rate == o.rate && seed == o.seed && same_bounds(bounds, o.bounds) && params == o.params;
}

bool StreamingSettings::operator==(const StreamingSettings& o) const {
  return same_bounds(bounds, o.bounds) && priority == o.priority;
}

std::string_view to_string(LightType type) {
  switch (type) {
    case LightType::point: return "point";
    case LightType::spot: return "spot";
    case LightType::directional: return "directional";
  }
  return "?";
}

std::string_view to_string(EmitterKind kind) {
  switch (kind) {
    case EmitterKind::snow: return "snow";
    case EmitterKind::dissolve: return "dissolve";
    case EmitterKind::sparks: return "sparks";
  }
  return "?";
}

std::optional<LightType> light_type_from_string(std::string_view name) {
  for (auto t : {LightType::point, LightType::spot, LightType::directional})
    if (to_string(t) == name) return t;
  return std::nullopt;
}

std::optional<EmitterKind> emitter_kind_from_string(std::string_view name) {
  for (auto k : {EmitterKind::snow, EmitterKind::dissolve, EmitterKind::sparks})
    if (to_string(k) == name) return k;
  return std::nullopt;
}

}  // namespace kagami::scene
