#include "kagami/editor/sequence_document.h"

#include <algorithm>
#include <cmath>

#include "kagami/core/log.h"
#include "kagami/sequencer/sequence_io.h"

namespace kagami::editor {

namespace fs = std::filesystem;
using sequencer::FrameTime;
using sequencer::Sequence;

std::optional<fs::path> find_sequence_for_scene(const fs::path& scene_file) {
  const fs::path folder = scene_file.parent_path().empty() ? fs::path(".") : scene_file.parent_path();
  std::error_code ec;
  std::vector<fs::path> candidates;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.path().filename().string().ends_with(".sequence.json")) candidates.push_back(entry.path());
  std::sort(candidates.begin(), candidates.end());
  const fs::path scene = fs::weakly_canonical(scene_file, ec);
  for (const fs::path& candidate : candidates) {
    auto loaded = sequencer::load_sequence(candidate);
    if (!loaded) {
      log::warn("skipping ", candidate.string(), ": ", loaded.error().message);
      continue;
    }
    if (!loaded->scene.empty() && fs::weakly_canonical(folder / loaded->scene, ec) == scene) return candidate;
  }
  return std::nullopt;
}

namespace {
// The last frame of the sequence (frames are 0 .. frame_count - 1).
double last_frame_time(const Sequence& s) { return s.frame_time(std::max<std::int64_t>(0, s.frame_count() - 1)); }
}  // namespace

std::int64_t Transport::frame(const Sequence& s) const { return FrameTime::at_or_before(time_, s.frame_rate).frame; }

void Transport::scrub(const Sequence& s, double t) {
  time_ = s.frame_time(std::clamp<std::int64_t>(FrameTime::nearest(t, s.frame_rate).frame, 0,
                                                std::max<std::int64_t>(0, s.frame_count() - 1)));
}

void Transport::play(const Sequence& s) {
  if (looping_ && (time_ < loop_from_ || time_ >= loop_to_)) time_ = loop_from_;
  else if (!looping_ && time_ >= last_frame_time(s)) time_ = 0.0;
  playing_ = true;
}

void Transport::set_loop(const Sequence& s, double from, double to) {
  if (to < from) std::swap(from, to);
  const std::int64_t last = std::max<std::int64_t>(0, s.frame_count() - 1);
  const std::int64_t a = std::clamp<std::int64_t>(FrameTime::nearest(from, s.frame_rate).frame, 0, last);
  const std::int64_t b = std::clamp<std::int64_t>(FrameTime::nearest(to, s.frame_rate).frame, a + 1, last + 1);
  loop_from_ = s.frame_time(a);
  loop_to_ = s.frame_time(b);
  looping_ = true;
}

void Transport::advance(const Sequence& s, double dt) {
  if (!playing_) return;
  time_ += dt;
  if (looping_) {
    const double length = loop_to_ - loop_from_;
    if (time_ >= loop_to_ || time_ < loop_from_) time_ = loop_from_ + std::fmod(std::max(0.0, time_ - loop_from_), length);
    return;
  }
  const double end = last_frame_time(s);
  if (time_ >= end) {
    time_ = end;
    playing_ = false;
  }
}

}  // namespace kagami::editor
