#pragma once
// The command line: `kagami COMMAND [ARGS] [FLAGS]` (see DESIGN.md for the full list).
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "kagami/core/result.h"

namespace kagami::app {

struct Size {
  unsigned width = 1280, height = 720;
};

struct Options {
  std::string command;                 // play, render
  std::vector<std::string> positional;  // e.g. the sequence
  std::optional<std::string> model;    // --model FILE
  std::optional<std::string> scene;    // --scene FILE
  std::optional<std::string> sequence;  // --sequence FILE (edit: the timeline's sequence)
  std::optional<std::string> then_scene;  // --then FILE (play --scene: streams in behind, then cut to)
  std::optional<std::string> out;      // --out PATH
  std::optional<Size> size;            // --size WxH
  std::optional<unsigned> frame_limit; // --frames N (play: quit after N frames)
  std::optional<std::pair<unsigned, unsigned>> frame_range;  // --frames A:B (render: frames A .. B-1)
  std::optional<unsigned> fps;         // --fps N (render of a film)
  bool headless = false;               // --headless
  bool validation = false;             // --validation
  std::string device;                  // --device NAME|INDEX
  // graph
  std::optional<std::string> dot;      // --dot FILE
  std::optional<std::string> json;     // --json FILE
  bool demo = false;                   // --demo: the reference frame instead of the model view
  // cook / info
  std::optional<std::string> cache;    // --cache DIR (default: build cache folder)
  bool json_output = false;            // info --json
  bool cast = false;                   // render --cast: the cast line-up
  std::optional<std::string> clip;     // --clip NAME (render --cast; default idle)
  bool no_culling = false, no_aliasing = false, no_batching = false;
};

Result<Options> parse_command_line(int argc, char** argv);
Result<Size> parse_size(const std::string& text);
const char* usage();

}  // namespace kagami::app
