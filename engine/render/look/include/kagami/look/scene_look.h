#pragma once
// A scene's environment (sky preset, turbidity, fog, exposure) as a look.
#include "kagami/look/look_settings.h"
#include "kagami/scene/components.h"

namespace kagami::look {

// The preset's look with the scene's own values on top. An unknown sky
// preset falls back to "clear" and is logged as a warning naming it.
LookSettings scene_look(const scene::Environment& environment);

}  // namespace kagami::look
