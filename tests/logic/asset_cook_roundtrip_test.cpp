// Cook -> load gives back the imported model: the same triangles (reordered by
// the optimiser, never changed), the same materials, instances and bounds, and
// textures with full mip chains. The cooked bytes are deterministic.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>

#include "asset_cook_support.h"

namespace kagami::asset {
namespace {

using namespace kagami::asset::test;

// A triangle as 3 x (position, normal, uv, tangent), rotated so its smallest
// vertex comes first: the winding is kept, the starting corner is not.
using Triangle = std::array<float, 36>;
using Corner = std::array<float, 12>;

Triangle make_triangle(std::array<Corner, 3> c) {
  const auto first = std::min_element(c.begin(), c.end()) - c.begin();
  std::rotate(c.begin(), c.begin() + first, c.end());
  Triangle t;
  for (int i = 0; i < 3; ++i) std::copy(c[i].begin(), c[i].end(), t.begin() + i * 12);
  return t;
}

std::vector<Triangle> triangles_of(const MeshData& mesh) {
  std::vector<Triangle> out;
  auto corner = [&](std::uint32_t v) {
    Corner c{};
    std::memcpy(&c[0], &mesh.positions[v], 12);
    std::memcpy(&c[3], &mesh.normals[v], 12);
    std::memcpy(&c[6], &mesh.uv0[v], 8);
    if (!mesh.tangents.empty()) std::memcpy(&c[8], &mesh.tangents[v], 16);
    return c;
  };
  for (std::size_t i = 0; i < mesh.indices.size(); i += 3)
    out.push_back(make_triangle({corner(mesh.indices[i]), corner(mesh.indices[i + 1]), corner(mesh.indices[i + 2])}));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Triangle> triangles_of(const CookedMesh& mesh) {
  std::vector<Triangle> out;
  auto corner = [&](std::uint32_t v) {
    Corner c{};
    const CookedVertex vertex = mesh.vertex(v);
    std::memcpy(&c[0], &vertex, 32);
    if (!mesh.tangent_bytes.empty()) {
      const glm::vec4 t = mesh.tangent(v);
      std::memcpy(&c[8], &t, 16);
    }
    return c;
  };
  for (std::size_t i = 0; i < mesh.index_count; i += 3)
    out.push_back(make_triangle({corner(mesh.index(i)), corner(mesh.index(i + 1)), corner(mesh.index(i + 2))}));
  std::sort(out.begin(), out.end());
  return out;
}

// Vertex shader invocations per triangle on a 16-entry FIFO cache: the figure
// meshoptimizer's vertex cache step lowers.
double fifo_acmr(std::span<const std::uint32_t> indices) {
  std::deque<std::uint32_t> cache;
  std::size_t misses = 0;
  for (std::uint32_t i : indices) {
    if (std::find(cache.begin(), cache.end(), i) != cache.end()) continue;
    ++misses;
    cache.push_back(i);
    if (cache.size() > 16) cache.pop_front();
  }
  return indices.empty() ? 0.0 : double(misses) / double(indices.size() / 3);
}

void expect_same_as_import(const ModelData& imported, const CookedModel& cooked) {
  EXPECT_EQ(cooked.source(), imported.source.filename().string());
  EXPECT_EQ(cooked.bounds().min, imported.bounds.min);
  EXPECT_EQ(cooked.bounds().max, imported.bounds.max);

  ASSERT_EQ(cooked.meshes().size(), imported.meshes.size());
  for (std::size_t m = 0; m < imported.meshes.size(); ++m) {
    const MeshData& in = imported.meshes[m];
    const CookedMesh& out = cooked.meshes()[m];
    SCOPED_TRACE(in.name);
    EXPECT_EQ(out.name, in.name);
    EXPECT_EQ(out.material, in.material);
    EXPECT_EQ(out.has_uv0, in.has_uv0);
    EXPECT_EQ(out.index_count, in.indices.size());
    EXPECT_LE(out.vertex_count, in.vertex_count());  // unused vertices are dropped, none added
    EXPECT_EQ(out.tangent_bytes.size(), in.tangents.empty() ? 0u : out.vertex_count * 16u);
    EXPECT_EQ(out.vertex_bytes.size(), out.vertex_count * sizeof(CookedVertex));
    EXPECT_EQ(out.bounds.min, in.bounds.min);
    EXPECT_EQ(out.bounds.max, in.bounds.max);
    EXPECT_TRUE(triangles_of(in) == triangles_of(out)) << "the triangle sets differ";
    // Ready to upload: spans aligned for the GPU copy.
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(out.vertex_bytes.data()) % 16, 0u);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(out.index_bytes.data()) % 4, 0u);
  }

