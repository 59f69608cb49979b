// Evaluation as a pure function of time: cuts, blended cuts, transforms,
// lenses, animation layers, look-at, subtitles, parameters, shots, and the
// same state whatever order the times are visited in.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>

#include "sequencer_test_support.h"

namespace kagami::sequencer::test {
namespace {

TEST(SequencerEvaluate, CameraCutsSwitchAtTheirFrames) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [ { "type": "camera_cuts", "cuts": [ { "time": 0, "camera": "cam_a" }, { "time": 2, "camera": "cam_b" },
                                                   { "time": 5, "camera": "cam_c" } ] } ])"));
  EXPECT_EQ(evaluate(seq, 0.0).camera.camera, 0u);
  EXPECT_EQ(evaluate_frame(seq, 47).camera.camera, 0u);  // 47/24 s, the frame before the cut
  EXPECT_EQ(evaluate_frame(seq, 48).camera.camera, 1u);  // exactly 2 s
  EXPECT_EQ(evaluate(seq, 4.99).camera.camera, 1u);
  SequenceState at5 = evaluate(seq, 5.0);
  EXPECT_EQ(at5.camera.camera, 2u);
  EXPECT_EQ(at5.camera.previous, kNoBinding);  // a hard cut
  EXPECT_EQ(at5.camera.blend, 1.0f);
}

TEST(SequencerEvaluate, BlendedCutEasesFromThePreviousCamera) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [ { "type": "camera_cuts", "cuts": [ { "time": 0, "camera": "cam_a" },
                                                   { "time": 4, "camera": "cam_b", "blend": 1.0 } ] } ])"));
  CameraState before = evaluate(seq, 3.9).camera;
  EXPECT_EQ(before.camera, 0u);
  CameraState start = evaluate(seq, 4.0).camera;
  EXPECT_EQ(start.camera, 1u);
  EXPECT_EQ(start.previous, 0u);
  EXPECT_EQ(start.blend, 0.0f);
  CameraState mid = evaluate(seq, 4.5).camera;
  EXPECT_EQ(mid.previous, 0u);
  EXPECT_FLOAT_EQ(mid.blend, 0.5f);
  EXPECT_LT(evaluate(seq, 4.25).camera.blend, 0.25f);  // eased: slow out of the old camera
  CameraState done = evaluate(seq, 5.0).camera;
  EXPECT_EQ(done.previous, kNoBinding);
  EXPECT_EQ(done.blend, 1.0f);
}

TEST(SequencerEvaluate, TransformAndLensTracksAnimateTheirBinding) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [
    { "type": "transform", "name": "dolly", "binding": "cam_a",
      "translation": { "keys": [ { "time": 0, "value": [0, 1, 0], "interp": "linear" }, { "time": 4, "value": [8, 1, 0] } ] },
      "rotation": { "keys": [ { "time": 0, "value": [0, 1.5707964, 0] } ] } },
    { "type": "transform", "binding": "cam_b",
      "path": [ { "time": 0, "position": [0, 0, 0] }, { "time": 2, "position": [2, 0, 0] }, { "time": 4, "position": [2, 0, 2] } ] },
    { "type": "camera", "binding": "cam_a",
      "fov_y": { "keys": [ { "time": 0, "value": 0.8, "interp": "linear" }, { "time": 2, "value": 0.4 } ] },
      "focus_distance": { "keys": [ { "time": 0, "value": 5 } ] } } ])"));
  SequenceState s = evaluate(seq, 1.0);
  const BindingState& a = s.bindings[0];
  EXPECT_TRUE(a.has_translation && a.has_rotation && a.has_fov && a.has_focus);
  EXPECT_EQ(a.translation, glm::vec3(2, 1, 0));
  EXPECT_FLOAT_EQ(a.fov_y, 0.6f);
  EXPECT_EQ(a.focus_distance, 5.0f);
  // Yaw of 90 degrees turns the view direction (-Z) to -X.
  glm::vec3 forward = a.rotation * glm::vec3(0, 0, -1);
  EXPECT_NEAR(forward.x, -1.0f, 1e-5f);
  EXPECT_NEAR(forward.z, 0.0f, 1e-5f);
  EXPECT_EQ(evaluate(seq, 2.0).bindings[1].translation, glm::vec3(2, 0, 0));
  EXPECT_FALSE(s.bindings[2].has_translation);  // untouched bindings keep the scene's values
}

