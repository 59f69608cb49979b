#pragma once
#include "cli.h"
#include "kagami/core/result.h"

namespace kagami::app {

// Each command returns the process exit status; failures come back as Error.
Result<void> run_render(const Options& options);
Result<void> run_play(const Options& options);
Result<void> run_graph(const Options& options);
// play --scene --headless: a location played offscreen while it streams in.
Result<void> play_scene_headless(const Options& options);
Result<void> run_cook(const Options& options);
Result<void> run_info(const Options& options);
// edit [SCENE]: the editor in a window.
Result<void> run_edit(const Options& options);

}  // namespace kagami::app
