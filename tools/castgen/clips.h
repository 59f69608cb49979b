#pragma once
// The clip library: procedural keyframes on the shared skeleton, sampled at
// 15 keys per second into linear glTF animations (a rotation track for every
// joint, a translation track for the hips), so a clip sets the whole pose.
#include <vector>

#include "rig.h"

namespace kagami::castgen {

// The names, in library order. Looping clips (idle, walk, run, cry, grapple)
// end where they start.
const std::vector<const char*>& clip_names();
std::vector<RigAnimation> build_clips();

}  // namespace kagami::castgen
