// Cascaded shadow map math: split positions, spheres that hold their slice,
// and origins that move in whole texels as the camera moves (no shimmering).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "kagami/core/shadow_cascades.h"

namespace kagami {
namespace {

TEST(ShadowCascades, SplitsBlendLogarithmicAndUniform) {
  auto uniform = cascade_splits(1.0f, 101.0f, 4, 0.0f);
  EXPECT_EQ(uniform, (std::vector<float>{1.0f, 26.0f, 51.0f, 76.0f, 101.0f}));
  auto logarithmic = cascade_splits(1.0f, 10000.0f, 4, 1.0f);
  for (std::size_t i = 0; i < logarithmic.size(); ++i) EXPECT_NEAR(logarithmic[i], std::pow(10.0f, float(i)), 1e-2f);
  auto practical = cascade_splits(0.5f, 200.0f, 4, 0.75f);
  auto log_only = cascade_splits(0.5f, 200.0f, 4, 1.0f);
  auto uni_only = cascade_splits(0.5f, 200.0f, 4, 0.0f);
  EXPECT_FLOAT_EQ(practical.front(), 0.5f);
  EXPECT_FLOAT_EQ(practical.back(), 200.0f);
  for (std::size_t i = 1; i < 4; ++i) {
    EXPECT_GT(practical[i], practical[i - 1]);
    EXPECT_NEAR(practical[i], 0.75f * log_only[i] + 0.25f * uni_only[i], 1e-3f);
  }
}

CascadeView view_at(glm::vec3 position, glm::vec3 forward) {
  CascadeView v;
  v.position = position;
  v.forward = glm::normalize(forward);
  v.tan_half_y = std::tan(glm::radians(30.0f));
  v.tan_half_x = v.tan_half_y * 16.0f / 9.0f;
  return v;
}

TEST(ShadowCascades, TheCascadeHoldsItsWholeSliceOfTheView) {
  const glm::vec3 sun = glm::normalize(glm::vec3(-0.4f, -1.0f, -0.3f));
  CascadeView v = view_at({3.0f, 2.0f, 1.0f}, {1.0f, -0.2f, 0.4f});
  Cascade c = fit_cascade(v, 5.0f, 30.0f, sun, 1024, Aabb{});
  glm::vec3 right = glm::normalize(glm::cross(v.forward, v.up));
  glm::vec3 up = glm::cross(right, v.forward);
  for (float depth : {5.0f, 30.0f})
    for (float sx : {-1.0f, 1.0f})
      for (float sy : {-1.0f, 1.0f}) {
        glm::vec3 corner = v.position + v.forward * depth + right * (sx * depth * v.tan_half_x) +
                           up * (sy * depth * v.tan_half_y);
        glm::vec4 clip = c.view_proj * glm::vec4(corner, 1.0f);
        EXPECT_LE(std::abs(clip.x), 1.0f);
        EXPECT_LE(std::abs(clip.y), 1.0f);
        EXPECT_GE(clip.z, 0.0f);
        EXPECT_LE(clip.z, 1.0f);
      }
}

TEST(ShadowCascades, CastersBetweenTheSunAndTheViewStayInDepthRange) {
  const glm::vec3 sun = glm::normalize(glm::vec3(0.0f, -1.0f, 0.0f));
  CascadeView v = view_at({0.0f, 2.0f, 0.0f}, {0.0f, 0.0f, -1.0f});
  Aabb tower{{-1.0f, 0.0f, -11.0f}, {1.0f, 200.0f, -9.0f}};  // far above the view's slice
  Cascade c = fit_cascade(v, 1.0f, 20.0f, sun, 1024, tower);
  glm::vec4 top = c.view_proj * glm::vec4(0.0f, 200.0f, -10.0f, 1.0f);
  glm::vec4 ground = c.view_proj * glm::vec4(0.0f, 0.0f, -10.0f, 1.0f);
  EXPECT_GE(top.z, -1e-5f);
  EXPECT_LT(top.z, ground.z);  // depth grows away from the sun
  EXPECT_LE(ground.z, 1.0f);
}

TEST(ShadowCascades, SizeDoesNotChangeAsTheCameraTurns) {
  const glm::vec3 sun = glm::normalize(glm::vec3(-0.3f, -0.8f, 0.5f));
  Cascade a = fit_cascade(view_at({0, 2, 0}, {1, 0, 0}), 2.0f, 25.0f, sun, 2048, Aabb{});
  Cascade b = fit_cascade(view_at({0, 2, 0}, {-0.3f, 0.4f, 0.8f}), 2.0f, 25.0f, sun, 2048, Aabb{});
  EXPECT_EQ(a.radius, b.radius);
  EXPECT_EQ(a.texel_size, b.texel_size);
}

TEST(ShadowCascades, OriginMovesInWholeTexelsAsTheCameraMoves) {
  const glm::vec3 sun = glm::normalize(glm::vec3(-0.45f, -0.8f, 0.2f));
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> step(-0.37f, 0.37f);
  glm::vec3 position{10.0f, 3.0f, -4.0f};
  glm::vec3 forward{0.3f, -0.1f, -1.0f};
  Cascade first = fit_cascade(view_at(position, forward), 8.0f, 40.0f, sun, 1024, Aabb{});
  bool moved = false;
  for (int frame = 0; frame < 200; ++frame) {
    position += glm::vec3(step(rng), step(rng) * 0.2f, step(rng));
    forward += glm::vec3(step(rng), 0.0f, step(rng)) * 0.1f;
    Cascade c = fit_cascade(view_at(position, forward), 8.0f, 40.0f, sun, 1024, Aabb{});
    ASSERT_EQ(c.texel_size, first.texel_size);
    glm::vec2 texels = (c.origin - first.origin) / c.texel_size;
    EXPECT_NEAR(texels.x, std::round(texels.x), 1e-2f);
    EXPECT_NEAR(texels.y, std::round(texels.y), 1e-2f);
    moved = moved || c.origin != first.origin;
    // The same world point lands on the same sub-texel position in every frame.
    glm::vec4 p0 = first.view_proj * glm::vec4(12.3f, 0.0f, -20.7f, 1.0f);
    glm::vec4 p1 = c.view_proj * glm::vec4(12.3f, 0.0f, -20.7f, 1.0f);
    float shift_x = (p1.x - p0.x) * 0.5f * 1024.0f, shift_y = (p1.y - p0.y) * 0.5f * 1024.0f;
    EXPECT_NEAR(shift_x, std::round(shift_x), 2e-2f);
    EXPECT_NEAR(shift_y, std::round(shift_y), 2e-2f);
  }
  EXPECT_TRUE(moved);
}

TEST(ShadowCascades, ResolutionFollowsTheOutputBetween512And1024) {
  EXPECT_EQ(cascade_resolution_for(320, 180), 512u);   // the headless film: a quarter of the texels
  EXPECT_EQ(cascade_resolution_for(180, 320), 512u);   // portrait: the longer side counts
  EXPECT_EQ(cascade_resolution_for(513, 300), 1024u);  // finer than a 512 texel grid needs 1024
  EXPECT_EQ(cascade_resolution_for(640, 360), 1024u);
  EXPECT_EQ(cascade_resolution_for(1920, 1080), 1024u);  // the cap
  EXPECT_EQ(cascade_resolution_for(1, 1), 512u);
}

}  // namespace
}  // namespace kagami
