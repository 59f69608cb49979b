#pragma once
// The C++ view of shaders/shared/types.h. The sizes are checked here so a
// change on one side that the other cannot match fails the build.
#include <cstdint>

#include "kagami/core/math.h"
#include "shared/types.h"

namespace kagami::shader {
static_assert(sizeof(ViewUniforms) == 64 * (2 + KAGAMI_SHADOW_CASCADES + KAGAMI_LOCAL_SHADOW_VIEWS) + 11 * 16, "ViewUniforms must match the std430 layout");
static_assert(sizeof(GpuLight) == 4 * 16, "GpuLight must match std430 layout");
static_assert(sizeof(DrawPush) == 64 + 4 * 16, "DrawPush must match std430 push constants");
static_assert(sizeof(DrawPush) <= 128, "push constants are limited to 128 bytes on some devices");
static_assert(sizeof(MeshVertex) == 32, "MeshVertex is the interleaved vertex stride");
}  // namespace kagami::shader

#include "shared/editor_types.h"
namespace kagami::shader {
static_assert(sizeof(UiPush) == 32, "UiPush must match std430 push constants");
static_assert(sizeof(IdPush) == 64 + 16, "IdPush must match std430 push constants");
}  // namespace kagami::shader
