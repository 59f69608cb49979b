// Sequence files: errors name file, line:column and the track; unknown fields
// warn; limits hold; load -> save -> load round-trips and saving is atomic.
#include <gtest/gtest.h>

#include "kagami/core/file_io.h"
#include "sequencer_test_support.h"
#include "test_scratch.h"

namespace kagami::sequencer::test {
namespace {

std::string load_refusal(const std::string& file) {
  WarningCapture quiet;
  auto seq = load_sequence(kSequences / file);
  EXPECT_FALSE(seq.ok()) << file << " was accepted";
  return seq.ok() ? std::string{} : seq.error().message;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(SequencerFile, UnknownBindingNamesFileLineColumnAndTrack) {
  std::string message = load_refusal("unknown_binding.sequence.json");
  EXPECT_TRUE(contains(message, "unknown_binding.sequence.json:11:32: tracks[0] (main_cuts).cuts[1].camera: "
                                "unknown binding \"cam_z\""))
      << message;
}

TEST(SequencerFile, KeysOnTheSameFrameAreRefusedAtTheKey) {
  std::string message = load_refusal("keys_out_of_order.sequence.json");
  EXPECT_TRUE(contains(message, "keys_out_of_order.sequence.json:11:19: tracks[1] (exposure_ramp).keys[1].time: "))
      << message;
  EXPECT_TRUE(contains(message, "at least one frame apart")) << message;
}

TEST(SequencerFile, SyntaxErrorsHaveALocation) {
  std::string message = load_refusal("syntax_error.sequence.json");
  EXPECT_TRUE(contains(message, "syntax_error.sequence.json:7:")) << message;
}

TEST(SequencerFile, UnknownFieldsWarnWithTheirLocation) {
  WarningCapture capture;
  auto seq = load_sequence(kSequences / "unknown_fields.sequence.json");
  ASSERT_TRUE(seq.ok()) << seq.error().message;
  ASSERT_EQ(capture.warnings.size(), 2u);
  EXPECT_TRUE(contains(capture.warnings[0], "unknown_fields.sequence.json:5:3: colour_grade: unknown field"))
      << capture.warnings[0];
  EXPECT_TRUE(contains(capture.warnings[1], "unknown_fields.sequence.json:7:81: tracks[0] (fx).events[0].strength"))
      << capture.warnings[1];
}

TEST(SequencerFile, SemanticErrorsNameTheField) {
  struct Case {
    std::string body;
    std::string expected;
  };
  std::vector<Case> cases{
      {R"(, "tracks": [ { "type": "dolly" } ])", "tracks[0].type: unknown track type \"dolly\""},
      {R"(, "tracks": [ { "type": "camera_cuts", "cuts": [ { "time": 11, "camera": "cam_a" } ] } ])",
       "tracks[0].cuts[0].time: time 11 is outside [0, 10]"},
      {R"(, "tracks": [ { "type": "subtitles", "lines": [ { "speaker": "miku", "text": "x", "in": 0, "out": 1 } ] } ])",
       "tracks[0].lines[0].speaker: unknown speaker \"miku\""},
      {R"(, "tracks": [ { "type": "subtitles", "lines": [ { "speaker": "len", "text": "x", "in": 2, "out": 1 } ] } ])",
       "tracks[0].lines[0].out: the end (1 s on the frame grid) must be after the start (2 s)"},
      {R"(, "tracks": [ { "type": "animation", "binding": "cam_a", "sections": [] } ])",
       "tracks[0].binding: binding \"cam_a\" is not a character"},
      {R"(, "tracks": [ { "type": "parameter", "path": "x", "keys": [ { "time": 0, "value": 1, "tangent": "user" } ] } ])",
       "tracks[0].keys[0].in: missing: a user or broken tangent needs its \"in\" slope"},
      {R"(, "tracks": [ { "type": "parameter", "path": "x", "keys": [ { "time": 0, "value": 1, "interp": "bouncy" } ] } ])",
       "tracks[0].keys[0].interp: expected one of constant, linear, cubic, ease_in, ease_out, ease_in_out"},
      {R"(, "tracks": [ { "type": "parameter", "path": "c", "value_type": "color", "keys": [ { "time": 0, "value": [1, 0, 0] } ] } ])",
       "tracks[0].keys[0].value: expected an array of 4 numbers, got 3 elements"},
      {R"(, "tracks": [ { "type": "camera", "binding": "cam_a", "fov_y": { "keys": [ { "time": 0, "value": 4 } ] } } ])",
       "tracks[0].fov_y.keys[0].value: a field of view must be in (0, pi) radians"},
      {R"(, "tracks": [ { "type": "events", "events": [ { "time": 1, "kind": "custom" } ] } ])",
       "tracks[0].events[0].name: missing: a custom event needs a name"},
      {R"(, "shots": [ { "name": "s1", "start": 8, "duration": 4 } ])",
       "shots[0] (s1).duration: the shot plays until 12 s, past the end of its parent (10 s)"},
      {R"(, "shots": [ { "start": 0, "duration": 4, "tracks": [ { "type": "camera_cuts", "cuts": [ { "time": 5, "camera": "cam_a" } ] } ] } ])",
       "shots[0].tracks[0].cuts[0].time: time 5 is outside [0, 4]"},
  };
  for (const Case& c : cases) {
    std::string message = refusal(sequence_text(c.body));
    EXPECT_TRUE(contains(message, "test.sequence.json:")) << message;
    EXPECT_TRUE(contains(message, c.expected)) << "got: " << message << "\nexpected: " << c.expected;
  }
}

TEST(SequencerFile, HeaderIsCheckedFirst) {
  EXPECT_TRUE(contains(refusal("{\"version\": 1}"), "schema: missing: not a Kagami sequence file"));
  EXPECT_TRUE(contains(refusal("{\"schema\": \"kagami.scene\", \"version\": 1}"), "expected \"kagami.sequence\""));
  EXPECT_TRUE(contains(refusal("{\"schema\": \"kagami.sequence\", \"version\": 2, \"duration\": 1}"),
                       "version 2 is newer than this build of Kagami reads"));
  EXPECT_TRUE(contains(refusal("{\"schema\": \"kagami.sequence\", \"version\": 1}"), "duration: missing"));
  EXPECT_TRUE(contains(refusal(R"({"schema": "kagami.sequence", "version": 1, "duration": 1, "frame_rate": 0})"),
                       "frame_rate: must be in [1, 1000], got 0"));
}

TEST(SequencerFile, LimitsRefuseHostileFiles) {
  // Nesting deeper than the JSON depth limit (a payload is free-form).
  std::string deep(200, '[');
  deep += std::string(200, ']');
  std::string message = refusal(sequence_text(cat(R"(, "tracks": [ { "type": "events", "events": [
    { "time": 1, "kind": "custom", "name": "x", "payload": )", deep, " } ] } ]")));
  EXPECT_TRUE(contains(message, "nest")) << message;
  // Shots nested past max_shot_depth.
  std::string shots = R"({ "start": 0, "duration": 1 })";
  for (int i = 0; i < 10; ++i) shots = cat(R"({ "start": 0, "duration": 1, "shots": [ )", shots, " ] }");
  message = refusal(sequence_text(cat(R"(, "shots": [ )", shots, " ]")));
  EXPECT_TRUE(contains(message, "over the limit of 8")) << message;
  // Too many keys for the configured limit.
  SequenceLimits small;
  small.max_items = 2;
  WarningCapture quiet;
  auto seq = parse_sequence(sequence_text(R"(, "tracks": [ { "type": "parameter", "path": "x", "keys": [
    { "time": 0, "value": 1 }, { "time": 1, "value": 1 }, { "time": 2, "value": 1 } ] } ])"), "t.json", small);
  ASSERT_FALSE(seq.ok());
  EXPECT_TRUE(contains(seq.error().message, "3 keys, over the limit of 2")) << seq.error().message;
}

