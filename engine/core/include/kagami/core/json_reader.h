#pragma once
// Typed, located reading of a JSON document: each accessor either returns the
// value or fails with "file:line:column: field.path: what is wrong". Failures
// unwind as a ReadFailure exception that a format's parse function catches and
// turns into a Result, which keeps each reader as linear as the format it reads.
// Shared by every file format Kagami reads (scenes, sequences).
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "kagami/core/json_locations.h"
#include "kagami/core/math.h"

namespace kagami::json_read {

struct ReadFailure {
  Error error;
};

// Limits a reader enforces beyond JsonLimits (those apply while parsing).
struct ReadLimits {
  std::size_t max_string_bytes = 4096;
  std::size_t max_warnings = 50;  // unknown-field warnings logged one by one
};

// A value in the document with its JSON pointer (to locate it) and its field
// path for people ("entities[3].light.type"; "" for the root).
struct Node {
  const Json* value = nullptr;  // nullptr for a field that is not there
  std::string pointer;
  std::string path;
};

// "a string "lamp"", "3.5", "an array": what a wrong value was, for messages.
std::string describe(const Json& value);

class Reader {
 public:
  Reader(const LocatedJson& doc, ReadLimits limits) : doc_(doc), read_limits_(limits) {}

  Node root() const { return Node{&doc_.json(), "", ""}; }
  const LocatedJson& document() const { return doc_; }

  [[noreturn]] void fail(const Node& at, std::string_view message) const;
  [[noreturn]] void fail_at_key(const Node& member, std::string_view message) const;
  // Fails at a field below `at` given by a relative path ("bounds.max").
  [[noreturn]] void fail_within(const Node& at, std::string_view field_path, std::string_view message) const {
    fail(descend(at, field_path), message);
  }
  // Logs a warning located at `at` ("file:line:column: path: message").
  void warn(const Node& at, std::string_view message) const;

  // Checks that `node` is an object and warns about each key not in `known`.
  void object(const Node& node, std::initializer_list<std::string_view> known);
  // Checks that `node` is an object whose keys are data (asset ids, parameter names).
  void map(const Node& node, std::size_t max, std::string_view what) const;
  // Checks that `node` is an array of at most `max` elements; returns its size.
  std::size_t array(const Node& node, std::size_t max, std::string_view what) const;

  Node child(const Node& object, std::string_view key) const;  // value may be nullptr
  // A member found by iterating `object` (no lookup: large maps stay linear).
  Node member(const Node& object, std::string_view key, const Json& value) const;
  Node element(const Node& array, std::size_t index) const;
  std::optional<Node> field(const Node& object, std::string_view key) const;
  Node required(const Node& object, std::string_view key) const;  // fails "missing"
  // Follows a relative field path ("bounds.max", "material_overrides[2].roughness").
  Node descend(const Node& from, std::string_view field_path) const;

  float number(const Node& node) const;  // any JSON number that fits a float
  double real(const Node& node) const;   // any finite JSON number
  std::uint64_t whole(const Node& node, std::uint64_t max) const;  // integer in [0, max]
  std::int64_t integer(const Node& node, std::int64_t min, std::int64_t max) const;
  bool boolean(const Node& node) const;
  std::string string(const Node& node) const;  // length-limited
  template <int N>
  glm::vec<N, float> vector(const Node& node) const;
  glm::quat quaternion(const Node& node) const;  // [x, y, z, w]
  Aabb aabb(const Node& node);

  // Optional fields: leave `out` as it is when the field is absent.
  void maybe(const Node& object, std::string_view key, float& out) const;
  void maybe(const Node& object, std::string_view key, bool& out) const;
  void maybe(const Node& object, std::string_view key, std::string& out) const;
  template <int N>
  void maybe(const Node& object, std::string_view key, glm::vec<N, float>& out) const {
    if (auto f = field(object, key)) out = vector<N>(*f);
  }

  // A file's "schema" and "version", checked before anything else: nothing
  // else is worth reporting about a file that is not of this kind ("scene",
  // "sequence"), or one written by a newer Kagami.
  void header(const Node& root, std::string_view schema, int version, std::string_view kind) const;

  // Logs how many unknown-field warnings were not shown one by one.
  void finish() const;

 private:
  const LocatedJson& doc_;
  ReadLimits read_limits_;
  std::size_t warnings_ = 0;
};

// A string naming one of `all` (each named by to_string, found by argument-dependent lookup).
template <typename Enum>
Enum read_enum(const Reader& r, const Node& node, std::optional<Enum> (*parse)(std::string_view),
               std::initializer_list<Enum> all) {
  std::optional<Enum> value;
  if (node.value->is_string()) value = parse(node.value->template get_ref<const std::string&>());
  if (!value) {
    std::string names;
    for (Enum e : all) names += cat(names.empty() ? "" : ", ", to_string(e));
    r.fail(node, cat("expected one of ", names, ", got ", describe(*node.value)));
  }
  return *value;
}

}  // namespace kagami::json_read
