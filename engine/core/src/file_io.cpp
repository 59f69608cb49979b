#include "kagami/core/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

namespace kagami {
namespace fs = std::filesystem;

Result<std::vector<std::uint8_t>> read_file_bytes(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return make_error(path.string(), ": file not found");
  if (fs::is_directory(path, ec)) return make_error(path.string(), ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path.string(), ": cannot open for reading (", std::strerror(errno), ")");
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return make_error(path.string(), ": cannot determine its size");
  in.seekg(0, std::ios::beg);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size))
    return make_error(path.string(), ": read failed");
  return bytes;
}

Result<std::string> read_file_text(const fs::path& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return std::string(bytes->begin(), bytes->end());
}

namespace {

// Writes every byte, retrying on short writes and EINTR.
bool write_all(int fd, const std::uint8_t* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

void fsync_folder(const fs::path& folder) {
  int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

Result<void> write_file_atomic(const fs::path& path, std::span<const std::uint8_t> bytes,
                               AtomicWriteOptions options) {
  const fs::path folder = path.parent_path();
  std::error_code ec;
  if (!folder.empty() && !fs::is_directory(folder, ec))
    return make_error(path.string(), ": folder ", folder.string(), " does not exist");

  // The temporary lives in the same folder so the final rename never crosses a filesystem.
  // O_EXCL: a name already taken (another writer's temporary, a stale file) is
  // never truncated or shared; pick another name instead.
  std::random_device rd;
  fs::path tmp;
  int fd = -1;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    tmp = path;
    tmp += ".tmp" + std::to_string(rd() % 1000000);
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) return make_error(path.string(), ": cannot create temporary file (", std::strerror(errno), ")");

  bool ok = write_all(fd, bytes.data(), bytes.size()) && ::fsync(fd) == 0;
  int saved_errno = ok ? 0 : errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved_errno = errno;
  }
  if (!ok) {
    fs::remove(tmp, ec);
    return make_error(path.string(), ": write failed (", std::strerror(saved_errno), "); the previous file is unchanged");
  }

  if (options.keep_backup && fs::exists(path, ec)) {
    fs::path bak = path;
    bak += ".bak";
    fs::copy_file(path, bak, fs::copy_options::overwrite_existing, ec);
    if (ec) {
      fs::remove(tmp, ec);
      return make_error(path.string(), ": cannot write backup ", bak.string());
    }
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    saved_errno = errno;
    fs::remove(tmp, ec);
    return make_error(path.string(), ": rename failed (", std::strerror(saved_errno), "); the previous file is unchanged");
  }
  fsync_folder(folder);
  return {};
}

Result<void> write_file_atomic(const fs::path& path, std::string_view text, AtomicWriteOptions options) {
  return write_file_atomic(
      path, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), options);
}

}  // namespace kagami