TEST(SequencerFile, TimesSnapToTheFrameGrid) {
  Sequence seq = parse_ok(sequence_text(R"(, "tracks": [
    { "type": "events", "events": [ { "time": 1.01, "kind": "flash" } ] } ])"));
  EXPECT_EQ(seq.timeline.events[0].events[0].time, 1.0);
  Sequence ntsc = parse_ok(R"({ "schema": "kagami.sequence", "version": 1, "frame_rate": [30000, 1001], "duration": 2,
    "tracks": [ { "type": "events", "events": [ { "time": 1, "kind": "flash" } ] } ] })");
  EXPECT_EQ(ntsc.frame_rate, (FrameRate{30000, 1001}));
  EXPECT_EQ(ntsc.timeline.events[0].events[0].time, ntsc.frame_time(30));  // frame 30 is 1.001 s
}

const char* kEverything = R"(,
  "tracks": [
    { "type": "camera_cuts", "name": "cuts", "cuts": [ { "time": 0, "camera": "cam_a" }, { "time": 3, "camera": "cam_b", "blend": 0.5 } ] },
    { "type": "transform", "binding": "cam_a",
      "translation": { "keys": [ { "time": 0, "value": [0.1, 2, 3], "interp": "linear" },
                                 { "time": 1, "value": [1, 2, 3], "tangent": "user", "in": [0, 1, 0] },
                                 { "time": 2, "value": [1, 2, 4], "tangent": "broken", "in": [0, 0, 1], "out": [1, 0, 0] },
                                 { "time": 3, "value": [0, 0, 0], "tangent": "auto", "interp": "ease_out" } ] },
      "rotation": { "keys": [ { "time": 0, "value": [0, 0.5, 0] } ] } },
    { "type": "transform", "binding": "len", "path": [ { "time": 0, "position": [0, 0, 0] }, { "time": 2, "position": [1, 0, 0] } ] },
    { "type": "camera", "binding": "cam_b", "fov_y": { "keys": [ { "time": 0, "value": 0.7 } ] },
      "focus_distance": { "keys": [ { "time": 1, "value": 3.5, "interp": "constant" } ] } },
    { "type": "animation", "binding": "len", "sections": [ { "clip": "walk", "start": 0, "end": 4, "blend_in": 0.25,
      "blend_out": 0.5, "play_rate": 1.5, "clip_start": 0.2, "loop": true } ] },
    { "type": "look_at", "binding": "len", "sections": [ { "start": 1, "end": 2, "blend": 0.25, "target": "cam_a" },
                                                         { "start": 2, "end": 3, "target": [1, 2, 3] } ] },
    { "type": "events", "events": [ { "time": 1, "kind": "fade", "duration": 1, "intensity": 0.5, "color": [0.1, 0, 0] },
                                    { "time": 2, "kind": "custom", "name": "bell", "payload": { "a": [1, 2], "b": "c" } } ] },
    { "type": "subtitles", "lines": [ { "speaker": "rin", "text": "雪だ。", "in": 0.5, "out": 2 } ] },
    { "type": "parameter", "path": "wind", "value_type": "vec3", "keys": [ { "time": 0, "value": [1, 0, 0] } ] },
    { "type": "parameter", "path": "light:lamp.color", "value_type": "color", "keys": [ { "time": 0, "value": [1, 0.5, 0.25, 1] } ] },
    { "type": "streaming", "cues": [ { "location": "dome", "from": 0, "to": 10 } ] } ],
  "shots": [ { "name": "s", "start": 4, "duration": 5, "trim_start": 1, "trim_end": 4,
               "tracks": [ { "type": "parameter", "path": "fx.dissolve", "keys": [ { "time": 0, "value": 0.3 } ] } ] } ])";

