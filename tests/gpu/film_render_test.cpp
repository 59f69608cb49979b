// The film renderer on a real device: frames of every act come out byte for
// byte the same when rendered twice, in a different order (time is the only
// input), and the next act's location is loaded before its act starts, whole
// and at once offline, streamed in the background live.
#include "gpu_fixture.h"
#include "kagami/player/film_renderer.h"

namespace kagami {
namespace {

class FilmRenderTest : public testing::GpuTest {};

TEST_F(FilmRenderTest, FramesOfEachActAreIdenticalWhenRenderedTwiceInAnyOrder) {
  auto film = sequencer::load_film(std::filesystem::path(KAGAMI_SOURCE_DIR) / "scenes/cinematic.film.json");
  ASSERT_TRUE(film.ok()) << film.error().message;
  auto renderer = player::FilmRenderer::create(*device, *film, {96, 54});
  ASSERT_TRUE(renderer.ok()) << renderer.error().message;
  // Two frames per act, a subtitle-carrying one among them, each act preceded
  // by a frame two seconds before it (inside the streaming lead); the credits last.
  std::vector<double> times;
  for (const sequencer::FilmAct& act : film->acts) {
    if (act.start > 0.0) times.push_back(act.start - 2.0);
    times.push_back(act.start + 10.0);
    times.push_back(act.start + 17.0);
    if (&act == &film->acts[2]) times.push_back(act.start + 39.0);  // Rin dissolving: fragments replayed from their seed
  }
  times.push_back(film->acts_end() + 5.0);
  std::vector<ImageRgba8> first;
  for (double t : times) {
    auto image = (*renderer)->render(t);
    ASSERT_TRUE(image.ok()) << image.error().message;
    first.push_back(std::move(*image));
  }
  // Every act's location was requested a streaming lead ahead of its start.
  for (const player::LocationLoad& load : (*renderer)->loads()) {
    if (load.act > 0) {
      EXPECT_LE(load.requested_at, film->acts[load.act].start) << "act " << load.act;
    }
  }
  EXPECT_LE((*renderer)->resident_acts(), 2u);
  for (std::size_t i = times.size(); i-- > 0;) {
    auto again = (*renderer)->render(times[i]);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_TRUE(again->pixels == first[i].pixels) << "film time " << times[i] << " differs on a second render";
  }
  // Distinct moments are distinct images (the test would catch a blank renderer).
  EXPECT_FALSE(first[0].pixels == first[1].pixels);
  EXPECT_FALSE(first[1].pixels == first[4].pixels);
}

// Live, as the window plays it: one stream() and one frame per step, four
// steps a second of film time, from before the Act 2 cue to after the cut.
TEST_F(FilmRenderTest, LiveStreamingHasTheNextLocationWholeBeforeItsActStarts) {
  auto film = sequencer::load_film(std::filesystem::path(KAGAMI_SOURCE_DIR) / "scenes/cinematic.film.json");
  ASSERT_TRUE(film.ok()) << film.error().message;
  player::LiveStreaming live;
  live.budget.memory_bytes = 1ull << 30;
  live.budget.upload_bytes_per_frame = 32ull << 20;
  live.cache_dir = std::filesystem::path(KAGAMI_TEST_OUTPUT_DIR) / "cache";
  const VkExtent2D extent{64, 36};
  auto renderer = player::FilmRenderer::create(*device, *film, extent, player::FilmRenderer::kFormat, live);
  ASSERT_TRUE(renderer.ok()) << renderer.error().message;
  const double cut = film->acts[1].start, from = cut - film->stream_lead - 1.0, step = 0.25;
  std::uint64_t frame = 0;
  auto stream = [&](double t) { device->run_now([&](VkCommandBuffer cmd) { (*renderer)->stream(cmd, 0, ++frame, t); }); };
  // The player waits for the first location before its clock starts.
  for (int i = 0; !(*renderer)->location_ready(from); ++i) {
    ASSERT_LT(i, 2000) << "Act 1's location never became whole";
    stream(from);
  }
  std::optional<ImageRgba8> after_cut;
  for (double t = from; t <= cut + 0.5; t += step) {
    stream(t);
    auto image = (*renderer)->render(t);
    ASSERT_TRUE(image.ok()) << image.error().message;
    if (t >= cut + 0.5 - 1e-9) after_cut = std::move(*image);
  }
  EXPECT_EQ((*renderer)->late_frames(), 0u) << "a frame was drawn before its location was whole";
  bool act2_loaded = false;
  for (const player::LocationLoad& load : (*renderer)->loads())
    if (load.act == 1) {
      act2_loaded = true;
      EXPECT_LE(load.requested_at, cut - film->stream_lead + step) << "requested a streaming lead ahead";
      EXPECT_GE(load.resident_at, load.requested_at);
      EXPECT_LT(load.resident_at, cut) << "Suidoubashi was not whole when Act 2 began";
    }
  EXPECT_TRUE(act2_loaded);
  // Streamed or loaded at once, the frame is the same image.
  ASSERT_TRUE(after_cut);
  auto offline = player::FilmRenderer::create(*device, *film, extent);
  ASSERT_TRUE(offline.ok()) << offline.error().message;
  auto expected = (*offline)->render(cut + 0.5);
  ASSERT_TRUE(expected.ok()) << expected.error().message;
  EXPECT_TRUE(expected->pixels == after_cut->pixels) << "the live frame after the cut differs from the offline one";
}

}  // namespace
}  // namespace kagami
