// The viewport's math: rays through pixels hit what is drawn there, axis
// picking finds the point under the mouse, snapping, and the camera moves.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "kagami/editor/viewport_math.h"

namespace kagami::editor {
namespace {

// A reverse-Z perspective like the renderer's, with Vulkan's downward Y.
glm::mat4 view_proj(const ViewCamera& camera, float aspect) {
  glm::mat4 proj = glm::perspectiveRH_ZO(camera.fov_y, aspect, 100.0f, 0.1f);
  proj[1][1] *= -1.0f;
  return proj * glm::lookAt(camera.position(), camera.target, glm::vec3(0, 1, 0));
}

TEST(EditorViewportMath, PixelRayPassesThroughTheProjectedPoint) {
  ViewCamera camera;
  camera.target = {1, 2, 3};
  const glm::vec2 size(1280, 720);
  const glm::mat4 vp = view_proj(camera, size.x / size.y);
  const glm::vec3 point(2.0f, 2.5f, 1.0f);
  auto pixel = project_to_pixel(vp, point, size);
  ASSERT_TRUE(pixel.has_value());
  Ray ray = pixel_ray(vp, camera.position(), *pixel, size);
  const glm::vec3 to_point = point - ray.origin;
  const float along = glm::dot(to_point, ray.direction);
  EXPECT_GT(along, 0.0f);
  EXPECT_NEAR(glm::length(to_point - ray.direction * along), 0.0f, 1e-3f);
  // The centre of the screen looks at the target; a point above it projects higher (smaller y).
  auto centre = project_to_pixel(vp, camera.target, size);
  EXPECT_NEAR(centre->x, 640.0f, 0.01f);
  EXPECT_NEAR(centre->y, 360.0f, 0.01f);
  EXPECT_LT(project_to_pixel(vp, camera.target + glm::vec3(0, 1, 0), size)->y, 360.0f);
}

TEST(EditorViewportMath, ClosestOnAxisFindsThePointUnderTheMouse) {
  ViewCamera camera;
  const glm::vec2 size(800, 600);
  const glm::mat4 vp = view_proj(camera, size.x / size.y);
  const glm::vec3 origin(0.5f, 0.0f, -1.0f), axis(1, 0, 0);
  for (float t : {-2.0f, 0.0f, 1.5f, 3.0f}) {
    auto pixel = project_to_pixel(vp, origin + axis * t, size);
    ASSERT_TRUE(pixel);
    auto found = closest_on_axis(pixel_ray(vp, camera.position(), *pixel, size), origin, axis);
    ASSERT_TRUE(found);
    EXPECT_NEAR(*found, t, 1e-3f);
  }
  // A ray along the axis has no single closest point.
  EXPECT_FALSE(closest_on_axis(Ray{{0, 0, 5}, {0, 0, -1}}, {0, 0, 0}, {0, 0, 1}));
}

TEST(EditorViewportMath, PlanesSegmentsAndSnapping) {
  auto hit = intersect_plane(Ray{{0, 5, 0}, {0, -1, 0}}, {0, 1, 0}, {0, 1, 0});
  ASSERT_TRUE(hit);
  EXPECT_EQ(*hit, glm::vec3(0, 1, 0));
  EXPECT_FALSE(intersect_plane(Ray{{0, 5, 0}, {0, 1, 0}}, {0, 1, 0}, {0, 1, 0})) << "behind the ray";
  EXPECT_FLOAT_EQ(distance_to_segment({5, 3}, {0, 0}, {10, 0}), 3.0f);
  EXPECT_FLOAT_EQ(distance_to_segment({-4, 3}, {0, 0}, {10, 0}), 5.0f);
  EXPECT_FLOAT_EQ(snap(1.26f, 0.25f), 1.25f);
  EXPECT_FLOAT_EQ(snap(-0.6f, 0.5f), -0.5f);
  EXPECT_FLOAT_EQ(snap(0.37f, 0.0f), 0.37f);
}

TEST(EditorViewportMath, CameraOrbitsFliesAndFrames) {
  ViewCamera camera;
  camera.target = {0, 0, 0};
  camera.distance = 10;
  const glm::vec3 eye = camera.position();
  EXPECT_NEAR(glm::length(eye), 10.0f, 1e-4f);
  camera.orbit(0.5f, 0.2f);
  EXPECT_NEAR(glm::length(camera.position()), 10.0f, 1e-4f) << "orbit keeps the distance";
  camera.orbit(0.0f, 10.0f);
  EXPECT_LT(camera.pitch, 1.571f) << "pitch is clamped short of vertical";
  const glm::vec3 before = camera.position();
  camera.look(0.3f, 0.0f);
  EXPECT_NEAR(glm::length(camera.position() - before), 0.0f, 1e-4f) << "fly look turns in place";
  camera.fly({0, 0, 2});
  EXPECT_NEAR(glm::length(camera.position() - before), 2.0f, 1e-4f);
  camera.frame({5, 5, 5}, 2.0f);
  EXPECT_EQ(camera.target, glm::vec3(5, 5, 5));
  EXPECT_GT(camera.distance, 2.0f / std::sin(camera.fov_y * 0.5f));
  const float d = camera.distance;
  camera.zoom(1.0f);
  EXPECT_LT(camera.distance, d);
}

}  // namespace
}  // namespace kagami::editor
