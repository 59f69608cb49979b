// The snow simulation on a real device: particles are conserved across frames
// (every slot keeps its id; active + dormant == N; recycling happens), the
// result is identical for the same seed and differs for another, and flakes
// land on the ground plane or the heightfield; a replay in a few coarse steps
// leaves the storm as a frame-by-frame replay does.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <vector>

#include "fx_test_rig.h"
#include "gpu_fixture.h"
#include "kagami/gpu/upload.h"
#include "kagami/render/particle_shader_types.h"

namespace kagami {
namespace {

using render::SnowSettings;
using shader::Particle;

class FxSnowTest : public testing::GpuTest {
 protected:
  // A fast, small storm so that flakes land, lie and respawn within a few dozen frames.
  static SnowSettings quick_storm(std::uint32_t count, std::uint32_t seed) {
    SnowSettings s;
    s.count = count;
    s.seed = seed;
    s.intensity = 0.6f;
    s.fall_speed = 6.0f;
    s.top = 3.0f;
    s.half_width = 4.0f;
    s.settle_seconds = 0.3f;
    return s;
  }

  static render::Camera camera() {
    render::Camera c;
    c.position = {0.0f, 1.6f, 6.0f};
    c.target = {0.0f, 1.0f, 0.0f};
    return c;
  }

  // Simulates `frames` steps (the camera drifting along x), reading the buffer back after the last.
  std::vector<Particle> simulate(render::SnowSystem& snow, const SnowSettings& settings, std::uint32_t first,
                                 std::uint32_t frames, testing::FxRig& rig) {
    gpu::Buffer host = render::make_buffer_readback(*device, VkDeviceSize(settings.count) * sizeof(Particle),
                                                    "particle readback");
    for (std::uint32_t i = first; i < first + frames; ++i) {
      render::Camera cam = camera();
      cam.position.x += 0.05f * float(i);
      auto ok = rig.run([&](render::FrameGraph& frame) {
        graph::BufferHandle particles = snow.add_simulate_pass(frame, settings, testing::fx_time(i), cam);
        if (i + 1 == first + frames) render::add_buffer_readback_pass(frame, particles, host);
      });
      EXPECT_TRUE(ok.ok()) << ok.error().message;
    }
    std::vector<Particle> out(settings.count);
    std::memcpy(out.data(), host.mapped(), out.size() * sizeof(Particle));
    device->retire(host);
    return out;
  }
};

TEST_F(FxSnowTest, ParticlesAreConservedAcrossFrames) {
  SnowSettings settings = quick_storm(5000, 7);
  auto snow = render::SnowSystem::create(*device, testing::FxRig::kFormat, render::SnowStage::kDepthFormat);
  ASSERT_TRUE(snow.ok()) << snow.error().message;
  testing::FxRig rig(*device, {64, 64});

  std::vector<std::uint32_t> previous_spawns(settings.count, 0);
  std::uint64_t recycled = 0;
  std::uint32_t frame = 0;
  for (int round = 0; round < 4; ++round) {
    if (round == 2) settings.intensity = 0.25f;  // a sequencer track lowering the snowfall
    std::vector<Particle> particles = simulate(**snow, settings, frame, 10, rig);
    frame += 10;
    std::size_t falling = 0, settled = 0, dormant = 0;
    for (std::uint32_t i = 0; i < settings.count; ++i) {
      const Particle& p = particles[i];
      ASSERT_EQ(p.id, i) << "slot " << i << " holds another particle (lost or duplicated)";
      const bool active = shader::snow_active(i, settings.seed, settings.intensity);
      if (!active) {
        ASSERT_EQ(p.state, KAGAMI_PARTICLE_DORMANT) << "particle " << i;
        ++dormant;
        continue;
      }
      ASSERT_TRUE(p.state == KAGAMI_PARTICLE_FALLING || p.state == KAGAMI_PARTICLE_SETTLED) << "particle " << i;
      (p.state == KAGAMI_PARTICLE_FALLING ? falling : settled) += 1;
      ASSERT_GE(p.spawns, previous_spawns[i]) << "particle " << i << " spawn count went backwards";
      if (previous_spawns[i] > 0) recycled += p.spawns - previous_spawns[i];
      previous_spawns[i] = p.spawns;
      // Inside the volume around the camera, never under the ground.
      const float camera_x = camera().position.x + 0.05f * float(frame - 1);
      EXPECT_LE(std::abs(p.position.x - camera_x), settings.half_width + 1e-3f) << "particle " << i;
      EXPECT_GE(p.position.y, settings.ground_height - 1e-4f) << "particle " << i;
    }
    EXPECT_EQ(falling + settled + dormant, settings.count);
    EXPECT_GT(falling, 0u);
    EXPECT_GT(settled, 0u) << "after " << frame << " frames some flakes have landed";
    const double active_fraction = double(falling + settled) / settings.count;
    EXPECT_NEAR(active_fraction, settings.intensity, 0.03);
  }
  EXPECT_GT(recycled, settings.count / 4) << "flakes that land and fade are spawned again";
}

TEST_F(FxSnowTest, SameSeedGivesIdenticalBytesAnotherSeedDoesNot) {
  auto run = [&](std::uint32_t seed) {
    auto snow = render::SnowSystem::create(*device, testing::FxRig::kFormat, render::SnowStage::kDepthFormat);
    EXPECT_TRUE(snow.ok());
    testing::FxRig rig(*device, {16, 16});
    return simulate(**snow, quick_storm(3000, seed), 0, 24, rig);
  };
  std::vector<Particle> a = run(11), b = run(11), c = run(12);
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(Particle)), 0) << "same seed, different bytes";
  EXPECT_NE(std::memcmp(a.data(), c.data(), a.size() * sizeof(Particle)), 0) << "another seed, same bytes";
}

