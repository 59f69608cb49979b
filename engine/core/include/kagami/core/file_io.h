#pragma once
// File I/O. Every save in Kagami goes through write_file_atomic so that a crash
// or a full disk mid-save never destroys the previous version of a file.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kagami/core/result.h"

namespace kagami {

Result<std::vector<std::uint8_t>> read_file_bytes(const std::filesystem::path& path);
Result<std::string> read_file_text(const std::filesystem::path& path);

struct AtomicWriteOptions {
  bool keep_backup = false;  // keep the previous version as <name>.bak
};

// Writes to a temporary file in the same folder, fsyncs it, renames it over the
// target and fsyncs the folder. On any failure the old file is untouched and
// the temporary is removed.
Result<void> write_file_atomic(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                               AtomicWriteOptions options = {});
Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view text,
                               AtomicWriteOptions options = {});

}  // namespace kagami
