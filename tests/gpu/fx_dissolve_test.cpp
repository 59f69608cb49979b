// Dissolve on a real device: the threshold removes a surface progressively
// with a glowing edge, and fragments spawn only while the edge burns, keep
// their slots, repeat exactly for the same seed, and replay exactly; a
// skinned surface sheds them from its pose.
#include <cmath>
#include <cstring>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "fx_test_rig.h"
#include "gpu_fixture.h"
#include "kagami/gpu/upload.h"
#include "kagami/render/dissolve_fragments.h"
#include "kagami/render/particle_shader_types.h"
#include "kagami/render/shader_types.h"

namespace kagami {
namespace {

using shader::Particle;

// A 2 m square standing upright at the origin, facing +z.
asset::MeshData wall_mesh() {
  asset::MeshData mesh;
  mesh.name = "wall";
  mesh.positions = {{-1, 0, 0}, {1, 0, 0}, {1, 2, 0}, {-1, 2, 0}};
  mesh.normals.assign(4, {0, 0, 1});
  mesh.uv0 = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
  mesh.indices = {0, 1, 2, 0, 2, 3};
  return mesh;
}

TEST(FxDissolveTriangles, CumulativeAreaPicksTrianglesByArea) {
  asset::MeshData mesh;
  mesh.name = "two";
  mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 0}, {3, 0, 0}, {0, 2, 0}, {5, 5, 5}};
  mesh.indices = {0, 1, 2, 6, 6, 6, 3, 4, 5};  // areas 0.5, 0 (degenerate), 3
  auto table = render::dissolve_triangles(mesh);
  ASSERT_TRUE(table.ok()) << table.error().message;
  ASSERT_EQ(table->triangles.size(), 2u) << "the degenerate triangle is never picked";
  EXPECT_NEAR(table->triangles[0].p0.w, 0.5f / 3.5f, 1e-6f);
  EXPECT_EQ(table->triangles[1].p0.w, 1.0f);
  EXPECT_EQ(glm::vec3(table->triangles[1].p1), glm::vec3(3, 0, 0));
  EXPECT_TRUE(table->skin.empty()) << "a rigid mesh has no skin table";

  // With a skin, each listed triangle carries its own corners' joints.
  for (std::uint16_t v = 0; v < 7; ++v) mesh.skin.push_back({glm::u16vec4(v, 0, 0, 0), glm::vec4(1, 0, 0, 0)});
  auto skinned = render::dissolve_triangles(mesh);
  ASSERT_TRUE(skinned.ok()) << skinned.error().message;
  ASSERT_EQ(skinned->skin.size(), 2u) << "one skin entry per listed triangle";
  EXPECT_EQ(skinned->skin[0].joints2.x, 2u);
  EXPECT_EQ(glm::uvec3(skinned->skin[1].joints0.x, skinned->skin[1].joints1.x, skinned->skin[1].joints2.x),
            glm::uvec3(3, 4, 5))
      << "the degenerate triangle's corners are skipped with it";
  EXPECT_EQ(skinned->skin[1].weights1, glm::vec4(1, 0, 0, 0));

  asset::MeshData flat;
  flat.name = "flat";
  flat.positions = {{0, 0, 0}, {1, 0, 0}};
  flat.indices = {0, 1, 1};
  auto none = render::dissolve_triangles(flat);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("'flat'"), std::string::npos) << none.error().message;
}

class FxDissolveTest : public testing::GpuTest {
 protected:
  void SetUp() override {
    GpuTest::SetUp();
    if (!device) return;
    asset::MeshData mesh = wall_mesh();
    std::vector<shader::MeshVertex> vertices;
    for (std::size_t i = 0; i < mesh.positions.size(); ++i)
      vertices.push_back({mesh.positions[i], mesh.normals[i], mesh.uv0[i]});
    mesh_.vertices = gpu::upload_buffer(
        *device, {reinterpret_cast<const std::uint8_t*>(vertices.data()), vertices.size() * sizeof vertices[0]},
        VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, "wall vertices");
    mesh_.indices = gpu::upload_buffer(
        *device, {reinterpret_cast<const std::uint8_t*>(mesh.indices.data()), mesh.indices.size() * 4},
        VK_BUFFER_USAGE_INDEX_BUFFER_BIT, "wall indices");
    mesh_.index_count = 6;
    item_.mesh = &mesh_;
    item_.material.base_color_factor = {0.5f, 0.5f, 0.5f, 1.0f};
    auto source = render::make_dissolve_source(*device, mesh);
    ASSERT_TRUE(source.ok());
    source_ = *source;
    camera_.position = {0.0f, 1.0f, 4.0f};
    camera_.target = {0.0f, 1.0f, 0.0f};
    look_.ambient = {0.5f, 0.5f, 0.5f};
  }
  void TearDown() override {
    if (device) {
      device->retire(mesh_.vertices);
      device->retire(mesh_.indices);
      render::release_dissolve_source(*device, source_);
    }
    GpuTest::TearDown();
  }

