// Events fire exactly once when playback crosses them, never on scrub or jump;
// reverse play fires nothing and looping play fires again each lap.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "kagami/sequencer/events.h"
#include "sequencer_test_support.h"

namespace kagami::sequencer::test {
namespace {

Sequence events_sequence() {
  return parse_ok(sequence_text(R"(,
  "tracks": [
    { "type": "events", "events": [ { "time": 0, "kind": "fade", "duration": 1, "intensity": 0 },
                                    { "time": 2, "kind": "flash", "color": [1, 1, 1] },
                                    { "time": 2.5, "kind": "custom", "name": "bell", "payload": { "volume": 0.5 } } ] },
    { "type": "events", "events": [ { "time": 1, "kind": "shake", "duration": 0.5, "intensity": 0.1 } ] } ],
  "shots": [ { "start": 5, "duration": 4, "trim_start": 1, "trim_end": 3,
               "tracks": [ { "type": "events", "events": [
                 { "time": 0.5, "kind": "custom", "name": "trimmed_before" },
                 { "time": 1, "kind": "custom", "name": "shot_first_frame" },
                 { "time": 2, "kind": "custom", "name": "shot_middle" },
                 { "time": 3, "kind": "custom", "name": "trimmed_after" } ] } ] } ])"));
}

std::string label(const FiredEvent& f) {
  return f.event->kind == EventKind::custom ? f.event->name : std::string(to_string(f.event->kind));
}

std::vector<std::string> labels(std::span<const FiredEvent> fired) {
  std::vector<std::string> out;
  for (const FiredEvent& f : fired) out.push_back(label(f));
  return out;
}

TEST(SequencerEvents, PlayingFrameByFrameFiresEachEventOnce) {
  Sequence seq = events_sequence();
  EventCursor cursor(seq);
  std::vector<std::pair<std::string, double>> fired;
  for (std::int64_t f = 0; f < seq.frame_count(); ++f)
    for (const FiredEvent& e : cursor.advance(seq.frame_time(f), PlaybackMode::play)) fired.emplace_back(label(e), e.time);
  std::vector<std::pair<std::string, double>> expected{
      {"fade", 0.0}, {"shake", 1.0}, {"flash", 2.0}, {"bell", 2.5}, {"shot_first_frame", 5.0}, {"shot_middle", 6.0}};
  EXPECT_EQ(fired, expected);
}

TEST(SequencerEvents, AnyStepSizeFiresTheSameEventsOnce) {
  Sequence seq = events_sequence();
  std::mt19937 rng(7);
  for (int trial = 0; trial < 50; ++trial) {
    std::uniform_real_distribution<double> step(0.001, 1.5);
    std::vector<FiredEvent> fired;
    double prev = -1.0;
    for (double t = 0.0; t < seq.duration; t += step(rng)) {
      advance_events(seq, prev, t, PlaybackMode::play, fired);
      prev = t;
    }
    advance_events(seq, prev, seq.duration, PlaybackMode::play, fired);
    EXPECT_EQ(labels(fired), (std::vector<std::string>{"fade", "shake", "flash", "bell", "shot_first_frame",
                                                        "shot_middle"}))
        << "trial " << trial;
  }
}

TEST(SequencerEvents, ScrubbingAndJumpingFireNothing) {
  Sequence seq = events_sequence();
  EventCursor cursor(seq);
  EXPECT_TRUE(cursor.advance(9.0, PlaybackMode::jump).empty());
  for (double t = 0.0; t < 10.0; t += 0.01) EXPECT_TRUE(cursor.advance(t, PlaybackMode::scrub).empty()) << t;
  EXPECT_TRUE(cursor.advance(1.9, PlaybackMode::jump).empty());
  // Playing on from where the jump landed fires only what playback then crosses.
  EXPECT_EQ(labels(cursor.advance(2.6, PlaybackMode::play)), (std::vector<std::string>{"flash", "bell"}));
  EXPECT_TRUE(cursor.advance(2.6, PlaybackMode::play).empty());  // paused
}

TEST(SequencerEvents, ReversePlayFiresNothing) {
  Sequence seq = events_sequence();
  std::vector<FiredEvent> fired;
  advance_events(seq, 3.0, 0.5, PlaybackMode::play, fired);
  EXPECT_TRUE(fired.empty());
}

TEST(SequencerEvents, LoopingPlayFiresAgainEachLap) {
  Sequence seq = events_sequence();
  EventCursor cursor(seq);
  std::map<std::string, int> counts;
  const double dt = 1.0 / 24.0;
  double t = 0.0;
  for (int frame = 0; frame < 24 * 25; ++frame) {  // two and a half laps of a 10 s sequence
    for (const FiredEvent& e : cursor.advance(t, PlaybackMode::play_looping)) ++counts[label(e)];
    t = std::fmod(t + dt, seq.duration);
  }
  EXPECT_EQ(counts["fade"], 3);  // at 0: laps start at 0, 10 and 20 s
  EXPECT_EQ(counts["bell"], 3);
  EXPECT_EQ(counts["shake"], 3);
  EXPECT_EQ(counts["shot_middle"], 2);  // at 6 s: not reached in the third half lap
  // A wrap step fires the end of the lap, then the start of the next, in order.
  std::vector<FiredEvent> wrap;
  advance_events(seq, 9.5, 2.2, PlaybackMode::play_looping, wrap);
  EXPECT_EQ(labels(wrap), (std::vector<std::string>{"fade", "shake", "flash"}));
}

TEST(SequencerEvents, EventsCarryTheirParameters) {
  Sequence seq = events_sequence();
  std::vector<FiredEvent> fired;
  advance_events(seq, 2.4, 2.6, PlaybackMode::play, fired);
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0].event->payload["volume"], 0.5);
  advance_events(seq, 0.9, 1.0, PlaybackMode::play, fired);
  EXPECT_EQ(fired[1].event->kind, EventKind::shake);
  EXPECT_FLOAT_EQ(fired[1].event->intensity, 0.1f);
  EXPECT_EQ(fired[1].event->duration, 0.5);
}

}  // namespace
}  // namespace kagami::sequencer::test
