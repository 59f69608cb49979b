#pragma once
// Import check: every file castgen wrote goes back through the engine's
// importer (kagami::asset::import_model): each character must come back skinned
// on the same skeleton (same joint names in the same order), with at most four
// weights per vertex summing to one, and the clip library must hold every clip
// of clip_names() on that skeleton.
#include <filesystem>
#include <string>
#include <vector>

#include "kagami/core/result.h"

namespace kagami::castgen {

struct CheckReport {
  std::size_t files = 0;
  std::size_t joints = 0;
  std::size_t clips = 0;
  std::vector<std::pair<std::string, std::size_t>> triangles;  // per character file
};

Result<CheckReport> check_cast(const std::filesystem::path& folder);

// Compares every file in `generated` with its namesake in `committed`, byte for
// byte: the generator is deterministic and the committed assets are current.
Result<void> compare_folders(const std::filesystem::path& generated, const std::filesystem::path& committed);

}  // namespace kagami::castgen
