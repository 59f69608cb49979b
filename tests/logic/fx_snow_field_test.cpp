// The snow simulation's spawn and wind maths (shaders/shared/snow_field.h), run
// on the CPU: the same source the compute shader compiles.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "shared/snow_field.h"

namespace kagami {
namespace {

using namespace shader;

TEST(FxSnowField, RandomNumbersAreUniformAndSeeded) {
  constexpr int kSamples = 100000;
  std::array<int, 10> buckets{};
  double sum = 0.0;
  for (uint i = 0; i < kSamples; ++i) {
    float r = fx_random(fx_hash3(i, 7u, 42u), 0u);
    ASSERT_GE(r, 0.0f);
    ASSERT_LT(r, 1.0f);
    sum += r;
    ++buckets[std::size_t(r * 10.0f)];
  }
  EXPECT_NEAR(sum / kSamples, 0.5, 0.01);
  for (int b : buckets) EXPECT_NEAR(b, kSamples / 10, kSamples / 100) << "a tenth of [0,1) is over- or under-used";
  EXPECT_EQ(fx_hash3(1u, 2u, 3u), fx_hash3(1u, 2u, 3u));
  EXPECT_NE(fx_hash3(1u, 2u, 3u), fx_hash3(1u, 2u, 4u));
  EXPECT_NE(fx_hash3(1u, 2u, 3u), fx_hash3(2u, 1u, 3u));
}

TEST(FxSnowField, SpawnsFillTheVolumeAroundTheCamera) {
  constexpr uint kCount = 50000;
  const float half = 12.0f, y_min = -1.7f, y_max = 10.0f;
  glm::dvec3 mean{0.0};
  for (uint id = 0; id < kCount; ++id) {
    vec3 p = snow_spawn_offset(id, 3u, 99u, half, y_min, y_max);
    ASSERT_LE(std::abs(p.x), half);
    ASSERT_LE(std::abs(p.z), half);
    ASSERT_GE(p.y, y_min);
    ASSERT_LE(p.y, y_max);
    mean += glm::dvec3(p);
  }
  mean /= double(kCount);
  EXPECT_NEAR(mean.x, 0.0, 0.15);
  EXPECT_NEAR(mean.z, 0.0, 0.15);
  EXPECT_NEAR(mean.y, (y_min + y_max) / 2.0, 0.1);
}

TEST(FxSnowField, SpawnDependsOnParticleFrameAndSeed) {
  vec3 a = snow_spawn_offset(10u, 5u, 1u, 10.0f, 0.0f, 5.0f);
  EXPECT_EQ(a, snow_spawn_offset(10u, 5u, 1u, 10.0f, 0.0f, 5.0f));
  EXPECT_NE(a, snow_spawn_offset(11u, 5u, 1u, 10.0f, 0.0f, 5.0f));
  EXPECT_NE(a, snow_spawn_offset(10u, 6u, 1u, 10.0f, 0.0f, 5.0f));
  EXPECT_NE(a, snow_spawn_offset(10u, 5u, 2u, 10.0f, 0.0f, 5.0f));
}

TEST(FxSnowField, IntensityIsTheActiveFractionAndOnlyAddsFlakes) {
  constexpr uint kCount = 40000;
  int low = 0, high = 0;
  for (uint id = 0; id < kCount; ++id) {
    bool at_low = snow_active(id, 5u, 0.3f);
    bool at_high = snow_active(id, 5u, 0.6f);
    ASSERT_TRUE(!at_low || at_high) << "flake " << id << " is active at 0.3 but not at 0.6";
    low += at_low;
    high += at_high;
    ASSERT_FALSE(snow_active(id, 5u, 0.0f));
    ASSERT_TRUE(snow_active(id, 5u, 1.0f));
  }
  EXPECT_NEAR(double(low) / kCount, 0.3, 0.01);
  EXPECT_NEAR(double(high) / kCount, 0.6, 0.01);
}

TEST(FxSnowField, CalmAirIsTheBaseWind) {
  for (float t : {0.0f, 1.5f, 30.0f}) {
    vec3 w = snow_wind(vec3(3.0f, 1.0f, -2.0f), t, vec2(2.0f, -1.0f), 0.0f, 0.0f);
    EXPECT_EQ(w, vec3(2.0f, 0.0f, -1.0f));
  }
}

TEST(FxSnowField, GustsOnlyStrengthenTheWindAndTravelDownwind) {
  const vec2 wind(3.0f, 0.0f);
  float lo = 1e9f, hi = 0.0f;
  for (int i = 0; i < 2000; ++i) {
    float g = snow_gust(vec3(0.0f), float(i) * 0.05f, wind, 0.8f);
    lo = std::min(lo, g);
    hi = std::max(hi, g);
  }
  EXPECT_GE(lo, 1.0f);
  EXPECT_LE(hi, 1.8f + 1e-5f);
  EXPECT_GT(hi - lo, 0.4f) << "gusts should vary noticeably over 100 s";
  // A gust front seen at x = 0 at time t reaches x = 3 m one second later (wind speed 3 m/s).
  for (float t : {0.7f, 4.2f, 11.0f})
    EXPECT_NEAR(snow_gust(vec3(0.0f), t, wind, 0.8f), snow_gust(vec3(3.0f, 0.0f, 0.0f), t + 1.0f, wind, 0.8f), 1e-4f);
}

TEST(FxSnowField, TurbulenceIsDivergenceFreeAndBounded) {
  // Central differences of an analytic field: flakes swirl without collecting in sinks.
  const float h = 1e-3f;
  for (int i = 0; i < 200; ++i) {
    vec3 p(fx_random(fx_hash(uint(i)), 0u) * 40.0f - 20.0f, fx_random(fx_hash(uint(i)), 1u) * 10.0f,
           fx_random(fx_hash(uint(i)), 2u) * 40.0f - 20.0f);
    float t = float(i) * 0.37f;
    float div = (snow_turbulence(p + vec3(h, 0, 0), t).x - snow_turbulence(p - vec3(h, 0, 0), t).x +
                 snow_turbulence(p + vec3(0, h, 0), t).y - snow_turbulence(p - vec3(0, h, 0), t).y +
                 snow_turbulence(p + vec3(0, 0, h), t).z - snow_turbulence(p - vec3(0, 0, h), t).z) /
                (2.0f * h);
    EXPECT_NEAR(div, 0.0f, 5e-3f) << "at " << p.x << "," << p.y << "," << p.z;
    EXPECT_LE(length(snow_turbulence(p, t)), 0.4f * 3.0f + 1e-4f);  // four swirls of amplitude <= 1, scaled
  }
}

TEST(FxSnowField, WindIsAPureFunctionOfPlaceAndTime) {
  vec3 p(1.0f, 2.0f, 3.0f);
  vec3 a = snow_wind(p, 12.5f, vec2(1.5f, 0.4f), 0.6f, 0.8f);
  EXPECT_EQ(a, snow_wind(p, 12.5f, vec2(1.5f, 0.4f), 0.6f, 0.8f));
  EXPECT_NE(a, snow_wind(p, 12.6f, vec2(1.5f, 0.4f), 0.6f, 0.8f));
  EXPECT_NE(a, snow_wind(p + vec3(0.5f, 0, 0), 12.5f, vec2(1.5f, 0.4f), 0.6f, 0.8f));
}

}  // namespace
}  // namespace kagami