TEST(SequencerEvaluate, AnimationSectionsGiveClipTimesAndBlendWeights) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [ { "type": "animation", "binding": "len", "sections": [
    { "clip": "walk", "start": 0, "end": 4, "blend_out": 1, "loop": true, "play_rate": 2 },
    { "clip": "wave", "start": 3, "end": 6, "blend_in": 1, "clip_start": 0.5 } ] } ])"));
  SequenceState at1 = evaluate(seq, 1.0);
  ASSERT_EQ(at1.anim_layers.size(), 1u);
  EXPECT_EQ(at1.anim_layers[0].clip, "walk");
  EXPECT_EQ(at1.anim_layers[0].binding, 4u);
  EXPECT_DOUBLE_EQ(at1.anim_layers[0].time, 2.0);  // play rate 2
  EXPECT_EQ(at1.anim_layers[0].weight, 1.0f);
  EXPECT_TRUE(at1.anim_layers[0].loop);
  SequenceState cross = evaluate(seq, 3.5);  // crossfade: walk out, wave in
  ASSERT_EQ(cross.anim_layers.size(), 2u);
  EXPECT_FLOAT_EQ(cross.anim_layers[0].weight, 0.5f);
  EXPECT_EQ(cross.anim_layers[1].clip, "wave");
  EXPECT_FLOAT_EQ(cross.anim_layers[1].weight, 0.5f);
  EXPECT_DOUBLE_EQ(cross.anim_layers[1].time, 1.0);  // clip_start 0.5 + 0.5 s
  EXPECT_FALSE(cross.anim_layers[1].loop);
  EXPECT_TRUE(evaluate(seq, 6.0).anim_layers.empty());  // sections are [start, end)
}

TEST(SequencerEvaluate, LookAtFollowsABindingOrAPointWithABlend) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [ { "type": "look_at", "binding": "len", "sections": [
    { "start": 1, "end": 3, "blend": 0.5, "target": "cam_a" }, { "start": 4, "end": 5, "target": [1, 2, 3] } ] } ])"));
  EXPECT_FALSE(evaluate(seq, 0.5).bindings[4].has_look_at);
  BindingState turning = evaluate(seq, 1.25).bindings[4];
  EXPECT_TRUE(turning.has_look_at);
  EXPECT_EQ(turning.look_at_target, 0u);
  EXPECT_FLOAT_EQ(turning.look_at_weight, 0.5f);
  EXPECT_EQ(evaluate(seq, 2.0).bindings[4].look_at_weight, 1.0f);
  BindingState point = evaluate(seq, 4.5).bindings[4];
  EXPECT_EQ(point.look_at_target, kNoBinding);
  EXPECT_EQ(point.look_at_point, glm::vec3(1, 2, 3));
}

TEST(SequencerEvaluate, SubtitlesShowFromInUntilOutWithTheSpeakersColour) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [ { "type": "subtitles", "lines": [
    { "speaker": "len", "text": "It's snowing.", "in": 1, "out": 3 },
    { "speaker": "rin", "text": "Then we walk.", "in": 2.5, "out": 4 } ] } ])"));
  EXPECT_TRUE(evaluate(seq, 0.99).subtitles.empty());
  SequenceState one = evaluate(seq, 1.0);
  ASSERT_EQ(one.subtitles.size(), 1u);
  EXPECT_EQ(one.subtitles[0].text, "It's snowing.");
  EXPECT_EQ(one.subtitles[0].speaker_name, "Len");
  EXPECT_EQ(one.subtitles[0].color, glm::vec3(0.2f, 0.6f, 1.0f));
  EXPECT_EQ(evaluate(seq, 2.75).subtitles.size(), 2u);  // overlapping lines both show
  SequenceState three = evaluate(seq, 3.0);
  ASSERT_EQ(three.subtitles.size(), 1u);
  EXPECT_EQ(three.subtitles[0].speaker_name, "Rin");
  EXPECT_EQ(three.subtitles[0].color, glm::vec3(1.0f, 0.8f, 0.1f));
  EXPECT_TRUE(evaluate(seq, 4.0).subtitles.empty());
}

