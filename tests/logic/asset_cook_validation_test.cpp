// Loading refuses every file it cannot use, with a message that names the file
// and the reason, and never crashes: foreign files, old and new format
// versions, truncated copies, flipped bits (caught by the checksums), and
// damaged structure behind valid checksums (caught field by field).
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "asset_cook_support.h"

namespace kagami::asset {
namespace {

using namespace kagami::asset::test;

std::vector<std::uint8_t> small_cooked_file() {
  static const std::vector<std::uint8_t> bytes = cook_ok(textured_quad(solid_image(8, 8, {1, 2, 3, 255})));
  return bytes;
}

std::string refusal(std::span<const std::uint8_t> bytes, const CookedLoadOptions& options = {}) {
  auto model = parse_cooked_model(bytes, "damaged.kgmc", options);
  EXPECT_FALSE(model.ok()) << "a damaged file was accepted";
  if (model.ok()) return {};
  EXPECT_TRUE(model.error().message.starts_with("damaged.kgmc: ")) << model.error().message;
  return model.error().message;
}

// Makes every checksum valid again after an edit, so only the structural
// checks stand between the edit and the reader.
void reseal(std::vector<std::uint8_t>& bytes) { seal_cooked_file(bytes); }

const CookedLoadOptions kVerifyAll{.verify_bulk_data = true};

bool in_bulk_section(const std::vector<std::uint8_t>& bytes, std::size_t at);

CookedSectionEntry section_of(const std::vector<std::uint8_t>& bytes, std::uint32_t kind, std::size_t* table_index = nullptr) {
  CookedFileHeader header;
  std::memcpy(&header, bytes.data(), sizeof header);
  for (std::uint32_t i = 0; i < header.section_count; ++i) {
    CookedSectionEntry e;
    std::memcpy(&e, bytes.data() + header.section_table_offset + i * sizeof e, sizeof e);
    if (e.kind != kind) continue;
    if (table_index) *table_index = header.section_table_offset + i * sizeof e;
    return e;
  }
  ADD_FAILURE() << "no section " << kind;
  return {};
}

template <typename T>
void edit_record(std::vector<std::uint8_t>& bytes, std::uint32_t kind, std::size_t index, void (*edit)(T&)) {
  const CookedSectionEntry e = section_of(bytes, kind);
  ASSERT_EQ(e.record_bytes, sizeof(T));
  T record;
  std::memcpy(&record, bytes.data() + e.offset + index * sizeof(T), sizeof(T));
  edit(record);
  std::memcpy(bytes.data() + e.offset + index * sizeof(T), &record, sizeof(T));
  reseal(bytes);
}

// What a renderer relies on in any file the loader accepted.
void expect_usable(const CookedModel& model) {
  const auto file = model.file_bytes();
  auto inside = [&](std::span<const std::uint8_t> s) {
    return s.empty() || (s.data() >= file.data() && s.data() + s.size() <= file.data() + file.size());
  };
  for (const CookedMesh& mesh : model.meshes()) {
    ASSERT_TRUE(inside(mesh.vertex_bytes) && inside(mesh.index_bytes) && inside(mesh.tangent_bytes));
    ASSERT_EQ(mesh.vertex_bytes.size(), std::size_t(mesh.vertex_count) * 32);
    ASSERT_EQ(mesh.index_bytes.size(), std::size_t(mesh.index_count) * 4);
    ASSERT_LT(mesh.material, model.materials().size());
    for (std::size_t i = 0; i < mesh.index_count; ++i) ASSERT_LT(mesh.index(i), mesh.vertex_count);
  }
  for (const CookedTexture& texture : model.textures()) {
    ASSERT_EQ(texture.levels.size(), full_mip_count(texture.width, texture.height));
    for (const CookedMipLevel& level : texture.levels) {
      ASSERT_TRUE(inside(level.bytes));
      ASSERT_EQ(level.bytes.size(), texture_level_bytes(texture.format, level.width, level.height));
    }
  }
  for (const CookedMaterial& m : model.materials())
    for (const auto& t : {m.base_color_texture, m.metal_rough_texture, m.normal_texture, m.emissive_texture})
      if (t) {
        ASSERT_LT(*t, model.textures().size());
      }
  for (const CookedInstance& instance : model.instances()) ASSERT_LT(instance.mesh, model.meshes().size());
}

TEST(AssetCookValidation, ForeignFilesAreNotCookedModels) {
  EXPECT_TRUE(Contains(refusal(bytes_of(test::kBoxTextured.parent_path() / "CesiumLogoFlat.png")),
                       "not a Kagami cooked model (starts with bytes 89 50 4e 47, not \"KGMC\")"));
  EXPECT_TRUE(Contains(refusal(bytes_of(test::kEngineGlb)), "not a Kagami cooked model"));
  EXPECT_TRUE(Contains(refusal({}), "not a Kagami cooked model (0 bytes, too short for a header)"));
}

TEST(AssetCookValidation, OlderAndNewerFormatVersionsAreRefused) {
  for (std::uint32_t version : {kCookedFormatVersion - 1, kCookedFormatVersion + 1, 0xffffffffu}) {
    std::vector<std::uint8_t> bytes = small_cooked_file();
    std::memcpy(bytes.data() + 4, &version, 4);
    const bool older = version < kCookedFormatVersion;
    EXPECT_EQ(refusal(bytes), cat("damaged.kgmc: was cooked by format version ", version, "; this build reads version ",
                                  kCookedFormatVersion, " (the file is ", older ? "older" : "newer", "): re-cook it"));
  }
}

TEST(AssetCookValidation, EveryTruncationIsRefused) {
  const std::vector<std::uint8_t> bytes = small_cooked_file();
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    const std::string message = refusal(std::span(bytes).first(size));
    if (size >= sizeof(CookedFileHeader)) {
      ASSERT_TRUE(Contains(message, cat("is ", size, " bytes but its header says ", bytes.size(), " (truncated)")));
    } else if (size >= 8) {
      ASSERT_TRUE(Contains(message, "truncated"));
    }
  }
  std::vector<std::uint8_t> longer = bytes;
  longer.push_back(0);
  EXPECT_TRUE(Contains(refusal(longer), "bytes were appended"));
}

TEST(AssetCookValidation, EverySingleBitFlipIsRefusedWhenVerifyingEverything) {
  const std::vector<std::uint8_t> bytes = small_cooked_file();
  for (std::size_t bit = 0; bit < bytes.size() * 8; ++bit) {
    std::vector<std::uint8_t> damaged = bytes;
    damaged[bit / 8] ^= std::uint8_t(1u << (bit % 8));
    ASSERT_FALSE(parse_cooked_model(damaged, "damaged.kgmc", kVerifyAll).ok()) << "flip of bit " << bit << " was accepted";
  }
}

// A default load skips only the bulk data's checksum: a flip anywhere else
// (header, table, records, names, padding between sections) is still refused.
TEST(AssetCookValidation, DefaultLoadRefusesEveryFlipOutsideBulkData) {
  const std::vector<std::uint8_t> bytes = small_cooked_file();
  std::size_t checked = 0;
  for (std::size_t bit = 0; bit < bytes.size() * 8; ++bit) {
    if (in_bulk_section(bytes, bit / 8)) continue;
    std::vector<std::uint8_t> damaged = bytes;
    damaged[bit / 8] ^= std::uint8_t(1u << (bit % 8));
    ++checked;
    ASSERT_FALSE(parse_cooked_model(damaged, "damaged.kgmc").ok()) << "flip of bit " << bit << " was accepted";
  }
  EXPECT_GT(checked, bytes.size() * 8 / 2);
}

TEST(AssetCookValidation, TruncatedAndFlippedRealFileOnDisk) {
  const fs::path dir = scratch_folder();
  const std::vector<std::uint8_t> bytes = cook_ok(import_ok(test::kBoxTextured));
  std::mt19937 rng(20240601);
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<std::uint8_t> damaged = bytes;
    if (trial % 2 == 0) damaged.resize(std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng));
    else damaged[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng)] ^= std::uint8_t(1u << (trial % 8));
    write_bytes(dir / "damaged.kgmc", damaged);
    auto model = load_cooked_model(dir / "damaged.kgmc", kVerifyAll);
    ASSERT_FALSE(model.ok());
    EXPECT_TRUE(model.error().message.starts_with((dir / "damaged.kgmc").string() + ": ")) << model.error().message;
  }
}

