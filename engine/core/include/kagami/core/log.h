#pragma once
// Leveled logging. Messages go to stderr and to any registered sink (the
// editor's console, tests that count warnings). GCC 12 has no <format>, so
// messages are built with kagami::cat (core/strings.h).
#include <functional>
#include <string_view>

#include "kagami/core/strings.h"

namespace kagami::log {

enum class Level { debug, info, warn, error };

void set_min_level(Level level);
// A sink sees every message at or above the minimum level. Returns an id for remove_sink.
int add_sink(std::function<void(Level, std::string_view)> sink);
void remove_sink(int id);
// When false, messages reach sinks only (tests keep their output readable).
void set_stderr_enabled(bool enabled);

void write(Level level, std::string_view message);

template <typename... Args> void debug(const Args&... a) { write(Level::debug, cat(a...)); }
template <typename... Args> void info(const Args&... a) { write(Level::info, cat(a...)); }
template <typename... Args> void warn(const Args&... a) { write(Level::warn, cat(a...)); }
template <typename... Args> void error(const Args&... a) { write(Level::error, cat(a...)); }

}  // namespace kagami::log
