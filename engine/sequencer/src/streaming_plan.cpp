#include "kagami/sequencer/streaming_plan.h"

#include <algorithm>

namespace kagami::sequencer {
namespace {

void flatten(const Timeline& tl, double to_sequence, double lo, double hi, std::vector<StreamingCue>& out) {
  for (const StreamingTrack& track : tl.streaming) {
    for (const StreamingCue& cue : track.cues) {
      double from = std::max(cue.from + to_sequence, lo), to = std::min(cue.to + to_sequence, hi);
      if (from < to) out.push_back(StreamingCue{cue.location, from, to});
    }
  }
  for (const Shot& shot : tl.shots) {
    double start = shot.start + to_sequence;
    flatten(shot.timeline, start - shot.trim_start, std::max(lo, start), std::min(hi, start + shot.length()), out);
  }
}

}  // namespace

std::vector<StreamingCue> flatten_streaming_cues(const Sequence& sequence) {
  std::vector<StreamingCue> cues;
  flatten(sequence.timeline, 0.0, 0.0, std::max(sequence.duration, 0.0), cues);
  std::stable_sort(cues.begin(), cues.end(), [](const StreamingCue& a, const StreamingCue& b) { return a.from < b.from; });
  return cues;
}

double LoadTimeEstimate::lead(std::string_view location) const {
  auto it = per_location.find(location);
  return (it == per_location.end() ? default_seconds : it->second) + margin;
}

std::vector<LocationRequest> locations_to_request(const std::vector<StreamingCue>& cues, double t,
                                                  const LoadTimeEstimate& estimate) {
  std::vector<LocationRequest> requests;
  for (const StreamingCue& cue : cues) {
    if (t >= cue.to || t < cue.from - estimate.lead(cue.location)) continue;
    auto same = std::find_if(requests.begin(), requests.end(),
                             [&](const LocationRequest& r) { return r.location == cue.location; });
    if (same == requests.end()) {
      requests.push_back(LocationRequest{cue.location, cue.from, cue.to});
    } else {
      same->needed_from = std::min(same->needed_from, cue.from);
      same->needed_until = std::max(same->needed_until, cue.to);
    }
  }
  std::sort(requests.begin(), requests.end(), [](const LocationRequest& a, const LocationRequest& b) {
    return a.needed_from != b.needed_from ? a.needed_from < b.needed_from : a.location < b.location;
  });
  return requests;
}

}  // namespace kagami::sequencer