// Behind a valid checksum (a buggy writer, a hand-edited file), every field is
// still checked: no flip crashes the reader, and whatever it accepts is usable.
TEST(AssetCookValidation, FlippedBitsBehindAValidChecksumNeverCrash) {
  const std::vector<std::uint8_t> bytes = small_cooked_file();
  std::size_t refused = 0, flips = 0;
  for (std::size_t bit = 0; bit < bytes.size() * 8; ++bit) {
    if (bit / 8 >= offsetof(CookedFileHeader, metadata_checksum) && bit / 8 < sizeof(CookedFileHeader)) continue;  // resealed
    std::vector<std::uint8_t> damaged = bytes;
    damaged[bit / 8] ^= std::uint8_t(1u << (bit % 8));
    reseal(damaged);
    ++flips;
    auto model = parse_cooked_model(damaged, "damaged.kgmc");
    if (!model.ok()) {
      ++refused;
      continue;
    }
    expect_usable(*model);
    if (HasFatalFailure()) FAIL() << "flip of bit " << bit << " gave an unusable model";
  }
  // Names, factors and texel bytes may change harmlessly; the structure may not.
  EXPECT_GT(refused, flips / 10) << refused << " of " << flips << " flips refused";
}

TEST(AssetCookValidation, IndexOutOfRangeIsRefused) {
  std::vector<std::uint8_t> bytes = small_cooked_file();
  const CookedSectionEntry indices = section_of(bytes, section::indices);
  const std::uint32_t bad = 4;  // the quad has 4 vertices
  std::memcpy(bytes.data() + indices.offset + 5 * 4, &bad, 4);
  reseal(bytes);
  EXPECT_TRUE(Contains(refusal(bytes), "mesh 0 has index 4 (at 5) but only 4 vertices"));
}

