// find_referenced_files: what a model file names, read from the file itself so
// the cache can judge a slot without running the (slow, forked) import.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "kagami/asset/asset_cache.h"
#include "kagami/core/file_io.h"
#include "kagami/core/json.h"

namespace kagami::asset {
namespace fs = std::filesystem;
namespace {

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// glTF URIs are RFC 3986 references: "%20" is a space. A malformed escape is kept as written.
std::string percent_decode(std::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += char(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

class Collector {
 public:
  explicit Collector(fs::path folder) : folder_(std::move(folder)) {}
  void add(std::string written, const fs::path& relative_to) {
    std::replace(written.begin(), written.end(), '\\', '/');
    if (written.empty()) return;
    const fs::path p(written);
    const fs::path resolved = (p.is_absolute() ? p : relative_to / p).lexically_normal();
    if (std::find(files_.begin(), files_.end(), resolved) == files_.end()) files_.push_back(resolved);
  }
  void add(std::string written) { add(std::move(written), folder_); }
  std::vector<fs::path> take() { return std::move(files_); }

 private:
  fs::path folder_;
  std::vector<fs::path> files_;
};

void collect_gltf_uris(const Json& json, Collector& out) {
  if (!json.is_object()) return;
  for (const char* key : {"buffers", "images"}) {
    const auto it = json.find(key);
    if (it == json.end() || !it->is_array()) continue;
    for (const Json& entry : *it) {
      if (!entry.is_object()) continue;
      const auto uri = entry.find("uri");
      if (uri == entry.end() || !uri->is_string()) continue;
      const std::string& text = uri->get_ref<const std::string&>();
      // Embedded data and remote resources are not files next to the model.
      if (text.starts_with("data:") || text.find("://") != std::string::npos) continue;
      out.add(percent_decode(text));
    }
  }
}

// The JSON chunk of a binary glTF (header: magic, version, length; then chunks
// of length, type, data). Anything malformed yields no text: the import will
// say what is wrong, and the file is still hashed.
std::string_view glb_json_chunk(std::span<const std::uint8_t> bytes) {
  std::uint32_t words[5];
  if (bytes.size() < sizeof words) return {};
  std::memcpy(words, bytes.data(), sizeof words);
  if (words[0] != 0x46546C67u || words[4] != 0x4E4F534Au) return {};  // "glTF", "JSON"
  if (words[3] > bytes.size() - sizeof words) return {};
  return {reinterpret_cast<const char*>(bytes.data()) + sizeof words, words[3]};
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Lines of text with their first word split off.
template <typename F>
void for_each_line(std::string_view text, F&& f) {
  for (std::string_view line : split(text, '\n')) {
    line = trim(line);
    const std::size_t space = line.find_first_of(" \t");
    if (space == std::string_view::npos) continue;
    f(line.substr(0, space), trim(line.substr(space)));
  }
}

void collect_obj(const fs::path& source, std::span<const std::uint8_t> bytes, Collector& out) {
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  std::vector<std::string> libraries;
  // Assimp reads the rest of an mtllib line as one file name; so do we.
  for_each_line(text, [&](std::string_view word, std::string_view rest) {
    if (word == "mtllib") libraries.emplace_back(rest);
  });
  for (const std::string& library : libraries) {
    out.add(library);
    std::string written = library;
    std::replace(written.begin(), written.end(), '\\', '/');
    const fs::path mtl = (source.parent_path() / written).lexically_normal();
    auto mtl_text = read_file_text(mtl);
    if (!mtl_text) continue;  // recorded as missing; the import reports it if it matters
    for_each_line(*mtl_text, [&](std::string_view word, std::string_view rest) {
      const bool map = word.starts_with("map_") || word == "bump" || word == "disp" || word == "decal" ||
                       word == "refl" || word == "norm";
      if (!map) return;
      // Options (-bm 1, -s 1 1 1, ...) come first; the file name is the last word.
      const std::size_t last = rest.find_last_of(" \t");
      out.add(std::string(last == std::string_view::npos ? rest : rest.substr(last + 1)), source.parent_path());
    });
  }
}

}  // namespace

Result<std::vector<fs::path>> find_referenced_files(const fs::path& source, std::span<const std::uint8_t> source_bytes) {
  Collector out(source.parent_path());
  const std::string ext = lower_extension(source);
  if (ext == ".gltf" || ext == ".glb") {
    std::string_view text = ext == ".glb" ? glb_json_chunk(source_bytes)
                                          : std::string_view(reinterpret_cast<const char*>(source_bytes.data()),
                                                             source_bytes.size());
    if (!text.empty()) {
      // The import's own file size limit, not the 64 MiB default for our JSON
      // files: a .gltf may carry its buffers inline as base64.
      auto json = parse_json(text, source.string(), JsonLimits{.max_bytes = ImportLimits{}.max_file_bytes});
      if (!json) return json.error();
      collect_gltf_uris(*json, out);
    }
  } else if (ext == ".obj") {
    collect_obj(source, source_bytes, out);
  }
  return out.take();
}

}  // namespace kagami::asset
