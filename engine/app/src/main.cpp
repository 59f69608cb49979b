// kagami: plays, renders and (later) edits the cinematic. See DESIGN.md for the commands.
#include <cstdio>
#include <exception>

#include "cli.h"
#include "commands.h"

int main(int argc, char** argv) {
  using namespace kagami::app;
  auto options = parse_command_line(argc, argv);
  if (!options) {
    std::fprintf(stderr, "kagami: %s\n", options.error().message.c_str());
    return 2;
  }
  try {
    kagami::Result<void> result = options->command == "render"  ? run_render(*options)
                                  : options->command == "graph" ? run_graph(*options)
                                  : options->command == "cook"  ? run_cook(*options)
                                  : options->command == "info"  ? run_info(*options)
                                  : options->command == "edit"  ? run_edit(*options)
                                                                : run_play(*options);
    if (!result) {
      std::fprintf(stderr, "kagami: %s\n", result.error().message.c_str());
      return 1;
    }
  } catch (const std::exception& e) {
    // Vulkan failures that can really happen (device lost, out of memory) end here, not in a crash.
    std::fprintf(stderr, "kagami: %s\n", e.what());
    return 1;
  }
  return 0;
}
