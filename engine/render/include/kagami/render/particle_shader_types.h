#pragma once
// The C++ view of shaders/shared/particle_types.h and snow_field.h, with the
// layout checks that make a one-sided change fail the build.
#include "shared/particle_types.h"
#include "shared/snow_field.h"

namespace kagami::shader {
static_assert(sizeof(Particle) == 48, "Particle must match its std430 layout");
static_assert(sizeof(SnowSimPush) == 5 * 16 + 32, "SnowSimPush must match std430 push constants");
static_assert(sizeof(SnowSimPush) <= 128, "push constants are limited to 128 bytes on some devices");
static_assert(sizeof(ParticleLight) == 64, "ParticleLight must match std430");
static_assert(sizeof(ParticleDrawUniforms) == 64 + 4 * 16 + KAGAMI_MAX_PARTICLE_LIGHTS * 64,
              "ParticleDrawUniforms must match std430");
static_assert(sizeof(DissolvePush) == 64 + 3 * 16, "DissolvePush must match std430 push constants");
static_assert(sizeof(FxTriangle) == 48, "FxTriangle must match std430");
static_assert(sizeof(FxTriangleSkin) == 96, "FxTriangleSkin must match std430");
static_assert(sizeof(DissolveEmitPush) == 128, "DissolveEmitPush must match std430 and fit 128 bytes");
}  // namespace kagami::shader
