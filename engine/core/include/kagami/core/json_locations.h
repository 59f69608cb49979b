#pragma once
// JSON with source locations. A file a user wrote deserves errors that point at
// the value that is wrong ("scenes/dome.json:12:17: entities[3].light.type: ..."),
// not only at syntax errors. parse_json_located builds the document through
// nlohmann's SAX interface and records where every value (and every object
// member's key) starts, so a reader that finds a semantic problem can name the
// line and column of any value by its JSON pointer (RFC 6901).
//
// Beyond parse_json it also refuses duplicate keys in an object (nlohmann would
// silently keep one of them) and builds objects in linear time: ordered_json's
// own insertion searches every existing key, which a hostile file with one huge
// object would turn into a quadratic parse.
//
// Locations are stored per value in document (pre-)order, 12 bytes a value, not
// as a map of pointer strings: a 64 MiB file can hold tens of millions of values.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kagami/core/json.h"
#include "kagami/core/result.h"

namespace kagami {

class LocatedJson {
 public:
  const Json& json() const { return json_; }
  const std::string& source_name() const { return source_name_; }

  // Byte offset where the value at `pointer` starts ("" is the root document,
  // "/entities/3/light/type" a member of an element). nullopt when no such value.
  std::optional<std::size_t> value_offset(std::string_view pointer) const;
  // Byte offset of the key naming the object member at `pointer` (its opening quote).
  // nullopt when `pointer` does not exist or is not an object member.
  std::optional<std::size_t> key_offset(std::string_view pointer) const;

  // Line and column of the value at `pointer`; for a pointer that does not exist
  // (a missing field), the location of its nearest existing ancestor.
  TextLocation value_location(std::string_view pointer) const;
  // Line and column of a member's key, falling back to value_location.
  TextLocation key_location(std::string_view pointer) const;
  TextLocation location_of_offset(std::size_t offset) const;

  // "source:line:column", the prefix of every message about this document.
  std::string where(TextLocation location) const;

 private:
  friend class LocatingSaxParser;
  friend Result<LocatedJson> parse_json_located(std::string_view, std::string_view, JsonLimits);
  struct Found {
    std::uint32_t index = 0;  // pre-order index of the deepest value reached
    bool complete = false;    // the whole pointer was resolved
  };
  Found resolve(std::string_view pointer) const;

  Json json_;
  std::string source_name_;
  // Per value in pre-order: where it starts, the byte offset of its key (or
  // kNoKey for array elements and the root), and the number of values in its
  // subtree including itself (to step over siblings when resolving a pointer).
  std::vector<std::uint32_t> value_offsets_;
  std::vector<std::uint32_t> key_offsets_;
  std::vector<std::uint32_t> subtree_sizes_;
  std::vector<std::size_t> line_starts_;  // byte offset of each line's first character
  static constexpr std::uint32_t kNoKey = 0xffffffffu;
};

// Same limits and the same messages as parse_json ("source:line:column: reason").
Result<LocatedJson> parse_json_located(std::string_view text, std::string_view source_name, JsonLimits limits = {});
// Checks the size on disk before reading; messages name the path as given.
Result<LocatedJson> load_json_located(const std::filesystem::path& path, JsonLimits limits = {});

// JSON pointer building: appends "/" and the reference token, escaping '~' and '/'.
std::string json_pointer_append(std::string_view parent, std::string_view key);
std::string json_pointer_append(std::string_view parent, std::size_t index);

}  // namespace kagami
