// import_model's own limits and checks, on small glTF files written by the
// test for defects the test models do not have, and on the test models with
// tightened limits.
#include <gtest/gtest.h>

#include <filesystem>
#include <limits>

#include "asset_test_support.h"
#include "kagami/core/json.h"

namespace kagami::asset {
namespace {

namespace fs = std::filesystem;
using namespace kagami::asset::test;

struct TinyGltf {
  std::vector<glm::vec3> positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  std::vector<glm::vec3> normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
  std::vector<glm::vec2> uvs = {{0, 0}, {1, 0}, {0, 1}};
  std::vector<std::uint32_t> indices = {0, 1, 2};
  int mode = 4;                  // glTF primitive mode: 0 points, 1 lines, 4 triangles
  std::string matrix = "";       // a node "matrix" member, as JSON text
  std::string material = "";     // one glTF material, as JSON text
};

// Writes name.gltf and name.bin into dir; returns the .gltf path.
fs::path write_tiny_gltf(const fs::path& dir, const std::string& name, const TinyGltf& t) {
  std::vector<std::uint8_t> bin;
  auto append = [&](const void* data, std::size_t size) {
    const auto* b = static_cast<const std::uint8_t*>(data);
    bin.insert(bin.end(), b, b + size);
  };
  const std::size_t n = t.positions.size();
  append(t.positions.data(), n * sizeof(glm::vec3));
  append(t.normals.data(), n * sizeof(glm::vec3));
  append(t.uvs.data(), n * sizeof(glm::vec2));
  append(t.indices.data(), t.indices.size() * 4);
  const std::size_t p = 0, nrm = n * 12, uv = n * 24, idx = n * 32;
  std::string json = cat(R"({"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],)",
                         R"("nodes": [{"mesh": 0)", t.matrix.empty() ? "" : ", \"matrix\": " + t.matrix, "}],",
                         R"("meshes": [{"name": "tiny", "primitives": [{"mode": )", t.mode,
                         R"(, "indices": 3, "attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2})",
                         t.material.empty() ? "" : R"(, "material": 0)", "}]}],",
                         t.material.empty() ? "" : cat(R"("materials": [)", t.material, "],"),
                         R"("buffers": [{"uri": ")", name, R"(.bin", "byteLength": )", bin.size(), "}],",
                         R"("bufferViews": [)",
                         R"({"buffer": 0, "byteOffset": )", p, R"(, "byteLength": )", n * 12, "},",
                         R"({"buffer": 0, "byteOffset": )", nrm, R"(, "byteLength": )", n * 12, "},",
                         R"({"buffer": 0, "byteOffset": )", uv, R"(, "byteLength": )", n * 8, "},",
                         R"({"buffer": 0, "byteOffset": )", idx, R"(, "byteLength": )", t.indices.size() * 4, "}],",
                         R"("accessors": [)",
                         R"({"bufferView": 0, "componentType": 5126, "count": )", n, R"(, "type": "VEC3"},)",
                         R"({"bufferView": 1, "componentType": 5126, "count": )", n, R"(, "type": "VEC3"},)",
                         R"({"bufferView": 2, "componentType": 5126, "count": )", n, R"(, "type": "VEC2"},)",
                         R"({"bufferView": 3, "componentType": 5125, "count": )", t.indices.size(),
                         R"(, "type": "SCALAR"}]})");
  EXPECT_TRUE(write_file_atomic(dir / (name + ".bin"), bin).ok());
  EXPECT_TRUE(write_file_atomic(dir / (name + ".gltf"), json).ok());
  return dir / (name + ".gltf");
}

TEST(AssetImportTiny, TriangleImports) {
  ModelData model = import_ok(write_tiny_gltf(scratch_folder(), "tri", TinyGltf{}));
  expect_well_formed(model);
  ASSERT_EQ(model.meshes.size(), 1u);
  EXPECT_EQ(model.meshes[0].name, "tiny");
  EXPECT_EQ(model.meshes[0].triangle_count(), 1u);
  EXPECT_EQ(model.meshes[0].normals[0], glm::vec3(0, 0, 1));
  // The importer adds a default material for a primitive that names none.
  EXPECT_LT(model.meshes[0].material, model.materials.size());
}

