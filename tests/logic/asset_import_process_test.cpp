// Import isolation: Assimp runs in a child process, so a crash or a hang inside
// it on a damaged file becomes an Error, and what comes back through the pipe
// is exactly what an in-process import produces.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "asset_test_support.h"

// White-box: the pipe codec is internal to the asset module (src/assimp_bridge.h).
namespace kagami::asset::detail {
std::vector<std::uint8_t> encode_import_result(const Result<ModelData>& result);
Result<ModelData> decode_import_result(std::span<const std::uint8_t> bytes, std::string_view source_name);
}  // namespace kagami::asset::detail

namespace kagami::asset {
namespace {

namespace fs = std::filesystem;
using namespace kagami::asset::test;

ImportLimits in_process() {
  ImportLimits limits;
  limits.isolate = false;
  return limits;
}

// A one-byte change inside the base64 of the texture embedded in an ASCII FBX
// corrupts Assimp 5.2.5's heap (a double free). In a child process
// that is an Error, and this process carries on.
TEST(AssetImportProcess, CrashInsideAssimpBecomesAnError) {
  const fs::path original = kModels / "FBX" / "box_orphant_embedded_texture.fbx";
  std::vector<std::uint8_t> bytes = bytes_of(original);
  constexpr std::size_t kOffset = 28490;  // inside the "Content" base64 block
  ASSERT_GT(bytes.size(), kOffset);
  ASSERT_EQ(bytes[kOffset], 'G');
  import_ok(original);  // the undamaged file imports

  bytes[kOffset] = '.';
  const fs::path damaged = scratch_folder() / "damaged.fbx";
  write_bytes(damaged, bytes);
  const std::string message = import_error(damaged);
  // Heap corruption: glibc aborts (SIGABRT) or the child faults first (SIGSEGV),
  // depending on the heap's state; AddressSanitizer builds exit with status 1.
  EXPECT_TRUE(Contains(message, "; the file is probably damaged"));
  EXPECT_TRUE(Contains(message, "the importer crashed on this file (signal ") ||
              Contains(message, "the import process failed (exit status"))
      << message;
  // And the process that asked is fine: the next import works.
  import_ok(kBoxTextured);
}

TEST(AssetImportProcess, TimeLimit) {
  ImportLimits limits;
  limits.max_import_time = std::chrono::milliseconds(1);  // the engine takes far longer to import
  EXPECT_TRUE(Contains(import_error(kEngineGlb, limits), "the import took longer than 1 ms and was stopped"));
  import_ok(kEngineGlb);  // within the default limit
}

// The child's result, through the pipe, equals an in-process import: models
// bit for bit (images, warnings and all), errors word for word.
TEST(AssetImportProcess, SameResultAsInProcess) {
  const fs::path files[] = {
      kBoxTextured,
      kBoxTexturedGlb,
      kEngineGlb,
      kGltf2 / "ClearCoat-glTF" / "ClearCoatTest.gltf",
      kGltf2 / "BoxTexcoords-glTF" / "boxTexcoords.gltf",  // warns: a texture on uv set 1
      kModels / "OBJ" / "spider.obj",
      kModels / "FBX" / "box.fbx",
      kGltf2 / "IndexOutOfRange" / "IndexOutOfRange.gltf",
      kGltf2 / "IncorrectVertexArrays" / "Cube.gltf",
      kGltf2 / "MissingBin" / "BoxTextured.gltf",
      kGltf2 / "RecursiveNodes" / "RecursiveNodes.gltf",
      kGltf2 / "BoxWithInfinites-glTF-Binary" / "BoxWithInfinites.glb",
      kGltf2 / "wrongTypes" / "badUint.gltf",
  };
  int models = 0, errors = 0;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    auto child = import_model(file);
    auto here = import_model(file, in_process());
    ASSERT_EQ(child.ok(), here.ok()) << (child.ok() ? here.error().message : child.error().message);
    if (child.ok()) {
      ++models;
      expect_same_model(*child, *here);
    } else {
      ++errors;
      EXPECT_EQ(child.error().message, here.error().message);
    }
  }
  EXPECT_EQ(models, 8);
  EXPECT_EQ(errors, 5);
}

TEST(AssetImportProcess, WarningsComeBackFromTheChild) {
  ModelData model = import_ok(kGltf2 / "BoxTexcoords-glTF" / "boxTexcoords.gltf");
  ASSERT_EQ(model.warnings.size(), 1u);
  EXPECT_TRUE(model.warnings[0].starts_with((kGltf2 / "BoxTexcoords-glTF" / "boxTexcoords.gltf").string() + ": "));
  EXPECT_TRUE(Contains(model.warnings[0], "metal-rough texture uses uv set 1"));
}

// The codec between child and parent: a round trip is exact, and a stream cut
// anywhere (a child that died while writing) or damaged is refused, never misread.
TEST(AssetImportProcess, ResultCodec) {
  ModelData model = import_ok(kBoxTexturedGlb);
  model.warnings.push_back("a warning");
  const std::vector<std::uint8_t> bytes = detail::encode_import_result(model);
  auto back = detail::decode_import_result(bytes, "x.glb");
  ASSERT_TRUE(back.ok()) << back.error().message;
  expect_same_model(model, *back);

  for (std::size_t cut = 0; cut < bytes.size(); cut += (cut < 256 ? 1 : 509)) {
    auto partial = detail::decode_import_result(std::span(bytes).first(cut), "x.glb");
    ASSERT_FALSE(partial.ok()) << "cut at " << cut;
    EXPECT_TRUE(partial.error().message.starts_with("x.glb: the import process sent")) << partial.error().message;
  }
  std::vector<std::uint8_t> longer = bytes;
  longer.push_back(0);
  EXPECT_FALSE(detail::decode_import_result(longer, "x.glb").ok());
  // A count field made huge: refused without trying to allocate it.
  std::vector<std::uint8_t> huge = bytes;
  const std::size_t mesh_count_at = 4 + 4 + 1 + 8 + model.source.string().size();
  for (int b = 0; b < 8; ++b) huge[mesh_count_at + b] = 0xff;
  EXPECT_FALSE(detail::decode_import_result(huge, "x.glb").ok());

  auto error = detail::decode_import_result(detail::encode_import_result(make_error("y.gltf: broken")), "y.gltf");
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.error().message, "y.gltf: broken");
}

}  // namespace
}  // namespace kagami::asset
