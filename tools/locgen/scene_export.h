#pragma once
// scenes/<location>.json through the scene module (kagami::scene): one entity
// per placement with a mesh component, a child entity per light (placed at
// the light's offset, its -Z along a spot's direction), the environment and
// the streaming bounds. Asset paths are relative to the scene file.
#include <filesystem>

#include "kagami/core/result.h"
#include "location.h"

namespace kagami::locgen {
using namespace ::kagami::gen;  // the shared generator toolkit (tools/gen)

Result<void> export_scene(const Location& location, const std::filesystem::path& out_root, std::uint32_t seed);

}  // namespace kagami::locgen
