// Point and spot light shadow math: which cube face a direction falls in (the
// shader's rule), that a face's view holds exactly its directions, that a
// spot's view holds its whole cone out to its range and nothing behind it,
// and which lights win the shadow budget (the ones the camera sees best).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "kagami/core/light_ranking.h"
#include "kagami/core/local_shadows.h"

namespace kagami {
namespace {

glm::vec3 ndc_of(const glm::mat4& view_proj, const glm::vec3& p) {
  glm::vec4 clip = view_proj * glm::vec4(p, 1.0f);
  EXPECT_GT(clip.w, 0.0f) << "in front of the light";
  return glm::vec3(clip) / clip.w;
}

bool inside(const glm::vec3& ndc, float slack = 1e-4f) {
  return std::abs(ndc.x) <= 1.0f + slack && std::abs(ndc.y) <= 1.0f + slack && ndc.z >= -slack && ndc.z <= 1.0f + slack;
}

TEST(LocalShadows, APointLightsFaceIsTheAxisOfLargestMagnitude) {
  EXPECT_EQ(point_shadow_face({1.0f, 0.2f, -0.3f}), 0u);
  EXPECT_EQ(point_shadow_face({-1.0f, 0.2f, -0.3f}), 1u);
  EXPECT_EQ(point_shadow_face({0.1f, 2.0f, 1.9f}), 2u);
  EXPECT_EQ(point_shadow_face({0.1f, -2.0f, 1.9f}), 3u);
  EXPECT_EQ(point_shadow_face({0.1f, 0.5f, 0.6f}), 4u);
  EXPECT_EQ(point_shadow_face({0.1f, 0.5f, -0.6f}), 5u);
  // Ties go to X, then Y: the shader's rule, so both sides agree on seams.
  EXPECT_EQ(point_shadow_face({1.0f, 1.0f, 1.0f}), 0u);
  EXPECT_EQ(point_shadow_face({0.0f, -1.0f, 1.0f}), 3u);
}

TEST(LocalShadows, EachCubeFaceViewHoldsTheDirectionsOfItsFace) {
  const glm::vec3 light{3.0f, 4.0f, -2.0f};
  const float range = 12.0f;
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
  for (int i = 0; i < 500; ++i) {
    glm::vec3 d(unit(rng), unit(rng), unit(rng));
    if (glm::length(d) < 1e-3f) continue;
    d = glm::normalize(d);
    const float distance = 0.5f + (unit(rng) * 0.5f + 0.5f) * (range - 1.0f);
    const glm::vec3 p = light + d * distance;
    const std::uint32_t face = point_shadow_face(d);
    EXPECT_TRUE(inside(ndc_of(point_shadow_view_proj(light, face, range), p)))
        << "direction " << d.x << "," << d.y << "," << d.z << " face " << face;
    // The opposite face looks away from it.
    glm::vec4 back = point_shadow_view_proj(light, face ^ 1u, range) * glm::vec4(p, 1.0f);
    EXPECT_LT(back.w, 0.0f);
  }
  // Depth grows with distance along the face's axis, 1 at the range.
  const glm::mat4 down = point_shadow_view_proj(light, 3, range);
  EXPECT_LT(ndc_of(down, light + glm::vec3(0, -2, 0)).z, ndc_of(down, light + glm::vec3(0, -6, 0)).z);
  EXPECT_NEAR(ndc_of(down, light + glm::vec3(0, -range, 0)).z, 1.0f, 1e-5f);
  EXPECT_NEAR(ndc_of(down, light + glm::vec3(0, -local_shadow_near(range), 0)).z, 0.0f, 1e-5f);
}

TEST(LocalShadows, ASpotsViewHoldsItsConeToItsRangeAndNothingOutside) {
  const glm::vec3 light{0.0f, 7.0f, 2.5f};
  const glm::vec3 axis = glm::normalize(glm::vec3(0.2f, -1.0f, 0.1f));
  const float outer = glm::radians(50.0f), range = 28.0f;
  const glm::mat4 view_proj = spot_shadow_view_proj(light, axis, outer, range);
  // Build a frame around the axis and walk the cone's edge and inside.
  const glm::vec3 side = glm::normalize(glm::cross(axis, glm::vec3(0, 0, 1)));
  const glm::vec3 up = glm::cross(side, axis);
  for (int i = 0; i < 64; ++i) {
    const float around = 6.2831853f * float(i) / 64.0f;
    for (float angle : {0.0f, outer * 0.5f, outer * 0.999f}) {
      const glm::vec3 dir = std::cos(angle) * axis + std::sin(angle) * (std::cos(around) * side + std::sin(around) * up);
      for (float distance : {0.5f, 10.0f, range * 0.999f})
        EXPECT_TRUE(inside(ndc_of(view_proj, light + dir * distance))) << "angle " << angle << " at " << distance;
    }
  }
  // Beyond the range, behind the light, and well outside the cone: not in the view.
  EXPECT_FALSE(inside(ndc_of(view_proj, light + axis * (range * 1.05f))));
  EXPECT_LT((view_proj * glm::vec4(light - axis * 3.0f, 1.0f)).w, 0.0f);
  const glm::vec3 wide = std::cos(outer * 1.6f) * axis + std::sin(outer * 1.6f) * side;
  EXPECT_FALSE(inside(ndc_of(view_proj, light + wide * 5.0f)));
  // A texel at 10 m is 10x the size at 1 m; a 90-degree map of 512 texels is 2/512 per metre.
  EXPECT_FLOAT_EQ(shadow_texel_per_metre(glm::radians(90.0f), 512), 2.0f / 512.0f);
}

TEST(LocalShadows, TheBudgetGoesToTheLightsTheViewSeesBest) {
  // A view looking down -Z from the origin.
  const glm::mat4 view_proj = glm::perspective(glm::radians(60.0f), 1.5f, 0.1f, 200.0f) *
                              glm::lookAt(glm::vec3(0.0f), glm::vec3(0, 0, -1), glm::vec3(0, 1, 0));
  const Frustum frustum = Frustum::from_matrix(view_proj);
  const glm::vec3 focus{0.0f, 0.0f, -10.0f};
  auto light = [](std::uint32_t id, glm::vec3 p, float strength) {
    return RankedLight{id, p, strength, Aabb{p - glm::vec3(3.0f), p + glm::vec3(3.0f)}};
  };
  std::vector<RankedLight> lights = {
      light(10, {0, 0, -40}, 100.0f),  // far: weak by the time it reaches the focus
      light(11, {0, 0, 30}, 1e6f),     // behind the camera: out of view however strong
      light(12, {1, 0, -11}, 50.0f),   // at the focus
      light(13, {-2, 1, -14}, 800.0f), // a little farther, much stronger
      light(14, {1, 0, -9}, 50.0f),    // as important as 12 (same distance): the earlier wins ties
  };
  EXPECT_EQ(rank_lights_in_view(lights, frustum, focus, 2), (std::vector<std::uint32_t>{13, 12}));
  EXPECT_EQ(rank_lights_in_view(lights, frustum, focus, 10), (std::vector<std::uint32_t>{13, 12, 14, 10}));
  EXPECT_TRUE(rank_lights_in_view(lights, frustum, focus, 0).empty());
  // A light whose reach touches the view counts even when the light itself is outside it.
  lights[1].reach = Aabb{glm::vec3(-5, -5, -5), glm::vec3(5, 5, 40)};
  EXPECT_EQ(rank_lights_in_view(lights, frustum, focus, 1), (std::vector<std::uint32_t>{11}));
}

}  // namespace
}  // namespace kagami
