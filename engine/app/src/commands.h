#pragma once
#include "cli.h"
#include "kagami/core/result.h"

namespace kagami::app {

// Each command returns the process exit status; failures come back as Error.
Result<void> run_render(const Options& options);
// `render --cast`: the four characters posed by a clip, front and side (cast_lineup.cpp).
Result<void> render_cast_lineup(const Options& options);
Result<void> run_play(const Options& options);
Result<void> run_graph(const Options& options);
// play --scene --headless: a location played offscreen while it streams in.
Result<void> play_scene_headless(const Options& options);
Result<void> run_cook(const Options& options);
Result<void> run_info(const Options& options);
// edit [SCENE]: the editor in a window.
Result<void> run_edit(const Options& options);

}  // namespace kagami::app
