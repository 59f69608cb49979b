// The film renderer on a real device: frames of every act come out byte for
// byte the same when rendered twice, in a different order (time is the only
// input), and the next act's location is loaded before its act starts.
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
  }
  times.push_back(film->acts_end() + 5.0);
  std::vector<ImageRgba8> first;
  for (double t : times) {
    auto image = (*renderer)->render(t);
    ASSERT_TRUE(image.ok()) << image.error().message;
    first.push_back(std::move(*image));
  }
  // Every act's location was requested a streaming lead ahead of its start.
  for (const player::LocationLoad& load : (*renderer)->loads())
    if (load.act > 0) EXPECT_LE(load.requested_at, film->acts[load.act].start) << "act " << load.act;
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

}  // namespace
}  // namespace kagami
