#pragma once
// What an offline film render spent, per act: frames, wall-clock frames per
// second and the mean GPU time of its slowest passes. Printed after
// `kagami render`, so a render's speed per act and where it goes are reported
// by the render itself rather than guessed. Pass times are medians: the first
// frames of an act include the driver compiling its pipelines (on lavapipe,
// seconds), which would swamp a mean over a short range.
#include <chrono>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/graph_export.h"
#include "kagami/sequencer/film.h"

namespace kagami::app {

class FilmRenderStats {
 public:
  // One frame of `act` took `wall_seconds` end to end; `graph` and `timings`
  // are the renderer's after the frame (GPU times lag one frame: they are the
  // last measured, which in an offline render is the previous frame's).
  void add_frame(std::size_t act, double wall_seconds, const graph::CompiledGraph& graph,
                 std::span<const graph::PassTiming> timings);
  // One block per act with frames: "Act 1 ...: 612 frames, 2.31 fps, median gpu 380 ms", then its slowest passes.
  std::string report(const sequencer::Film& film, std::size_t passes_per_act = 8) const;

 private:
  struct Act {
    std::size_t frames = 0;
    double wall_seconds = 0.0;
    std::vector<double> frame_gpu_ms;                     // each timed frame's total
    std::map<std::string, std::vector<double>> pass_gpu_ms;  // by pass name, one entry per timed frame
  };
  std::map<std::size_t, Act> acts_;
};

}  // namespace kagami::app
