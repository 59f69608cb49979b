// check_model on hand-built models: the checks that import_model relies on
// after Assimp, each shown to fire on the defect it names (Assimp's own
// validation catches several of these in real files before we see them).
#include <gtest/gtest.h>

#include <limits>

#include "asset_test_support.h"
#include "kagami/asset/model_import.h"

namespace kagami::asset {
namespace {

using test::Contains;

// One triangle, one material, one instance.
ModelData triangle_model() {
  ModelData model;
  MeshData mesh;
  mesh.name = "tri";
  mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  mesh.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
  mesh.uv0 = {{0, 0}, {1, 0}, {0, 1}};
  mesh.indices = {0, 1, 2};
  for (const auto& p : mesh.positions) mesh.bounds.extend(p);
  model.meshes.push_back(mesh);
  model.materials.push_back(MaterialData{});
  model.instances.push_back(MeshInstance{0, glm::mat4(1.0f), "node"});
  return model;
}

std::string refusal(const ModelData& model, const ImportLimits& limits = {}) {
  auto result = check_model(model, limits, "test.glb");
  EXPECT_FALSE(result.ok());
  if (result.ok()) return {};
  EXPECT_TRUE(result.error().message.starts_with("test.glb: ")) << result.error().message;
  return result.error().message;
}

TEST(AssetCheckModel, AcceptsAValidModel) {
  auto result = check_model(triangle_model(), {}, "test.glb");
  EXPECT_TRUE(result.ok()) << result.error().message;
}

TEST(AssetCheckModel, IndexOutOfRange) {
  ModelData model = triangle_model();
  model.meshes[0].indices[2] = 3;
  EXPECT_TRUE(Contains(refusal(model), "mesh 0 \"tri\": index 2 is 3, out of range for 3 vertices"));
}

TEST(AssetCheckModel, IndicesNotWholeTriangles) {
  ModelData model = triangle_model();
  model.meshes[0].indices.push_back(0);
  EXPECT_TRUE(Contains(refusal(model), "4 indices is not a whole number of triangles"));
  model.meshes[0].indices.clear();
  EXPECT_TRUE(Contains(refusal(model), "has no triangles"));
}

TEST(AssetCheckModel, NonFiniteValues) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  {
    ModelData model = triangle_model();
    model.meshes[0].positions[1].y = nan;
    EXPECT_TRUE(Contains(refusal(model), "position of vertex 1 is not a finite number"));
  }
  {
    ModelData model = triangle_model();
    model.meshes[0].positions[2].z = -inf;
    EXPECT_TRUE(Contains(refusal(model), "position of vertex 2 is not a finite number"));
  }
  {
    ModelData model = triangle_model();
    model.meshes[0].normals[0].x = inf;
    EXPECT_TRUE(Contains(refusal(model), "normal of vertex 0"));
  }
  {
    ModelData model = triangle_model();
    model.meshes[0].uv0[0].x = nan;
    EXPECT_TRUE(Contains(refusal(model), "uv0 of vertex 0"));
  }
  {
    ModelData model = triangle_model();
    model.instances[0].world[3][0] = nan;
    EXPECT_TRUE(Contains(refusal(model), "node \"node\": its world transform is not finite"));
  }
  {
    ModelData model = triangle_model();
    model.materials[0].roughness_factor = nan;
    EXPECT_TRUE(Contains(refusal(model), "material 0"));
  }
}

TEST(AssetCheckModel, ArrayLengthsMustAgree) {
  ModelData model = triangle_model();
  model.meshes[0].normals.pop_back();
  EXPECT_TRUE(Contains(refusal(model), "vertex arrays disagree in length (3 positions, 2 normals"));
  model = triangle_model();
  model.meshes[0].tangents = {glm::vec4(1, 0, 0, 1)};
  EXPECT_TRUE(Contains(refusal(model), "1 tangents"));
}

TEST(AssetCheckModel, ReferencesMustExist) {
  ModelData model = triangle_model();
  model.meshes[0].material = 1;
  EXPECT_TRUE(Contains(refusal(model), "material 1 does not exist (the model has 1)"));

  model = triangle_model();
  model.instances[0].mesh = 4;
  EXPECT_TRUE(Contains(refusal(model), "node \"node\" refers to mesh 4"));

  model = triangle_model();
  model.materials[0].normal_texture = TextureRef{0, false};
  EXPECT_TRUE(Contains(refusal(model), "normal texture refers to image 0, which does not exist"));

  model = triangle_model();
  model.instances.clear();
  EXPECT_TRUE(Contains(refusal(model), "no node places any mesh"));
}

TEST(AssetCheckModel, Images) {
  ModelData model = triangle_model();
  model.images.push_back(ModelImage{"a.png", ImageRgba8{4, 4, std::vector<std::uint8_t>(4 * 4 * 4)}});
  model.materials[0].base_color_texture = TextureRef{0, true};
  EXPECT_TRUE(check_model(model, {}, "test.glb").ok());

  ImportLimits limits;
  limits.max_texture_dimension = 3;
  EXPECT_TRUE(Contains(refusal(model, limits), "image 0 (a.png) is 4x4, over the limit of 3"));

  model.images[0].image.pixels.pop_back();
  EXPECT_TRUE(Contains(refusal(model), "image 0 (a.png) has inconsistent size 4x4 with 63 bytes"));
}

TEST(AssetCheckModel, Limits) {
  ModelData model = triangle_model();
  model.meshes.push_back(model.meshes[0]);
  ImportLimits limits;
  limits.max_meshes = 1;
  EXPECT_TRUE(Contains(refusal(model, limits), "2 meshes, over the limit of 1"));
  limits = {};
  limits.max_vertices = 5;
  EXPECT_TRUE(Contains(refusal(model, limits), "6 vertices, over the limit of 5"));
  limits = {};
  limits.max_indices = 5;
  EXPECT_TRUE(Contains(refusal(model, limits), "6 indices, over the limit of 5"));
  limits = {};
  limits.max_instances = 0;
  EXPECT_TRUE(Contains(refusal(model, limits), "over the limit of 0"));
  EXPECT_TRUE(check_model(ModelData{}, {}, "x").ok() == false);
}

TEST(AssetCheckModel, CountHelpers) {
  ModelData model = triangle_model();
  model.meshes.push_back(model.meshes[0]);
  model.instances.push_back(MeshInstance{0, glm::mat4(1.0f), "again"});
  model.instances.push_back(MeshInstance{1, glm::mat4(1.0f), "other"});
  EXPECT_EQ(model.total_vertices(), 6u);
  EXPECT_EQ(model.total_indices(), 6u);
  EXPECT_EQ(model.instanced_triangles(), 3u);
  EXPECT_STREQ(to_string(AlphaMode::mask), "mask");
}

TEST(AssetImport, SupportedExtensions) {
  EXPECT_TRUE(is_supported_model_extension("a/b.gltf"));
  EXPECT_TRUE(is_supported_model_extension("b.GLB"));
  EXPECT_TRUE(is_supported_model_extension("b.Obj"));
  EXPECT_TRUE(is_supported_model_extension("b.fbx"));
  EXPECT_FALSE(is_supported_model_extension("b.dae"));
  EXPECT_FALSE(is_supported_model_extension("b.gltf.bak"));
  EXPECT_FALSE(is_supported_model_extension("gltf"));
}

}  // namespace
}  // namespace kagami::asset
