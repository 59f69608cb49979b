#include "kagami/scene/queries.h"

#include <cassert>

namespace kagami::scene {
namespace {

// The rotation part of a world matrix with scale removed.
glm::mat3 orthonormal_basis(const glm::mat4& m) {
  glm::vec3 x = glm::normalize(glm::vec3(m[0]));
  glm::vec3 y = glm::normalize(glm::vec3(m[1]));
  glm::vec3 z = glm::normalize(glm::vec3(m[2]));
  return glm::mat3(x, y, z);
}

}  // namespace

std::vector<MeshInstance> mesh_instances(const Scene& scene, std::span<const glm::mat4> world) {
  assert(world.size() == scene.size());
  std::vector<MeshInstance> out;
  auto entities = scene.entities();
  for (std::size_t i = 0; i < entities.size(); ++i)
    if (entities[i].mesh) out.push_back({entities[i].id(), &*entities[i].mesh, world[i]});
  return out;
}

std::vector<WorldLight> world_lights(const Scene& scene, std::span<const glm::mat4> world) {
  assert(world.size() == scene.size());
  std::vector<WorldLight> out;
  auto entities = scene.entities();
  for (std::size_t i = 0; i < entities.size(); ++i) {
    if (!entities[i].light) continue;
    const LightComponent& l = *entities[i].light;
    WorldLight w;
    w.entity = entities[i].id();
    w.type = l.type;
    w.position = glm::vec3(world[i][3]);
    w.direction = glm::normalize(glm::mat3(world[i]) * glm::vec3(0.0f, 0.0f, -1.0f));
    w.color = l.color;
    w.intensity = l.intensity;
    w.range = l.range;
    w.inner_cone = l.inner_cone;
    w.outer_cone = l.outer_cone;
    w.shadows = l.shadows;
    out.push_back(w);
  }
  return out;
}

std::vector<WorldCamera> world_cameras(const Scene& scene, std::span<const glm::mat4> world) {
  assert(world.size() == scene.size());
  std::vector<WorldCamera> out;
  auto entities = scene.entities();
  for (std::size_t i = 0; i < entities.size(); ++i) {
    if (!entities[i].camera) continue;
    WorldCamera c;
    c.entity = entities[i].id();
    c.source = &entities[i];
    c.camera = *entities[i].camera;
    glm::mat3 basis = orthonormal_basis(world[i]);
    c.position = glm::vec3(world[i][3]);
    c.forward = -basis[2];
    c.world = glm::mat4(basis);
    c.world[3] = glm::vec4(c.position, 1.0f);
    // Inverse of a rotation + translation: transpose the rotation, rotate the translation back.
    glm::mat3 inverse_basis = glm::transpose(basis);
    c.view = glm::mat4(inverse_basis);
    c.view[3] = glm::vec4(-(inverse_basis * c.position), 1.0f);
    out.push_back(c);
  }
  return out;
}

std::vector<MeshInstance> mesh_instances(const Scene& scene) { return mesh_instances(scene, scene.world_transforms()); }
std::vector<WorldLight> world_lights(const Scene& scene) { return world_lights(scene, scene.world_transforms()); }
std::vector<WorldCamera> world_cameras(const Scene& scene) { return world_cameras(scene, scene.world_transforms()); }

std::optional<WorldCamera> find_camera(const Scene& scene, std::string_view name) {
  for (const WorldCamera& c : world_cameras(scene))
    if (name.empty() || c.source->name == name) return c;
  return std::nullopt;
}

SceneCounts count(const Scene& scene) {
  SceneCounts c;
  c.entities = scene.size();
  c.assets = scene.assets.size();
  for (const Entity& e : scene.entities()) {
    if (e.parent() == kNoEntity) ++c.roots;
    if (e.mesh) ++c.mesh_instances;
    if (e.light) {
      switch (e.light->type) {
        case LightType::point: ++c.point_lights; break;
        case LightType::spot: ++c.spot_lights; break;
        case LightType::directional: ++c.directional_lights; break;
      }
    }
    if (e.camera) ++c.cameras;
    if (e.character) ++c.characters;
    if (e.emitter) ++c.emitters;
  }
  return c;
}

}  // namespace kagami::scene
