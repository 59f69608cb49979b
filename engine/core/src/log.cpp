#include "kagami/core/log.h"

#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

namespace kagami::log {
namespace {

struct SinkEntry {
  int id;
  std::function<void(Level, std::string_view)> fn;
};

struct State {
  std::mutex mutex;
  Level min_level = Level::info;
  bool to_stderr = true;
  int next_id = 1;
  std::vector<SinkEntry> sinks;
};

State& state() {
  static State s;
  return s;
}

const char* tag(Level level) {
  switch (level) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warn: return "warning";
    case Level::error: return "error";
  }
  return "?";
}

}  // namespace

void set_min_level(Level level) {
  std::lock_guard lock(state().mutex);
  state().min_level = level;
}

int add_sink(std::function<void(Level, std::string_view)> sink) {
  std::lock_guard lock(state().mutex);
  int id = state().next_id++;
  state().sinks.push_back({id, std::move(sink)});
  return id;
}

void remove_sink(int id) {
  std::lock_guard lock(state().mutex);
  std::erase_if(state().sinks, [id](const SinkEntry& e) { return e.id == id; });
}

void set_stderr_enabled(bool enabled) {
  std::lock_guard lock(state().mutex);
  state().to_stderr = enabled;
}

void write(Level level, std::string_view message) {
  std::lock_guard lock(state().mutex);
  if (level < state().min_level) return;
  if (state().to_stderr) {
    std::fprintf(stderr, "kagami %s: %.*s\n", tag(level), int(message.size()), message.data());
  }
  for (auto& sink : state().sinks) sink.fn(level, message);
}

}  // namespace kagami::log