  ASSERT_EQ(cooked.materials().size(), imported.materials.size());
  for (std::size_t i = 0; i < imported.materials.size(); ++i) {
    const MaterialData& in = imported.materials[i];
    const CookedMaterial& out = cooked.materials()[i];
    EXPECT_EQ(out.name, in.name);
    EXPECT_EQ(out.base_color_factor, in.base_color_factor);
    EXPECT_EQ(out.metallic_factor, in.metallic_factor);
    EXPECT_EQ(out.roughness_factor, in.roughness_factor);
    EXPECT_EQ(out.emissive_factor, in.emissive_factor);
    EXPECT_EQ(out.alpha_mode, in.alpha_mode);
    EXPECT_EQ(out.alpha_cutoff, in.alpha_cutoff);
    EXPECT_EQ(out.double_sided, in.double_sided);
    auto same_texture = [&](const std::optional<TextureRef>& ref, const std::optional<std::uint32_t>& index) {
      if (!ref) return !index.has_value();
      if (!index || *index >= cooked.textures().size()) return false;
      const CookedTexture& t = cooked.textures()[*index];
      const ImageRgba8& image = imported.images[ref->image].image;
      return t.name == imported.images[ref->image].source && t.width == std::uint32_t(image.width) &&
             t.height == std::uint32_t(image.height) && is_srgb(t.format) == ref->srgb;
    };
    EXPECT_TRUE(same_texture(in.base_color_texture, out.base_color_texture));
    EXPECT_TRUE(same_texture(in.metal_rough_texture, out.metal_rough_texture));
    EXPECT_TRUE(same_texture(in.normal_texture, out.normal_texture));
    EXPECT_TRUE(same_texture(in.emissive_texture, out.emissive_texture));
  }

  ASSERT_EQ(cooked.instances().size(), imported.instances.size());
  for (std::size_t i = 0; i < imported.instances.size(); ++i) {
    EXPECT_EQ(cooked.instances()[i].mesh, imported.instances[i].mesh);
    EXPECT_EQ(cooked.instances()[i].world, imported.instances[i].world);
    EXPECT_EQ(cooked.instances()[i].node_name, imported.instances[i].node_name);
  }
  EXPECT_EQ(cooked.instanced_triangles(), imported.instanced_triangles());
}

TEST(AssetCookRoundTrip, BoxTexturedGltf) {
  const ModelData imported = import_ok(kBoxTextured);
  const std::vector<std::uint8_t> bytes = cook_ok(imported);
  const CookedModel cooked = parse_ok(bytes);
  expect_same_as_import(imported, cooked);
  EXPECT_EQ(cooked.cooker_version(), kCookerVersion);

  // CesiumLogoFlat.png, 211x211 opaque colour: BC1 sRGB, 8 levels down to 1x1.
  ASSERT_EQ(cooked.textures().size(), 1u);
  const CookedTexture& texture = cooked.textures()[0];
  EXPECT_EQ(texture.format, TextureFormat::bc1_srgb);
  ASSERT_EQ(texture.levels.size(), 8u);
  const std::uint32_t sizes[8] = {211, 105, 52, 26, 13, 6, 3, 1};
  for (std::size_t l = 0; l < 8; ++l) {
    EXPECT_EQ(texture.levels[l].width, sizes[l]);
    EXPECT_EQ(texture.levels[l].height, sizes[l]);
    const std::size_t blocks = (sizes[l] + 3) / 4;
    EXPECT_EQ(texture.levels[l].bytes.size(), blocks * blocks * 8) << "level " << l;
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(texture.levels[l].bytes.data()) % 16, 0u);
  }
  // No block uses BC1's transparent black (three-colour mode, index 3), so the
  // renderer may sample it as BC1_RGB or BC1_RGBA alike.
  for (const CookedMipLevel& level : texture.levels)
    for (std::size_t b = 0; b < level.bytes.size(); b += 8) {
      const std::uint8_t* block = level.bytes.data() + b;
      const int c0 = block[0] | block[1] << 8, c1 = block[2] | block[3] << 8;
      ASSERT_GE(c0, c1) << "block " << b / 8;
      if (c0 > c1) continue;
      for (int t = 0; t < 16; ++t) ASSERT_NE((block[4 + t / 4] >> (2 * (t % 4))) & 3, 3) << "block " << b / 8;
    }
  // Level 0 decodes back close to the image (BC1 is lossy: compare the mean error).
  const ImageRgba8 decoded = decode_level(texture.format, texture.levels[0]);
  const ImageRgba8& original = imported.images[0].image;
  ASSERT_EQ(decoded.pixels.size(), original.pixels.size());
  double error = 0;
  for (std::size_t i = 0; i < decoded.pixels.size(); ++i) error += std::abs(int(decoded.pixels[i]) - int(original.pixels[i]));
  EXPECT_LT(error / double(decoded.pixels.size()), 6.0);
}

