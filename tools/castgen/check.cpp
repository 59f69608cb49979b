#include "check.h"

#include <cmath>

#include "cast.h"
#include "clips.h"
#include "kagami/asset/animation_import.h"
#include "kagami/asset/model_import.h"
#include "kagami/core/file_io.h"
#include "kagami/core/strings.h"

namespace kagami::castgen {

namespace {

Result<void> same_skeleton(const anim::Skeleton& got, const std::string& file) {
  if (got.size() != skeleton().size())
    return make_error(file, ": imported ", got.size(), " joints, the shared skeleton has ", skeleton().size());
  for (std::size_t j = 0; j < got.size(); ++j)
    if (got.joints[j].name != skeleton()[j].name || got.joints[j].parent != skeleton()[j].parent)
      return make_error(file, ": joint ", j, " is \"", got.joints[j].name, "\" (parent ", got.joints[j].parent,
                        "), expected \"", skeleton()[j].name, "\" (parent ", skeleton()[j].parent, ")");
  return {};
}

}  // namespace

Result<CheckReport> check_cast(const std::filesystem::path& folder) {
  CheckReport report;
  for (const CastEntry& entry : cast()) {
    const std::filesystem::path file = folder / (std::string(entry.id) + ".gltf");
    auto model = asset::import_model(file);
    if (!model) return model.error();
    if (auto r = same_skeleton(model->skeleton, file.string()); !r) return r.error();
    std::size_t triangles = 0;
    for (const asset::MeshData& mesh : model->meshes) {
      if (mesh.skin.size() != mesh.vertex_count())
        return make_error(file.string(), ": mesh \"", mesh.name, "\" is not skinned");
      for (const anim::VertexSkin& s : mesh.skin) {
        const float sum = s.weights.x + s.weights.y + s.weights.z + s.weights.w;
        if (std::abs(sum - 1.0f) > 1e-3f)
          return make_error(file.string(), ": mesh \"", mesh.name, "\" has a vertex whose weights sum to ", sum);
      }
      triangles += mesh.triangle_count();
    }
    if (triangles == 0) return make_error(file.string(), ": no triangles");
    report.triangles.emplace_back(entry.id, triangles);
    ++report.files;
  }
  const std::filesystem::path clips = folder / "clips.gltf";
  auto library = asset::import_animation(clips);
  if (!library) return library.error();
  if (auto r = same_skeleton(library->skeleton, clips.string()); !r) return r.error();
  for (const char* name : clip_names()) {
    bool found = false;
    for (const anim::Clip& c : library->clips) found |= c.name == name;
    if (!found) return make_error(clips.string(), ": the clip library has no \"", name, "\"");
  }
  report.joints = skeleton().size();
  report.clips = library->clips.size();
  ++report.files;
  return report;
}

Result<void> compare_folders(const std::filesystem::path& generated, const std::filesystem::path& committed) {
  std::error_code ec;
  std::size_t compared = 0;
  for (const auto& e : std::filesystem::directory_iterator(generated, ec)) {
    const auto name = e.path().filename();
    auto a = read_file_bytes(e.path());
    if (!a) return a.error();
    auto b = read_file_bytes(committed / name);
    if (!b) return make_error((committed / name).string(), ": missing or unreadable (", b.error().message, ")");
    if (*a != *b)
      return make_error((committed / name).string(), ": differs from the generator's output ", e.path().string(),
                        " (re-run kagami_castgen --out-root <repo>)");
    ++compared;
  }
  if (ec) return make_error(generated.string(), ": ", ec.message());
  if (compared == 0) return make_error(generated.string(), ": nothing to compare");
  return {};
}

}  // namespace kagami::castgen
