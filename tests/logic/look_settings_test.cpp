// Look settings: presets, named fields for sequencer tracks, the scene mapping.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "kagami/core/log.h"
#include "kagami/look/scene_look.h"

namespace kagami::look {
namespace {

TEST(LookFields, EveryPathIsUniqueAndReachesItsOwnFloats) {
  LookSettings look;
  std::set<std::string_view> seen;
  std::set<const float*> addresses;
  for (const LookField& field : look_fields()) {
    EXPECT_TRUE(seen.insert(field.path).second) << field.path;
    auto floats = find_field(look, field.path);
    ASSERT_TRUE(floats.has_value()) << field.path;
    EXPECT_EQ(int(floats->size()), field.components);
    EXPECT_TRUE(addresses.insert(floats->data()).second) << field.path << " shares storage";
  }
  EXPECT_GE(seen.size(), 20u);
}

TEST(LookFields, WritingThroughAPathChangesTheSetting) {
  LookSettings look;
  find_field(look, "post.exposure")->front() = -1.5f;
  (*find_field(look, "fog.density"))[0] = 0.02f;
  auto lift = find_field(look, "post.lift");
  (*lift)[2] = 0.05f;
  EXPECT_EQ(look.post.exposure, -1.5f);
  EXPECT_EQ(look.fog.density, 0.02f);
  EXPECT_EQ(look.post.lift.z, 0.05f);
  EXPECT_FALSE(find_field(look, "post.nonsense").has_value());
  EXPECT_FALSE(find_field(look, "").has_value());
}

TEST(LookPresets, EachLocationPresetDiffersWhereAViewerWouldNotice) {
  for (const char* name : {"clear", "dusk", "night", "overcast_snow", "snow_night", "storm", "void"})
    EXPECT_TRUE(sky_preset(name).has_value()) << name;
  EXPECT_FALSE(sky_preset("sunny_with_a_chance").has_value());
  EXPECT_GT(sky_preset("night")->stars, 0.0f);
  EXPECT_EQ(sky_preset("dusk")->stars, 0.0f);
  EXPECT_EQ(sky_preset("overcast_snow")->overcast, 1.0f);
  EXPECT_EQ(sky_preset("void")->brightness, 0.0f);
  EXPECT_GT(look_preset("dusk")->post.temperature, 0.0f) << "dusk is graded warm";
  EXPECT_LT(look_preset("snow_night")->post.temperature, 0.0f) << "snow is graded cold";
}

TEST(LookWhiteBalance, NeutralAtZeroWarmAboveCoolBelowAndLuminanceKept) {
  glm::vec3 neutral = white_balance(0.0f);
  EXPECT_NEAR(neutral.r, 1.0f, 1e-5f);
  EXPECT_NEAR(neutral.b, 1.0f, 1e-5f);
  glm::vec3 warm = white_balance(0.5f), cool = white_balance(-0.5f);
  EXPECT_GT(warm.r, warm.b);
  EXPECT_LT(cool.r, cool.b);
  for (glm::vec3 w : {warm, cool}) EXPECT_NEAR(glm::dot(w, glm::vec3(0.2126f, 0.7152f, 0.0722f)), 1.0f, 1e-5f);
}

TEST(LookScene, SceneEnvironmentOverridesThePreset) {
  scene::Environment env;
  env.sky.preset = "snow_night";
  env.sky.turbidity = 9.0f;
  env.fog.density = 0.012f;
  env.fog.color = {0.2f, 0.21f, 0.25f};
  env.fog.height_falloff = 0.01f;
  env.fog.scattering = 0.8f;
  env.exposure = 0.5f;
  LookSettings look = scene_look(env);
  EXPECT_EQ(look.sky.overcast, 1.0f);
  EXPECT_EQ(look.sky.turbidity, 9.0f);
  EXPECT_EQ(look.fog.density, 0.012f);
  EXPECT_EQ(look.fog.color, glm::vec3(0.2f, 0.21f, 0.25f));
  EXPECT_EQ(look.fog.scattering, 0.8f);
  EXPECT_EQ(look.post.exposure, look_preset("snow_night")->post.exposure + 0.5f) << "EV compensation adds";
}

TEST(LookScene, UnknownSkyPresetWarnsByNameAndFallsBackToClear) {
  std::vector<std::string> warnings;
  log::set_stderr_enabled(false);
  int sink = log::add_sink([&](log::Level level, std::string_view message) {
    if (level == log::Level::warn) warnings.emplace_back(message);
  });
  scene::Environment env;
  env.sky.preset = "aurora";
  LookSettings look = scene_look(env);
  log::remove_sink(sink);
  log::set_stderr_enabled(true);
  EXPECT_EQ(look.sky.preset, "clear");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("aurora"), std::string::npos);
}

}  // namespace
}  // namespace kagami::look