  ImageRgba8 render_wall(float progress) {
    testing::FxRig rig(*device, {96, 96});
    auto stage = render::SnowStage::create(*device, testing::FxRig::kFormat);
    auto pass = render::DissolvePass::create(*device, testing::FxRig::kFormat, render::SnowStage::kDepthFormat);
    EXPECT_TRUE(stage.ok() && pass.ok());
    render::SnowStageSettings stage_settings;
    stage_settings.sphere_radius = 0.0f;
    stage_settings.ground_height = -50.0f;  // out of view: only the wall and the clear colour
    render::DissolveSettings settings;
    settings.progress = progress;
    auto image = rig.render([&](render::FrameGraph& frame, graph::TextureHandle color) {
      render::StageTargets t = (*stage)->add_pass(frame, 0, stage_settings, look_, camera_, color, {96, 96});
      return (*pass)->add_pass(frame, 0, {&item_, 1}, settings, look_, camera_, t, {96, 96}).color;
    }, {0.0f, 0.0f, 0.0f, 1.0f});
    EXPECT_TRUE(image.ok()) << image.error().message;
    return image.ok() ? *image : ImageRgba8{};
  }

  // What fragments() runs: `frames` frames from a fresh system, stepped one
  // frame at a time, or (`replay`) replayed in one pass ending at the last.
  struct Run {
    float progress = 0.5f;
    std::uint32_t seed = 1;
    std::uint32_t frames = 8;
    bool replay = false;
    const render::DissolveSource* source = nullptr;  // the wall's
    glm::mat4 world{1.0f};
    // Stepped: every frame's pose; replayed: each step's, back to back.
    std::vector<glm::mat4> poses;
    float delta = 1.0f / 24.0f;  // s per frame
  };
  std::vector<Particle> fragments(float progress, std::uint32_t seed, std::uint32_t frames, bool replay = false) {
    return fragments({progress, seed, frames, replay});
  }
  std::vector<Particle> fragments(const Run& run) {
    testing::FxRig rig(*device, {16, 16});
    auto system = render::DissolveFragments::create(*device, testing::FxRig::kFormat, render::SnowStage::kDepthFormat);
    EXPECT_TRUE(system.ok());
    const render::DissolveSource& source = run.source ? *run.source : source_;
    render::FragmentSettings settings;
    settings.count = 4096;
    render::DissolveSettings dissolve;
    dissolve.progress = run.progress;
    const std::vector<float> steps(run.frames, run.progress);
    gpu::Buffer host = render::make_buffer_readback(*device, settings.count * sizeof(Particle), "readback");
    for (std::uint32_t i = run.replay ? run.frames - 1 : 0; i < run.frames; ++i) {
      const render::FxTime time{i, float(i + 1) * run.delta, run.delta};
      auto ok = rig.run([&](render::FrameGraph& frame) {
        auto particles =
            run.replay ? (*system)->add_replay_pass(frame, 0, source, run.world, run.poses, dissolve, steps, settings,
                                                    run.seed, time)
                       : (*system)->add_emit_pass(frame, 0, source, run.world, run.poses, dissolve, settings,
                                                  run.seed, time);
        if (i + 1 == run.frames) render::add_buffer_readback_pass(frame, particles, host);
      });
      EXPECT_TRUE(ok.ok()) << ok.error().message;
    }
    std::vector<Particle> out(settings.count);
    std::memcpy(out.data(), host.mapped(), out.size() * sizeof(Particle));
    device->retire(host);
    return out;
  }

  render::GpuMesh mesh_;
  render::DrawItem item_;
  render::DissolveSource source_;
  render::Camera camera_;
  render::ParticleLook look_;
};

struct Coverage {
  int surface = 0;  // grey wall pixels
  int glow = 0;     // orange edge pixels
};