TEST(AssetImportTiny, MaterialFactorsAndModes) {
  TinyGltf t;
  t.material = R"({"name": "cutout", "doubleSided": true, "alphaMode": "MASK", "alphaCutoff": 0.25,
                   "emissiveFactor": [0.5, 0.25, 1.0],
                   "pbrMetallicRoughness": {"baseColorFactor": [0.1, 0.2, 0.3, 0.4],
                                            "metallicFactor": 0.75, "roughnessFactor": 0.125}})";
  ModelData model = import_ok(write_tiny_gltf(scratch_folder(), "material", t));
  expect_well_formed(model);
  ASSERT_EQ(model.meshes.size(), 1u);
  ASSERT_LT(model.meshes[0].material, model.materials.size());
  const MaterialData& mat = model.materials[model.meshes[0].material];
  EXPECT_EQ(mat.name, "cutout");
  EXPECT_TRUE(mat.double_sided);
  EXPECT_EQ(mat.alpha_mode, AlphaMode::mask);
  EXPECT_FLOAT_EQ(mat.alpha_cutoff, 0.25f);
  EXPECT_EQ(mat.emissive_factor, glm::vec3(0.5f, 0.25f, 1.0f));
  EXPECT_EQ(mat.base_color_factor, glm::vec4(0.1f, 0.2f, 0.3f, 0.4f));
  EXPECT_FLOAT_EQ(mat.metallic_factor, 0.75f);
  EXPECT_FLOAT_EQ(mat.roughness_factor, 0.125f);
  EXPECT_FALSE(mat.base_color_texture || mat.metal_rough_texture || mat.normal_texture || mat.emissive_texture);

  // And the defaults: single-sided, opaque.
  t.material = R"({"name": "plain", "alphaMode": "BLEND"})";
  ModelData plain = import_ok(write_tiny_gltf(scratch_folder(), "plain", t));
  ASSERT_EQ(plain.meshes.size(), 1u);
  const MaterialData& p = plain.materials[plain.meshes[0].material];
  EXPECT_FALSE(p.double_sided);
  EXPECT_EQ(p.alpha_mode, AlphaMode::blend);
  EXPECT_EQ(p.base_color_factor, glm::vec4(1.0f));
}

// Normals far too long to square in float still come back as unit vectors.
TEST(AssetImportTiny, HugeNormalsAreNormalised) {
  TinyGltf t;
  t.normals.assign(3, glm::vec3(3e38f, 3e38f, 0.0f));
  ModelData model = import_ok(write_tiny_gltf(scratch_folder(), "huge", t));
  expect_well_formed(model);
  ASSERT_EQ(model.meshes.size(), 1u);
  for (const glm::vec3& n : model.meshes[0].normals)
    EXPECT_NEAR(glm::distance(n, glm::vec3(0.70710678f, 0.70710678f, 0.0f)), 0.0f, 1e-5f);
  ASSERT_EQ(model.meshes[0].tangents.size(), 3u);
  for (const glm::vec4& tan : model.meshes[0].tangents)
    EXPECT_NEAR(glm::dot(glm::vec3(tan), model.meshes[0].normals[0]), 0.0f, 1e-5f);
}

// All uvs equal: no tangent can be derived; each vertex still gets a unit
// tangent perpendicular to its normal.
TEST(AssetImportTiny, DegenerateUvsStillGiveTangents) {
  TinyGltf t;
  t.uvs.assign(3, glm::vec2(0.5f));
  ModelData model = import_ok(write_tiny_gltf(scratch_folder(), "flat_uv", t));
  expect_well_formed(model);
  ASSERT_EQ(model.meshes.size(), 1u);
  ASSERT_EQ(model.meshes[0].tangents.size(), 3u);
  for (std::size_t v = 0; v < 3; ++v)
    EXPECT_NEAR(glm::dot(glm::vec3(model.meshes[0].tangents[v]), model.meshes[0].normals[v]), 0.0f, 1e-5f);
}

TEST(AssetImportTiny, NanPositionIsRefused) {
  TinyGltf t;
  t.positions[1].x = std::numeric_limits<float>::quiet_NaN();
  std::string message = import_error(write_tiny_gltf(scratch_folder(), "nan", t));
  EXPECT_TRUE(Contains(message, "mesh 0 \"tiny\": position of vertex"));
  EXPECT_TRUE(Contains(message, "not a finite number"));
}

TEST(AssetImportTiny, PointsAreRefused) {
  TinyGltf t;
  t.mode = 0;
  EXPECT_TRUE(Contains(import_error(write_tiny_gltf(scratch_folder(), "points", t)), "has 3 point, 0 line"));
}

