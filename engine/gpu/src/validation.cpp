#include "kagami/gpu/validation.h"

namespace kagami::gpu {

void ValidationLog::add_error(std::string message) {
  std::lock_guard lock(mutex_);
  ++errors_;
  error_messages_.push_back(std::move(message));
}

void ValidationLog::add_warning(std::string) { ++warnings_; }

std::vector<std::string> ValidationLog::errors() const {
  std::lock_guard lock(mutex_);
  return error_messages_;
}

std::string ValidationLog::error_report() const {
  std::lock_guard lock(mutex_);
  std::string report;
  for (const auto& m : error_messages_) report += m + "\n";
  return report;
}

}  // namespace kagami::gpu
