#pragma once
// Quads and cubes for test scenes, and the small scene the lighting tests
// light: a grey 40 m ground square and, optionally, a cube floating above it.
#include <cstdint>

#include "kagami/asset/model.h"

namespace kagami::testing {

// A quad of two triangles around `center`, spanning +-u and +-v, facing u x v.
inline void add_face(asset::MeshData& mesh, glm::vec3 center, glm::vec3 u, glm::vec3 v) {
  const glm::vec3 normal = glm::normalize(glm::cross(u, v));
  const auto first = std::uint32_t(mesh.positions.size());
  const glm::vec2 uvs[4] = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
  const glm::vec3 corners[4] = {center - u - v, center + u - v, center + u + v, center - u + v};
  for (int i = 0; i < 4; ++i) {
    mesh.positions.push_back(corners[i]);
    mesh.normals.push_back(normal);
    mesh.uv0.push_back(uvs[i]);
    mesh.bounds.extend(corners[i]);
  }
  for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) mesh.indices.push_back(first + i);
}

// The six faces of the box from `lo` to `hi`, facing out.
inline void add_box(asset::MeshData& mesh, glm::vec3 lo, glm::vec3 hi) {
  const glm::vec3 c = (lo + hi) * 0.5f, half = (hi - lo) * 0.5f;
  for (int axis = 0; axis < 3; ++axis)
    for (float side : {-1.0f, 1.0f}) {
      glm::vec3 n(0.0f), u(0.0f), v(0.0f);
      n[axis] = side * half[axis];
      u[(axis + 1) % 3] = half[(axis + 1) % 3];
      v[(axis + 2) % 3] = side * half[(axis + 2) % 3];
      add_face(mesh, c + n, u, v);
    }
}

// The six faces of a 2 m cube centred on `c`, facing out.
inline void add_cube(asset::MeshData& mesh, glm::vec3 c) { add_box(mesh, c - 1.0f, c + 1.0f); }

// The rough grey the test scenes are made of.
inline asset::MaterialData grey_material() {
  asset::MaterialData grey;
  grey.base_color_factor = glm::vec4(0.6f, 0.6f, 0.6f, 1.0f);
  grey.metallic_factor = 0.0f;
  grey.roughness_factor = 0.9f;
  return grey;
}

// A grey 40 m ground square at y = 0 and, when `occluder`, a 2 m cube floating
// with its bottom 2 m above the ground's centre.
inline asset::ModelData test_scene(bool occluder) {
  asset::ModelData model;
  model.materials.push_back(grey_material());
  asset::MeshData ground;
  add_face(ground, {0, 0, 0}, {20, 0, 0}, {0, 0, -20});
  model.meshes.push_back(ground);
  if (occluder) {
    asset::MeshData cube;
    add_cube(cube, {0, 3, 0});
    model.meshes.push_back(cube);
  }
  for (std::uint32_t m = 0; m < model.meshes.size(); ++m) {
    model.instances.push_back({m, glm::mat4(1.0f), "node"});
    model.bounds.extend(model.meshes[m].bounds.min);
    model.bounds.extend(model.meshes[m].bounds.max);
  }
  return model;
}

}  // namespace kagami::testing
