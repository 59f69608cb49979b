#pragma once
#include <filesystem>
#include <string_view>

namespace kagami::render {

// Where compiled shaders (.spv) are found: $KAGAMI_SHADER_DIR if set, else the
// build tree's shader folder.
std::filesystem::path shader_path(std::string_view name);

}  // namespace kagami::render
