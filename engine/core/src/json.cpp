#include "kagami/core/json.h"

#include "kagami/core/file_io.h"

namespace kagami {

TextLocation locate(std::string_view text, std::size_t offset) {
  TextLocation loc;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

Result<Json> parse_json(std::string_view text, std::string_view source_name, JsonLimits limits) {
  if (text.size() > limits.max_bytes)
    return make_error(source_name, ": file is ", text.size(), " bytes, over the limit of ", limits.max_bytes);

  // nlohmann's parser recurses per nesting level and its callback cannot abort,
  // so nesting is measured by a pre-scan before a hostile file can exhaust the stack.
  bool too_deep = false;
  std::size_t deep_offset = 0;
  try {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (in_string) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      else if (c == '{' || c == '[') {
        if (++depth > limits.max_depth) {
          too_deep = true;
          deep_offset = i;
          break;
        }
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
    if (too_deep) {
      auto loc = locate(text, deep_offset);
      return make_error(source_name, ":", loc.line, ":", loc.column, ": nesting deeper than ", limits.max_depth,
                        " levels");
    }
    return Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    auto loc = locate(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string what = e.what();
    // nlohmann prefixes "[json.exception.parse_error.101] parse error at line X, column Y: "; keep the reason.
    auto colon = what.find(": ");
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    return make_error(source_name, ":", loc.line, ":", loc.column, ": ", reason);
  }
}

Result<Json> load_json_file(const std::filesystem::path& path, JsonLimits limits) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes)
    return make_error(path.string(), ": file is ", size, " bytes, over the limit of ", limits.max_bytes);
  auto text = read_file_text(path);
  if (!text) return text.error();
  return parse_json(*text, path.string(), limits);
}

std::string dump_json(const Json& json) { return json.dump(2) + "\n"; }

}  // namespace kagami
