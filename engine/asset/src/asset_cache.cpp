// cook_cached: content-keyed cooking into a cache folder (see asset_cache.h).
#include <algorithm>
#include <cstdio>

#include "kagami/asset/asset_cache.h"
#include "kagami/core/content_hash.h"
#include "kagami/core/file_io.h"
#include "kagami/core/hash.h"
#include "kagami/core/log.h"

namespace kagami::asset {
namespace fs = std::filesystem;
namespace {

std::string hex16(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

// How a dependency is named in the cooked file: relative to the source's folder
// when it can be, so a cache entry stays meaningful if the project moves.
std::string dependency_name(const fs::path& file, const fs::path& folder) {
  const fs::path relative = file.lexically_relative(folder);
  return (relative.empty() ? file : relative).generic_string();
}

fs::path resolve(const CookedDependency& dep, const fs::path& folder) {
  const fs::path p(dep.path);
  return (p.is_absolute() ? p : folder / p).lexically_normal();
}

// A dependency as it is now. A file that cannot be read counts as missing: if
// the import needed it, the import fails and says so.
CookedDependency snapshot(const fs::path& file, std::string name) {
  CookedDependency dep{std::move(name), kMissingDependency, 0};
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return dep;
  auto bytes = read_whole_file(file);
  if (!bytes) return dep;
  dep.bytes = bytes->size;
  dep.hash = content_hash64(std::span<const std::uint8_t>(bytes->bytes.get(), bytes->size));
  return dep;
}

// Why a recorded dependency list no longer matches the files on disk (empty: it still matches).
std::string first_change(std::span<const CookedDependency> recorded, std::span<const CookedDependency> now) {
  for (std::size_t i = 0; i < recorded.size() && i < now.size(); ++i) {
    if (recorded[i].bytes == now[i].bytes && recorded[i].hash == now[i].hash) continue;
    if (now[i].bytes == kMissingDependency) return cat(recorded[i].path, " was removed");
    if (recorded[i].bytes == kMissingDependency) return cat(recorded[i].path, " appeared");
    return cat(recorded[i].path, " changed");
  }
  return {};
}

// The existing slot, if it is up to date: (empty reason, key). Otherwise the reason to cook.
std::pair<std::string, std::uint64_t> check_slot(const fs::path& slot, const fs::path& source,
                                                 std::vector<CookedDependency>& deps, const CacheOptions& options) {
  std::error_code ec;
  if (!fs::exists(slot, ec)) return {"not cooked yet", 0};
  // A full load, bulk data included: a damaged slot is re-cooked here, so a
  // file the cache hands out is known good to its last byte.
  auto cooked = load_cooked_model(slot, CookedLoadOptions{.verify_bulk_data = true});
  if (!cooked) return {cat("the cooked file was unusable (", cooked.error().message, ")"), 0};
  if (cooked->cooker_version() != options.cooker_version)
    return {cat("cooked by cooker version ", cooked->cooker_version(), "; this is version ", options.cooker_version), 0};
  const auto recorded = cooked->dependencies();
  if (recorded.empty() || recorded[0].path != source.filename().generic_string())
    return {"the cooked file belongs to another source", 0};
  const fs::path folder = source.parent_path();
  std::vector<CookedDependency> now;
  now.reserve(recorded.size());
  for (const CookedDependency& dep : recorded) now.push_back(snapshot(resolve(dep, folder), dep.path));
  const std::uint64_t key = cooked_cache_key(now, options);
  if (key != cooked->content_hash()) {
    std::string why = first_change(recorded, now);
    return {why.empty() ? std::string("it was cooked with other options") : why, 0};
  }
  deps = std::move(now);
  return {std::string(), key};
}

}  // namespace

std::uint64_t cooked_cache_key(std::span<const CookedDependency> dependencies, const CacheOptions& options) {
  std::uint64_t key = content_hash64(std::string_view("kagami cooked model"));
  key = hash_combine(key, options.cooker_version);
  key = hash_combine(key, kCookedFormatVersion);
  key = hash_combine(key, options.compress_textures ? 1 : 0);
  for (const CookedDependency& dep : dependencies) {
    key = hash_combine(key, content_hash64(dep.path));
    key = hash_combine(key, dep.bytes);
    key = hash_combine(key, dep.hash);
  }
  return key;
}

fs::path cooked_path_for(const fs::path& source, const fs::path& cache_dir) {
  std::error_code ec;
  fs::path identity = fs::weakly_canonical(source, ec);
  if (ec) identity = fs::absolute(source, ec).lexically_normal();
  return cache_dir / cat(source.stem().string(), "-", hex16(fnv1a64(identity.generic_string())), ".kgmc");
}

Result<CookCachedResult> cook_cached(const fs::path& source, const fs::path& cache_dir, const CacheOptions& options) {
  CookCachedResult result;
  result.cooked = cooked_path_for(source, cache_dir);

  auto [reason, key] = check_slot(result.cooked, source, result.dependencies, options);
  if (reason.empty()) {
    result.hit = true;
    result.key = key;
    return result;
  }
  result.reason = std::move(reason);

  // Miss. Snapshot the source and what it names before importing: if one of
  // them changes during the import, the recorded key is already stale and the
  // next call cooks again, rather than trusting bytes it never hashed.
  auto source_bytes = read_whole_file(source);
  if (!source_bytes) return source_bytes.error();
  const std::span<const std::uint8_t> bytes(source_bytes->bytes.get(), source_bytes->size);
  auto referenced = find_referenced_files(source, bytes);
  if (!referenced) return referenced.error();

  auto model = import_model(source, options.import_limits);
  if (!model) return model.error();
  std::vector<fs::path> files = std::move(*referenced);
  for (const ModelImage& image : model->images) {
    if (image.source.find("#embedded") != std::string::npos) continue;
    const fs::path file = fs::path(image.source).lexically_normal();
    if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
  }

  const fs::path folder = source.parent_path();
  std::vector<CookedDependency> deps;
  deps.push_back(CookedDependency{source.filename().generic_string(), bytes.size(), content_hash64(bytes)});
  std::vector<CookedDependency> others;
  for (const fs::path& file : files)
    if (file != source.lexically_normal()) others.push_back(snapshot(file, dependency_name(file, folder)));
  std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  others.erase(std::unique(others.begin(), others.end(), [](const auto& a, const auto& b) { return a.path == b.path; }),
               others.end());
  deps.insert(deps.end(), others.begin(), others.end());

  CookOptions cook;
  cook.cooker_version = options.cooker_version;
  cook.content_hash = cooked_cache_key(deps, options);
  cook.dependencies = deps;
  cook.compress_textures = options.compress_textures;

  std::error_code ec;
  fs::create_directories(cache_dir, ec);
  if (ec) return make_error(cache_dir.string(), ": cannot create the cache folder (", ec.message(), ")");
  if (auto written = write_cooked_model(*model, result.cooked, cook); !written) return written.error();
  log::debug("cooked ", source.string(), " -> ", result.cooked.string(), " (", result.reason, ")");
  result.key = cook.content_hash;
  result.dependencies = std::move(deps);
  return result;
}

}  // namespace kagami::asset
