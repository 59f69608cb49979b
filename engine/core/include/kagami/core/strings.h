#pragma once
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace kagami {

// cat("file ", path, ": line ", 3) -> one string. Streams each argument.
template <typename... Args>
std::string cat(const Args&... args) {
  std::ostringstream out;
  (out << ... << args);
  return out.str();
}

std::vector<std::string_view> split(std::string_view text, char separator);

// Human-readable byte counts: "1.50 MiB".
std::string format_bytes(unsigned long long bytes);

}  // namespace kagami
