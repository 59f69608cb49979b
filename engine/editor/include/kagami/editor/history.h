#pragma once
// The scene's undo history (undoable.h has the mechanism, shared with sequences).
#include "kagami/editor/commands.h"
#include "kagami/editor/undoable.h"

namespace kagami::editor {

using History = BasicHistory<scene::Scene>;

}  // namespace kagami::editor
