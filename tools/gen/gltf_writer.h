#pragma once
// Writes a Model as glTF 2.0: <folder>/<id>.gltf (JSON) + <folder>/<id>.bin.
// One node, one mesh, one primitive per material; attributes POSITION, NORMAL,
// TEXCOORD_0 (float) and uint32 indices, each in its own buffer view. Output is a
// pure function of the Model, so the same model gives byte-identical files.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "kagami/core/result.h"
#include "mesh.h"

namespace kagami::gen {

struct WrittenFile {
  std::uintmax_t gltf_bytes = 0;
  std::uintmax_t bin_bytes = 0;
};

Result<WrittenFile> write_gltf(const Model& model, const std::filesystem::path& folder);

// A node of a multi-mesh file: mesh = index into the models given with it.
struct GltfNode {
  std::uint32_t mesh = 0;
  glm::vec3 translation{0.0f};
  glm::quat rotation{1, 0, 0, 0};
  glm::vec3 scale{1.0f};
};
// Writes <folder>/<name>.gltf/.bin holding every model once and one node per
// GltfNode (instancing by node), all under a root node with `root` as its
// transform. Used for whole-location previews.
Result<WrittenFile> write_gltf_scene(const std::vector<const Model*>& models, const std::vector<GltfNode>& nodes,
                                     const glm::mat4& root, const std::string& name,
                                     const std::filesystem::path& folder);

// A float as a JSON number with at most `decimals` decimals ("0.1", not
// "0.10000000149011612"), for hand-authored values such as colours.
double tidy(float value, int decimals = 4);

}  // namespace kagami::gen

namespace kagami::gen {

// A joint of a generated skeleton: its rest pose relative to its parent.
struct RigJoint {
  std::string name;
  int parent = -1;  // an earlier joint, or -1 for the root
  glm::vec3 translation{0.0f};
  glm::quat rotation{1, 0, 0, 0};
};

// Up to four influences of one vertex (glTF JOINTS_0 / WEIGHTS_0).
struct VertexWeights {
  glm::u16vec4 joints{0};
  glm::vec4 weights{0.0f};
};

// One animated property of one joint, linear keys (rotations as quaternions).
struct RigTrack {
  std::uint32_t joint = 0;
  bool rotation = true;  // false: translation
  std::vector<float> times;
  std::vector<glm::quat> rotations;     // when rotation
  std::vector<glm::vec3> translations;  // otherwise
};
struct RigAnimation {
  std::string name;
  std::vector<RigTrack> tracks;
};

// Writes <folder>/<name>.gltf/.bin: the skeleton as a node hierarchy with one
// skin over every joint (inverse binds from the rest pose), `model` (may be
// null: a clip library) as one skinned mesh node whose part i carries
// weights[i] (one per vertex), and the animations. Deterministic like write_gltf.
Result<WrittenFile> write_gltf_skinned(const Model* model, const std::vector<std::vector<VertexWeights>>& weights,
                                       const std::vector<RigJoint>& joints,
                                       const std::vector<RigAnimation>& animations, const std::string& name,
                                       const std::filesystem::path& folder);

}  // namespace kagami::gen
