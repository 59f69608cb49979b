// Key frames of the cinematic at 160x90 against references that were looked
// at: Act 1's crane over the Dome, Act 2's storm under the bridge, Act 3's
// grid with a subtitle, and the title card over black; the effects: Act 2's
// image breaking up into data halfway, Act 3's scenery dissolving halfway.
#include "../gpu/gpu_fixture.h"
#include "golden.h"
#include "kagami/player/film_renderer.h"

namespace kagami {
namespace {

class FilmGolden : public testing::GpuTest {};

TEST_F(FilmGolden, KeyFramesOfTheCinematic) {
  auto film = sequencer::load_film(std::filesystem::path(KAGAMI_SOURCE_DIR) / "scenes/cinematic.film.json");
  ASSERT_TRUE(film.ok()) << film.error().message;
  auto renderer = player::FilmRenderer::create(*device, *film, {160, 90});
  ASSERT_TRUE(renderer.ok()) << renderer.error().message;
  const std::pair<const char*, double> keys[] = {
      {"film_act1_crane", film->acts[0].start + 6.0},
      {"film_act2_storm", film->acts[1].start + 4.0},
      {"film_act2_breakup", film->acts[1].start + 38.0},  // fx.data_breakup halfway
      {"film_act3_grid", film->acts[2].start + 10.0},
      {"film_act3_dissolve", film->acts[2].start + 39.0},  // fx.dissolve halfway
      {"film_title", film->title.start + 2.0},
  };
  for (const auto& [name, t] : keys) {
    auto image = (*renderer)->render(t);
    ASSERT_TRUE(image.ok()) << image.error().message;
    testing::expect_matches_golden(name, *image);
  }
}

}  // namespace
}  // namespace kagami
