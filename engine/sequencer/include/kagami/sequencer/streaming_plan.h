#pragma once
// Scene streaming from the sequence's cues: which locations must be resident,
// and which must be requested now so that loading finishes before a cue
// starts (a cut never waits for a location). Cues inside shots count at their
// sequence time, clipped to the shot's trimmed range.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kagami/sequencer/sequence.h"

namespace kagami::sequencer {

// Every cue of the sequence on the sequence's timeline.
std::vector<StreamingCue> flatten_streaming_cues(const Sequence& sequence);

// How long a location takes to load, in seconds of playback (the player
// measures and updates these); `margin` is added to every estimate.
struct LoadTimeEstimate {
  double default_seconds = 2.0;
  double margin = 0.5;
  std::map<std::string, double, std::less<>> per_location;
  double lead(std::string_view location) const;
};

struct LocationRequest {
  std::string location;
  double needed_from = 0.0;  // when the cue starts (may be now or in the past)
  double needed_until = 0.0;
  bool operator==(const LocationRequest&) const = default;
};

// The locations that should be loading or loaded at time t: every cue with
// from - lead(location) <= t < to. One entry per location (its earliest
// need), most urgent first. A player calls this each frame and requests
// whatever is not already resident or loading.
std::vector<LocationRequest> locations_to_request(const std::vector<StreamingCue>& cues, double t,
                                                  const LoadTimeEstimate& estimate);

}  // namespace kagami::sequencer
