// import_model on real files: the good and the deliberately broken models of
// Debian's assimp-testmodels, plus damaged copies written here. Every refusal
// must be an Error whose message starts with the file's path.
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>
#include <set>

#include "asset_test_support.h"
#include "kagami/core/image.h"
#include "kagami/core/json.h"

namespace kagami::asset {
namespace {

namespace fs = std::filesystem;
using namespace kagami::asset::test;

// The JSON chunk of a .glb (to compare the import with the file's own description).
Json glb_json(const fs::path& path) {
  std::vector<std::uint8_t> bytes = bytes_of(path);
  std::uint32_t header[5] = {};
  if (bytes.size() < sizeof header) return {};
  std::memcpy(header, bytes.data(), sizeof header);
  EXPECT_EQ(header[0], 0x46546C67u);  // "glTF"
  EXPECT_EQ(header[4], 0x4E4F534Au);  // "JSON"
  std::string_view text(reinterpret_cast<const char*>(bytes.data()) + 20, header[3]);
  auto json = parse_json(text, path.string());
  EXPECT_TRUE(json.ok());
  return json.ok() ? *json : Json{};
}

// ---------------------------------------------------------------------------
// Good files

TEST(AssetImport, BoxTexturedGltf) {
  ModelData model = import_ok(kBoxTextured);
  ASSERT_EQ(model.meshes.size(), 1u);
  const MeshData& mesh = model.meshes[0];
  EXPECT_EQ(mesh.name, "Mesh");
  EXPECT_EQ(mesh.vertex_count(), 24u);
  EXPECT_EQ(mesh.indices.size(), 36u);
  EXPECT_TRUE(mesh.has_uv0);
  EXPECT_EQ(mesh.tangents.size(), 24u);  // derived from the uvs
  expect_well_formed(model);

  // The file's uvs run 0..6 in u and 0..1 in v, top-left origin; they come back unchanged.
  glm::vec2 uv_min(1e9f), uv_max(-1e9f);
  for (const glm::vec2& uv : mesh.uv0) uv_min = glm::min(uv_min, uv), uv_max = glm::max(uv_max, uv);
  EXPECT_EQ(uv_min, glm::vec2(0.0f, 0.0f));
  EXPECT_EQ(uv_max, glm::vec2(6.0f, 1.0f));

  // One node places the mesh, under a root that rotates +Y to -Z.
  ASSERT_EQ(model.instances.size(), 1u);
  EXPECT_EQ(model.instances[0].mesh, 0u);
  const glm::vec3 y_axis = glm::vec3(model.instances[0].world * glm::vec4(0, 1, 0, 0));
  EXPECT_NEAR(glm::distance(y_axis, glm::vec3(0, 0, -1)), 0.0f, 1e-6f);
  EXPECT_NEAR(glm::distance(model.bounds.min, glm::vec3(-0.5f)), 0.0f, 1e-6f);
  EXPECT_NEAR(glm::distance(model.bounds.max, glm::vec3(0.5f)), 0.0f, 1e-6f);

  // Material "Texture": metallicFactor 0, everything else the glTF defaults.
  ASSERT_LT(mesh.material, model.materials.size());
  const MaterialData& mat = model.materials[mesh.material];
  EXPECT_EQ(mat.name, "Texture");
  EXPECT_EQ(mat.metallic_factor, 0.0f);
  EXPECT_EQ(mat.roughness_factor, 1.0f);
  EXPECT_EQ(mat.base_color_factor, glm::vec4(1.0f));
  EXPECT_EQ(mat.emissive_factor, glm::vec3(0.0f));
  EXPECT_EQ(mat.alpha_mode, AlphaMode::opaque);
  EXPECT_FALSE(mat.double_sided);
  EXPECT_FALSE(mat.metal_rough_texture || mat.normal_texture || mat.emissive_texture);

  // Base colour: CesiumLogoFlat.png next to the model (211x211), decoded to the
  // same pixels as reading the PNG directly.
  ASSERT_TRUE(mat.base_color_texture.has_value());
  EXPECT_TRUE(mat.base_color_texture->srgb);
  ASSERT_EQ(model.images.size(), 1u);
  ASSERT_LT(mat.base_color_texture->image, model.images.size());
  const ModelImage& image = model.images[mat.base_color_texture->image];
  EXPECT_EQ(fs::path(image.source).filename(), "CesiumLogoFlat.png");
  EXPECT_EQ(image.image.width, 211);
  EXPECT_EQ(image.image.height, 211);
  auto direct = read_png(kBoxTextured.parent_path() / "CesiumLogoFlat.png");
  ASSERT_TRUE(direct.ok());
  ImageDiff diff = compare_images(*direct, image.image, 0);
  EXPECT_TRUE(diff.same_size);
  EXPECT_EQ(diff.pixels_over_tolerance, 0u);
}

TEST(AssetImport, BoxTexturedBinaryMatchesTheGltf) {
  ModelData text = import_ok(kBoxTextured);
  ModelData binary = import_ok(kBoxTexturedGlb);
  expect_well_formed(binary);
  ASSERT_EQ(text.images.size(), 1u);
  ASSERT_EQ(binary.meshes.size(), 1u);
  ASSERT_EQ(text.meshes.size(), 1u);
  EXPECT_EQ(binary.meshes[0].vertex_count(), 24u);
  EXPECT_EQ(binary.meshes[0].indices, text.meshes[0].indices);
  EXPECT_EQ(binary.meshes[0].positions, text.meshes[0].positions);
  EXPECT_EQ(binary.meshes[0].uv0, text.meshes[0].uv0);

  // The .glb embeds the same PNG in its binary chunk.
  ASSERT_LT(binary.meshes[0].material, binary.materials.size());
  const MaterialData& mat = binary.materials[binary.meshes[0].material];
  ASSERT_TRUE(mat.base_color_texture.has_value());
  ASSERT_LT(mat.base_color_texture->image, binary.images.size());
  const ModelImage& image = binary.images[mat.base_color_texture->image];
  EXPECT_TRUE(Contains(image.source, "#embedded 0"));
  ImageDiff diff = compare_images(text.images[0].image, image.image, 0);
  EXPECT_TRUE(diff.same_size);
  EXPECT_EQ(diff.pixels_over_tolerance, 0u);
}

TEST(AssetImport, BoxTexturedWithDataUriImage) {
  ModelData model = import_ok(kGltf2 / "BoxTextured-glTF-Embedded" / "BoxTextured.gltf");
  expect_well_formed(model);
  ASSERT_EQ(model.images.size(), 1u);
  EXPECT_EQ(model.images[0].image.width, 211);
  EXPECT_EQ(model.images[0].image.height, 211);
}

// Every count is compared with what the file's own JSON describes.
TEST(AssetImport, CylinderEngineMatchesItsJson) {
  const Json gltf = glb_json(kEngineGlb);
  ASSERT_TRUE(gltf.contains("nodes"));
  std::size_t primitives = 0, indices = 0;
  for (const Json& mesh : gltf["meshes"]) {
    for (const Json& prim : mesh["primitives"]) {
      ++primitives;
      indices += gltf["accessors"][prim["indices"].get<int>()]["count"].get<std::size_t>();
    }
  }
  // Mesh placements: every node reachable from the scene, times its primitive count.
  std::size_t placements = 0;
  std::function<void(int)> walk = [&](int node) {
    const Json& n = gltf["nodes"][node];
    if (n.contains("mesh")) placements += gltf["meshes"][n["mesh"].get<int>()]["primitives"].size();
    if (n.contains("children"))
      for (const Json& child : n["children"]) walk(child.get<int>());
  };
  for (const Json& root : gltf["scenes"][gltf.value("scene", 0)]["nodes"]) walk(root.get<int>());

  ModelData model = import_ok(kEngineGlb);
  expect_well_formed(model);
  EXPECT_EQ(model.meshes.size(), primitives);  // one MeshData per glTF primitive
  EXPECT_EQ(model.total_indices(), indices);
  EXPECT_EQ(model.instances.size(), placements);
  EXPECT_GT(model.instanced_triangles(), model.total_indices() / 3);  // some meshes are placed more than once
  EXPECT_GT(glm::length(model.bounds.extent()), 0.0f);
}

// OBJ whose .mtl names its JPEG textures with Windows paths (".\SpiderTex.jpg").
TEST(AssetImport, ObjWithBackslashTexturePaths) {
  const fs::path obj = kModels / "OBJ" / "spider.obj";
  ModelData model = import_ok(obj);
  expect_well_formed(model);
  EXPECT_EQ(model.meshes.size(), 19u);

  // The .mtl names five different images; each is decoded once, pixel-identical
  // to reading the JPEG directly.
  auto mtl = read_file_text(kModels / "OBJ" / "spider.mtl");
  ASSERT_TRUE(mtl.ok());
  std::set<std::string> named;
  for (std::string_view line : split(*mtl, '\n')) {
    if (!line.starts_with("map_Kd")) continue;
    std::string name(line.substr(line.find('\\') + 1));
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
    named.insert(name);
  }
  ASSERT_EQ(named.size(), 5u);
  ASSERT_EQ(model.images.size(), named.size());
  for (const ModelImage& image : model.images) {
    const std::string file = fs::path(image.source).filename().string();
    EXPECT_TRUE(named.contains(file)) << file;
    auto direct = read_png(kModels / "OBJ" / file);
    ASSERT_TRUE(direct.ok());
    EXPECT_EQ(compare_images(*direct, image.image, 0).pixels_over_tolerance, 0u);
    EXPECT_TRUE(compare_images(*direct, image.image, 0).same_size);
  }
  std::size_t textured = 0;
  for (const MaterialData& mat : model.materials) {
    if (!mat.base_color_texture) continue;
    ++textured;
    EXPECT_TRUE(mat.base_color_texture->srgb);
    EXPECT_EQ(mat.metallic_factor, 0.0f);  // classic materials are dielectric
  }
  EXPECT_EQ(textured, 5u);
}

// Every material of a real glTF (19 of them: factors, alpha modes, base colour,
// metal-rough, normal and emissive textures, images shared between materials)
// compared with what the file's JSON says.
TEST(AssetImport, ClearCoatMaterialsMatchTheirJson) {
  const fs::path path = kGltf2 / "ClearCoat-glTF" / "ClearCoatTest.gltf";
  auto json = load_json_file(path);
  ASSERT_TRUE(json.ok());
  const Json& gltf = *json;
  ModelData model = import_ok(path);
  expect_well_formed(model);
  ASSERT_GE(model.materials.size(), gltf["materials"].size());

  auto vec = [](const Json& j, glm::vec4 fallback) {
    for (std::size_t i = 0; i < j.size(); ++i) fallback[int(i)] = j[i].get<float>();
    return fallback;
  };
  std::set<std::string> files_used;
  // The image file a glTF texture slot names, or "" when the slot is empty.
  auto file_of = [&](const Json& holder, const char* slot) -> std::string {
    if (!holder.contains(slot)) return {};
    const int texture = holder[slot]["index"].get<int>();
    const int source = gltf["textures"][texture]["source"].get<int>();
    std::string uri = gltf["images"][source]["uri"].get<std::string>();
    files_used.insert(uri);
    return uri;
  };
  auto check_slot = [&](const std::optional<TextureRef>& ref, const std::string& expected_file, bool srgb) {
    if (expected_file.empty()) {
      EXPECT_FALSE(ref.has_value());
      return;
    }
    ASSERT_TRUE(ref.has_value()) << expected_file;
    ASSERT_LT(ref->image, model.images.size());
    EXPECT_EQ(fs::path(model.images[ref->image].source).filename(), expected_file);
    EXPECT_EQ(ref->srgb, srgb);
  };
  for (std::size_t i = 0; i < gltf["materials"].size(); ++i) {
    const Json& m = gltf["materials"][i];
    const Json pbr = m.value("pbrMetallicRoughness", Json::object());
    const MaterialData& mat = model.materials[i];
    SCOPED_TRACE(mat.name);
    EXPECT_EQ(mat.name, m["name"].get<std::string>());
    const glm::vec4 base = vec(pbr.value("baseColorFactor", Json::array()), glm::vec4(1.0f));
    for (int c = 0; c < 4; ++c) EXPECT_FLOAT_EQ(mat.base_color_factor[c], base[c]);
    EXPECT_FLOAT_EQ(mat.metallic_factor, pbr.value("metallicFactor", 1.0f));
    EXPECT_FLOAT_EQ(mat.roughness_factor, pbr.value("roughnessFactor", 1.0f));
    const glm::vec3 emissive = glm::vec3(vec(m.value("emissiveFactor", Json::array()), glm::vec4(0.0f)));
    EXPECT_EQ(mat.emissive_factor, emissive);
    const std::string mode = m.value("alphaMode", std::string("OPAQUE"));
    EXPECT_EQ(mat.alpha_mode, mode == "BLEND" ? AlphaMode::blend : mode == "MASK" ? AlphaMode::mask : AlphaMode::opaque);
    EXPECT_EQ(mat.double_sided, m.value("doubleSided", false));
    check_slot(mat.base_color_texture, file_of(pbr, "baseColorTexture"), true);
    check_slot(mat.metal_rough_texture, file_of(pbr, "metallicRoughnessTexture"), false);
    check_slot(mat.normal_texture, file_of(m, "normalTexture"), false);
    check_slot(mat.emissive_texture, file_of(m, "emissiveTexture"), true);
  }
  // One decoded image per file, however many materials share it.
  EXPECT_EQ(model.images.size(), files_used.size());
}

// An OBJ with quads and no normals: triangulated, normals generated facing out.
TEST(AssetImport, ObjQuadsWithoutNormals) {
  ModelData model = import_ok(kModels / "OBJ" / "box.obj");
  expect_well_formed(model);
  ASSERT_EQ(model.meshes.size(), 1u);
  const MeshData& mesh = model.meshes[0];
  EXPECT_EQ(mesh.vertex_count(), 8u);
  EXPECT_EQ(mesh.triangle_count(), 12u);
  EXPECT_FALSE(mesh.has_uv0);
  EXPECT_TRUE(mesh.tangents.empty());
  for (std::size_t v = 0; v < mesh.vertex_count(); ++v) {
    // Corners of a centred cube: the normal points away from the centre on every axis.
    EXPECT_EQ(glm::sign(mesh.normals[v]), glm::sign(mesh.positions[v])) << "vertex " << v;
  }
  EXPECT_EQ(model.bounds.min, glm::vec3(-0.5f));
  EXPECT_EQ(model.bounds.max, glm::vec3(0.5f));
}

TEST(AssetImport, FbxBox) {
  ModelData model = import_ok(kModels / "FBX" / "box.fbx");
  expect_well_formed(model);
  ASSERT_EQ(model.meshes.size(), 1u);
  EXPECT_EQ(model.meshes[0].triangle_count(), 12u);
  EXPECT_EQ(model.instances.size(), 1u);
}

// ---------------------------------------------------------------------------
// The broken files of assimp-testmodels

// One triangle references vertex 255 of 24. Assimp's glTF importer drops that
// triangle (and the vertex only it used) and keeps the rest: a valid model.
TEST(AssetImportBroken, IndexOutOfRangeDropsTheBadTriangle) {
  ModelData model = import_ok(kGltf2 / "IndexOutOfRange" / "IndexOutOfRange.gltf");
  expect_well_formed(model);
  ASSERT_EQ(model.meshes.size(), 1u);
  EXPECT_EQ(model.meshes[0].triangle_count(), 11u);
  for (std::uint32_t i : model.meshes[0].indices) EXPECT_LT(i, model.meshes[0].vertex_count());
}

TEST(AssetImportBroken, AllIndicesOutOfRange) {
  std::string message = import_error(kGltf2 / "IndexOutOfRange" / "AllIndicesOutOfRange.gltf");
  EXPECT_TRUE(Contains(message, "has no faces"));
}

// Meshes whose vertex counts do not divide into triangles, and line meshes.
TEST(AssetImportBroken, IncorrectVertexArraysRefusesLines) {
  std::string message = import_error(kGltf2 / "IncorrectVertexArrays" / "Cube.gltf");
  EXPECT_TRUE(Contains(message, "\"Lines\""));
  EXPECT_TRUE(Contains(message, "only triangles are supported"));
}

TEST(AssetImportBroken, SchemaFailure) {
  std::string message = import_error(kGltf2 / "SchemaFailures" / "sceneWrongType.gltf");
  EXPECT_TRUE(Contains(message, "\"scene\" was not of type \"uint\""));
}

TEST(AssetImportBroken, MissingBin) {
  std::string message = import_error(kGltf2 / "MissingBin" / "BoxTextured.gltf");
  EXPECT_TRUE(Contains(message, "BoxTextured0.bin"));
}

TEST(AssetImportBroken, RecursiveNodes) {
  std::string message = import_error(kGltf2 / "RecursiveNodes" / "RecursiveNodes.gltf");
  EXPECT_TRUE(Contains(message, "recursive reference"));
}

// Assimp reads it; our own check finds the infinite positions.
TEST(AssetImportBroken, BoxWithInfinites) {
  std::string message = import_error(kGltf2 / "BoxWithInfinites-glTF-Binary" / "BoxWithInfinites.glb");
  EXPECT_TRUE(Contains(message, "mesh 0 \"Mesh\": position of vertex"));
  EXPECT_TRUE(Contains(message, "not a finite number"));
}

TEST(AssetImportBroken, WrongTypes) {
  const std::pair<const char*, const char*> cases[] = {
      {"badArray.gltf", "\"primitives\" was not of type \"array\""},
      {"badExtension.gltf", "\"KHR_texture_transform\" was not of type \"object\""},
      {"badNumber.gltf", "\"scale\" was not of type \"number\""},
      {"badObject.gltf", "\"pbrMetallicRoughness\" was not of type \"object\""},
      {"badString.gltf", "\"name\" was not of type \"string\""},
      {"badUint.gltf", "\"index\" was not of type \"uint\""},
  };
  for (const auto& [file, expected] : cases) {
    SCOPED_TRACE(file);
    EXPECT_TRUE(Contains(import_error(kGltf2 / "wrongTypes" / file), expected));
  }
}

// Cut at many points: header only, inside the JSON chunk, inside the binary chunk.
TEST(AssetImportBroken, TruncatedGlb) {
  const fs::path dir = scratch_folder();
  const std::vector<std::uint8_t> whole = bytes_of(kBoxTexturedGlb);
  ASSERT_GT(whole.size(), 4000u);
  for (std::size_t cut = 1; cut < whole.size(); cut += cut < 64 ? 5 : 97) {
    SCOPED_TRACE(cut);
    const fs::path path = dir / cat("cut_", cut, ".glb");
    write_bytes(path, std::span(whole).first(cut));
    import_error(path);
  }
  // One byte short.
  const fs::path path = dir / "short_by_one.glb";
  write_bytes(path, std::span(whole).first(whole.size() - 1));
  import_error(path);
}

TEST(AssetImportBroken, TruncatedGltf) {
  const fs::path dir = scratch_folder();
  fs::copy_file(kBoxTextured.parent_path() / "BoxTextured0.bin", dir / "BoxTextured0.bin");
  fs::copy_file(kBoxTextured.parent_path() / "CesiumLogoFlat.png", dir / "CesiumLogoFlat.png");
  const std::vector<std::uint8_t> whole = bytes_of(kBoxTextured);
  for (std::size_t cut : {std::size_t(1), whole.size() / 3, whole.size() / 2, whole.size() - 2}) {
    SCOPED_TRACE(cut);
    const fs::path path = dir / cat("cut_", cut, ".gltf");
    write_bytes(path, std::span(whole).first(cut));
    import_error(path);
  }
  // The same folder with the whole file imports: the failures above are the cuts.
  write_bytes(dir / "whole.gltf", whole);
  import_ok(dir / "whole.gltf");
}

TEST(AssetImportBroken, TruncatedBuffer) {
  const fs::path dir = scratch_folder();
  fs::copy_file(kBoxTextured, dir / "BoxTextured.gltf");
  fs::copy_file(kBoxTextured.parent_path() / "CesiumLogoFlat.png", dir / "CesiumLogoFlat.png");
  const std::vector<std::uint8_t> bin = bytes_of(kBoxTextured.parent_path() / "BoxTextured0.bin");
  write_bytes(dir / "BoxTextured0.bin", std::span(bin).first(500));
  import_error(dir / "BoxTextured.gltf");

  // Assimp 5.2 leaks the open buffer stream on this error; the importer closes
  // it, so repeated failing imports do not run out of file descriptors.
  auto open_descriptors = [] {
    return std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator{});
  };
  const auto before = open_descriptors();
  for (int i = 0; i < 20; ++i) import_error(dir / "BoxTextured.gltf");
  EXPECT_EQ(open_descriptors(), before);
}

TEST(AssetImportBroken, EmptyFile) {
  const fs::path dir = scratch_folder();
  for (const char* name : {"empty.gltf", "empty.glb", "empty.obj", "empty.fbx"}) {
    write_bytes(dir / name, {});
    EXPECT_TRUE(Contains(import_error(dir / name), "file is empty"));
  }
}

TEST(AssetImportBroken, MissingFile) {
  const fs::path path = scratch_folder() / "nowhere.gltf";
  EXPECT_TRUE(Contains(import_error(path), "file not found"));
}

TEST(AssetImportBroken, FolderInsteadOfFile) {
  const fs::path path = scratch_folder() / "folder.glb";
  fs::create_directories(path);
  EXPECT_TRUE(Contains(import_error(path), "is a folder"));
}

TEST(AssetImportBroken, UnsupportedExtensionsAreRefusedBeforeReading) {
  const fs::path dir = scratch_folder();
  EXPECT_TRUE(Contains(import_error(kModels / "Collada" / "COLLADA.dae"), "unsupported model format \".dae\""));
  EXPECT_TRUE(Contains(import_error(kModels / "STL" / "triangle.stl"), "(supported: .gltf, .glb, .obj, .fbx)"));
  write_bytes(dir / "model", bytes_of(kBoxTexturedGlb));
  EXPECT_TRUE(Contains(import_error(dir / "model"), "\"(no extension)\""));
  // Case does not matter.
  fs::copy_file(kBoxTexturedGlb, dir / "BOX.GLB");
  import_ok(dir / "BOX.GLB");
}

// An STL renamed to .gltf. Assimp's own fallback would hand it to its STL
// importer by signature; with only our three importers enabled it is refused.
TEST(AssetImportBroken, DisguisedFileIsNotReadByAnotherImporter) {
  const fs::path path = scratch_folder() / "triangle.gltf";
  fs::copy_file(kModels / "STL" / "triangle.stl", path);
  import_error(path);
}

TEST(AssetImportBroken, MissingTexture) {
  const fs::path dir = scratch_folder();
  fs::copy_file(kBoxTextured, dir / "BoxTextured.gltf");
  fs::copy_file(kBoxTextured.parent_path() / "BoxTextured0.bin", dir / "BoxTextured0.bin");
  std::string message = import_error(dir / "BoxTextured.gltf");
  EXPECT_TRUE(Contains(message, "material 0 \"Texture\": base colour texture \"CesiumLogoFlat.png\" not found"));
}

TEST(AssetImportBroken, CorruptTexture) {
  const fs::path dir = scratch_folder();
  fs::copy_file(kBoxTextured, dir / "BoxTextured.gltf");
  fs::copy_file(kBoxTextured.parent_path() / "BoxTextured0.bin", dir / "BoxTextured0.bin");
  std::vector<std::uint8_t> png = bytes_of(kBoxTextured.parent_path() / "CesiumLogoFlat.png");
  write_bytes(dir / "CesiumLogoFlat.png", std::span(png).first(100));  // header intact, data cut
  std::string message = import_error(dir / "BoxTextured.gltf");
  EXPECT_TRUE(Contains(message, "base colour texture: "));
  EXPECT_TRUE(Contains(message, "CesiumLogoFlat.png: not a readable image"));
}

// Random byte damage to a valid .glb: every variant either imports to a
// well-formed model or is refused with a message; none crashes.
TEST(AssetImportBroken, DamagedGlbNeverCrashes) {
  const fs::path dir = scratch_folder();
  const std::vector<std::uint8_t> whole = bytes_of(kBoxTexturedGlb);
  std::mt19937 rng(1234);
  int refused = 0, imported = 0;
  for (int variant = 0; variant < 150; ++variant) {
    std::vector<std::uint8_t> bytes = whole;
    const int flips = 1 + int(rng() % 8);
    for (int f = 0; f < flips; ++f) bytes[rng() % bytes.size()] = std::uint8_t(rng());
    const fs::path path = dir / cat("variant_", variant, ".glb");
    write_bytes(path, bytes);
    auto result = import_model(path);
    if (result.ok()) {
      ++imported;
      expect_well_formed(*result);
    } else {
      ++refused;
      EXPECT_TRUE(result.error().message.starts_with(path.string() + ": ")) << result.error().message;
    }
  }
  EXPECT_EQ(refused + imported, 150);
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace kagami::asset
