// The cooked-asset cache: hits on unchanged input without re-cooking, misses
// (with the reason) when the source, a buffer, an image or the cooker changes,
// repairs damaged entries, writes atomically; plus cook_paths and asset_info.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstring>
#include <set>
#include <tuple>

#include "asset_cook_support.h"
#include "kagami/asset/asset_cache.h"
#include "kagami/asset/asset_commands.h"
#include "kagami/core/image.h"

namespace kagami::asset {
namespace {

using namespace kagami::asset::test;

// A private copy of BoxTextured (gltf + bin + png) that a test may modify.
fs::path copy_box(const fs::path& folder) {
  fs::create_directories(folder);
  fs::copy(kBoxTextured.parent_path(), folder, fs::copy_options::recursive);
  return folder / "BoxTextured.gltf";
}

CookCachedResult cook_ok(const fs::path& source, const fs::path& cache, const CacheOptions& options = {}) {
  auto result = cook_cached(source, cache, options);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(*result) : CookCachedResult{};
}

// The identity of the file at `path`: a rewrite (atomic rename) gives a new inode.
ino_t inode(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_ino;
}

CookedModel load_ok(const fs::path& path) {
  auto model = load_cooked_model(path);
  EXPECT_TRUE(model.ok()) << (model.ok() ? "" : model.error().message);
  return model.ok() ? std::move(*model) : CookedModel{};
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(AssetCookCache, UnchangedSourceIsAHitWithoutRecooking) {
  const fs::path dir = scratch_folder();
  const fs::path source = copy_box(dir / "box");
  const fs::path cache = dir / "cache";  // created on demand

  const CookCachedResult first = cook_ok(source, cache);
  EXPECT_FALSE(first.hit);
  EXPECT_EQ(first.reason, "not cooked yet");
  EXPECT_EQ(first.cooked, cooked_path_for(source, cache));
  EXPECT_TRUE(first.cooked.filename().string().starts_with("BoxTextured-"));
  ASSERT_EQ(first.dependencies.size(), 3u);
  EXPECT_EQ(first.dependencies[0].path, "BoxTextured.gltf");
  EXPECT_EQ(first.dependencies[1].path, "BoxTextured0.bin");
  EXPECT_EQ(first.dependencies[1].bytes, 840u);
  EXPECT_EQ(first.dependencies[2].path, "CesiumLogoFlat.png");
  EXPECT_EQ(load_ok(first.cooked).content_hash(), first.key);
  const ino_t cooked_inode = inode(first.cooked);

  const CookCachedResult second = cook_ok(source, cache);
  EXPECT_TRUE(second.hit);
  EXPECT_EQ(second.cooked, first.cooked);
  EXPECT_EQ(second.key, first.key);
  EXPECT_EQ(inode(second.cooked), cooked_inode) << "a hit rewrote the cooked file";

  // Content, not timestamps: rewriting identical bytes is still a hit.
  write_bytes(dir / "box" / "BoxTextured0.bin", bytes_of(dir / "box" / "BoxTextured0.bin"));
  write_bytes(source, bytes_of(source));
  EXPECT_TRUE(cook_ok(source, cache).hit);
  EXPECT_EQ(inode(first.cooked), cooked_inode);
}

TEST(AssetCookCache, ChangedBinRecooks) {
  const fs::path dir = scratch_folder();
  const fs::path source = copy_box(dir / "box");
  const fs::path cache = dir / "cache";
  auto uvs = [](const fs::path& cooked_path) {
    std::multiset<float> us;
    const CookedModel cooked = load_ok(cooked_path);
    for (std::uint32_t v = 0; v < cooked.meshes()[0].vertex_count; ++v) us.insert(cooked.meshes()[0].vertex(v).uv.x);
    return us;
  };
  const CookCachedResult before = cook_ok(source, cache);
  const std::multiset<float> uvs_before = uvs(before.cooked);

  // The low mantissa bit of the first uv (texture coordinates start at byte 576).
  std::vector<std::uint8_t> bin = bytes_of(dir / "box" / "BoxTextured0.bin");
  bin[576] ^= 1;
  write_bytes(dir / "box" / "BoxTextured0.bin", bin);

  const CookCachedResult after = cook_ok(source, cache);
  EXPECT_FALSE(after.hit);
  EXPECT_EQ(after.reason, "BoxTextured0.bin changed");
  EXPECT_NE(after.key, before.key);
  EXPECT_EQ(after.cooked, before.cooked);  // the same slot, re-cooked
  EXPECT_NE(uvs(after.cooked), uvs_before);  // with the new data in it
  EXPECT_TRUE(cook_ok(source, cache).hit);
}

TEST(AssetCookCache, ChangedImageRecooks) {
  const fs::path dir = scratch_folder();
  const fs::path source = copy_box(dir / "box");
  const fs::path cache = dir / "cache";
  EXPECT_EQ(load_ok(cook_ok(source, cache).cooked).textures()[0].width, 211u);

  ASSERT_TRUE(write_png(dir / "box" / "CesiumLogoFlat.png", solid_image(8, 8, {255, 0, 0, 255})).ok());
  const CookCachedResult after = cook_ok(source, cache);
  EXPECT_FALSE(after.hit);
  EXPECT_EQ(after.reason, "CesiumLogoFlat.png changed");
  const CookedModel cooked = load_ok(after.cooked);
  EXPECT_EQ(cooked.textures()[0].width, 8u);
  EXPECT_EQ(cooked.textures()[0].levels.size(), 4u);
  EXPECT_TRUE(cook_ok(source, cache).hit);
}

TEST(AssetCookCache, ChangedSourceRecooks) {
  const fs::path dir = scratch_folder();
  const fs::path source = copy_box(dir / "box");
  const fs::path cache = dir / "cache";
  cook_ok(source, cache);
  std::string text = *read_file_text(source);
  const std::size_t at = text.find("\"Texture\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 9, "\"Renamed\"");
  ASSERT_TRUE(write_file_atomic(source, text).ok());
  const CookCachedResult after = cook_ok(source, cache);
  EXPECT_FALSE(after.hit);
  EXPECT_EQ(after.reason, "BoxTextured.gltf changed");
  EXPECT_EQ(load_ok(after.cooked).materials()[0].name, "Renamed");
}

TEST(AssetCookCache, NewCookerVersionRecooks) {
  const fs::path dir = scratch_folder();
  const fs::path source = copy_box(dir / "box");
  const fs::path cache = dir / "cache";
  const CookCachedResult old_cooker = cook_ok(source, cache);
  CacheOptions newer;
  newer.cooker_version = kCookerVersion + 1;
  const CookCachedResult recooked = cook_ok(source, cache, newer);
  EXPECT_FALSE(recooked.hit);
  EXPECT_EQ(recooked.reason, cat("cooked by cooker version ", kCookerVersion, "; this is version ", kCookerVersion + 1));
  EXPECT_NE(recooked.key, old_cooker.key);
  EXPECT_EQ(load_ok(recooked.cooked).cooker_version(), kCookerVersion + 1);
  EXPECT_TRUE(cook_ok(source, cache, newer).hit);
  EXPECT_FALSE(cook_ok(source, cache).hit);  // and back again
}

TEST(AssetCookCache, OtherCookOptionsRecook) {
  const fs::path dir = scratch_folder();
  const fs::path source = copy_box(dir / "box");
  EXPECT_EQ(load_ok(cook_ok(source, dir / "cache").cooked).textures()[0].format, TextureFormat::bc1_srgb);
  CacheOptions uncompressed;
  uncompressed.compress_textures = false;
  const CookCachedResult result = cook_ok(source, dir / "cache", uncompressed);
  EXPECT_FALSE(result.hit);
  EXPECT_EQ(result.reason, "it was cooked with other options");
  EXPECT_EQ(load_ok(result.cooked).textures()[0].format, TextureFormat::rgba8_srgb);
  EXPECT_TRUE(cook_ok(source, dir / "cache", uncompressed).hit);
}

TEST(AssetCookCache, DamagedOrForeignSlotIsRecooked) {
  const fs::path dir = scratch_folder();
  const fs::path source = copy_box(dir / "box");
  const fs::path cache = dir / "cache";
  const fs::path slot = cook_ok(source, cache).cooked;
  std::vector<std::uint8_t> bytes = bytes_of(slot);
  bytes[bytes.size() / 2] ^= 0x10;
  write_bytes(slot, bytes);
  const CookCachedResult repaired = cook_ok(source, cache);
  EXPECT_FALSE(repaired.hit);
  EXPECT_TRUE(Contains(repaired.reason, "the cooked file was unusable (")) << repaired.reason;
  EXPECT_TRUE(Contains(repaired.reason, "checksum mismatch"));
  EXPECT_TRUE(load_cooked_model(slot).ok());

  write_bytes(slot, std::vector<std::uint8_t>(100, 0x42));
  EXPECT_FALSE(cook_ok(source, cache).hit);
  EXPECT_TRUE(cook_ok(source, cache).hit);
}

TEST(AssetCookCache, WritesLeaveNoTemporaryFiles) {
  const fs::path dir = scratch_folder();
  const fs::path source = copy_box(dir / "box");
  const fs::path cache = dir / "cache";
  const fs::path slot = cook_ok(source, cache).cooked;
  CacheOptions newer;
  newer.cooker_version = kCookerVersion + 7;
  cook_ok(source, cache, newer);
  cook_ok(kEngineGlb, cache);
  const std::vector<std::string> names = names_in(cache);
  ASSERT_EQ(names.size(), 2u) << names[0];
  for (const std::string& name : names) EXPECT_TRUE(name.ends_with(".kgmc")) << name;
  EXPECT_TRUE(std::find(names.begin(), names.end(), slot.filename().string()) != names.end());
}

TEST(AssetCookCache, SameNameInTwoFoldersHasTwoSlots) {
  const fs::path dir = scratch_folder();
  const fs::path a = copy_box(dir / "a"), b = copy_box(dir / "b");
  EXPECT_NE(cooked_path_for(a, dir / "cache"), cooked_path_for(b, dir / "cache"));
  EXPECT_FALSE(cook_ok(a, dir / "cache").hit);
  EXPECT_FALSE(cook_ok(b, dir / "cache").hit);
  EXPECT_TRUE(cook_ok(a, dir / "cache").hit);
  EXPECT_TRUE(cook_ok(b, dir / "cache").hit);
}

TEST(AssetCookCache, BinaryGltfDependsOnlyOnItself) {
  const fs::path dir = scratch_folder();
  const CookCachedResult result = cook_ok(kEngineGlb, dir);
  ASSERT_EQ(result.dependencies.size(), 1u);
  EXPECT_EQ(result.dependencies[0].path, "2CylinderEngine.glb");
  EXPECT_EQ(result.dependencies[0].bytes, fs::file_size(kEngineGlb));
}

TEST(AssetCookCache, UnimportableSourceIsAnErrorNamingIt) {
  const fs::path dir = scratch_folder();
  const fs::path source = copy_box(dir / "box");
  cook_ok(source, dir / "cache");
  fs::remove(dir / "box" / "BoxTextured0.bin");
  auto result = cook_cached(source, dir / "cache");
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().message.starts_with(source.string())) << result.error().message;
  auto missing = cook_cached(dir / "nothing.gltf", dir / "cache");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(Contains(missing.error().message, "nothing.gltf"));
}

TEST(AssetCookCache, ReferencedFilesOfGltfGlbAndObj) {
  const fs::path dir = scratch_folder();
  auto refs = [](const fs::path& path) {
    auto found = find_referenced_files(path, bytes_of(path));
    EXPECT_TRUE(found.ok()) << (found.ok() ? "" : found.error().message);
    return found.ok() ? *found : std::vector<fs::path>{};
  };
  const fs::path box = kBoxTextured.parent_path();
  EXPECT_EQ(refs(kBoxTextured), (std::vector<fs::path>{box / "BoxTextured0.bin", box / "CesiumLogoFlat.png"}));
  EXPECT_TRUE(refs(kBoxTexturedGlb).empty());

  // URI-decoded, relative paths normalised, data: URIs and repeats skipped.
  ASSERT_TRUE(write_file_atomic(dir / "m.gltf", R"({
    "buffers": [{"uri": "data:application/octet-stream;base64,AAAA"}, {"uri": "bin/my%20mesh.bin"}],
    "images": [{"uri": "../textures/a.png"}, {"uri": "bin/my mesh.bin"}, {"bufferView": 0}]})").ok());
  EXPECT_EQ(refs(dir / "m.gltf"), (std::vector<fs::path>{dir / "bin" / "my mesh.bin", dir.parent_path() / "textures" / "a.png"}));

  ASSERT_TRUE(write_file_atomic(dir / "m.obj", "mtllib m.mtl\nv 0 0 0\n").ok());
  ASSERT_TRUE(write_file_atomic(dir / "m.mtl", "newmtl x\nmap_Kd -s 1 1 1 tex\\diffuse.png\nbump n.png\nKd 1 1 1\n").ok());
  EXPECT_EQ(refs(dir / "m.obj"), (std::vector<fs::path>{dir / "m.mtl", dir / "tex" / "diffuse.png", dir / "n.png"}));

  write_bytes(dir / "broken.gltf", std::vector<std::uint8_t>{'{', '"'});
  auto broken = find_referenced_files(dir / "broken.gltf", bytes_of(dir / "broken.gltf"));
  ASSERT_FALSE(broken.ok());
  EXPECT_TRUE(Contains(broken.error().message, "broken.gltf"));
}

TEST(AssetCookCommands, CookPathsReportsEveryFileAndGoesOnAfterFailures) {
  const fs::path dir = scratch_folder();
  copy_box(dir / "models" / "box");
  fs::copy_file(kEngineGlb, dir / "models" / "engine.glb");
  ASSERT_TRUE(write_file_atomic(dir / "models" / "broken.gltf", "{ not json").ok());
  ASSERT_TRUE(write_file_atomic(dir / "models" / "notes.txt", "not a model").ok());
  const std::vector<fs::path> paths = {dir / "models", dir / "absent", dir / "models" / "notes.txt"};

  std::vector<std::tuple<std::size_t, std::size_t, std::string>> calls;
  auto progress = [&](std::size_t done, std::size_t total, const fs::path& current) {
    calls.emplace_back(done, total, current.filename().string());
  };
  const CookReport report = cook_paths(paths, dir / "cache", progress);
  ASSERT_EQ(report.files.size(), 5u);
  EXPECT_EQ(report.cooked(), 2u);
  EXPECT_EQ(report.failed(), 3u);
  EXPECT_EQ(report.hits(), 0u);
  EXPECT_FALSE(report.ok());
  auto entry = [&](const std::string& name) -> const CookFileResult& {
    for (const CookFileResult& f : report.files)
      if (f.source.filename() == name) return f;
    static const CookFileResult none;
    ADD_FAILURE() << "no entry for " << name;
    return none;
  };
  EXPECT_TRUE(Contains(*entry("absent").error, "no such file or folder"));
  EXPECT_TRUE(Contains(*entry("notes.txt").error, "not a model file"));
  ASSERT_TRUE(entry("broken.gltf").error.has_value());
  EXPECT_TRUE(Contains(*entry("broken.gltf").error, "broken.gltf"));
  EXPECT_TRUE(fs::exists(entry("engine.glb").cooked));
  EXPECT_TRUE(fs::exists(entry("BoxTextured.gltf").cooked));

  // Progress: before each of the 3 models found (sorted), then once at the end.
  using Call = std::tuple<std::size_t, std::size_t, std::string>;
  EXPECT_EQ(calls, (std::vector<Call>{{0, 3, "BoxTextured.gltf"}, {1, 3, "broken.gltf"}, {2, 3, "engine.glb"}, {3, 3, ""}}));

  const CookReport again = cook_paths(paths, dir / "cache");
  EXPECT_EQ(again.hits(), 2u);
  EXPECT_EQ(again.cooked(), 0u);
  EXPECT_EQ(again.failed(), 3u);
}

TEST(AssetCookCommands, AssetInfoOfCookedAndSourceModels) {
  const fs::path dir = scratch_folder();
  const CookCachedResult box = cook_ok(kBoxTextured, dir);
  auto cooked = asset_info(box.cooked);
  ASSERT_TRUE(cooked.ok()) << cooked.error().message;
  EXPECT_TRUE(cooked->cooked);
  EXPECT_EQ(cooked->meshes, 1u);
  EXPECT_EQ(cooked->instances, 1u);
  EXPECT_EQ(cooked->triangles, 12u);
  EXPECT_EQ(cooked->vertices, 24u);
  EXPECT_EQ(cooked->materials, import_ok(kBoxTextured).materials.size());
  EXPECT_EQ(cooked->textures, 1u);
  EXPECT_EQ(cooked->texture_levels, 8u);
  EXPECT_EQ(cooked->compressed_textures, 1u);
  EXPECT_EQ(cooked->bytes_on_disk, fs::file_size(box.cooked));
  EXPECT_EQ(cooked->gpu_bytes, load_ok(box.cooked).gpu_bytes());

  // The source: the same counts, and the bytes of all three files it consists of.
  auto source = asset_info(kBoxTextured);
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_FALSE(source->cooked);
  EXPECT_EQ(source->triangles, 12u);
  EXPECT_EQ(source->gpu_bytes, cooked->gpu_bytes);
  EXPECT_EQ(source->bytes_on_disk, 3695u + 840u + 2433u);

  const Json json = to_json(*cooked);
  EXPECT_EQ(json["kind"], "cooked");
  EXPECT_EQ(json["triangles"], 12);
  EXPECT_EQ(json["gpu_bytes"], cooked->gpu_bytes);
  EXPECT_NEAR(json["bounds"]["max"][0].get<double>(), 0.5, 1e-6);

  // Instances multiply triangles: the engine places its meshes more than once.
  auto engine = asset_info(cook_ok(kEngineGlb, dir).cooked);
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(engine->triangles, import_ok(kEngineGlb).instanced_triangles());

  auto bad = asset_info(dir / "readme.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(Contains(bad.error().message, "not a model"));
}

}  // namespace
}  // namespace kagami::asset
