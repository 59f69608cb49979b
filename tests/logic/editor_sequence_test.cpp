// Editing a sequence in the editor: each kind of key edit undoes and redoes
// exactly, drags merge into one step, key times snap to the sequence's frames,
// edits survive save -> load, the sequence document saves atomically with a
// .bak and recovers from its autosave, and the transport plays, loops and scrubs.
#include <gtest/gtest.h>

#include "kagami/core/file_io.h"
#include "kagami/editor/sequence_document.h"
#include "kagami/scene/scene_io.h"
#include "sequencer_test_support.h"
#include "test_scratch.h"

namespace kagami::editor::test {
namespace {

namespace fs = std::filesystem;
using namespace sequencer;
using kagami::testing::scratch_folder;

// 24 fps, 10 s: "lamp" moves (3 keys, frames 0, 48, 120), cam_a's fov (2 keys),
// a colour parameter, and a shot at 6 s whose own lamp track keys at its local 1 s.
const std::string kBody = R"(,
  "tracks": [
    { "type": "transform", "name": "lamp_move", "binding": "lamp", "translation": { "keys": [
      { "time": 0, "value": [0, 0, 0] }, { "time": 2, "value": [4, 1, 0], "interp": "linear" },
      { "time": 5, "value": [4, 1, 8] } ] } },
    { "type": "camera", "binding": "cam_a", "fov_y": { "keys": [ { "time": 0, "value": 0.8 }, { "time": 4, "value": 0.5 } ] } },
    { "type": "parameter", "path": "fog.color", "value_type": "color", "keys": [ { "time": 1, "value": [1, 1, 1, 1] } ] }
  ],
  "shots": [ { "name": "close", "start": 6, "duration": 4, "trim_start": 0, "trim_end": 4, "tracks": [
    { "type": "transform", "name": "lamp_close", "binding": "lamp", "rotation": { "keys": [
      { "time": 1, "value": [0, 1, 0] }, { "time": 3, "value": [0, 2, 0] } ] } } ] } ])";

Sequence sample() { return sequencer::test::parse_ok(sequencer::test::sequence_text(kBody)); }

// The command out of a key edit (failing the test when there is none).
std::unique_ptr<SequenceCommand> take(KeyEdit made) {
  EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().message);
  if (!made.ok()) return nullptr;
  return std::move(made).value();
}

const ChannelRef kLamp{{}, ChannelKind::translation, 0};
const ChannelRef kFov{{}, ChannelKind::fov_y, 0};
const ChannelRef kFog{{}, ChannelKind::parameter, 0};
const ChannelRef kShotRotation{{0}, ChannelKind::rotation, 0};

// Executes `command`, then checks undo gives `before` back exactly and redo the edited sequence again.
Sequence check_undo_redo(SequenceDocument& doc, KeyEdit command) {
  EXPECT_TRUE(command.ok()) << (command.ok() ? "" : command.error().message);
  if (!command.ok()) return {};
  const Sequence before = doc.sequence();
  EXPECT_TRUE(doc.execute(take(std::move(command))).ok());
  const Sequence after = doc.sequence();
  EXPECT_FALSE(after == before) << "the edit changed nothing";
  EXPECT_TRUE(doc.undo().ok());
  EXPECT_TRUE(doc.sequence() == before) << "undo did not restore the sequence";
  EXPECT_TRUE(doc.redo().ok());
  EXPECT_TRUE(doc.sequence() == after) << "redo did not give the edit again";
  return after;
}

SequenceDocument document_of(const Sequence& s, const fs::path& file) {
  EXPECT_TRUE(save_sequence(s, file).ok());
  auto doc = SequenceDocument::open(file);
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().message);
  return std::move(*doc);
}

TEST(EditorSequence, ListsEveryChannelWithItsPlaceOnTheRootTimeline) {
  const Sequence s = sample();
  auto channels = list_channels(s);
  ASSERT_EQ(channels.size(), 4u);
  EXPECT_EQ(channels[0].label, "lamp_move.translation");
  EXPECT_EQ(channels[0].components, 3);
  EXPECT_EQ(channels[1].label, "cam_a.fov_y");
  EXPECT_EQ(channels[2].label, "fog.color.value");
  EXPECT_EQ(channels[2].components, 4);
  EXPECT_EQ(channels[3].label, "close/lamp_close.rotation");
  EXPECT_EQ(channels[3].ref, kShotRotation);
  EXPECT_DOUBLE_EQ(channels[3].offset, 6.0);
  EXPECT_DOUBLE_EQ(channels[3].play_from, 6.0);
  EXPECT_DOUBLE_EQ(channels[3].play_to, 10.0);
  auto curve = ChannelCurve::of(s, kLamp);
  ASSERT_TRUE(curve.ok());
  EXPECT_EQ(curve->size(), 3u);
  EXPECT_FLOAT_EQ(curve->value(1, 0), 4.0f);
  EXPECT_FLOAT_EQ(curve->evaluate(1.0, 0), s.timeline.transforms[0].translation->evaluate(1.0).x);
  EXPECT_FALSE(ChannelCurve::of(s, ChannelRef{{}, ChannelKind::rotation, 0}).ok()) << "lamp_move has no rotation";
}

