#pragma once
// Shared by the skinning GPU tests and the skinned golden images: the cast's
// folder, a ground to catch shadows, and a character posed by one clip both
// as skinning matrices (for the GPU) and as a CPU-posed copy (pose_model).
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "kagami/anim/pose.h"
#include "kagami/asset/animation_import.h"
#include "kagami/asset/model_import.h"
#include "kagami/asset/model_pose.h"

namespace kagami::testing {

inline const std::filesystem::path kCast = std::filesystem::path(KAGAMI_SOURCE_DIR) / "assets" / "characters";

// A grey 12 m ground square at y = 0, to catch the character's shadow.
inline asset::ModelData ground() {
  asset::ModelData model;
  asset::MaterialData grey;
  grey.base_color_factor = glm::vec4(0.6f, 0.6f, 0.6f, 1.0f);
  grey.metallic_factor = 0.0f;
  grey.roughness_factor = 0.9f;
  model.materials.push_back(grey);
  asset::MeshData mesh;
  for (glm::vec2 c : {glm::vec2(-6, 6), glm::vec2(6, 6), glm::vec2(6, -6), glm::vec2(-6, -6)}) {
    mesh.positions.push_back({c.x, 0.0f, c.y});
    mesh.normals.push_back({0, 1, 0});
    mesh.uv0.push_back({0, 0});
    mesh.bounds.extend(mesh.positions.back());
  }
  mesh.indices = {0, 1, 2, 0, 2, 3};
  model.meshes.push_back(mesh);
  model.instances.push_back({0, glm::mat4(1.0f), "ground"});
  model.bounds = mesh.bounds;
  return model;
}

struct Posed {
  asset::ModelData model;                // unposed, with its skin
  std::vector<glm::mat4> skinning;       // one per joint
  asset::ModelData cpu;                  // posed on the CPU (pose_model)
};

inline Posed pose(const char* file, const char* clip_name, float t) {
  Posed p;
  auto library = asset::import_animation(kCast / "clips.gltf");
  EXPECT_TRUE(library.ok()) << library.error().message;
  auto model = asset::import_model(kCast / file);
  EXPECT_TRUE(model.ok()) << model.error().message;
  if (!library || !model) return p;
  p.model = std::move(*model);
  const anim::Clip* clip = nullptr;
  for (const anim::Clip& c : library->clips)
    if (c.name == clip_name) clip = &c;
  EXPECT_NE(clip, nullptr) << clip_name;
  if (!clip) return p;
  const std::size_t n = p.model.skeleton.size();
  std::vector<anim::Transform> local(n);
  std::vector<glm::mat4> world(n);
  p.skinning.resize(n);
  anim::rest_pose(p.model.skeleton, local);
  anim::sample_pose(p.model.skeleton, *clip, t, anim::Wrap::loop, local);
  anim::local_to_model(p.model.skeleton, local, world);
  anim::skinning_matrices(p.model.skeleton, world, p.skinning);
  auto cpu = asset::pose_model(p.model, p.skinning);
  EXPECT_TRUE(cpu.ok()) << cpu.error().message;
  if (cpu) p.cpu = std::move(*cpu);
  return p;
}

}  // namespace kagami::testing
