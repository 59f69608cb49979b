#pragma once
// JSON parsing with limits. Files come from users and artists: a parse error
// names the file, line and column; files over the size limit or nested deeper
// than the depth limit are refused before they can exhaust memory or stack.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kagami/core/result.h"

namespace kagami {

using Json = nlohmann::ordered_json;  // keeps key order so save -> load -> save is byte-identical

struct JsonLimits {
  std::size_t max_bytes = 64u << 20;
  int max_depth = 64;
};

struct TextLocation {
  int line = 1;
  int column = 1;
};
// 1-based line and column of a byte offset in text.
TextLocation locate(std::string_view text, std::size_t offset);

// `source_name` is used in messages ("scenes/dome.json:12:5: ...").
Result<Json> parse_json(std::string_view text, std::string_view source_name, JsonLimits limits = {});
Result<Json> load_json_file(const std::filesystem::path& path, JsonLimits limits = {});

// Stable formatting used for every JSON file Kagami writes: 2-space indent, trailing newline.
std::string dump_json(const Json& json);

}  // namespace kagami
