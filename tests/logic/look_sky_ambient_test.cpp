// The sky model, its SH projection into ambient light and the tonemapping
// curve, evaluated on the CPU from the same headers the shaders compile.
#include <gtest/gtest.h>

#include <cmath>

#include "kagami/look/sky_ambient.h"
#include "shared/tonemap.h"

namespace kagami::look {
namespace {

constexpr float kPi = 3.14159265f;

float luminance(glm::vec3 c) { return shader::rec709_luma(c); }

shader::SkyParams preset_params(const char* name, glm::vec3 towards_sun, glm::vec3 sun_radiance) {
  auto sky = sky_preset(name);
  EXPECT_TRUE(sky.has_value()) << name;
  return sky_params(sky.value_or(SkySettings{}), towards_sun, sun_radiance);
}

TEST(LookShProjection, ConstantRadianceGivesPiTimesItAsIrradianceEverywhere) {
  ShCoefficients sh = project_sh([](glm::vec3) { return glm::vec3(0.5f, 1.0f, 2.0f); });
  for (glm::vec3 n : {glm::vec3(0, 1, 0), glm::vec3(0, -1, 0), glm::vec3(1, 0, 0), glm::vec3(0.3f, -0.2f, 0.9f)}) {
    glm::vec3 e = sh_irradiance(sh, n);
    EXPECT_NEAR(e.x, kPi * 0.5f, 0.01f);
    EXPECT_NEAR(e.y, kPi * 1.0f, 0.02f);
    EXPECT_NEAR(e.z, kPi * 2.0f, 0.04f);
  }
}

TEST(LookShProjection, CieOvercastSkyMatchesTheAnalyticIrradiance) {
  // CIE overcast: L = Lz (1 + 2 cos t) / 3 above the horizon, nothing below.
  // A horizontal surface receives 7 pi / 9 Lz; order-2 SH is within a few percent.
  ShCoefficients sh = project_sh([](glm::vec3 d) {
    return d.y > 0.0f ? glm::vec3((1.0f + 2.0f * d.y) / 3.0f) : glm::vec3(0.0f);
  });
  EXPECT_NEAR(sh_irradiance(sh, {0, 1, 0}).x, 7.0f * kPi / 9.0f, 0.07f * 7.0f * kPi / 9.0f);
  EXPECT_LT(sh_irradiance(sh, {0, -1, 0}).x, 0.15f) << "almost nothing reaches a surface facing the dark ground";
}

TEST(LookSkyModel, DuskHorizonIsBrighterThanTheZenithAndWarmTowardsTheSun) {
  const glm::vec3 sun = glm::normalize(glm::vec3(-0.92f, 0.08f, -0.38f));
  shader::SkyParams p = preset_params("dusk", sun, {0.6f, 0.33f, 0.18f});
  const glm::vec3 zenith = shader::sky_radiance(p, {0, 1, 0});
  const glm::vec3 towards_sun = shader::sky_radiance(p, glm::normalize(glm::vec3(sun.x, 0.02f, sun.z)));
  const glm::vec3 away = shader::sky_radiance(p, glm::normalize(glm::vec3(-sun.x, 0.02f, -sun.z)));
  EXPECT_GT(luminance(towards_sun), 2.0f * luminance(zenith));
  EXPECT_GT(luminance(away), luminance(zenith)) << "the horizon glows all around";
  EXPECT_GT(towards_sun.r, towards_sun.b) << "sunset glow is warm";
  EXPECT_GT(zenith.b, zenith.r) << "the zenith stays blue";
}

TEST(LookSkyModel, NightSkyIsDarkAndOvercastIsFlatGrey) {
  shader::SkyParams night = preset_params("night", glm::normalize(glm::vec3(0.3f, 0.5f, 0.2f)), glm::vec3(0.02f));
  EXPECT_LT(luminance(shader::sky_radiance(night, {0, 1, 0})), 0.01f);
  EXPECT_GT(luminance(shader::sky_radiance(night, {0, 1, 0})), 0.0f);

  shader::SkyParams snow = preset_params("overcast_snow", {0.2f, 0.9f, 0.3f}, glm::vec3(0.02f));
  glm::vec3 zenith = shader::sky_radiance(snow, {0, 1, 0});
  glm::vec3 horizon = shader::sky_radiance(snow, glm::normalize(glm::vec3(1, 0.001f, 0)));
  glm::vec3 other_horizon = shader::sky_radiance(snow, glm::normalize(glm::vec3(-1, 0.001f, 0.2f)));
  EXPECT_NEAR(luminance(zenith) / luminance(horizon), 3.0f, 0.1f) << "CIE overcast gradient";
  EXPECT_NEAR(luminance(horizon), luminance(other_horizon), 1e-4f) << "no direction is special under cloud";
  EXPECT_LT(std::abs(zenith.r - zenith.b) / luminance(zenith), 0.35f) << "nearly neutral grey";
}

TEST(LookSkyAmbient, DuskSkyLightsUpwardFacesMoreThanTheGroundDoesDownwardOnes) {
  SkyAmbient a = sky_ambient(preset_params("dusk", glm::normalize(glm::vec3(-0.92f, 0.08f, -0.38f)), {0.6f, 0.33f, 0.18f}));
  EXPECT_GT(luminance(a.sky), luminance(a.ground));
  EXPECT_GT(luminance(a.ground), 0.0f);
  EXPECT_GT(a.sky.b, a.sky.r * 0.5f);
  SkyAmbient none = sky_ambient(preset_params("void", {0, 1, 0}, glm::vec3(0.0f)));
  EXPECT_EQ(luminance(none.sky), 0.0f) << "the data world's void gives no ambient";
}

TEST(LookTonemap, AgxIsMonotonicAndMapsMidGreyToTheMiddleOfTheDisplayRange) {
  float previous = -1.0f;
  for (float ev = -14.0f; ev <= 8.0f; ev += 0.05f) {
    float y = shader::agx_tonemap(glm::vec3(0.18f * std::exp2(ev))).g;
    // Near white the channels reach the curve's top at slightly different
    // exposures and the outset mixes them: wiggles of ~1e-6, far below one
    // 8-bit step (4e-3), are not visible steps.
    EXPECT_GE(y, previous - 1e-4f) << "at EV " << ev;
    previous = y;
  }
  float grey = shader::agx_tonemap(glm::vec3(0.18f)).g;
  EXPECT_GT(grey, 0.42f);
  EXPECT_LT(grey, 0.58f);
  EXPECT_LT(shader::agx_tonemap(glm::vec3(0.0f)).g, 0.01f);
  EXPECT_GT(shader::agx_tonemap(glm::vec3(100.0f)).g, 0.95f);
}

TEST(LookTonemap, VeryBrightSaturatedLightGoesTowardsWhiteKeepingItsHue) {
  glm::vec3 red = shader::agx_tonemap(glm::vec3(200.0f, 2.0f, 2.0f));
  EXPECT_GT(red.g, 0.3f) << "AgX desaturates extreme brightness instead of clipping to a flat primary";
  EXPECT_GT(red.r, red.g);
  EXPECT_NEAR(red.g, red.b, 0.05f);
}

TEST(LookGrading, NeutralGradeIsIdentityAndZeroSaturationIsGrey) {
  glm::vec3 c{0.2f, 0.5f, 0.8f};
  glm::vec3 same = shader::grade(c, glm::vec3(0.0f), glm::vec3(1.0f), glm::vec3(1.0f), 1.0f);
  EXPECT_NEAR(same.r, c.r, 1e-5f);
  EXPECT_NEAR(same.b, c.b, 1e-5f);
  glm::vec3 grey = shader::grade(c, glm::vec3(0.0f), glm::vec3(1.0f), glm::vec3(1.0f), 0.0f);
  EXPECT_NEAR(grey.r, grey.b, 1e-5f);
  glm::vec3 lifted = shader::grade(glm::vec3(0.0f), glm::vec3(0.1f), glm::vec3(1.0f), glm::vec3(1.0f), 1.0f);
  EXPECT_NEAR(lifted.r, 0.1f, 1e-5f) << "lift raises black";
  glm::vec3 brighter = shader::grade(c, glm::vec3(0.0f), glm::vec3(1.5f), glm::vec3(1.0f), 1.0f);
  EXPECT_GT(brighter.g, c.g) << "gamma above 1 brightens mid-tones";
}

}  // namespace
}  // namespace kagami::look
