// import_in_child_process: Assimp runs in a forked child; the parent reads the
// encoded result from a pipe. Whatever Assimp does to the child (abort on a
// double free, a segfault, an endless loop, leaked memory) stays there.
//
// The child only runs the import and writes to the pipe. It never logs (warnings
// travel back in ModelData) and leaves with _exit, so it takes no lock another
// thread of the parent might have held at fork time beyond malloc's (which glibc
// resets in the child), and runs no atexit handlers or static destructors.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "assimp_bridge.h"

namespace kagami::asset::detail {
namespace {

bool write_all(int fd, const std::uint8_t* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= std::size_t(n);
  }
  return true;
}

[[noreturn]] void run_child(int out_fd, const ImportContext& ctx) {
  // A parent that stopped reading (it timed out) must not leave us blocked.
  ::signal(SIGPIPE, SIG_DFL);
  const std::vector<std::uint8_t> bytes = encode_import_result(import_in_process(ctx));
  const bool ok = write_all(out_fd, bytes.data(), bytes.size());
  ::close(out_fd);
  ::_exit(ok ? 0 : 3);
}

std::string describe_signal(int sig) {
  const char* name = ::strsignal(sig);
  return cat("signal ", sig, name ? cat(", ", name) : std::string());
}

}  // namespace

Result<ModelData> import_in_child_process(const ImportContext& ctx) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    ctx.warnings.push_back(cat(ctx.name, ": could not isolate the import (pipe: ", std::strerror(errno), ")"));
    return import_in_process(ctx);
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int saved = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    ctx.warnings.push_back(cat(ctx.name, ": could not isolate the import (fork: ", std::strerror(saved), ")"));
    return import_in_process(ctx);
  }
  if (pid == 0) {
    ::close(fds[0]);
    run_child(fds[1], ctx);
  }
  ::close(fds[1]);

  // Read until the child closes its end, or the time runs out.
  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline = Clock::now() + ctx.limits.max_import_time;
  std::vector<std::uint8_t> bytes;
  std::uint8_t buffer[1 << 16];
  bool timed_out = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, int(std::min<long long>(left, 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (n == 0) break;  // the child closed the pipe: done, or dead
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  ::close(fds[0]);
  if (timed_out) ::kill(pid, SIGKILL);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out)
    return make_error(ctx.name, ": the import took longer than ", ctx.limits.max_import_time.count(),
                      " ms and was stopped");
  if (WIFSIGNALED(status))
    return make_error(ctx.name, ": the importer crashed on this file (", describe_signal(WTERMSIG(status)),
                      "); the file is probably damaged");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return make_error(ctx.name, ": the import process failed (exit status ", WEXITSTATUS(status),
                      "); the file is probably damaged");
  auto model = decode_import_result(bytes, ctx.name);
  if (!model) return model;
  // The parent trusts no bytes it did not check.
  if (auto r = ctx.animation_only ? check_rig(*model, ctx.name) : check_model(*model, ctx.limits, ctx.name); !r)
    return r.error();
  for (std::string& warning : ctx.warnings) model->warnings.push_back(std::move(warning));
  return model;
}

}  // namespace kagami::asset::detail