TEST(EditorSequence, AddKeyHoldsTheCurvesValueOnTheNearestFrame) {
  SequenceDocument doc = document_of(sample(), scratch_folder() / "a.sequence.json");
  const Sequence original = doc.sequence();
  // 3.01 s is nearest frame 72 (3.0 s) at 24 fps.
  const Sequence after = check_undo_redo(doc, add_key(doc.sequence(), kLamp, 3.01));
  auto keys = after.timeline.transforms[0].translation->keys();
  ASSERT_EQ(keys.size(), 4u);
  EXPECT_DOUBLE_EQ(keys[2].time, 3.0);
  const glm::vec3 was = original.timeline.transforms[0].translation->evaluate(3.0);
  EXPECT_FLOAT_EQ(keys[2].value.x, was.x);
  EXPECT_FLOAT_EQ(keys[2].value.z, was.z);
  // A key on an occupied frame is refused; times past the end clamp to the last frame.
  EXPECT_FALSE(add_key(doc.sequence(), kLamp, 2.01).ok());
  auto late = add_key(doc.sequence(), kFov, 99.0);
  ASSERT_TRUE(late.ok());
  ASSERT_TRUE(doc.execute(take(std::move(late))).ok());
  EXPECT_DOUBLE_EQ(doc.sequence().timeline.lenses[0].fov_y->keys().back().time, 10.0);
  // In a shot, times are the shot's own.
  check_undo_redo(doc, add_key(doc.sequence(), kShotRotation, 2.0));
  EXPECT_EQ(doc.sequence().timeline.shots[0].timeline.transforms[0].rotation->keys().size(), 3u);
}

TEST(EditorSequence, DeleteKeysAcrossChannelsIsOneStep) {
  SequenceDocument doc = document_of(sample(), scratch_folder() / "a.sequence.json");
  const KeyRef keys[] = {{kLamp, 0}, {kLamp, 2}, {kFov, 1}};
  const Sequence after = check_undo_redo(doc, delete_keys(doc.sequence(), keys));
  EXPECT_EQ(after.timeline.transforms[0].translation->keys().size(), 1u);
  EXPECT_DOUBLE_EQ(after.timeline.transforms[0].translation->keys()[0].time, 2.0);
  EXPECT_EQ(after.timeline.lenses[0].fov_y->keys().size(), 1u);
  EXPECT_EQ(doc.history().undo_count(), 1u);
  const KeyRef last[] = {{kFog, 0}};
  auto refused = delete_keys(doc.sequence(), last);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("at least one key"), std::string::npos) << refused.error().message;
}

TEST(EditorSequence, MovedKeysSnapToFramesAndStayInTheirTimeline) {
  const Sequence s = sample();
  const KeyRef one[] = {{kLamp, 1}};
  // 0.3 s is 7.2 frames: snapped to 7 frames.
  auto moved = move_keys(s, one, 0.3);
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_DOUBLE_EQ(moved->delta, 7.0 / 24.0);
  Sequence after = s;
  ASSERT_TRUE(moved->command->redo(after).ok());
  EXPECT_DOUBLE_EQ(after.timeline.transforms[0].translation->keys()[1].time, 55.0 / 24.0);
  EXPECT_EQ(moved->keys[0], (KeyRef{kLamp, 1}));
  // Past a neighbour: the keys reorder and the moved key's new place is reported.
  auto past = move_keys(s, one, 3.5);
  ASSERT_TRUE(past.ok());
  EXPECT_EQ(past->keys[0], (KeyRef{kLamp, 2}));
  // Onto a key that stays: refused.
  EXPECT_FALSE(move_keys(s, one, 3.0).ok());
  // Clamped to the timeline: the shot's keys (local 1 s and 3 s in a 4 s shot) move at most 1 s later.
  const KeyRef shot_keys[] = {{kShotRotation, 0}, {kShotRotation, 1}};
  auto clamped = move_keys(s, shot_keys, 5.0);
  ASSERT_TRUE(clamped.ok());
  EXPECT_DOUBLE_EQ(clamped->delta, 1.0);
  auto early = move_keys(s, shot_keys, -5.0);
  ASSERT_TRUE(early.ok());
  EXPECT_DOUBLE_EQ(early->delta, -1.0);
}

