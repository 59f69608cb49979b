#include "kagami/render/shader_paths.h"

#include <cstdlib>

namespace kagami::render {

std::filesystem::path shader_path(std::string_view name) {
  const char* env = std::getenv("KAGAMI_SHADER_DIR");
  std::filesystem::path dir = env && *env ? env : KAGAMI_SHADER_DIR;
  return dir / (std::string(name) + ".spv");
}

}  // namespace kagami::render
