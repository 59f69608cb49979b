// Culling must never drop something the camera sees: boxes with any corner
// inside the view are always kept, boxes wholly beyond one plane never.
#include <gtest/gtest.h>

#include <random>

#include "kagami/core/frustum.h"

namespace kagami {
namespace {

// A reverse-Z perspective like the renderer's: near maps to depth 1, far to 0.
glm::mat4 reverse_z_view_projection(const glm::vec3& eye, const glm::vec3& target) {
  glm::mat4 projection = glm::perspectiveRH_ZO(glm::radians(60.0f), 16.0f / 9.0f, 200.0f, 0.5f);
  return projection * glm::lookAtRH(eye, target, glm::vec3(0, 1, 0));
}

Aabb box_at(const glm::vec3& center, float half) { return {center - glm::vec3(half), center + glm::vec3(half)}; }

std::array<glm::vec3, 8> corners(const Aabb& b) {
  std::array<glm::vec3, 8> out;
  for (int c = 0; c < 8; ++c)
    out[c] = {(c & 1) ? b.max.x : b.min.x, (c & 2) ? b.max.y : b.min.y, (c & 4) ? b.max.z : b.min.z};
  return out;
}

TEST(Frustum, KeepsWhatIsInFrontAndDropsWhatIsBehindBesideOrBeyond) {
  const glm::mat4 vp = reverse_z_view_projection({0, 0, 0}, {0, 0, -1});
  const Frustum frustum = Frustum::from_matrix(vp);
  EXPECT_TRUE(frustum.intersects(box_at({0, 0, -10}, 1)));      // straight ahead
  EXPECT_FALSE(frustum.intersects(box_at({0, 0, 10}, 1)));      // behind the camera
  EXPECT_FALSE(frustum.intersects(box_at({-100, 0, -10}, 1)));  // far to the left
  EXPECT_FALSE(frustum.intersects(box_at({0, 80, -10}, 1)));    // far above
  EXPECT_FALSE(frustum.intersects(box_at({0, 0, -300}, 1)));    // beyond the far plane
  EXPECT_TRUE(frustum.intersects(box_at({0, 0, 0}, 1)));        // around the camera, through the near plane
  EXPECT_TRUE(frustum.intersects(box_at({0, 0, -200}, 2)));     // across the far plane
}

TEST(Frustum, NeverDropsABoxWithACornerInView) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> pos(-60.0f, 60.0f), size(0.1f, 8.0f);
  const glm::mat4 vp = reverse_z_view_projection({3, 4, 5}, {-10, 0, -30});
  const Frustum frustum = Frustum::from_matrix(vp);
  int seen = 0, outside_one_plane = 0;
  for (int i = 0; i < 20000; ++i) {
    const Aabb box = box_at({pos(rng), pos(rng), pos(rng)}, size(rng));
    bool any_corner_inside = false;
    // For each clip inequality, whether every corner breaks it.
    bool all_outside[6] = {true, true, true, true, true, true};
    for (const glm::vec3& c : corners(box)) {
      const glm::vec4 p = vp * glm::vec4(c, 1.0f);
      const bool inside[6] = {p.x >= -p.w, p.x <= p.w, p.y >= -p.w, p.y <= p.w, p.z >= 0.0f, p.z <= p.w};
      bool all = true;
      for (int k = 0; k < 6; ++k) {
        all = all && inside[k];
        all_outside[k] = all_outside[k] && !inside[k];
      }
      any_corner_inside = any_corner_inside || all;
    }
    const bool culled_by_a_plane = std::find(std::begin(all_outside), std::end(all_outside), true) != std::end(all_outside);
    if (any_corner_inside) {
      ++seen;
      EXPECT_TRUE(frustum.intersects(box)) << "box " << i << " has a corner in view";
    }
    if (culled_by_a_plane) {
      ++outside_one_plane;
      EXPECT_FALSE(frustum.intersects(box)) << "box " << i << " is wholly beyond one plane";
    }
  }
  // The random set exercises both sides.
  EXPECT_GT(seen, 500);
  EXPECT_GT(outside_one_plane, 5000);
}

TEST(Frustum, TransformedBoxIsTheBoxOfTheTransformedCorners) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> u(-5.0f, 5.0f);
  for (int i = 0; i < 200; ++i) {
    const Aabb box{glm::vec3(u(rng), u(rng), u(rng)) - 6.0f, glm::vec3(u(rng), u(rng), u(rng)) + 6.0f};
    glm::mat4 m = glm::translate(glm::mat4(1.0f), {u(rng), u(rng), u(rng)});
    m = glm::rotate(m, u(rng), glm::normalize(glm::vec3(u(rng), u(rng), u(rng)) + glm::vec3(0.01f)));
    m = glm::scale(m, glm::abs(glm::vec3(u(rng), u(rng), u(rng))) + 0.1f);
    Aabb expected;
    for (const glm::vec3& c : corners(box)) expected.extend(glm::vec3(m * glm::vec4(c, 1.0f)));
    const Aabb got = transform_aabb(box, m);
    for (int a = 0; a < 3; ++a) {
      EXPECT_NEAR(got.min[a], expected.min[a], 1e-3f);
      EXPECT_NEAR(got.max[a], expected.max[a], 1e-3f);
    }
  }
}

}  // namespace
}  // namespace kagami
