#pragma once
// The library side of `kagami cook PATH...` and `kagami info ASSET`: the
// command line only parses arguments and prints what these return.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kagami/asset/asset_cache.h"
#include "kagami/core/json.h"
#include "kagami/core/result.h"

namespace kagami::asset {

// Called before each file (done = files finished so far, current = the file
// about to be cooked) and once at the end (done == total, current empty).
// Called on the caller's thread.
using CookProgress = std::function<void(std::size_t done, std::size_t total, const std::filesystem::path& current)>;

struct CookFileResult {
  std::filesystem::path source;
  std::filesystem::path cooked;  // empty when it failed
  bool hit = false;              // already up to date
  std::string reason;            // on a miss: why it was cooked
  std::optional<std::string> error;
  double seconds = 0.0;
};

struct CookReport {
  std::vector<CookFileResult> files;  // one per model found, in the order cooked
  std::size_t hits() const;
  std::size_t cooked() const;  // misses that were cooked
  std::size_t failed() const;
  bool ok() const { return failed() == 0; }
};

// Cooks every path through the cache: a file is cooked as given (it must have a
// model extension), a folder contributes every model file under it
// (recursively, sorted by path). A failure is recorded and the rest go on; a
// path that does not exist, or an unsupported file, is a failed entry too.
CookReport cook_paths(std::span<const std::filesystem::path> paths, const std::filesystem::path& cache_dir,
                      const CookProgress& progress = {}, const CacheOptions& options = {});

struct AssetInfo {
  std::filesystem::path path;
  bool cooked = false;  // a .kgmc file; otherwise a source model, imported and cooked in memory
  std::size_t meshes = 0;
  std::size_t instances = 0;
  std::size_t triangles = 0;  // over instances: what drawing the whole model draws
  std::size_t vertices = 0;   // over meshes, after optimisation
  std::size_t materials = 0;
  std::size_t textures = 0;
  std::size_t texture_levels = 0;
  std::size_t compressed_textures = 0;  // BC1/BC3
  std::uint64_t bytes_on_disk = 0;  // the file; for a source, plus every file it references
  std::uint64_t gpu_bytes = 0;      // vertices, tangents, indices and every texture level
  Aabb bounds;
  // Animation, from a source model (the cooked format holds none yet) or a
  // motion file (.bvh, counted by import_animation alone).
  bool animation_only = false;
  std::size_t joints = 0;
  std::size_t clips = 0;
  std::size_t skinned_meshes = 0;
  float longest_clip_seconds = 0.0f;
};

// Counts for a cooked file, a source model or a motion-capture file (.bvh) (which is imported and cooked in
// memory, so the figures are what the cache would produce; nothing is written).
Result<AssetInfo> asset_info(const std::filesystem::path& path, const ImportLimits& limits = {});
Json to_json(const AssetInfo& info);

}  // namespace kagami::asset
