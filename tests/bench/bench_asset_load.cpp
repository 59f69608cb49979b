// Loading a model: Assimp import against the cooked file, side by side.
//   asset/import_assimp/NAME          import_model as the engine runs it (Assimp in a
//                                     forked child, see ImportLimits::isolate)
//   asset/import_assimp_inproc/NAME   the same import in this process (the parse alone)
//   asset/load_cooked/NAME            load_cooked_model as the engine loads: one read, every
//                                     structure checked, metadata checksum
//   asset/load_cooked_verified/NAME   the same plus the checksum of the bulk data
//   asset/read_bytes/NAME             only reading the cooked file's bytes: the floor
//   asset/cache_hit/NAME              cook_cached on an up-to-date slot (hash the
//                                     source and its files, load the slot)
//   asset/cook/NAME                   cook_model from an imported model (once per change)
// NAME: BoxTextured, 2CylinderEngine, and every assets/locations/*/*.gltf present.
// The cooked files go to a cache in the system temp folder, cooked once per run.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "kagami/asset/asset_cache.h"
#include "kagami/asset/cooked_model.h"
#include "kagami/asset/model_import.h"

namespace {

namespace fs = std::filesystem;
using namespace kagami::asset;

struct Input {
  std::string name;
  fs::path source;
};

std::vector<Input> inputs() {
  const fs::path models = "/usr/share/assimp/models/glTF2";
  std::vector<Input> list = {{"BoxTextured", models / "BoxTextured-glTF" / "BoxTextured.gltf"},
                             {"2CylinderEngine", models / "2CylinderEngine-glTF-Binary" / "2CylinderEngine.glb"}};
  std::error_code ec;
  std::vector<Input> locations;
  for (const auto& location : fs::directory_iterator(fs::path(KAGAMI_SOURCE_DIR) / "assets" / "locations", ec))
    for (const auto& file : fs::directory_iterator(location.path(), ec))
      if (file.path().extension() == ".gltf")
        locations.push_back({location.path().filename().string() + "/" + file.path().stem().string(), file.path()});
  std::sort(locations.begin(), locations.end(), [](const Input& a, const Input& b) { return a.name < b.name; });
  list.insert(list.end(), locations.begin(), locations.end());
  return list;
}

const fs::path& cache_dir() {
  static const fs::path dir = fs::temp_directory_path() / "kagami-bench-cooked";
  return dir;
}

// The cooked file of a source, cooked on first use; empty when it cannot be.
fs::path cooked(const Input& input) {
  auto result = cook_cached(input.source, cache_dir());
  if (!result) {
    std::fprintf(stderr, "%s\n", result.error().message.c_str());
    return {};
  }
  return result->cooked;
}

void import_assimp(benchmark::State& state, const Input& input, bool isolate) {
  ImportLimits limits;
  limits.isolate = isolate;
  for (auto _ : state) {
    auto model = import_model(input.source, limits);
    if (!model) return state.SkipWithError(model.error().message.c_str());
    benchmark::DoNotOptimize(model->meshes.data());
  }
}

void load_cooked(benchmark::State& state, const Input& input, bool verify) {
  const fs::path path = cooked(input);
  if (path.empty()) return state.SkipWithError("could not cook");
  CookedLoadOptions options;
  options.verify_bulk_data = verify;
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto model = load_cooked_model(path, options);
    if (!model) return state.SkipWithError(model.error().message.c_str());
    bytes = model->file_bytes().size();
    benchmark::DoNotOptimize(model->meshes().data());
  }
  state.SetBytesProcessed(std::int64_t(state.iterations() * bytes));
  state.counters["file_bytes"] = double(bytes);
}

void read_bytes(benchmark::State& state, const Input& input) {
  const fs::path path = cooked(input);
  if (path.empty()) return state.SkipWithError("could not cook");
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto file = read_whole_file(path);
    if (!file) return state.SkipWithError(file.error().message.c_str());
    bytes = file->size;
    benchmark::DoNotOptimize(file->bytes.get());
  }
  state.SetBytesProcessed(std::int64_t(state.iterations() * bytes));
}

void cache_hit(benchmark::State& state, const Input& input) {
  if (cooked(input).empty()) return state.SkipWithError("could not cook");
  for (auto _ : state) {
    auto result = cook_cached(input.source, cache_dir());
    if (!result || !result->hit) return state.SkipWithError("not a cache hit");
    benchmark::DoNotOptimize(result->key);
  }
}

void cook(benchmark::State& state, const Input& input) {
  auto model = import_model(input.source);
  if (!model) return state.SkipWithError(model.error().message.c_str());
  for (auto _ : state) {
    auto bytes = cook_model(*model);
    if (!bytes) return state.SkipWithError(bytes.error().message.c_str());
    benchmark::DoNotOptimize(bytes->data());
  }
}

const bool registered = [] {
  for (const Input& input : inputs()) {
    const std::string& n = input.name;
    benchmark::RegisterBenchmark(("asset/import_assimp/" + n).c_str(), import_assimp, input, true)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("asset/import_assimp_inproc/" + n).c_str(), import_assimp, input, false)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("asset/load_cooked/" + n).c_str(), load_cooked, input, false)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("asset/load_cooked_verified/" + n).c_str(), load_cooked, input, true)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("asset/read_bytes/" + n).c_str(), read_bytes, input)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("asset/cache_hit/" + n).c_str(), cache_hit, input)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("asset/cook/" + n).c_str(), cook, input)->Unit(benchmark::kMillisecond);
  }
  return true;
}();

}  // namespace
