#pragma once
// Collects what the validation layer says. Tests fail on any message of error
// severity; the app logs them.
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

namespace kagami::gpu {

class ValidationLog {
 public:
  void add_error(std::string message);
  void add_warning(std::string message);
  int error_count() const { return errors_.load(); }
  int warning_count() const { return warnings_.load(); }
  std::vector<std::string> errors() const;
  // All error messages joined, for a test's failure output.
  std::string error_report() const;

 private:
  mutable std::mutex mutex_;
  std::atomic<int> errors_{0};
  std::atomic<int> warnings_{0};
  std::vector<std::string> error_messages_;
};

}  // namespace kagami::gpu
