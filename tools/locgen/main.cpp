// kagami_locgen: writes the three locations' meshes (glTF 2.0) and placement
// lists under <out-root>/assets/locations/<location>/, deterministically from a
// seed, and can check them by importing every file through the engine.
//
//   kagami_locgen --out-root <repo root> [--location NAME|all] [--seed N]
//                 [--check] [--check-only] [--preview DIR]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <glm/gtx/quaternion.hpp>

#include "check.h"
#include "gltf_writer.h"
#include "kagami/core/strings.h"
#include "location.h"
#include "scene_export.h"

namespace kagami::locgen {
using namespace ::kagami::gen;  // the shared generator toolkit (tools/gen)
namespace tdc { Location build(std::uint32_t seed); }
namespace sdb { Location build(std::uint32_t seed); }
namespace dw { Location build(std::uint32_t seed); }
}  // namespace kagami::locgen

namespace {

using namespace kagami;
using namespace kagami::locgen;
namespace fs = std::filesystem;

struct LocationEntry {
  const char* name;
  std::function<Location(std::uint32_t)> build;
};

const std::vector<LocationEntry>& locations() {
  static const std::vector<LocationEntry> list = {
      {"tokyo_dome_city", tdc::build}, {"suidoubashi", sdb::build}, {"data_world", dw::build}};
  return list;
}

int usage(const char* why) {
  std::fprintf(stderr,
               "kagami_locgen: %s\n"
               "usage: kagami_locgen --out-root DIR [--location NAME|all] [--seed N] [--check] [--check-only]\n"
               "                     [--preview DIR [--preview-top] [--preview-focus X,Z,RADIUS]]\n"
               "locations: tokyo_dome_city suidoubashi data_world\n",
               why);
  return 2;
}

// A whole location as one glTF (one node per placement), for looking at the
// layout with `kagami render --model`; `top` turns it so the orbit camera
// looks straight down.
struct PreviewOptions {
  std::optional<glm::vec3> focus;  // x, z, radius: only placements this close (horizontally)
  bool top = false;
};

Result<void> write_preview(const Location& loc, const fs::path& folder, const PreviewOptions& options) {
  std::vector<const Model*> models;
  for (const Model& m : loc.assets) models.push_back(&m);
  std::vector<GltfNode> nodes;
  for (const Placement& p : loc.placements) {
    std::uint32_t index = 0;
    while (loc.assets[index].id != p.asset) ++index;
    if (options.focus) {
      // Keep the instance when its bounds reach into the focus circle.
      const Aabb b = loc.assets[index].bounds();
      const glm::mat4 m = trs(p.translation, p.rotation, p.scale);
      Aabb world;
      for (int c = 0; c < 8; ++c)
        world.extend(glm::vec3(m * glm::vec4((c & 1) ? b.max.x : b.min.x, (c & 2) ? b.max.y : b.min.y,
                                             (c & 4) ? b.max.z : b.min.z, 1.0f)));
      const glm::vec2 f(options.focus->x, options.focus->y);
      const glm::vec2 nearest = glm::clamp(f, glm::vec2(world.min.x, world.min.z), glm::vec2(world.max.x, world.max.z));
      if (glm::length(nearest - f) > options.focus->z) continue;
    }
    nodes.push_back({index, p.translation, p.rotation, p.scale});
  }
  // The orbit camera of `kagami render --model` looks along (-sin 0.9, -0.45, -cos 0.9):
  // turning the model so +Y faces back along that direction gives a plan view.
  glm::mat4 root(1.0f);
  if (options.top) {
    const glm::vec3 view = glm::normalize(glm::vec3(-std::sin(0.9f), -0.45f, -std::cos(0.9f)));
    root = glm::mat4_cast(glm::rotation(glm::vec3(0, 1, 0), -view));
  }
  fs::create_directories(folder);
  if (auto r = write_gltf_scene(models, nodes, root, loc.name + "_preview", folder); !r) return r.error();
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  fs::path out_root;
  std::string only = "all";
  std::uint32_t seed = 1;
  bool check = false, check_only = false;
  std::optional<fs::path> preview;
  PreviewOptions preview_options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--out-root") {
      const char* v = value();
      if (!v) return usage("--out-root needs a folder");
      out_root = v;
    } else if (arg == "--location") {
      const char* v = value();
      if (!v) return usage("--location needs a name");
      only = v;
    } else if (arg == "--seed") {
      const char* v = value();
      char* end = nullptr;
      if (!v || (seed = std::uint32_t(std::strtoul(v, &end, 10)), *end != '\0')) return usage("--seed needs a number");
    } else if (arg == "--check") {
      check = true;
    } else if (arg == "--check-only") {
      check = check_only = true;
    } else if (arg == "--preview") {
      const char* v = value();
      if (!v) return usage("--preview needs a folder");
      preview = fs::path(v);
    } else if (arg == "--preview-top") {
      preview_options.top = true;
    } else if (arg == "--preview-focus") {
      const char* v = value();
      glm::vec3 f;
      if (!v || std::sscanf(v, "%f,%f,%f", &f.x, &f.y, &f.z) != 3) return usage("--preview-focus needs X,Z,RADIUS");
      preview_options.focus = f;
    } else {
      return usage(cat("unknown argument '", arg, "'").c_str());
    }
  }
  if (out_root.empty()) return usage("--out-root is required");
  bool known = only == "all";
  for (const auto& e : locations()) known |= only == e.name;
  if (!known) return usage(cat("unknown location '", only, "'").c_str());

  for (const auto& entry : locations()) {
    if (only != "all" && only != entry.name) continue;
    if (!check_only) {
      const Location loc = entry.build(seed);
      auto stats = write_location(loc, out_root, seed);
      if (!stats) {
        std::fprintf(stderr, "kagami_locgen: %s\n", stats.error().message.c_str());
        return 1;
      }
      std::printf("%-16s meshes %3zu (%7zu triangles)  instances %5zu  triangles over instances %8zu  lights %4zu  %s\n",
                  entry.name, stats->unique_meshes, stats->unique_triangles, stats->instances,
                  stats->instanced_triangles, stats->lights, format_bytes(stats->bytes).c_str());
      if (auto r = export_scene(loc, out_root, seed); !r) {
        std::fprintf(stderr, "kagami_locgen: %s\n", r.error().message.c_str());
        return 1;
      }
      if (preview) {
        if (auto r = write_preview(loc, *preview, preview_options); !r) {
          std::fprintf(stderr, "kagami_locgen: %s\n", r.error().message.c_str());
          return 1;
        }
      }
    }
    if (check) {
      auto report = check_location(out_root, entry.name);
      if (!report) {
        std::fprintf(stderr, "kagami_locgen: check failed: %s\n", report.error().message.c_str());
        return 1;
      }
      for (const auto& [file, triangles] : report->file_triangles)
        std::printf("  %-28s %8zu triangles\n", file.c_str(), triangles);
      std::printf("%-16s check: %zu files import, %zu instances, %zu triangles over instances, %zu lights, "
                  "%zu emissive materials, scene entities %zu\n",
                  entry.name, report->files, report->instances, report->instanced_triangles, report->lights,
                  report->emissive_materials, report->scene_entities);
    }
  }
  return 0;
}