TEST(SequencerFile, LoadSaveLoadRoundTrips) {
  Sequence first = parse_ok(sequence_text(kEverything));
  std::string saved = serialize_sequence(first);
  Sequence second = parse_ok(saved);
  EXPECT_EQ(second, first);
  EXPECT_EQ(serialize_sequence(second), saved);  // save -> load -> save is byte-identical
  // NTSC times survive the microsecond rounding of the writer.
  Sequence ntsc = parse_ok(R"({ "schema": "kagami.sequence", "version": 1, "frame_rate": [30000, 1001], "duration": 100,
    "tracks": [ { "type": "events", "events": [ { "time": 33.3667, "kind": "flash" }, { "time": 99.9, "kind": "flash" } ] } ] })");
  EXPECT_EQ(parse_ok(serialize_sequence(ntsc)), ntsc);
}

TEST(SequencerFile, SaveIsAtomicAndKeepsABackup) {
  const auto dir = kagami::testing::scratch_folder();
  Sequence seq = parse_ok(sequence_text(kEverything));
  const auto path = dir / "edit.sequence.json";
  ASSERT_TRUE(save_sequence(seq, path).ok());
  // A sequence the reader would refuse is not saved: a cue runs to 10 s.
  seq.duration = 9.0;
  auto refused = save_sequence(seq, path);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(contains(refused.error().message, "edit.sequence.json: not saved: ")) << refused.error().message;
  EXPECT_TRUE(contains(refused.error().message, "cues[0].to: time 10.0 is outside [0, 9]")) << refused.error().message;
  ASSERT_EQ(load_sequence(path)->duration, 10.0);  // the previous file is untouched
  seq.duration = 11.0;
  ASSERT_TRUE(save_sequence(seq, path).ok());
  auto loaded = load_sequence(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->duration, 11.0);
  EXPECT_EQ(loaded->source_path, path);
  auto backup = load_sequence(dir / "edit.sequence.json.bak");
  ASSERT_TRUE(backup.ok()) << backup.error().message;
  EXPECT_EQ(backup->duration, 10.0);
  // A folder that does not exist: an error, and nothing written.
  auto failed = save_sequence(seq, dir / "missing" / "x.sequence.json");
  EXPECT_FALSE(failed.ok());
}

}  // namespace
}  // namespace kagami::sequencer::test