// 1e39 is a valid JSON number but overflows float: the node's transform is infinite.
TEST(AssetImportTiny, InfiniteNodeTransformIsRefused) {
  TinyGltf t;
  t.matrix = "[1e39, 0, 0, 0,  0, 1, 0, 0,  0, 0, 1, 0,  0, 0, 0, 1]";
  std::string message = import_error(write_tiny_gltf(scratch_folder(), "inf_node", t));
  EXPECT_TRUE(Contains(message, "world transform is not finite"));
}

// ---------------------------------------------------------------------------
// Limits

TEST(AssetImportLimits, Vertices) {
  ImportLimits limits;
  limits.max_vertices = 23;
  EXPECT_TRUE(Contains(import_error(kBoxTextured, limits), "24 vertices, over the limit of 23"));
  limits.max_vertices = 24;
  import_ok(kBoxTextured, limits);
}

TEST(AssetImportLimits, Indices) {
  ImportLimits limits;
  limits.max_indices = 35;
  EXPECT_TRUE(Contains(import_error(kBoxTextured, limits), "36 indices, over the limit of 35"));
}

TEST(AssetImportLimits, Meshes) {
  ImportLimits limits;
  limits.max_meshes = 10;
  EXPECT_TRUE(Contains(import_error(kEngineGlb, limits), "34 meshes, over the limit of 10"));
}

TEST(AssetImportLimits, InstancesAndNodeDepth) {
  ImportLimits limits;
  limits.max_instances = 5;
  EXPECT_TRUE(Contains(import_error(kEngineGlb, limits), "more than 5 times"));
  limits = {};
  limits.max_node_depth = 0;  // the box's mesh node is a child of the root
  EXPECT_TRUE(Contains(import_error(kBoxTextured, limits), "nested deeper than the limit of 0 levels"));
}

TEST(AssetImportLimits, TextureDimension) {
  ImportLimits limits;
  limits.max_texture_dimension = 128;
  std::string message = import_error(kBoxTextured, limits);
  EXPECT_TRUE(Contains(message, "211x211, over the limit of 128"));
  EXPECT_TRUE(Contains(message, "base colour texture"));
  // Embedded images are held to the same limit.
  EXPECT_TRUE(Contains(import_error(kBoxTexturedGlb, limits), "211x211, over the limit of 128"));
}

TEST(AssetImportLimits, FileBytes) {
  ImportLimits limits;
  limits.max_file_bytes = 1000;  // the .gltf itself is 3695 bytes
  EXPECT_TRUE(Contains(import_error(kBoxTextured, limits), "3695 bytes, over the limit of 1000"));

  // A small model whose external buffer is over the limit: the buffer is refused by name.
  const fs::path dir = scratch_folder();
  auto gltf = load_json_file(kBoxTextured);
  ASSERT_TRUE(gltf.ok());
  ASSERT_TRUE(write_file_atomic(dir / "box.gltf", gltf->dump()).ok());  // compact: under 3000 bytes
  std::vector<std::uint8_t> bin = bytes_of(kBoxTextured.parent_path() / "BoxTextured0.bin");
  bin.resize(4000, 0);  // padding after the declared byteLength
  write_bytes(dir / "BoxTextured0.bin", bin);
  fs::copy_file(kBoxTextured.parent_path() / "CesiumLogoFlat.png", dir / "CesiumLogoFlat.png");
  import_ok(dir / "box.gltf");  // the padding itself is harmless
  limits.max_file_bytes = 3000;
  ASSERT_LT(fs::file_size(dir / "box.gltf"), 3000u);
  std::string message = import_error(dir / "box.gltf", limits);
  EXPECT_TRUE(Contains(message, "BoxTextured0.bin\" is 4000 bytes, over the limit of 3000"));

  // The same for a texture file.
  bin.resize(840);
  write_bytes(dir / "BoxTextured0.bin", bin);
  std::vector<std::uint8_t> png = bytes_of(kBoxTextured.parent_path() / "CesiumLogoFlat.png");
  png.resize(3500, 0);  // trailing bytes after the PNG's end chunk
  write_bytes(dir / "CesiumLogoFlat.png", png);
  message = import_error(dir / "box.gltf", limits);
  EXPECT_TRUE(Contains(message, "CesiumLogoFlat.png is 3500 bytes, over the limit of 3000"));
}

}  // namespace
}  // namespace kagami::asset
