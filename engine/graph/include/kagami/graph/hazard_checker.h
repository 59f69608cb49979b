#pragma once
// An independent check of a CompiledGraph: it replays the passes and barriers
// in order against a model of synchronization2 (execution dependency chains,
// availability and visibility of writes, image layouts, aliased memory) and
// reports every access that is not properly ordered. The compiler's barrier
// planner and this checker share only the usage table (usage.h), so a planner
// bug shows up as a hazard here.
//
// What it proves for every resource:
//   read-after-write   the read's stages are chained after the write, and the
//                      write was made available and visible to the read's stage/access
//   write-after-write  chained after the previous write, which was made available
//   write-after-read   chained after every read since the last write
//   layouts            each access finds the layout it needs; every transition's
//                      old layout is the current one (or UNDEFINED) and is ordered
//                      after the previous accesses
//   contents           nothing reads contents an UNDEFINED transition or a
//                      DONT_CARE store discarded
//   aliasing           a transient's first use is ordered after the last use of
//                      whatever held its memory before, and nothing touches memory
//                      that has been handed to another transient
//   final states       imports end in their final layout, with the final access
//                      ordered after the frame's last one
// Masks are taken literally (no "logically earlier stage" expansion), so the
// check is stricter than the specification, never looser.
#include <string>
#include <vector>

#include "kagami/graph/compiled_graph.h"

namespace kagami::graph {

struct Hazard {
  PassId pass;          // invalid for the end-of-frame checks
  ResourceId resource;
  std::string message;  // names the pass and the resource
};

std::vector<Hazard> find_hazards(const CompiledGraph& graph);

}  // namespace kagami::graph
