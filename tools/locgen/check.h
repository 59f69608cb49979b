#pragma once
// Import check: every mesh a location's placements.json lists goes through the
// engine's own importer (kagami::asset::import_model, Assimp underneath), and
// the triangle counts must match what the generator recorded; the scene file,
// if there is one, must load and name only files that exist.
#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "kagami/core/result.h"

namespace kagami::locgen {

struct CheckReport {
  std::size_t files = 0;
  std::size_t instances = 0;
  std::size_t instanced_triangles = 0;  // from the imported meshes, every instance counted
  std::size_t lights = 0;
  std::size_t emissive_materials = 0;
  std::size_t scene_entities = 0;
  std::vector<std::pair<std::string, std::size_t>> file_triangles;  // file name, imported triangles  // scenes/<name>.json, loaded back through kagami::scene (0: none)
};

Result<CheckReport> check_location(const std::filesystem::path& out_root, const std::string& name);

}  // namespace kagami::locgen