TEST(SequencerEvaluate, ParameterTracksOfEachType) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [
    { "type": "parameter", "path": "snow.intensity", "keys": [ { "time": 0, "value": 0, "interp": "linear" }, { "time": 2, "value": 1 } ] },
    { "type": "parameter", "path": "wind", "value_type": "vec3",
      "keys": [ { "time": 0, "value": [0, 0, 0], "interp": "linear" }, { "time": 2, "value": [4, 0, -2] } ] },
    { "type": "parameter", "path": "light:lamp.color", "value_type": "color",
      "keys": [ { "time": 0, "value": [1, 0, 0, 1], "interp": "constant" }, { "time": 1, "value": [0, 1, 0, 1] } ] } ])"));
  SequenceState s = evaluate(seq, 1.5);
  ASSERT_EQ(s.parameters.size(), 3u);
  EXPECT_EQ(s.parameters[0].path, "snow.intensity");
  EXPECT_EQ(s.parameters[0].type, ParameterType::scalar);
  EXPECT_FLOAT_EQ(s.parameters[0].value.x, 0.75f);
  EXPECT_EQ(s.parameters[1].type, ParameterType::vec3);
  EXPECT_EQ(glm::vec3(s.parameters[1].value), glm::vec3(3, 0, -1.5f));
  EXPECT_EQ(s.parameters[2].type, ParameterType::color);
  EXPECT_EQ(s.parameters[2].value, glm::vec4(0, 1, 0, 1));
  EXPECT_EQ(evaluate(seq, 0.5).parameters[2].value, glm::vec4(1, 0, 0, 1));
}

// A shot at parent time 2 with trim [1, 4): parent 2..5 plays local 1..4.
TEST(SequencerEvaluate, ShotsMapParentTimeThroughOffsetAndTrim) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [ { "type": "camera_cuts", "cuts": [ { "time": 0, "camera": "cam_a" } ] },
              { "type": "parameter", "path": "fx.dissolve", "keys": [ { "time": 0, "value": 0 } ] } ],
  "shots": [ { "name": "shot_010", "start": 2, "duration": 6, "trim_start": 1, "trim_end": 4,
    "tracks": [ { "type": "camera_cuts", "cuts": [ { "time": 0, "camera": "cam_b" }, { "time": 3, "camera": "cam_c" } ] },
                { "type": "parameter", "path": "fx.dissolve", "keys": [ { "time": 0, "value": 0, "interp": "linear" }, { "time": 6, "value": 6 } ] },
                { "type": "subtitles", "lines": [ { "speaker": "len", "text": "hi", "in": 0, "out": 2 } ] } ],
    "shots": [ { "start": 3, "duration": 1, "tracks": [
                { "type": "parameter", "path": "fx.dissolve", "keys": [ { "time": 0, "value": 100 } ] } ] } ] } ])"));
  EXPECT_EQ(evaluate(seq, 1.9).camera.camera, 0u);  // before the shot: the parent's camera
  SequenceState in = evaluate(seq, 2.5);            // local 1.5
  EXPECT_EQ(in.camera.camera, 1u);
  ASSERT_EQ(in.parameters.size(), 2u);
  EXPECT_FLOAT_EQ(in.parameters.back().value.x, 1.5f);  // the shot's value comes last: it wins
  ASSERT_EQ(in.subtitles.size(), 1u);
  EXPECT_DOUBLE_EQ(in.subtitles[0].out, 3.0);  // reported in sequence time
  EXPECT_EQ(evaluate(seq, 4.0).camera.camera, 2u);      // local 3
  EXPECT_EQ(evaluate(seq, 4.5).parameters.back().value.x, 100.0f);  // nested shot at local 3..4
  EXPECT_EQ(evaluate(seq, 5.0).camera.camera, 0u);      // trimmed away at local 4
  EXPECT_EQ(evaluate(seq, 5.0).parameters.size(), 1u);
}

