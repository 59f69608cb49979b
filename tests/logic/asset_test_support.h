#pragma once
// Shared by the asset tests: the test models of Debian's assimp-testmodels,
// scratch folders, and the checks every import result must pass.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "kagami/asset/model_import.h"
#include "kagami/core/file_io.h"

namespace kagami::asset::test {

namespace fs = std::filesystem;

inline ::testing::AssertionResult Contains(const std::string& text, std::string_view part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

inline const fs::path kModels = "/usr/share/assimp/models";
inline const fs::path kGltf2 = kModels / "glTF2";
inline const fs::path kBoxTextured = kGltf2 / "BoxTextured-glTF" / "BoxTextured.gltf";
inline const fs::path kBoxTexturedGlb = kGltf2 / "BoxTextured-glTF-Binary" / "BoxTextured.glb";
inline const fs::path kEngineGlb = kGltf2 / "2CylinderEngine-glTF-Binary" / "2CylinderEngine.glb";

// A fresh, empty folder named after the running test.
inline fs::path scratch_folder() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = fs::path(KAGAMI_TEST_OUTPUT_DIR) / info->test_suite_name() / info->name();
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

inline std::vector<std::uint8_t> bytes_of(const fs::path& path) {
  auto bytes = read_file_bytes(path);
  EXPECT_TRUE(bytes.ok()) << (bytes.ok() ? "" : bytes.error().message);
  return bytes.ok() ? *bytes : std::vector<std::uint8_t>{};
}

inline void write_bytes(const fs::path& path, std::span<const std::uint8_t> bytes) {
  auto r = write_file_atomic(path, bytes);
  ASSERT_TRUE(r.ok()) << r.error().message;
}

// Imports a file that must be refused; returns the message after checking that
// it starts with the file's path.
inline std::string import_error(const fs::path& path, const ImportLimits& limits = {}) {
  auto result = import_model(path, limits);
  EXPECT_FALSE(result.ok()) << path << " was imported, but should have been refused";
  if (result.ok()) return {};
  const std::string& message = result.error().message;
  EXPECT_TRUE(message.starts_with(path.string() + ": ")) << "message does not name the file: " << message;
  return message;
}

inline ModelData import_ok(const fs::path& path, const ImportLimits& limits = {}) {
  auto result = import_model(path, limits);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(*result) : ModelData{};
}

inline bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

// What every successful import must satisfy, whatever the file.
inline void expect_well_formed(const ModelData& model) {
  EXPECT_TRUE(check_model(model, ImportLimits{}, "model").ok());
  EXPECT_TRUE(model.bounds.valid());
  EXPECT_TRUE(finite(model.bounds.min) && finite(model.bounds.max));
  for (const MeshData& mesh : model.meshes) {
    for (const glm::vec3& n : mesh.normals) EXPECT_NEAR(glm::length(n), 1.0f, 1e-3f);
    for (const glm::vec4& t : mesh.tangents) {
      EXPECT_NEAR(glm::length(glm::vec3(t)), 1.0f, 1e-3f);
      EXPECT_EQ(std::abs(t.w), 1.0f);
    }
    for (const glm::vec3& p : mesh.positions) {
      EXPECT_TRUE(glm::all(glm::greaterThanEqual(p, mesh.bounds.min)));
      EXPECT_TRUE(glm::all(glm::lessThanEqual(p, mesh.bounds.max)));
    }
  }
  // The model bounds hold every instance's transformed vertices.
  for (const MeshInstance& inst : model.instances) {
    for (const glm::vec3& p : model.meshes[inst.mesh].positions) {
      const glm::vec3 w = glm::vec3(inst.world * glm::vec4(p, 1.0f));
      EXPECT_TRUE(glm::all(glm::greaterThanEqual(w, model.bounds.min - 1e-3f)));
      EXPECT_TRUE(glm::all(glm::lessThanEqual(w, model.bounds.max + 1e-3f)));
    }
  }
}

// Field-by-field equality of two imports (bit-exact: both came from the same code).
inline void expect_same_model(const ModelData& a, const ModelData& b) {
  EXPECT_EQ(a.source, b.source);
  ASSERT_EQ(a.meshes.size(), b.meshes.size());
  for (std::size_t i = 0; i < a.meshes.size(); ++i) {
    const MeshData& x = a.meshes[i];
    const MeshData& y = b.meshes[i];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.positions, y.positions);
    EXPECT_EQ(x.normals, y.normals);
    EXPECT_EQ(x.uv0, y.uv0);
    EXPECT_EQ(x.tangents, y.tangents);
    EXPECT_EQ(x.has_uv0, y.has_uv0);
    EXPECT_EQ(x.indices, y.indices);
    EXPECT_EQ(x.material, y.material);
    EXPECT_EQ(x.bounds.min, y.bounds.min);
    EXPECT_EQ(x.bounds.max, y.bounds.max);
  }
  ASSERT_EQ(a.materials.size(), b.materials.size());
  for (std::size_t i = 0; i < a.materials.size(); ++i) {
    const MaterialData& x = a.materials[i];
    const MaterialData& y = b.materials[i];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.base_color_factor, y.base_color_factor);
    EXPECT_EQ(x.metallic_factor, y.metallic_factor);
    EXPECT_EQ(x.roughness_factor, y.roughness_factor);
    EXPECT_EQ(x.emissive_factor, y.emissive_factor);
    EXPECT_EQ(x.alpha_mode, y.alpha_mode);
    EXPECT_EQ(x.alpha_cutoff, y.alpha_cutoff);
    EXPECT_EQ(x.double_sided, y.double_sided);
    auto same = [](const std::optional<TextureRef>& p, const std::optional<TextureRef>& q) {
      return p.has_value() == q.has_value() && (!p || (p->image == q->image && p->srgb == q->srgb));
    };
    EXPECT_TRUE(same(x.base_color_texture, y.base_color_texture));
    EXPECT_TRUE(same(x.metal_rough_texture, y.metal_rough_texture));
    EXPECT_TRUE(same(x.normal_texture, y.normal_texture));
    EXPECT_TRUE(same(x.emissive_texture, y.emissive_texture));
  }
  ASSERT_EQ(a.images.size(), b.images.size());
  for (std::size_t i = 0; i < a.images.size(); ++i) {
    EXPECT_EQ(a.images[i].source, b.images[i].source);
    EXPECT_EQ(a.images[i].image.width, b.images[i].image.width);
    EXPECT_EQ(a.images[i].image.height, b.images[i].image.height);
    EXPECT_EQ(a.images[i].image.pixels, b.images[i].image.pixels);
  }
  ASSERT_EQ(a.instances.size(), b.instances.size());
  for (std::size_t i = 0; i < a.instances.size(); ++i) {
    EXPECT_EQ(a.instances[i].mesh, b.instances[i].mesh);
    EXPECT_EQ(a.instances[i].world, b.instances[i].world);
    EXPECT_EQ(a.instances[i].node_name, b.instances[i].node_name);
  }
  EXPECT_EQ(a.bounds.min, b.bounds.min);
  EXPECT_EQ(a.bounds.max, b.bounds.max);
  EXPECT_EQ(a.warnings, b.warnings);
}

}  // namespace kagami::asset::test
