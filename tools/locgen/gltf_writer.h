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

namespace kagami::locgen {

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

}  // namespace kagami::locgen