// One parameter alone (what the film's fragment replay asks many times a
// frame) is what the whole evaluation leaves for it, shots overriding their
// parent, and nothing where no playing track sets it.
TEST(SequencerEvaluate, OneParameterAloneEqualsTheWholeEvaluation) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [ { "type": "parameter", "path": "fx.dissolve", "keys": [ { "time": 0, "value": 0.25 } ] },
              { "type": "parameter", "path": "snow.intensity", "keys": [ { "time": 0, "value": 0, "interp": "linear" }, { "time": 9, "value": 9 } ] } ],
  "shots": [ { "start": 2, "duration": 6, "trim_start": 1, "trim_end": 4, "tracks": [
                { "type": "parameter", "path": "fx.dissolve", "keys": [ { "time": 0, "value": 0, "interp": "linear" }, { "time": 6, "value": 6 } ] } ],
    "shots": [ { "start": 3, "duration": 1, "tracks": [
                { "type": "parameter", "path": "fx.dissolve", "keys": [ { "time": 0, "value": 100 } ] } ] } ] },
             { "start": 6, "duration": 2, "tracks": [
                { "type": "parameter", "path": "fx.glow", "keys": [ { "time": 0, "value": 3 } ] } ] } ])"));
  int checked = 0;
  for (std::int64_t f = 0; f < seq.frame_count(); ++f) {
    const double t = seq.frame_time(f);
    const SequenceState state = evaluate(seq, t);
    for (std::string_view path : {"fx.dissolve", "snow.intensity", "fx.glow", "absent"}) {
      std::optional<glm::vec4> whole;
      for (const ParameterValue& v : state.parameters)
        if (v.path == path) whole = v.value;
      const std::optional<glm::vec4> alone = evaluate_parameter(seq, t, path);
      ASSERT_EQ(alone.has_value(), whole.has_value()) << path << " at " << t;
      if (alone) {
        EXPECT_EQ(*alone, *whole) << path << " at " << t;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 2 * seq.frame_count());
  EXPECT_FLOAT_EQ(evaluate_parameter(seq, 2.5, "fx.dissolve")->x, 1.5f) << "the shot overrides its parent";
  EXPECT_FLOAT_EQ(evaluate_parameter(seq, 4.5, "fx.dissolve")->x, 100.0f) << "the nested shot overrides both";
  EXPECT_FLOAT_EQ(evaluate_parameter(seq, 5.5, "fx.dissolve")->x, 0.25f) << "past the trim: the parent again";
  EXPECT_FALSE(evaluate_parameter(seq, 1.0, "fx.glow")) << "set only while its shot plays";
  EXPECT_FLOAT_EQ(evaluate_parameter(seq, 6.5, "fx.glow")->x, 3.0f);
}

// Scrubbing and jumping land where playing lands: evaluation has no memory.
TEST(SequencerEvaluate, RandomOrderEqualsInOrder) {
  Sequence seq = parse_ok(sequence_text(R"(,
  "tracks": [
    { "type": "camera_cuts", "cuts": [ { "time": 0, "camera": "cam_a" }, { "time": 3, "camera": "cam_b", "blend": 1 } ] },
    { "type": "transform", "binding": "cam_a", "translation": { "keys": [ { "time": 0, "value": [0, 0, 0] },
      { "time": 2, "value": [1, 5, 2], "tangent": "auto" }, { "time": 9, "value": [3, 0, 0], "interp": "ease_in_out" } ] } },
    { "type": "animation", "binding": "len", "sections": [ { "clip": "idle", "start": 0, "end": 9, "blend_in": 1, "loop": true } ] },
    { "type": "subtitles", "lines": [ { "speaker": "len", "text": "a", "in": 1, "out": 7 } ] },
    { "type": "parameter", "path": "post.exposure", "keys": [ { "time": 0, "value": -1 }, { "time": 8, "value": 2 } ] },
    { "type": "streaming", "cues": [ { "location": "dome", "from": 0, "to": 6 }, { "location": "station", "from": 5, "to": 10 } ] } ],
  "shots": [ { "start": 6, "duration": 3, "tracks": [
    { "type": "camera_cuts", "cuts": [ { "time": 0, "camera": "cam_c" } ] } ] } ])"));
  const std::int64_t frames = seq.frame_count();
  std::vector<SequenceState> in_order;
  SequenceState reused;
  for (std::int64_t f = 0; f < frames; ++f) {
    evaluate(seq, seq.frame_time(f), reused);  // one state object reused, as a player does
    in_order.push_back(reused);
  }
  std::vector<std::int64_t> order(static_cast<std::size_t>(frames));
  for (std::int64_t f = 0; f < frames; ++f) order[std::size_t(f)] = f;
  std::shuffle(order.begin(), order.end(), std::mt19937(99));
  for (std::int64_t f : order) {
    evaluate(seq, seq.frame_time(f), reused);
    ASSERT_EQ(reused, in_order[std::size_t(f)]) << "frame " << f;
  }
  EXPECT_EQ(in_order[24 * 5].required_locations, (std::vector<std::string_view>{"dome", "station"}));
}

}  // namespace
}  // namespace kagami::sequencer::test
