// Streaming cues: what must be resident now, and what to request early enough
// that a cut never waits for its location.
#include <gtest/gtest.h>

#include <map>

#include "kagami/sequencer/streaming_plan.h"
#include "sequencer_test_support.h"

namespace kagami::sequencer::test {
namespace {

Sequence streaming_sequence() {
  return parse_ok(sequence_text(R"(,
  "tracks": [ { "type": "streaming", "cues": [ { "location": "dome", "from": 0, "to": 12 },
                                               { "location": "station", "from": 10, "to": 25 } ] } ],
  "shots": [ { "name": "data_world", "start": 20, "duration": 20, "trim_start": 5, "trim_end": 15,
               "tracks": [ { "type": "streaming", "cues": [ { "location": "data_world", "from": 0, "to": 20 } ] } ] } ])",
                                30.0));
}

TEST(SequencerStreaming, RequiredLocationsFollowTheCues) {
  Sequence seq = streaming_sequence();
  EXPECT_EQ(evaluate(seq, 5.0).required_locations, (std::vector<std::string_view>{"dome"}));
  EXPECT_EQ(evaluate(seq, 11.0).required_locations, (std::vector<std::string_view>{"dome", "station"}));
  EXPECT_EQ(evaluate(seq, 12.0).required_locations, (std::vector<std::string_view>{"station"}));
  EXPECT_EQ(evaluate(seq, 22.0).required_locations, (std::vector<std::string_view>{"data_world", "station"}));
}

TEST(SequencerStreaming, ShotCuesAreClippedToTheShotsRange) {
  auto cues = flatten_streaming_cues(streaming_sequence());
  ASSERT_EQ(cues.size(), 3u);
  EXPECT_EQ(cues[2].location, "data_world");
  EXPECT_EQ(cues[2].from, 20.0);  // the shot starts at 20 (local 5)
  EXPECT_EQ(cues[2].to, 30.0);    // and is trimmed at local 15
}

TEST(SequencerStreaming, RequestsStartOneLoadTimeEarly) {
  auto cues = flatten_streaming_cues(streaming_sequence());
  LoadTimeEstimate estimate;
  estimate.default_seconds = 3.0;
  estimate.margin = 0.5;
  estimate.per_location["data_world"] = 6.0;
  auto names = [&](double t) {
    std::vector<std::string> out;
    for (const LocationRequest& r : locations_to_request(cues, t, estimate)) out.push_back(r.location);
    return out;
  };
  EXPECT_EQ(names(6.0), (std::vector<std::string>{"dome"}));
  EXPECT_EQ(names(6.5), (std::vector<std::string>{"dome", "station"}));  // 10 - 3.5
  EXPECT_EQ(names(13.4), (std::vector<std::string>{"station"}));
  EXPECT_EQ(names(13.5), (std::vector<std::string>{"station", "data_world"}));  // 20 - 6.5
  auto requests = locations_to_request(cues, 13.5, estimate);
  EXPECT_EQ(requests[1].needed_from, 20.0);
  EXPECT_EQ(requests[1].needed_until, 30.0);
}

// A player that requests what the query says, each frame, with loads taking
// exactly their estimate, never reaches a cue before its location is in.
TEST(SequencerStreaming, APlayerFollowingTheRequestsNeverWaits) {
  Sequence seq = streaming_sequence();
  auto cues = flatten_streaming_cues(seq);
  LoadTimeEstimate estimate;
  estimate.default_seconds = 4.0;
  estimate.margin = 0.25;
  estimate.per_location["data_world"] = 7.5;
  const double actual_load_seconds = 4.0;  // what loading really takes (data_world: its estimate)
  std::map<std::string, double> ready_at;
  for (std::int64_t f = 0; f < seq.frame_count(); ++f) {
    const double t = seq.frame_time(f);
    for (const LocationRequest& r : locations_to_request(cues, t, estimate))
      if (!ready_at.count(r.location))
        ready_at[r.location] = t + (r.location == "data_world" ? 7.5 : actual_load_seconds);
    for (std::string_view needed : evaluate(seq, t).required_locations) {
      auto it = ready_at.find(std::string(needed));
      ASSERT_NE(it, ready_at.end()) << needed << " never requested before " << t;
      // The first cue (dome at 0) cannot be early: it is the preload before playback starts.
      if (needed != "dome") {
        EXPECT_LE(it->second, t) << needed << " not loaded at " << t;
      }
    }
  }
}

}  // namespace
}  // namespace kagami::sequencer::test