Coverage measure(const ImageRgba8& image) {
  Coverage c;
  for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
    int r = image.pixels[i], g = image.pixels[i + 1], b = image.pixels[i + 2];
    if (r > 200 && r > b + 60) ++c.glow;
    else if (r > 60 && std::abs(r - g) < 8 && std::abs(g - b) < 8) ++c.surface;
  }
  return c;
}

TEST_F(FxDissolveTest, ProgressEatsTheSurfaceBehindAGlowingEdge) {
  Coverage whole = measure(render_wall(0.0f));
  Coverage half = measure(render_wall(0.5f));
  Coverage gone = measure(render_wall(1.0f));
  EXPECT_GT(whole.surface, 1000);
  EXPECT_EQ(whole.glow, 0);
  EXPECT_LT(half.surface, whole.surface * 0.8) << "half dissolved keeps " << half.surface << " of " << whole.surface;
  EXPECT_GT(half.surface, whole.surface * 0.2);
  EXPECT_GT(half.glow, 20) << "the edge glows";
  EXPECT_EQ(gone.surface + gone.glow, 0) << "fully dissolved leaves nothing";
}

TEST_F(FxDissolveTest, FragmentsSpawnOnlyFromABurningEdge) {
  auto count_alive = [](const std::vector<Particle>& ps) {
    std::size_t alive = 0;
    for (std::uint32_t i = 0; i < ps.size(); ++i) {
      EXPECT_EQ(ps[i].id, i) << "slot " << i << " lost its particle";
      alive += ps[i].state != KAGAMI_PARTICLE_DORMANT;
    }
    return alive;
  };
  EXPECT_EQ(count_alive(fragments(0.0f, 1, 8)), 0u) << "an intact surface sheds nothing";
  EXPECT_EQ(count_alive(fragments(1.0f, 1, 8)), 0u) << "a vanished surface sheds nothing";
  std::vector<Particle> a = fragments(0.5f, 1, 8);
  const std::size_t alive = count_alive(a);
  EXPECT_GT(alive, 50u);
  for (const Particle& p : a) {
    if (p.state == KAGAMI_PARTICLE_DORMANT) continue;
    // Born on the wall (|x| <= 1, 0 <= y <= 2, z = 0) less than 8 frames ago, drifting slowly.
    EXPECT_LE(std::abs(p.position.x), 1.5f);
    EXPECT_GE(p.position.y, -0.5f);
    EXPECT_LE(std::abs(p.position.z), 0.5f);
  }
  std::vector<Particle> b = fragments(0.5f, 1, 8);
  std::vector<Particle> c = fragments(0.5f, 2, 8);
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(Particle)), 0) << "same seed, different bytes";
  EXPECT_NE(std::memcmp(a.data(), c.data(), a.size() * sizeof(Particle)), 0) << "another seed, same bytes";
}

TEST_F(FxDissolveTest, AReplayGivesTheFragmentsOfTheFramesItStandsFor) {
  // Eight frames stepped one by one from a fresh start, and the same eight
  // steps replayed in one pass: the same fragments (the step times are
  // computed differently, so positions agree to rounding), hence a film
  // frame's fragments do not depend on which frames were rendered before it.
  const std::vector<Particle> stepped = fragments(0.5f, 3, 8);
  const std::vector<Particle> replay = fragments(0.5f, 3, 8, /*replay=*/true);
  ASSERT_EQ(stepped.size(), replay.size());
  std::size_t alive = 0;
  for (std::size_t i = 0; i < replay.size(); ++i) {
    ASSERT_EQ(stepped[i].state, replay[i].state) << "slot " << i;
    ASSERT_EQ(stepped[i].spawns, replay[i].spawns) << "slot " << i;
    if (replay[i].state == KAGAMI_PARTICLE_DORMANT) continue;
    ++alive;
    EXPECT_LT(glm::length(glm::vec3(stepped[i].position) - glm::vec3(replay[i].position)), 1e-3f) << "slot " << i;
  }
  EXPECT_GT(alive, 50u);
  const std::vector<Particle> again = fragments(0.5f, 3, 8, /*replay=*/true);
  EXPECT_EQ(std::memcmp(again.data(), replay.data(), replay.size() * sizeof(Particle)), 0) << "a replay repeats exactly";
}

