#pragma once
// What the renderer and `kagami info` ask of a scene, in world space. Each query
// takes the world matrices from Scene::world_transforms() so a frame computes
// them once; the overloads without them compute their own.
//
// Pointers into the scene stay valid until the scene's entities change
// (add, remove, reparent) or the scene is destroyed.
#include <cstddef>
#include <span>
#include <vector>

#include "kagami/scene/scene.h"

namespace kagami::scene {

struct MeshInstance {
  EntityId entity = kNoEntity;
  const MeshComponent* mesh = nullptr;
  glm::mat4 world{1.0f};
};

struct WorldLight {
  EntityId entity = kNoEntity;
  LightType type = LightType::point;
  glm::vec3 position{0.0f};
  glm::vec3 direction{0.0f, 0.0f, -1.0f};  // unit; where the light points (the entity's -Z)
  glm::vec3 color{1.0f};
  float intensity = 1.0f;
  float range = 0.0f;
  float inner_cone = 0.0f;
  float outer_cone = 0.0f;
  bool shadows = false;
};

struct WorldCamera {
  EntityId entity = kNoEntity;
  const Entity* source = nullptr;
  glm::mat4 world{1.0f};  // camera to world, scale removed
  glm::mat4 view{1.0f};   // world to camera (inverse of world)
  glm::vec3 position{0.0f};
  glm::vec3 forward{0.0f, 0.0f, -1.0f};
  CameraComponent camera;
};

struct SceneCounts {
  std::size_t entities = 0;
  std::size_t roots = 0;
  std::size_t mesh_instances = 0;
  std::size_t point_lights = 0;
  std::size_t spot_lights = 0;
  std::size_t directional_lights = 0;
  std::size_t cameras = 0;
  std::size_t characters = 0;
  std::size_t emitters = 0;
  std::size_t assets = 0;
  std::size_t lights() const { return point_lights + spot_lights + directional_lights; }
};

std::vector<MeshInstance> mesh_instances(const Scene& scene, std::span<const glm::mat4> world);
std::vector<WorldLight> world_lights(const Scene& scene, std::span<const glm::mat4> world);
std::vector<WorldCamera> world_cameras(const Scene& scene, std::span<const glm::mat4> world);

std::vector<MeshInstance> mesh_instances(const Scene& scene);
std::vector<WorldLight> world_lights(const Scene& scene);
std::vector<WorldCamera> world_cameras(const Scene& scene);

// The camera entity named `name`, or the first camera when name is empty.
std::optional<WorldCamera> find_camera(const Scene& scene, std::string_view name = {});

SceneCounts count(const Scene& scene);

}  // namespace kagami::scene
