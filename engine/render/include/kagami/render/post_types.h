#pragma once
// The C++ view of shaders/shared/post_types.h, with std430 size checks.
#include <cstdint>

#include "kagami/core/math.h"
#include "shared/post_types.h"

namespace kagami::shader {
static_assert(sizeof(SkyParams) == 6 * 16, "SkyParams must match the std430 layout");
static_assert(sizeof(PostUniforms) == 64 + 16 + sizeof(SkyParams) + 8 * 16 + KAGAMI_FOG_LIGHTS * sizeof(GpuLight) + 16 +
                                          KAGAMI_LOCAL_SHADOW_VIEWS * 64,
              "PostUniforms must match the std430 layout");
static_assert(sizeof(PostPush) == 16, "PostPush must match std430 push constants");
}  // namespace kagami::shader
