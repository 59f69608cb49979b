#pragma once
#include <filesystem>
#include <string>

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
// render [SEQUENCE|FILM] (and play's offline fallback): a film rendered offline.
struct FilmDefaults {
  Size size{1280, 720};
  unsigned fps = 24;
  std::filesystem::path out = "out/cinematic";
};
Result<void> render_film(const Options& options, const FilmDefaults& defaults);
std::filesystem::path default_film_path();
// play [SEQUENCE|FILM]: in a window, or offline without a display.
Result<void> play_film(const Options& options);
std::string peak_memory();  // VmHWM of this process, e.g. "812345 kB"
// edit [SCENE]: the editor in a window.
Result<void> run_edit(const Options& options);

}  // namespace kagami::app
