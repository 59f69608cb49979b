// Clustered light culling against brute force: for random cameras and random
// point and spot lights, every light that reaches a point inside the view
// frustum must be in the list of the cluster that point falls in.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "kagami/core/light_clusters.h"

namespace kagami {
namespace {

struct RandomScene {
  ClusterGrid grid;
  std::vector<ClusterLight> lights;
};

RandomScene random_scene(std::mt19937& rng, std::size_t light_count) {
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  RandomScene s;
  float fov = glm::radians(30.0f + 70.0f * unit(rng));
  float aspect = 0.75f + 1.5f * unit(rng);
  float near_plane = 0.05f + unit(rng);
  float far_plane = near_plane * (50.0f + 2000.0f * unit(rng));
  s.grid = make_cluster_grid(fov, aspect, near_plane, far_plane);
  for (std::size_t i = 0; i < light_count; ++i) {
    ClusterLight l;
    // Mostly in front of the camera, some behind and beside it.
    float depth = std::exp(std::log(near_plane) + unit(rng) * std::log(far_plane / near_plane));
    l.position = {(unit(rng) * 3.0f - 1.5f) * depth * s.grid.tan_half_x,
                  (unit(rng) * 3.0f - 1.5f) * depth * s.grid.tan_half_y, (unit(rng) < 0.1f ? 1.0f : -1.0f) * depth};
    l.range = depth * (0.02f + 0.5f * unit(rng)) + 0.1f;
    if (unit(rng) < 0.4f) {
      l.direction = glm::normalize(glm::vec3(unit(rng) - 0.5f, unit(rng) - 0.5f, unit(rng) - 0.5f));
      l.cos_outer = std::cos(glm::radians(5.0f + 80.0f * unit(rng)));
    }
    s.lights.push_back(l);
  }
  return s;
}

glm::vec3 random_point_in_frustum(std::mt19937& rng, const ClusterGrid& grid) {
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  float depth = std::exp(std::log(grid.near_plane) + unit(rng) * std::log(grid.far_plane / grid.near_plane));
  // Biased towards the lights' neighbourhoods happens naturally: many samples.
  return {(unit(rng) * 2.0f - 1.0f) * depth * grid.tan_half_x, (unit(rng) * 2.0f - 1.0f) * depth * grid.tan_half_y,
          -depth};
}

TEST(LightClusters, SlicesAreLogarithmicAndCoverNearToFar) {
  ClusterGrid grid = make_cluster_grid(glm::radians(60.0f), 16.0f / 9.0f, 0.1f, 1000.0f);
  EXPECT_FLOAT_EQ(slice_depth(grid, 0), 0.1f);
  EXPECT_NEAR(slice_depth(grid, grid.dims.z), 1000.0f, 0.01f);
  // Each slice is the same ratio deeper than the last.
  float ratio = slice_depth(grid, 1) / slice_depth(grid, 0);
  for (std::uint32_t k = 1; k < grid.dims.z; ++k)
    EXPECT_NEAR(slice_depth(grid, k + 1) / slice_depth(grid, k), ratio, 1e-3f);
  for (std::uint32_t k = 0; k < grid.dims.z; ++k) {
    float mid = std::sqrt(slice_depth(grid, k) * slice_depth(grid, k + 1));
    EXPECT_EQ(cluster_slice(grid, mid), k);
  }
  EXPECT_EQ(cluster_slice(grid, 0.01f), 0u);                 // closer than near: clamped
  EXPECT_EQ(cluster_slice(grid, 5000.0f), grid.dims.z - 1);  // past far: clamped
}

TEST(LightClusters, PointsLieInsideTheirClusterBox) {
  std::mt19937 rng(7);
  for (int scene = 0; scene < 20; ++scene) {
    ClusterGrid grid = random_scene(rng, 0).grid;
    for (int i = 0; i < 500; ++i) {
      glm::vec3 p = random_point_in_frustum(rng, grid);
      Aabb box = cluster_bounds(grid, cluster_of(grid, p));
      const float eps = 1e-4f * -p.z;
      EXPECT_TRUE(glm::all(glm::greaterThanEqual(p, box.min - eps)) && glm::all(glm::lessThanEqual(p, box.max + eps)))
          << "point " << p.x << " " << p.y << " " << p.z;
    }
  }
}

TEST(LightClusters, TopOfTheScreenIsTileRowZero) {
  ClusterGrid grid = make_cluster_grid(glm::radians(60.0f), 1.0f, 0.1f, 100.0f);
  EXPECT_EQ(cluster_of(grid, {0.0f, 4.0f, -5.0f}).y, 0u);               // above the axis: top row
  EXPECT_EQ(cluster_of(grid, {0.0f, -4.0f, -5.0f}).y, grid.dims.y - 1);  // below: bottom row
  EXPECT_EQ(cluster_of(grid, {-4.0f, 0.0f, -5.0f}).x, 0u);               // left column
}

TEST(LightClusters, AssignmentMissesNoLightThatReachesAPoint) {
  std::mt19937 rng(1234);
  std::size_t checked = 0, reached = 0;
  for (int s = 0; s < 6; ++s) {
    RandomScene scene = random_scene(rng, 60 + std::size_t(s) * 40);
    ClusterLists lists = assign_lights(scene.grid, scene.lights, 1u << 20);
    ASSERT_EQ(lists.overflowed, 0u);
    for (int i = 0; i < 2500; ++i) {
      glm::vec3 p = random_point_in_frustum(rng, scene.grid);
      const auto& list = lists.lights[scene.grid.index(cluster_of(scene.grid, p))];
      for (std::uint32_t l = 0; l < scene.lights.size(); ++l) {
        if (!light_reaches(scene.lights[l], p)) continue;
        ++reached;
        EXPECT_TRUE(std::binary_search(list.begin(), list.end(), l)) << "scene " << s << " light " << l;
      }
      ++checked;
    }
  }
  EXPECT_GT(reached, checked / 4) << "the random lights should reach a good share of the sample points";
}

TEST(LightClusters, AssignmentIsTight) {
  // Culling must cull: on random scenes the average list is a small part of
  // all lights, and every listed light's sphere touches the cluster's box.
  std::mt19937 rng(99);
  RandomScene scene = random_scene(rng, 300);
  ClusterLists lists = assign_lights(scene.grid, scene.lights, 1u << 20);
  std::size_t total = 0;
  for (std::uint32_t c = 0; c < scene.grid.count(); ++c) {
    total += lists.lights[c].size();
    glm::uvec3 cell(c % scene.grid.dims.x, (c / scene.grid.dims.x) % scene.grid.dims.y,
                    c / (scene.grid.dims.x * scene.grid.dims.y));
    Aabb box = cluster_bounds(scene.grid, cell);
    for (std::uint32_t l : lists.lights[c]) {
      const ClusterLight& light = scene.lights[l];
      glm::vec3 d = glm::clamp(light.position, box.min, box.max) - light.position;
      EXPECT_LE(glm::length(d), light.range * 1.0001f);
    }
  }
  EXPECT_LT(double(total) / scene.grid.count(), 0.2 * scene.lights.size());
}

TEST(LightClusters, SpotConesCullClustersBehindThem) {
  ClusterGrid grid = make_cluster_grid(glm::radians(60.0f), 1.0f, 0.1f, 100.0f);
  ClusterLight spot;
  spot.position = {0.0f, 0.0f, -10.0f};
  spot.range = 50.0f;
  spot.direction = {0.0f, 0.0f, -1.0f};  // away from the camera
  spot.cos_outer = std::cos(glm::radians(20.0f));
  ClusterLight point = spot;
  point.cos_outer = -1.0f;
  ClusterLists spot_lists = assign_lights(grid, std::span(&spot, 1), 8);
  ClusterLists point_lists = assign_lights(grid, std::span(&point, 1), 8);
  std::size_t spot_count = 0, point_count = 0;
  for (std::uint32_t c = 0; c < grid.count(); ++c) {
    spot_count += spot_lists.lights[c].size();
    point_count += point_lists.lights[c].size();
  }
  EXPECT_GT(spot_count, 0u);
  EXPECT_LT(spot_count * 3, point_count);
  // A cluster between the camera and the spot, behind its cone, gets nothing.
  EXPECT_TRUE(spot_lists.lights[grid.index(cluster_of(grid, {0.0f, 0.0f, -5.0f}))].empty());
  EXPECT_FALSE(point_lists.lights[grid.index(cluster_of(grid, {0.0f, 0.0f, -5.0f}))].empty());
}

TEST(LightClusters, FullClustersKeepTheFirstOfEqualLightsAndCountTheOverflow) {
  ClusterGrid grid = make_cluster_grid(glm::radians(60.0f), 1.0f, 0.1f, 100.0f);
  std::vector<ClusterLight> lights(10);
  for (auto& l : lights) {
    l.position = {0.0f, 0.0f, -5.0f};
    l.range = 2.0f;
  }
  ClusterLists lists = assign_lights(grid, lights, 4);
  const auto& list = lists.lights[grid.index(cluster_of(grid, {0.0f, 0.0f, -5.0f}))];
  EXPECT_EQ(list, (std::vector<std::uint32_t>{0, 1, 2, 3}));
  EXPECT_GT(lists.overflowed, 0u);
}

// A full cluster drops its weakest, farthest lights, not whichever came last:
// a bright lamp listed after many dim far ones still lights its street.
TEST(LightClusters, FullClustersKeepTheMostImportantLights) {
  ClusterGrid grid = make_cluster_grid(glm::radians(60.0f), 1.0f, 0.1f, 100.0f);
  const glm::vec3 at{0.0f, 0.0f, -5.0f};
  std::vector<ClusterLight> lights;
  for (int i = 0; i < 8; ++i) {  // dim lights 4-6 m away
    ClusterLight dim;
    dim.position = at + glm::vec3(float(i % 3) - 1.0f, 4.0f + 0.2f * float(i), 0.0f);
    dim.range = 20.0f;
    dim.strength = 1.0f;
    lights.push_back(dim);
  }
  ClusterLight bright;
  bright.position = at + glm::vec3(0.0f, 1.0f, 0.0f);
  bright.range = 20.0f;
  bright.strength = 100.0f;
  lights.push_back(bright);
  ClusterLists lists = assign_lights(grid, lights, 4);
  const std::uint32_t cluster = grid.index(cluster_of(grid, at));
  const auto& list = lists.lights[cluster];
  ASSERT_EQ(list.size(), 4u);
  EXPECT_NE(std::find(list.begin(), list.end(), 8u), list.end()) << "the bright near light was dropped";
  EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
  // The kept dim lights are the most important of the dim ones for this cluster.
  Aabb box = cluster_bounds(grid, cluster_of(grid, at));
  float weakest_kept = 1e30f, strongest_dropped = 0.0f;
  for (std::uint32_t i = 0; i < 8; ++i) {
    float importance = light_importance(lights[i], box);
    if (std::find(list.begin(), list.end(), i) != list.end()) weakest_kept = std::min(weakest_kept, importance);
    else if (light_touches_box(lights[i], box)) strongest_dropped = std::max(strongest_dropped, importance);
  }
  EXPECT_GE(weakest_kept, strongest_dropped);
  EXPECT_GT(lists.overflowed, 0u);
}

}  // namespace
}  // namespace kagami