// The wall, skinned whole to joint 1 (joint 0 moves nothing of it).
asset::MeshData skinned_wall() {
  asset::MeshData mesh = wall_mesh();
  mesh.skin.assign(mesh.positions.size(), {glm::u16vec4(1, 0, 0, 0), glm::vec4(1, 0, 0, 0)});
  return mesh;
}

// Joint 1 laid flat: the wall turned about x to lie on y = 0 (its top towards
// -z), then moved `along` x. Joint 0 stays put.
std::vector<glm::mat4> flat_pose(float along) {
  const glm::mat4 lay = glm::rotate(glm::mat4(1.0f), glm::radians(-90.0f), glm::vec3(1, 0, 0));
  return {glm::mat4(1.0f), glm::translate(glm::mat4(1.0f), glm::vec3(along, 0, 0)) * lay};
}

// A skinned source and its poses: fragments spawn on the surface as the pose
// holds it, placed by the world matrix after the pose, as the skinned draw
// does (a character's fragments leave its posed body, not its bind pose).
TEST_F(FxDissolveTest, SkinnedFragmentsLeaveThePosedSurface) {
  auto skinned = render::make_dissolve_source(*device, skinned_wall());
  ASSERT_TRUE(skinned.ok()) << skinned.error().message;
  ASSERT_TRUE(skinned->skinned());
  Run run;
  run.frames = 1;  // fragments born this frame stand where they were born
  run.source = &*skinned;
  run.world = glm::translate(glm::mat4(1.0f), glm::vec3(0, 5, 0));
  run.poses = flat_pose(3.0f);
  std::size_t posed = 0;
  for (const Particle& p : fragments(run)) {
    if (p.state == KAGAMI_PARTICLE_DORMANT) continue;
    ++posed;
    // The flat wall moved 3 m along x, then lifted 5 m by the world matrix.
    EXPECT_NEAR(p.position.x, 3.0f, 1.0f + 1e-4f);
    EXPECT_NEAR(p.position.y, 5.0f, 1e-4f);
    EXPECT_NEAR(p.position.z, -1.0f, 1.0f + 1e-4f);
  }
  EXPECT_GT(posed, 50u);

  run.poses.clear();  // no pose: the bind pose, the wall upright at the origin, lifted
  std::size_t bind = 0;
  for (const Particle& p : fragments(run)) {
    if (p.state == KAGAMI_PARTICLE_DORMANT) continue;
    ++bind;
    EXPECT_NEAR(p.position.x, 0.0f, 1.0f + 1e-4f);
    EXPECT_NEAR(p.position.y, 6.0f, 1.0f + 1e-4f);
    EXPECT_NEAR(p.position.z, 0.0f, 1e-4f);
  }
  EXPECT_GT(bind, 50u);
  render::release_dissolve_source(*device, *skinned);
}

// A replay poses each step by its own matrices: with step k's wall 10k m
// along x, fragments stand by every step's wall and nowhere else (the steps
// are a millisecond apart, so they have not drifted).
TEST_F(FxDissolveTest, AReplayPosesEachStepByItsOwnMatrices) {
  auto skinned = render::make_dissolve_source(*device, skinned_wall());
  ASSERT_TRUE(skinned.ok()) << skinned.error().message;
  Run run;
  run.replay = true;
  run.source = &*skinned;
  run.delta = 1e-3f;
  for (std::uint32_t k = 0; k < run.frames; ++k) {
    const std::vector<glm::mat4> pose = flat_pose(10.0f * float(k));
    run.poses.insert(run.poses.end(), pose.begin(), pose.end());
  }
  std::vector<std::size_t> per_step(run.frames, 0);
  for (const Particle& p : fragments(run)) {
    if (p.state == KAGAMI_PARTICLE_DORMANT) continue;
    const long k = std::lround(p.position.x / 10.0f);
    ASSERT_GE(k, 0);
    ASSERT_LT(k, long(run.frames));
    EXPECT_NEAR(p.position.x, 10.0f * float(k), 1.02f);
    EXPECT_NEAR(p.position.y, 0.0f, 0.02f);
    EXPECT_NEAR(p.position.z, -1.0f, 1.02f);
    ++per_step[std::size_t(k)];
  }
  for (std::uint32_t k = 0; k < run.frames; ++k) EXPECT_GT(per_step[k], 5u) << "no fragment from step " << k;
  render::release_dissolve_source(*device, *skinned);
}

}  // namespace
}  // namespace kagami