TEST(AssetCookValidation, DamagedRecordsAreNamed) {
  const std::vector<std::uint8_t> good = small_cooked_file();
  struct Case {
    void (*edit)(std::vector<std::uint8_t>&);
    const char* expected;
  };
  const Case cases[] = {
      {[](auto& b) { edit_record<CookedMeshRecord>(b, section::meshes, 0, [](auto& r) { r.vertex_count = 1000; }); },
       "mesh 0 vertices 0+1000 or indices 0+6 lie outside the file's 4 vertices and 6 indices"},
      {[](auto& b) { edit_record<CookedMeshRecord>(b, section::meshes, 0, [](auto& r) { r.first_index = ~0ull; }); },
       "lie outside the file's"},
      {[](auto& b) { edit_record<CookedMeshRecord>(b, section::meshes, 0, [](auto& r) { r.material = 7; }); },
       "mesh 0 uses material 7; the file has 1"},
      {[](auto& b) { edit_record<CookedMeshRecord>(b, section::meshes, 0, [](auto& r) { r.index_count = 5; }); },
       "mesh 0 has 5 indices, not whole triangles"},
      {[](auto& b) { edit_record<CookedMeshRecord>(b, section::meshes, 0, [](auto& r) { r.name.length = 1u << 30; }); },
       "mesh 0 name lies outside the string table"},
      {[](auto& b) { edit_record<CookedMaterialRecord>(b, section::materials, 0, [](auto& r) { r.textures[2] = 3; }); },
       "material 0 uses texture 3; the file has 1"},
      {[](auto& b) { edit_record<CookedMaterialRecord>(b, section::materials, 0, [](auto& r) { r.alpha_mode = 9; }); },
       "material 0 has alpha mode 9"},
      {[](auto& b) { edit_record<CookedTextureRecord>(b, section::textures, 0, [](auto& r) { r.format = 77; }); },
       "texture 0 has unknown format 77"},
      {[](auto& b) { edit_record<CookedTextureRecord>(b, section::textures, 0, [](auto& r) { r.width = 64; }); },
       "a full chain of a 64x8 texture has 7"},
      {[](auto& b) { edit_record<CookedMipRecord>(b, section::mips, 1, [](auto& r) { r.bytes = 64; }); },
       "texture 0 level 1 is 4x4 in 64 bytes; expected 4x4 in 8"},
      {[](auto& b) { edit_record<CookedMipRecord>(b, section::mips, 2, [](auto& r) { r.offset = 1u << 20; }); },
       "texture 0 level 2 (8 bytes at 1048576) is misaligned or lies outside the texel data"},
      {[](auto& b) { edit_record<CookedInstanceRecord>(b, section::instances, 0, [](auto& r) { r.mesh = 1; }); },
       "instance 0 places mesh 1; the file has 1"},
      {[](auto& b) { edit_record<CookedModelRecord>(b, section::model, 0, [](auto& r) { r.bounds_min[1] = INFINITY; }); },
       "model bounds are not finite"},
  };
  for (const Case& c : cases) {
    std::vector<std::uint8_t> bytes = good;
    c.edit(bytes);
    EXPECT_TRUE(Contains(refusal(bytes), c.expected));
  }
}