// The film replays the last second before each frame in 6 steps instead of one
// per frame (FrameEffects::snow_replay_seconds): the flakes must still have
// taken up the wind and be as many in the air, or the storm would look calmer.
TEST_F(FxSnowTest, ACoarseReplayLeavesTheStormAsAFineOneDoes) {
  SnowSettings settings;
  settings.count = 20000;
  settings.seed = 5;
  settings.wind = {5.0f, 1.5f};
  settings.turbulence = 1.0f;
  auto replay = [&](std::uint32_t steps, float seconds) {
    auto snow = render::SnowSystem::create(*device, testing::FxRig::kFormat, render::SnowStage::kDepthFormat);
    EXPECT_TRUE(snow.ok());
    testing::FxRig rig(*device, {16, 16});
    gpu::Buffer host = render::make_buffer_readback(*device, settings.count * sizeof(Particle), "readback");
    auto ok = rig.run([&](render::FrameGraph& frame) {
      auto particles = (*snow)->add_replay_pass(frame, settings, testing::fx_time(240), camera(), steps, seconds);
      render::add_buffer_readback_pass(frame, particles, host);
    });
    EXPECT_TRUE(ok.ok()) << ok.error().message;
    std::vector<Particle> out(settings.count);
    std::memcpy(out.data(), host.mapped(), out.size() * sizeof(Particle));
    device->retire(host);
    return out;
  };
  struct Storm {
    int falling = 0;
    glm::vec3 mean_velocity{0.0f};
  };
  auto storm = [](const std::vector<Particle>& particles) {
    Storm s;
    for (const Particle& p : particles)
      if (p.state == KAGAMI_PARTICLE_FALLING) {
        ++s.falling;
        s.mean_velocity += glm::vec3(p.velocity);
      }
    s.mean_velocity /= float(std::max(s.falling, 1));
    return s;
  };
  const float frame = testing::fx_time(240).delta;
  const Storm fine = storm(replay(std::uint32_t(std::lround(1.0f / frame)), 0.0f));
  const Storm coarse = storm(replay(6, 1.0f));
  const Storm cold = storm(replay(1, 0.0f));  // one frame from the seed: not yet in the wind
  ASSERT_GT(fine.falling, int(settings.count) / 2);
  EXPECT_NEAR(double(coarse.falling), double(fine.falling), 0.03 * settings.count);
  EXPECT_NEAR(coarse.mean_velocity.x, fine.mean_velocity.x, 0.1f * settings.wind.x);
  EXPECT_NEAR(coarse.mean_velocity.z, fine.mean_velocity.z, 0.1f * settings.wind.x);
  EXPECT_NEAR(coarse.mean_velocity.y, fine.mean_velocity.y, 0.2f);
  EXPECT_GT(fine.mean_velocity.x, 0.7f * settings.wind.x) << "after a second the flakes move with the wind";
  EXPECT_LT(cold.mean_velocity.x, 0.5f * fine.mean_velocity.x) << "the test tells a settled storm from a cold start";
}

