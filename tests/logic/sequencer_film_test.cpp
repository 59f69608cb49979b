// Film files: the cinematic's acts in order over their locations, its length
// and shot count, the streaming lead that loads each location before its act,
// errors with file:line:column, and the fade/flash overlay as a pure function of time.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "kagami/core/file_io.h"
#include "kagami/core/json.h"
#include "kagami/scene/scene_io.h"
#include "kagami/sequencer/film.h"
#include "kagami/sequencer/overlay.h"
#include "kagami/sequencer/scene_binding.h"

namespace kagami::sequencer {
namespace {

const std::filesystem::path kScenes = std::filesystem::path(KAGAMI_SOURCE_DIR) / "scenes";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const Film& cinematic() {
  static const Film film = [] {
    auto loaded = load_film(kScenes / "cinematic.film.json");
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? std::move(*loaded) : Film{};
  }();
  return film;
}

TEST(Film, CinematicHasFourActsInStoryOrderOverThreeLocations) {
  const Film& film = cinematic();
  ASSERT_EQ(film.acts.size(), 4u);
  const char* locations[] = {"tokyo_dome_city", "suidoubashi", "data_world", "tokyo_dome_city"};
  double start = 0.0;
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(film.acts[i].location, locations[i]) << film.acts[i].name;
    EXPECT_DOUBLE_EQ(film.acts[i].start, start) << "acts play back to back";
    start = film.acts[i].end();
  }
  EXPECT_DOUBLE_EQ(film.acts_end(), start);
  EXPECT_GE(film.acts_end(), 180.0) << "at least three minutes of acts";
  EXPECT_DOUBLE_EQ(film.duration(), film.acts_end() + film.credits.duration);
  EXPECT_GE(film.shot_count(), 20u);
  EXPECT_EQ(film.act_at(0.0), 0u);
  EXPECT_EQ(film.act_at(film.acts[2].start), 2u);
  EXPECT_EQ(film.act_at(film.acts[2].start - 1e-3), 1u);
  EXPECT_EQ(film.act_at(film.duration() + 10.0), 3u) << "the credits play over the last act";
  EXPECT_FALSE(film.credits.lines.empty());
  EXPECT_GT(film.title.duration, 0.0);
  EXPECT_LE(film.title.start + film.title.duration, film.duration());
}

// The clip names of the cast's clip library (tools/castgen writes them into
// clips.gltf), read from the glTF's JSON: a clip an act names must exist.
std::set<std::string> clip_library() {
  const auto path = std::filesystem::path(KAGAMI_SOURCE_DIR) / "assets/characters/clips.gltf";
  auto text = read_file_text(path);
  EXPECT_TRUE(text.ok()) << text.error().message;
  auto json = text.ok() ? parse_json(*text, path.string()) : Result<Json>(Json());
  EXPECT_TRUE(json.ok()) << json.error().message;
  std::set<std::string> names;
  if (json.ok() && json->contains("animations"))
    for (const Json& animation : (*json)["animations"]) names.insert(animation.value("name", ""));
  return names;
}

TEST(Film, EveryActBindsToItsLocationAndActsItsCharacters) {
  const std::set<std::string> clips = clip_library();
  ASSERT_GE(clips.size(), 14u);
  for (const FilmAct& act : cinematic().acts) {
    auto scene = scene::load_scene(kScenes / act.sequence.scene);
    ASSERT_TRUE(scene.ok()) << scene.error().message;
    auto binding = bind_scene(act.sequence, *scene);
    ASSERT_TRUE(binding.ok()) << binding.error().message;
    EXPECT_GE(binding->spawned.size(), 2u) << act.name;
    for (BindingIndex b = 0; b < act.sequence.bindings.size(); ++b) {
      if (!act.sequence.bindings[b].is_character()) continue;
      EXPECT_TRUE(act.sequence.bindings[b].spawn) << act.sequence.bindings[b].name;
      // Every character in an act moves and acts: a path and clips from the library.
      const Timeline& timeline = act.sequence.timeline;
      auto acting = std::find_if(timeline.animations.begin(), timeline.animations.end(),
                                 [&](const AnimationTrack& t) { return t.binding == b; });
      ASSERT_NE(acting, timeline.animations.end()) << act.name << ": " << act.sequence.bindings[b].name << " never acts";
      EXPECT_FALSE(acting->sections.empty());
      for (const AnimationSection& section : acting->sections)
        EXPECT_TRUE(clips.contains(section.clip)) << act.name << ": no clip \"" << section.clip << "\" in the library";
      EXPECT_TRUE(std::any_of(timeline.transforms.begin(), timeline.transforms.end(),
                              [&](const TransformTrack& t) { return t.binding == b && t.rotation; }))
          << act.sequence.bindings[b].name << " has no path and facing";
    }
  }
}

TEST(Film, Act3DissolvesRinAloneAfterTheWorldHasMaterialised) {
  const FilmAct& act = cinematic().acts.at(2);
  auto scene = scene::load_scene(kScenes / act.sequence.scene);
  ASSERT_TRUE(scene.ok()) << scene.error().message;
  auto binding = bind_scene(act.sequence, *scene);
  ASSERT_TRUE(binding.ok()) << binding.error().message;
  const scene::EntityId rin = scene->find_by_name("rin")->id();
  auto world = [&](double t) {
    for (const ParameterValue& v : evaluate(act.sequence, t).parameters)
      if (v.path == "fx.dissolve") return v.value.x;
    return 0.0f;
  };
  auto rin_dissolve = [&](double t) {
    const std::vector<EntityValue> values = entity_parameter_values(evaluate(act.sequence, t), *binding, "fx.dissolve");
    EXPECT_EQ(values.size(), 1u) << "only Rin dissolves alone";
    if (values.empty() || values[0].entity != rin) return -1.0f;
    // The replay's lookup of the one track gives the same value.
    EXPECT_EQ(evaluate_parameter(act.sequence, t, values[0].path).value_or(glm::vec4(-1.0f)).x, values[0].value);
    return values[0].value;
  };
  EXPECT_FLOAT_EQ(world(0.0), 1.0f) << "the world materialises at the start";
  EXPECT_FLOAT_EQ(world(2.0), 0.0f);
  EXPECT_FLOAT_EQ(world(39.0), 0.0f) << "the scenery stays while Rin goes";
  EXPECT_FLOAT_EQ(rin_dissolve(30.0), 0.0f);
  EXPECT_NEAR(rin_dissolve(39.0), 0.5f, 1e-3f);
  EXPECT_FLOAT_EQ(rin_dissolve(42.5), 1.0f);
  EXPECT_TRUE(cinematic().stand_ins.empty()) << "nothing stands in for the storyboard any more";
}

TEST(Film, SpeakersShareOneColourTable) {
  for (const FilmAct& act : cinematic().acts) {
    auto len = act.sequence.find_speaker("len");
    ASSERT_TRUE(len) << act.name;
    glm::vec3 c = act.sequence.speakers[*len].color;
    EXPECT_GT(c.r, 0.8f);
    EXPECT_GT(c.g, 0.6f);
    EXPECT_LT(c.b, 0.3f) << "Len speaks in yellow";
    EXPECT_EQ(act.sequence.speakers, cinematic().acts.front().sequence.speakers);
  }
}

TEST(Film, NextLocationIsRequestedAStreamingLeadBeforeItsActStarts) {
  const Film& film = cinematic();
  const std::vector<StreamingCue> cues = film.streaming_cues();
  const LoadTimeEstimate estimate = film.load_estimate();
  auto requested = [&](double t, const std::string& location, double needed_from) {
    for (const LocationRequest& r : locations_to_request(cues, t, estimate))
      if (r.location == location && r.needed_from == needed_from) return true;
    return false;
  };
  ASSERT_GT(film.stream_lead, 0.0);
  for (std::size_t i = 1; i < film.acts.size(); ++i) {
    const FilmAct& act = film.acts[i];
    EXPECT_FALSE(requested(act.start - film.stream_lead - 0.5, act.location, act.start)) << act.name;
    EXPECT_TRUE(requested(act.start - film.stream_lead + 0.01, act.location, act.start))
        << act.name << " must be loading " << film.stream_lead << " s before it starts";
    EXPECT_TRUE(requested(act.start - 0.01, act.location, act.start)) << act.name;
  }
  // Act 1's location is not held through acts 2 and 3 for the epilogue.
  EXPECT_FALSE(requested(film.acts[2].start, "tokyo_dome_city", film.acts[0].start));
}

TEST(Film, ErrorsNameTheFilmFileLineAndColumn) {
  auto bad_act = parse_film(
      "{\n  \"schema\": \"kagami.film\", \"version\": 1,\n  \"acts\": [\n"
      "    { \"sequence\": \"cinematic.act1.sequence.json\" },\n    { \"sequence\": \"no_such.sequence.json\" }\n  ]\n}\n",
      kScenes / "inline.film.json");
  ASSERT_FALSE(bad_act.ok());
  EXPECT_TRUE(contains(bad_act.error().message, "inline.film.json:5:19: acts[1].sequence: cannot load"))
      << bad_act.error().message;
  EXPECT_TRUE(contains(bad_act.error().message, "no_such.sequence.json")) << bad_act.error().message;

  auto no_acts = parse_film("{ \"schema\": \"kagami.film\", \"version\": 1, \"acts\": [] }", kScenes / "empty.film.json");
  ASSERT_FALSE(no_acts.ok());
  EXPECT_TRUE(contains(no_acts.error().message, "empty.film.json:1:")) << no_acts.error().message;
  EXPECT_TRUE(contains(no_acts.error().message, "at least one act")) << no_acts.error().message;

  auto wrong_schema = parse_film("{ \"schema\": \"kagami.sequence\", \"version\": 1 }", kScenes / "x.film.json");
  ASSERT_FALSE(wrong_schema.ok());
  EXPECT_TRUE(contains(wrong_schema.error().message, "x.film.json:1:")) << wrong_schema.error().message;

  auto late_title = parse_film(
      "{ \"schema\": \"kagami.film\", \"version\": 1, \"acts\": [ { \"sequence\": \"cinematic.act2.sequence.json\" } ],\n"
      "  \"title\": { \"text\": \"T\", \"start\": 500, \"duration\": 4 } }",
      kScenes / "late.film.json");
  ASSERT_FALSE(late_title.ok());
  EXPECT_TRUE(contains(late_title.error().message, "late.film.json:2:12: title: the title must lie within the film"))
      << late_title.error().message;
}

TEST(FilmOverlay, FadesAndFlashesAreAPureFunctionOfTime) {
  const Film& film = cinematic();
  const Sequence& act1 = film.acts[0].sequence;
  EXPECT_FLOAT_EQ(screen_overlay(act1, 0.0).alpha, 1.0f) << "the film opens from black";
  EXPECT_FLOAT_EQ(screen_overlay(act1, 10.0).alpha, 0.0f);
  // Act 3 ends in a white-out; the epilogue fades to black before the title.
  const Sequence& act3 = film.acts[2].sequence;
  ScreenOverlay white = screen_overlay(act3, act3.duration - 0.01);
  EXPECT_GT(white.alpha, 0.99f);
  EXPECT_GT(white.color.r + white.color.g + white.color.b, 2.9f);
  const Sequence& epilogue = film.acts[3].sequence;
  ScreenOverlay black = screen_overlay(epilogue, epilogue.duration - 1.0);
  EXPECT_GT(black.alpha, 0.99f);
  EXPECT_LT(black.color.r + black.color.g + black.color.b, 0.01f);
  // A flash decays; the same time gives the same overlay whatever came before.
  ScreenOverlay impact = screen_overlay(act3, 28.0);
  ScreenOverlay later = screen_overlay(act3, 28.3);
  EXPECT_GT(impact.alpha, later.alpha);
  EXPECT_GT(later.alpha, 0.0f);
  EXPECT_EQ(screen_overlay(act3, 28.3), later);
  EXPECT_NE(camera_shake(act3, 28.1), glm::vec3(0.0f));
  EXPECT_EQ(camera_shake(act3, 27.9), glm::vec3(0.0f));
  EXPECT_EQ(camera_shake(act3, 28.1), camera_shake(act3, 28.1));
}

TEST(FilmOverlay, GradeBlendsTheImageTowardsTheOverlayColour) {
  for (float a : {0.0f, 0.25f, 0.5f, 1.0f})
    for (glm::vec3 color : {glm::vec3(0.0f), glm::vec3(1.0f), glm::vec3(0.2f, 0.9f, 0.8f)}) {
      OverlayGrade g = overlay_grade({color, a});
      for (float d : {0.0f, 0.3f, 1.0f}) {
        glm::vec3 graded = g.gain * (glm::vec3(d) + g.lift * (glm::vec3(1.0f) - glm::vec3(d)));
        glm::vec3 want = glm::vec3(d) * (1.0f - a) + color * a;
        for (int i = 0; i < 3; ++i) EXPECT_NEAR(graded[i], want[i], 1e-5f) << a << " " << d;
      }
    }
}

}  // namespace
}  // namespace kagami::sequencer
