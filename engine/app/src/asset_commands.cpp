// `kagami cook` and `kagami info`: the asset pipeline from the command line.
#include <cstdio>
#include <filesystem>
#include <map>

#include <unistd.h>

#include "commands.h"
#include "kagami/asset/asset_commands.h"
#include "kagami/core/json.h"
#include "kagami/core/strings.h"
#include "kagami/scene/queries.h"
#include "kagami/scene/scene_io.h"

namespace kagami::app {

std::filesystem::path default_cache_dir() { return KAGAMI_DEFAULT_CACHE_DIR; }

Result<void> run_cook(const Options& options) {
  std::vector<std::filesystem::path> paths;
  for (const auto& p : options.positional) paths.emplace_back(p);
  if (paths.empty()) paths.emplace_back(KAGAMI_SOURCE_ROOT "/assets");
  std::filesystem::path cache = options.cache ? std::filesystem::path(*options.cache) : default_cache_dir();
  const bool terminal = isatty(fileno(stdout));
  auto progress = [&](std::size_t done, std::size_t total, const std::filesystem::path& current) {
    // One line, rewritten in place on a terminal; one line per file otherwise.
    std::printf(terminal ? "\r\033[Kcook [%zu/%zu] %s" : "cook [%zu/%zu] %s\n", done, total, current.filename().c_str());
    std::fflush(stdout);
  };
  asset::CookReport report = asset::cook_paths(paths, cache, progress);
  if (terminal) std::printf("\n");
  for (const auto& f : report.files)
    if (f.error) std::fprintf(stderr, "kagami: %s\n", f.error->c_str());
  std::printf("cooked %zu, up to date %zu, failed %zu (cache: %s)\n", report.cooked(), report.hits(), report.failed(),
              cache.c_str());
  if (!report.ok()) return make_error(report.failed(), " of ", report.files.size(), " models failed to cook");
  return {};
}

Result<void> run_info(const Options& options) {
  if (options.positional.size() != 1) return make_error("info needs one SCENE or ASSET path");
  std::filesystem::path path = options.positional[0];
  Json json;
  if (path.extension() == ".json") {
    auto scene = scene::load_scene(path);
    if (!scene) return scene.error();
    scene::SceneCounts c = scene::count(*scene);
    // Triangles and bytes come from the scene's models, counted per placement.
    std::uint64_t triangles = 0, gpu_bytes = 0, disk_bytes = 0;
    std::map<std::string, asset::AssetInfo, std::less<>> infos;
    for (const auto& [id, relative] : scene->assets) {
      auto info = asset::asset_info(*scene->resolve_asset(id));
      if (!info) return make_error(path.string(), ": asset '", id, "': ", info.error().message);
      gpu_bytes += info->gpu_bytes;
      disk_bytes += info->bytes_on_disk;
      infos.emplace(id, *info);
    }
    for (const auto& instance : scene::mesh_instances(*scene))
      triangles += infos.find(instance.mesh->asset)->second.triangles;
    json = Json{{"scene", scene->name},     {"entities", c.entities},        {"instances", c.mesh_instances},
                {"triangles", triangles},   {"lights", c.lights()},          {"point_lights", c.point_lights},
                {"spot_lights", c.spot_lights}, {"directional_lights", c.directional_lights},
                {"cameras", c.cameras},     {"emitters", c.emitters},        {"assets", c.assets},
                {"asset_bytes_on_disk", disk_bytes}, {"gpu_bytes", gpu_bytes}};
  } else {
    auto info = asset::asset_info(path);
    if (!info) return info.error();
    json = asset::to_json(*info);
  }
  if (options.json_output) {
    std::fputs(dump_json(json).c_str(), stdout);
  } else {
    for (auto it = json.begin(); it != json.end(); ++it) {
      std::string value = it->is_string() ? it->get<std::string>() : it->dump();
      if (it.key().find("bytes") != std::string::npos && it->is_number_unsigned())
        value += cat(" (", format_bytes(it->get<std::uint64_t>()), ")");
      std::printf("%-20s %s\n", it.key().c_str(), value.c_str());
    }
  }
  return {};
}

}  // namespace kagami::app