TEST(AssetCookRoundTrip, CylinderEngineGlb) {
  const ModelData imported = import_ok(kEngineGlb);
  ASSERT_GT(imported.meshes.size(), 1u);
  const CookedModel cooked = parse_ok(cook_ok(imported));
  expect_same_as_import(imported, cooked);
  EXPECT_TRUE(cooked.textures().empty());

  // The optimiser earned its place: fewer vertex shader runs on the whole model.
  double before = 0, after = 0;
  for (std::size_t m = 0; m < imported.meshes.size(); ++m) {
    const std::size_t triangles = imported.meshes[m].triangle_count();
    before += fifo_acmr(imported.meshes[m].indices) * double(triangles);
    std::vector<std::uint32_t> cooked_indices(cooked.meshes()[m].index_count);
    std::memcpy(cooked_indices.data(), cooked.meshes()[m].index_bytes.data(), cooked_indices.size() * 4);
    after += fifo_acmr(cooked_indices) * double(triangles);
  }
  EXPECT_LT(after, before);
}

TEST(AssetCookRoundTrip, EmbeddedTexturesOfABinaryGltf) {
  const ModelData imported = import_ok(kBoxTexturedGlb);
  const CookedModel cooked = parse_ok(cook_ok(imported));
  expect_same_as_import(imported, cooked);
  ASSERT_EQ(cooked.textures().size(), 1u);
  EXPECT_TRUE(cooked.textures()[0].name.ends_with("#embedded 0")) << cooked.textures()[0].name;
}

TEST(AssetCookRoundTrip, CookingIsDeterministic) {
  const ModelData imported = import_ok(kBoxTextured);
  EXPECT_TRUE(cook_ok(imported) == cook_ok(imported));
}

TEST(AssetCookRoundTrip, HeaderRecordsKeyCookerAndDependencies) {
  CookOptions options;
  options.cooker_version = 41;
  options.content_hash = 0x0123456789abcdefull;
  options.dependencies = {{"quad.gltf", 100, 7}, {"sub dir/texture.png", kMissingDependency, 0}};
  const CookedModel cooked = parse_ok(cook_ok(textured_quad(solid_image(8, 8, {1, 2, 3, 255})), options));
  EXPECT_EQ(cooked.cooker_version(), 41u);
  EXPECT_EQ(cooked.content_hash(), 0x0123456789abcdefull);
  ASSERT_EQ(cooked.dependencies().size(), 2u);
  EXPECT_EQ(cooked.dependencies()[1].path, "sub dir/texture.png");
  EXPECT_EQ(cooked.dependencies()[1].bytes, kMissingDependency);
  EXPECT_EQ(cooked.dependencies()[0].hash, 7u);
}

TEST(AssetCookRoundTrip, WriteAndLoadAFile) {
  const fs::path dir = scratch_folder();
  const ModelData imported = import_ok(kBoxTextured);
  ASSERT_TRUE(write_cooked_model(imported, dir / "box.kgmc").ok());
  auto cooked = load_cooked_model(dir / "box.kgmc");
  ASSERT_TRUE(cooked.ok()) << cooked.error().message;
  expect_same_as_import(imported, *cooked);
  EXPECT_EQ(cooked->path(), (dir / "box.kgmc").string());
  EXPECT_EQ(cooked->file_bytes().size(), fs::file_size(dir / "box.kgmc"));
  // Exactly what the GPU gets: 24 vertices (32 B), 24 tangents (16 B), 36 indices, 8 BC1 levels.
  std::uint64_t texels = 0;
  for (const CookedMipLevel& level : cooked->textures()[0].levels) texels += level.bytes.size();
  EXPECT_EQ(cooked->gpu_bytes(), 24u * 32 + 24u * 16 + 36u * 4 + texels);

  auto missing = load_cooked_model(dir / "absent.kgmc");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(Contains(missing.error().message, (dir / "absent.kgmc").string()));
}

// The cooker refuses what it could not write correctly, naming the model.
TEST(AssetCookRoundTrip, RefusesAnInconsistentModel) {
  ModelData model = textured_quad(solid_image(4, 4, {0, 0, 0, 255}));
  model.meshes[0].indices[1] = 9;
  auto bytes = cook_model(model);
  ASSERT_FALSE(bytes.ok());
  EXPECT_TRUE(bytes.error().message.starts_with("quad.gltf: ")) << bytes.error().message;
}

}  // namespace
}  // namespace kagami::asset
