#include "check.h"

#include <map>

#include "kagami/asset/model_import.h"
#include "kagami/core/json.h"
#include "kagami/scene/scene_io.h"

namespace kagami::locgen {
namespace fs = std::filesystem;

Result<CheckReport> check_location(const fs::path& out_root, const std::string& name) {
  const fs::path folder = out_root / "assets" / "locations" / name;
  const fs::path placements_path = folder / "placements.json";
  auto doc = load_json_file(placements_path);
  if (!doc) return doc.error();
  const std::string where = placements_path.string();
  if (!doc->contains("assets") || !doc->contains("instances")) return make_error(where, ": no assets or instances");

  CheckReport report;
  std::map<std::string, std::size_t> triangles;  // asset id -> imported triangle count
  for (const Json& a : (*doc)["assets"]) {
    const std::string id = a.at("id").get<std::string>();
    const fs::path file = folder / a.at("file").get<std::string>();
    auto model = asset::import_model(file);
    if (!model) return model.error();
    const std::size_t imported = model->instanced_triangles();
    const std::size_t recorded = a.at("triangles").get<std::size_t>();
    if (imported != recorded)
      return make_error(file.string(), ": imported ", imported, " triangles, the generator wrote ", recorded);
    for (const asset::MaterialData& m : model->materials)
      if (m.emissive_factor != glm::vec3(0.0f)) ++report.emissive_materials;
    triangles[id] = imported;
    report.file_triangles.emplace_back(file.filename().string(), imported);
    ++report.files;
  }
  for (const Json& inst : (*doc)["instances"]) {
    const std::string id = inst.at("asset").get<std::string>();
    auto it = triangles.find(id);
    if (it == triangles.end()) return make_error(where, ": an instance uses unknown asset \"", id, "\"");
    report.instanced_triangles += it->second;
    ++report.instances;
    if (inst.contains("light")) ++report.lights;
  }

  const fs::path scene_path = out_root / "scenes" / (name + ".json");
  if (fs::exists(scene_path)) {
    auto loaded = scene::load_scene(scene_path);
    if (!loaded) return loaded.error();
    for (const auto& [id, relative] : loaded->assets) {
      const auto file = loaded->resolve_asset(id);
      if (!file || !fs::exists(*file))
        return make_error(scene_path.string(), ": asset \"", id, "\" (", relative, ") does not exist");
    }
    report.scene_entities = loaded->size();
  }
  return report;
}

}  // namespace kagami::locgen