TEST(EditorSequence, ADragOfKeysIsOneUndoStep) {
  SequenceDocument doc = document_of(sample(), scratch_folder() / "a.sequence.json");
  const Sequence start = doc.sequence();
  const KeyRef keys[] = {{kLamp, 1}, {kFov, 1}};
  doc.history().begin_gesture();
  for (double d : {0.1, 0.2, 0.4, 0.5}) {
    auto moved = move_keys(start, keys, d);
    ASSERT_TRUE(moved.ok()) << moved.error().message;
    ASSERT_TRUE(doc.execute(std::move(moved->command)).ok());
  }
  doc.history().end_gesture();
  EXPECT_EQ(doc.history().undo_count(), 1u);
  EXPECT_DOUBLE_EQ(doc.sequence().timeline.transforms[0].translation->keys()[1].time, 2.5);
  EXPECT_DOUBLE_EQ(doc.sequence().timeline.lenses[0].fov_y->keys()[1].time, 4.5);
  ASSERT_TRUE(doc.undo().ok());
  EXPECT_TRUE(doc.sequence() == start);
  EXPECT_FALSE(doc.dirty());
}

TEST(EditorSequence, InterpolationAndTangentEditsUndo) {
  SequenceDocument doc = document_of(sample(), scratch_folder() / "a.sequence.json");
  const KeyRef keys[] = {{kLamp, 0}, {kShotRotation, 1}};
  Sequence after = check_undo_redo(doc, set_interpolation(doc.sequence(), keys, Interp::constant));
  EXPECT_EQ(after.timeline.transforms[0].translation->keys()[0].interp, Interp::constant);
  EXPECT_EQ(after.timeline.shots[0].timeline.transforms[0].rotation->keys()[1].interp, Interp::constant);

  // To user tangents: the slopes the key had become its own, so the curve keeps its shape.
  const KeyRef middle[] = {{kLamp, 1}};
  ASSERT_TRUE(doc.execute(take(set_interpolation(doc.sequence(), middle, Interp::cubic))).ok());
  const Sequence shaped = doc.sequence();
  after = check_undo_redo(doc, set_tangent_mode(doc.sequence(), middle, TangentMode::user));
  const auto& key = after.timeline.transforms[0].translation->keys()[1];
  EXPECT_EQ(key.tangent, TangentMode::user);
  for (double t : {2.5, 3.0, 4.0})
    EXPECT_NEAR(glm::length(after.timeline.transforms[0].translation->evaluate(t) -
                            shaped.timeline.transforms[0].translation->evaluate(t)), 0.0f, 1e-5f);

  // A tangent handle drag: one component's slope, merged into one step.
  doc.history().begin_gesture();
  for (float slope : {1.0f, 2.0f, 3.0f})
    ASSERT_TRUE(doc.execute(take(set_key_slope(doc.sequence(), middle[0], 2, TangentSide::out, slope))).ok());
  doc.history().end_gesture();
  const auto& sloped = doc.sequence().timeline.transforms[0].translation->keys()[1];
  EXPECT_FLOAT_EQ(sloped.in_slope.z, 3.0f);
  EXPECT_FLOAT_EQ(sloped.in_slope.x, key.in_slope.x) << "other components keep their slopes";
  ASSERT_TRUE(doc.undo().ok());
  EXPECT_TRUE(doc.sequence() == after) << "the slope drag must be one undo step";

  // Broken: each side on its own.
  ASSERT_TRUE(doc.execute(take(set_tangent_mode(doc.sequence(), middle, TangentMode::broken))).ok());
  check_undo_redo(doc, set_key_slope(doc.sequence(), middle[0], 0, TangentSide::in, -4.0f));
  const auto& broken = doc.sequence().timeline.transforms[0].translation->keys()[1];
  EXPECT_FLOAT_EQ(broken.in_slope.x, -4.0f);
  EXPECT_FLOAT_EQ(broken.out_slope.x, key.in_slope.x);

  after = check_undo_redo(doc, set_key_value(doc.sequence(), KeyRef{kFog, 0}, 3, 0.25f));
  EXPECT_FLOAT_EQ(after.timeline.parameters[0].color.keys()[0].value.w, 0.25f);
  EXPECT_FALSE(set_key_value(doc.sequence(), KeyRef{kFov, 0}, 1, 0.0f).ok()) << "fov has one component";
}