TEST_F(FxSnowTest, FlakesSettleOnTheHeightfield) {
  // A 2x2 heightfield: the left half (x < 0) is a 2 m high block, the right half is flat.
  const std::array<std::uint8_t, 16> pixels = {255, 0, 0, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 255};
  gpu::Image height = gpu::upload_texture_rgba8(*device, 2, 2, pixels, false, "test heightfield");
  SnowSettings settings = quick_storm(4000, 3);
  settings.intensity = 1.0f;
  settings.wind = {0.0f, 0.0f};
  settings.turbulence = 0.0f;
  settings.settle_seconds = 100.0f;  // landed flakes stay
  settings.heightfield = {height.view, {-4.0f, -100.0f}, {8.0f, 200.0f}, 2.0f};
  auto snow = render::SnowSystem::create(*device, testing::FxRig::kFormat, render::SnowStage::kDepthFormat);
  ASSERT_TRUE(snow.ok());
  testing::FxRig rig(*device, {16, 16});
  render::Camera cam;
  cam.position = {0.0f, 1.0f, 0.0f};
  gpu::Buffer host = render::make_buffer_readback(*device, settings.count * sizeof(Particle), "readback");
  for (std::uint32_t i = 0; i < 30; ++i) {
    auto ok = rig.run([&](render::FrameGraph& frame) {
      auto particles = (*snow)->add_simulate_pass(frame, settings, testing::fx_time(i), cam);
      if (i == 29) render::add_buffer_readback_pass(frame, particles, host);
    });
    ASSERT_TRUE(ok.ok()) << ok.error().message;
  }
  std::vector<Particle> particles(settings.count);
  std::memcpy(particles.data(), host.mapped(), particles.size() * sizeof(Particle));
  int on_block = 0, on_ground = 0;
  for (const Particle& p : particles) {
    if (p.state != KAGAMI_PARTICLE_SETTLED) continue;
    // Well inside each half (the sampler blends across the middle).
    if (p.position.x < -2.5f) {
      EXPECT_NEAR(p.position.y, 2.0f, 1e-3f);
      ++on_block;
    } else if (p.position.x > 2.5f) {
      EXPECT_NEAR(p.position.y, 0.0f, 1e-3f);
      ++on_ground;
    }
  }
  EXPECT_GT(on_block, 50);
  EXPECT_GT(on_ground, 50);
  device->retire(host);
  device->retire(height);
}

TEST(FxSnowParameters, NamedParametersSetTheSettings) {
  SnowSettings s;
  const float intensity = 0.25f;
  ASSERT_TRUE(render::set_snow_parameter(s, "snow.intensity", {&intensity, 1}).ok());
  EXPECT_EQ(s.intensity, 0.25f);
  const std::array<float, 2> wind = {4.0f, -1.0f};
  ASSERT_TRUE(render::set_snow_parameter(s, "snow.wind", wind).ok());
  EXPECT_EQ(s.wind, glm::vec2(4.0f, -1.0f));
  const float too_much = 3.0f;
  ASSERT_TRUE(render::set_snow_parameter(s, "snow.intensity", {&too_much, 1}).ok());
  EXPECT_EQ(s.intensity, 1.0f) << "clamped to the active fraction's range";

  auto unknown = render::set_snow_parameter(s, "snow.windd", wind);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("snow.windd"), std::string::npos) << unknown.error().message;
  auto wrong_count = render::set_snow_parameter(s, "snow.wind", {&intensity, 1});
  ASSERT_FALSE(wrong_count.ok());
  EXPECT_NE(wrong_count.error().message.find("takes 2 values"), std::string::npos) << wrong_count.error().message;
  const float nan = std::nanf("");
  EXPECT_FALSE(render::set_snow_parameter(s, "snow.gust", {&nan, 1}).ok());
}

}  // namespace
}  // namespace kagami
