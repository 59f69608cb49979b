#pragma once
// Internal to the asset module: the pieces of the Assimp import shared between
// model_import.cpp (scene, meshes, nodes) and model_materials.cpp (materials,
// textures). Nothing here is visible outside the module.
#include <filesystem>
#include <set>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include <assimp/DefaultIOSystem.h>
#include <assimp/matrix4x4.h>

#include "kagami/asset/model.h"
#include "kagami/asset/model_import.h"
#include "kagami/core/result.h"

struct aiScene;

namespace kagami::asset::detail {

// aiMatrix4x4 is row-major (a1 a2 a3 a4 is the first row); glm is column-major.
inline glm::mat4 to_glm(const aiMatrix4x4& m) { return glm::transpose(glm::make_mat4(&m.a1)); }

// Assimp's file access, with our rules: read-only, regular files only, each file
// no larger than the limit. A refusal is recorded so the caller can report it
// instead of the importer's vaguer "could not open" message.
//
// Every stream handed out is tracked: Assimp 5.2's glTF2 importer leaks the
// buffer stream when it throws on a short buffer ("Invalid byteLength exceeds
// size of actual data"), so streams still open when the importer is done are
// closed here. Streams are wrapped, so one deleted directly by the importer
// (as glTF2 does) unregisters itself and is never closed twice.
class LimitedIOSystem final : public Assimp::DefaultIOSystem {
 public:
  explicit LimitedIOSystem(std::uintmax_t max_file_bytes) : max_file_bytes_(max_file_bytes) {}
  ~LimitedIOSystem() override;
  using Assimp::IOSystem::Open;
  Assimp::IOStream* Open(const char* file, const char* mode = "rb") override;
  void Close(Assimp::IOStream* stream) override;
  bool Exists(const char* file) const override;

  const std::vector<std::string>& refusals() const { return refusals_; }
  std::size_t open_streams() const { return open_.size(); }
  void forget(Assimp::IOStream* stream) { open_.erase(stream); }

 private:
  std::uintmax_t max_file_bytes_;
  std::vector<std::string> refusals_;
  std::set<Assimp::IOStream*> open_;
};

struct ImportContext {
  std::filesystem::path path;  // the model file
  std::string name;            // path.string(), starts every message
  ImportLimits limits;
  // import_animation: skeleton and clips only (BVH allowed, meshes ignored).
  bool animation_only = false;
  // Problems that do not stop the import; they end up in ModelData::warnings.
  mutable std::vector<std::string> warnings;
};

// Fills model.materials and model.images from the scene's materials, decoding
// every referenced texture (external file next to the model, or embedded).
Result<void> convert_materials(const aiScene& scene, const ImportContext& ctx, ModelData& model);

// Fills model.skeleton, model.clips and, when the meshes are converted (same
// order as scene.mMeshes), each skinned mesh's per-vertex skin. A scene with no
// bones and no animation leaves all three empty.
Result<void> convert_rig(const aiScene& scene, const ImportContext& ctx, ModelData& model, bool meshes_converted);

// The whole Assimp import and conversion, in this process.
Result<ModelData> import_in_process(const ImportContext& ctx);

// Runs `import` in a forked child process and returns what it produced. A child
// that crashes, is killed, or runs past ctx.limits.max_import_time becomes an
// Error naming the file; the calling process is never affected.
Result<ModelData> import_in_child_process(const ImportContext& ctx);

// The byte stream between the child and the parent. decode_import_result
// checks every length against the bytes it has; it never trusts the stream.
std::vector<std::uint8_t> encode_import_result(const Result<ModelData>& result);
Result<ModelData> decode_import_result(std::span<const std::uint8_t> bytes, std::string_view source_name);

}  // namespace kagami::asset::detail