TEST(EditorSequence, EditsSurviveSaveAndLoadAndTheOldFileIsKept) {
  const fs::path file = scratch_folder() / "shot.sequence.json";
  SequenceDocument doc = document_of(sample(), file);
  const std::string original = *read_file_text(file);
  ASSERT_TRUE(doc.execute(take(add_key(doc.sequence(), kFov, 2.0))).ok());
  const KeyRef moving[] = {{kShotRotation, 0}};
  ASSERT_TRUE(doc.execute(std::move(move_keys(doc.sequence(), moving, -0.5)->command)).ok());
  ASSERT_TRUE(doc.execute(take(set_tangent_mode(doc.sequence(), moving, TangentMode::broken))).ok());
  ASSERT_TRUE(doc.execute(take(set_interpolation(doc.sequence(), moving, Interp::ease_in_out))).ok());
  EXPECT_TRUE(doc.dirty());
  ASSERT_TRUE(doc.save().ok());
  EXPECT_FALSE(doc.dirty());
  auto loaded = load_sequence(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_TRUE(*loaded == doc.sequence());
  EXPECT_EQ(*read_file_text(fs::path(file) += ".bak"), original);

  const fs::path other = file.parent_path() / "other.sequence.json";
  ASSERT_TRUE(doc.save_as(other).ok());
  EXPECT_EQ(doc.path(), other);
  EXPECT_EQ(*read_file_text(other), serialize_sequence(doc.sequence()));
}

TEST(EditorSequence, AutosaveRecoversUnsavedKeyEdits) {
  const fs::path file = scratch_folder() / "shot.sequence.json";
  SequenceDocument doc = document_of(sample(), file);
  doc.autosave_interval_seconds = 0.0;
  ASSERT_TRUE(doc.execute(take(add_key(doc.sequence(), kLamp, 7.0))).ok());
  auto wrote = doc.autosave_tick(1.0);
  ASSERT_TRUE(wrote.ok());
  EXPECT_TRUE(*wrote);
  const Sequence edited = doc.sequence();
  auto reopened = SequenceDocument::open(file);
  ASSERT_TRUE(reopened.ok());
  ASSERT_TRUE(reopened->recovery_available());
  ASSERT_TRUE(reopened->recover().ok());
  EXPECT_TRUE(reopened->sequence() == edited);
  EXPECT_TRUE(reopened->dirty());
}

TEST(EditorSequence, FindsTheSequenceWrittenAgainstAScene) {
  const fs::path dir = scratch_folder();
  ASSERT_TRUE(write_file_atomic(dir / "lot.json", std::string_view("{}")).ok());
  Sequence s = sample();
  s.scene = "lot.json";
  ASSERT_TRUE(save_sequence(s, dir / "b.sequence.json").ok());
  s.scene = "elsewhere.json";
  ASSERT_TRUE(save_sequence(s, dir / "a.sequence.json").ok());
  EXPECT_EQ(find_sequence_for_scene(dir / "lot.json"), dir / "b.sequence.json");
  EXPECT_EQ(find_sequence_for_scene(dir / "nothing.json"), std::nullopt);
}

TEST(EditorSequence, TransportScrubsPlaysAndLoops) {
  const Sequence s = sample();  // 10 s at 24 fps: frames 0 .. 239
  Transport t;
  t.scrub(s, 1.02);
  EXPECT_DOUBLE_EQ(t.time(), 1.0) << "a scrub lands on a frame";
  t.scrub(s, 50.0);
  EXPECT_EQ(t.frame(s), 239);
  t.play(s);
  EXPECT_TRUE(t.playing());
  EXPECT_DOUBLE_EQ(t.time(), 0.0) << "play at the end starts again";
  t.advance(s, 0.05);
  EXPECT_EQ(t.frame(s), 1) << "the frame at or before the playhead";
  t.advance(s, 100.0);
  EXPECT_FALSE(t.playing()) << "stops at the end without a loop";
  EXPECT_EQ(t.frame(s), 239);

  t.set_loop(s, 3.0, 2.0);
  EXPECT_DOUBLE_EQ(t.loop_from(), 2.0);
  EXPECT_DOUBLE_EQ(t.loop_to(), 3.0);
  t.play(s);
  EXPECT_DOUBLE_EQ(t.time(), 2.0);
  t.advance(s, 1.25);
  EXPECT_TRUE(t.playing());
  EXPECT_NEAR(t.time(), 2.25, 1e-9) << "wrapped inside the loop";
  t.pause();
  t.advance(s, 1.0);
  EXPECT_NEAR(t.time(), 2.25, 1e-9);
  t.set_loop(s, 5.0, 5.0);
  EXPECT_NEAR(t.loop_to() - t.loop_from(), 1.0 / 24.0, 1e-9) << "a loop is at least a frame";
}

}  // namespace
}  // namespace kagami::editor::test
