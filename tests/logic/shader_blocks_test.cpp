// Shaders read their per-frame constants from read-only storage buffers, never
// from uniform blocks. Lavapipe (Mesa 22.x, the CI device) folds uniform-block
// values that steer a loop or a branch into the shader and compiles a new one
// on every bind without freeing it: the film grew by ~4 MB a frame and paid a
// compile per pass per frame (shaders/shared/types.h). Push constants stay.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "test_scratch.h"

namespace kagami {
namespace {

std::vector<std::string> uniform_blocks_in(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  // `uniform Name {` declares a block; samplers (`uniform sampler2D x;`) do not.
  static const std::regex block(R"(layout\s*\(([^)]*)\)\s*uniform\s+\w+\s*\{)");
  std::vector<std::string> found;
  const std::string source = text.str();
  for (auto it = std::sregex_iterator(source.begin(), source.end(), block); it != std::sregex_iterator(); ++it) {
    if ((*it)[1].str().find("push_constant") == std::string::npos) found.push_back(it->str());
  }
  return found;
}

TEST(ShaderBlocks, NoShaderDeclaresAUniformBlockOtherThanPushConstants) {
  const std::filesystem::path shaders = std::filesystem::path(KAGAMI_SOURCE_DIR) / "shaders";
  ASSERT_TRUE(std::filesystem::is_directory(shaders)) << shaders;
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(shaders)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".vert" && ext != ".frag" && ext != ".comp" && ext != ".glsl") continue;
    ++files;
    for (const std::string& declaration : uniform_blocks_in(entry.path()))
      ADD_FAILURE() << entry.path().lexically_relative(shaders).string() << ": `" << declaration
                    << "`: use a `readonly buffer` (std430) instead; lavapipe recompiles shaders whose branches "
                       "read uniform blocks on every bind";
  }
  EXPECT_GT(files, 20) << "the shader folder was not found whole";
}

// The check itself: it sees a uniform block and lets push constants and samplers pass.
TEST(ShaderBlocks, TheCheckFindsAUniformBlock) {
  const std::filesystem::path file = testing::scratch_folder() / "probe.frag";
  {
    std::ofstream out(file);
    out << "layout(push_constant, std430) uniform Push { vec4 p; };\n"
           "layout(set = 0, binding = 1) uniform sampler2D tex;\n"
           "layout(set = 0, binding = 0, std140) uniform View { mat4 m; } view;\n";
  }
  const auto found = uniform_blocks_in(file);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("uniform View"), std::string::npos);
}

}  // namespace
}  // namespace kagami
