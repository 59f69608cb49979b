#pragma once
// The cooked-asset cache: a source model is cooked once and re-cooked only when
// what it was cooked from changes.
//
// Each source has one slot in the cache folder, "<stem>-<hash of its absolute
// path>.kgmc", so the cache holds one file per source however often it is
// edited. Whether a slot is up to date is decided by content, never by
// timestamps: the cooked file's header holds the key it was cooked with, and
// its DEPS section lists every file that went into it (the source first, then
// the .bin buffers, images and material files it references) with their sizes
// and content hashes. The key hashes the cooker version, the format version and
// every one of those files' bytes, so:
//   - an unchanged source and unchanged references: a hit, nothing imported;
//   - any changed, added or removed byte in any of them: a miss, re-cooked;
//   - a new cooker version (kCookerVersion) or format version, or other cook
//     options (compress_textures): a miss.
// Referenced files are found twice over: from the file itself without importing
// (glTF buffers[].uri and images[].uri, OBJ mtllib and texture maps), and from
// the import (every image it read), so FBX textures are covered too. A
// reference that does not exist is recorded as missing: creating it later is a
// change like any other.
//
// Writes go through write_file_atomic: a reader never sees a half-written file,
// and two processes cooking the same source at once both leave a valid one.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "kagami/asset/cooked_model.h"
#include "kagami/asset/model_import.h"
#include "kagami/core/result.h"

namespace kagami::asset {

struct CacheOptions {
  std::uint32_t cooker_version = kCookerVersion;  // part of the key (tests pretend a newer cooker)
  ImportLimits import_limits;
  bool compress_textures = true;
};

struct CookCachedResult {
  std::filesystem::path cooked;  // the up-to-date cooked file
  bool hit = false;              // true: it was already up to date and nothing was cooked
  std::string reason;            // on a miss, why it was cooked ("BoxTextured0.bin changed", ...)
  std::uint64_t key = 0;         // the content key in the cooked file's header
  std::vector<CookedDependency> dependencies;  // as recorded: the source first
};

// Returns the cooked form of `source`, cooking it into `cache_dir` (created
// when missing) unless the slot is already up to date. A slot that fails to
// load (damaged, older format) is re-cooked, not reported. Errors: the source
// cannot be read or imported, or the cooked file cannot be written.
Result<CookCachedResult> cook_cached(const std::filesystem::path& source, const std::filesystem::path& cache_dir,
                                     const CacheOptions& options = {});

// The slot of `source` in `cache_dir`, whether or not it holds a file yet.
std::filesystem::path cooked_path_for(const std::filesystem::path& source, const std::filesystem::path& cache_dir);

// Files `source` references, found by reading it (not importing it): a glTF's
// (.gltf, or the JSON chunk of a .glb) buffers[].uri and images[].uri except
// data: URIs; an OBJ's mtllib files and the texture maps they name. Resolved
// against the source's folder, URI-decoded, de-duplicated, in the order found;
// they need not exist. `source_bytes` are the source's contents. An Error only
// for a glTF whose JSON cannot be parsed.
Result<std::vector<std::filesystem::path>> find_referenced_files(const std::filesystem::path& source,
                                                                 std::span<const std::uint8_t> source_bytes);

// The key the cache stores in a cooked file: cooker and format versions, the
// options that change the output (compress_textures), then every dependency's
// path, size and content hash, in order.
std::uint64_t cooked_cache_key(std::span<const CookedDependency> dependencies, const CacheOptions& options);

}  // namespace kagami::asset