// A mesh claiming tangents in a file that has none (even with no vertices).
TEST(AssetCookValidation, TangentsClaimedWithoutATangentSection) {
  ModelData model = textured_quad(solid_image(4, 4, {0, 0, 0, 255}));
  model.meshes[0].tangents.clear();
  std::vector<std::uint8_t> bytes = cook_ok(model);
  EXPECT_TRUE(parse_ok(bytes).meshes()[0].tangent_bytes.empty());
  edit_record<CookedMeshRecord>(bytes, section::meshes, 0, [](auto& r) {
    r.flags |= mesh_flags::has_tangents;
    r.vertex_count = r.index_count = 0;
  });
  EXPECT_TRUE(Contains(refusal(bytes), "mesh 0 tangents 0+0 lie outside the file's 0"));
}

TEST(AssetCookValidation, DamagedSectionTableIsRefused) {
  const std::vector<std::uint8_t> good = small_cooked_file();
  auto with_entry = [&](std::uint32_t kind, void (*edit)(CookedSectionEntry&)) {
    std::vector<std::uint8_t> bytes = good;
    std::size_t at = 0;
    CookedSectionEntry e = section_of(bytes, kind, &at);
    edit(e);
    std::memcpy(bytes.data() + at, &e, sizeof e);
    reseal(bytes);
    return refusal(bytes);
  };
  EXPECT_TRUE(Contains(with_entry(section::vertices, [](auto& e) { e.bytes += 1u << 20; }), "section VERT ("));
  EXPECT_TRUE(Contains(with_entry(section::vertices, [](auto& e) { e.offset = ~0ull - 15; }), "runs past the end"));
  EXPECT_TRUE(Contains(with_entry(section::vertices, [](auto& e) { e.offset += 4; }), "is misaligned"));
  EXPECT_TRUE(Contains(with_entry(section::meshes, [](auto& e) { e.record_bytes = 64; }),
                       "section MESH has 64-byte records; this build expects 72"));
  EXPECT_TRUE(Contains(with_entry(section::indices, [](auto& e) { e.bytes -= 2; }), "section INDX is 22 bytes, not whole records"));
  EXPECT_TRUE(Contains(with_entry(section::texels, [](auto& e) { e.kind = 0x01020304; }), "unknown section 0x01020304"));
  EXPECT_TRUE(Contains(with_entry(section::texels, [](auto& e) { e.kind = section::vertices; }), "has two VERT sections"));
  EXPECT_TRUE(Contains(with_entry(section::dependencies, [](auto& e) { e.kind = cooked_section_kind("ABCD"); }),
                       "unknown section ABCD"));

  std::vector<std::uint8_t> bytes = good;
  CookedFileHeader header;
  std::memcpy(&header, bytes.data(), sizeof header);
  header.section_count = 1000;
  std::memcpy(bytes.data(), &header, sizeof header);
  reseal(bytes);
  EXPECT_TRUE(Contains(refusal(bytes), "has 1000 sections, over the limit of 64"));
  header.section_count = 3;  // drops the later sections: required ones go missing
  std::memcpy(bytes.data(), &header, sizeof header);
  reseal(bytes);
  EXPECT_TRUE(Contains(refusal(bytes), "has no "));
}

// Only the bulk checksum catches damage to vertex or texel values, which no
// structural check can judge; a default load accepts it (wrong pixels, never
// a crash), a verifying load (the cache's) refuses it.
TEST(AssetCookValidation, BulkDataDamageIsCaughtWhenVerifying) {
  std::vector<std::uint8_t> bytes = small_cooked_file();
  const CookedSectionEntry vertices = section_of(bytes, section::vertices);
  bytes[vertices.offset] ^= 0x01;  // the low bit of a position's mantissa
  EXPECT_TRUE(Contains(refusal(bytes, kVerifyAll), "contents are damaged (checksum mismatch); re-cook it"));
  EXPECT_TRUE(parse_cooked_model(bytes, "damaged.kgmc").ok());

  bytes = small_cooked_file();
  const CookedSectionEntry materials = section_of(bytes, section::materials);
  bytes[materials.offset + offsetof(CookedMaterialRecord, roughness_factor)] ^= 0x01;
  EXPECT_TRUE(Contains(refusal(bytes), "section table or records are damaged (checksum mismatch); re-cook it"));
}

bool in_bulk_section(const std::vector<std::uint8_t>& bytes, std::size_t at) {
  for (std::uint32_t kind : {section::vertices, section::indices, section::tangents, section::texels}) {
    const CookedSectionEntry e = section_of(bytes, kind);
    if (at >= e.offset && at < e.offset + e.bytes) return true;
  }
  return false;
}

}  // namespace
}  // namespace kagami::asset
