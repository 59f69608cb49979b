#include "kagami/core/json_reader.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "kagami/core/log.h"

namespace kagami::json_read {

std::string describe(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    case Json::value_t::string: {
      std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
      if (text.size() > 64) text = text.substr(0, 60) + "...\"";
      return text;
    }
    default: return value.dump();
  }
}

void Reader::fail(const Node& at, std::string_view message) const {
  std::string where = doc_.where(doc_.value_location(at.pointer));
  throw ReadFailure{make_error(where, ": ", at.path, at.path.empty() ? "" : ": ", message)};
}

void Reader::fail_at_key(const Node& member, std::string_view message) const {
  std::string where = doc_.where(doc_.key_location(member.pointer));
  throw ReadFailure{make_error(where, ": ", member.path, member.path.empty() ? "" : ": ", message)};
}

void Reader::object(const Node& node, std::initializer_list<std::string_view> known) {
  if (!node.value->is_object()) fail(node, cat("expected an object, got ", describe(*node.value)));
  for (auto it = node.value->begin(); it != node.value->end(); ++it) {
    bool is_known = false;
    for (std::string_view k : known) is_known = is_known || k == it.key();
    if (is_known) continue;
    if (++warnings_ > read_limits_.max_warnings) continue;
    Node member = this->member(node, it.key(), it.value());
    log::warn(doc_.where(doc_.key_location(member.pointer)), ": ", member.path, ": unknown field, ignored");
  }
}

void Reader::map(const Node& node, std::size_t max, std::string_view what) const {
  if (!node.value->is_object()) fail(node, cat("expected an object, got ", describe(*node.value)));
  if (node.value->size() > max) fail(node, cat(node.value->size(), " ", what, ", over the limit of ", max));
}

void Reader::header(const Node& root, std::string_view schema_name, int version_read, std::string_view kind) const {
  Node schema = child(root, "schema");
  if (!schema.value)
    fail(schema, cat("missing: not a Kagami ", kind, " file (expected \"schema\": \"", schema_name, "\")"));
  if (!schema.value->is_string() || schema.value->get_ref<const std::string&>() != schema_name)
    fail(schema, cat("expected \"", schema_name, "\", got ", describe(*schema.value)));
  Node version = required(root, "version");
  if (!version.value->is_number_integer())
    fail(version, cat("expected a whole number, got ", describe(*version.value)));
  bool newer = version.value->is_number_unsigned() ? version.value->get<std::uint64_t>() > std::uint64_t(version_read)
                                                   : version.value->get<std::int64_t>() > version_read;
  if (newer)
    fail(version, cat("version ", version.value->dump(), " is newer than this build of Kagami reads (", version_read,
                      "); update Kagami to open this file"));
  if (version.value->get<std::int64_t>() < 1)
    fail(version, cat("unsupported version ", version.value->dump(), " (this build reads version ", version_read, ")"));
}

void Reader::finish() const {
  if (warnings_ > read_limits_.max_warnings)
    log::warn(doc_.source_name(), ": ", warnings_ - read_limits_.max_warnings, " more unknown fields ignored (",
              warnings_, " in all)");
}

std::size_t Reader::array(const Node& node, std::size_t max, std::string_view what) const {
  if (!node.value->is_array()) fail(node, cat("expected an array, got ", describe(*node.value)));
  if (node.value->size() > max) fail(node, cat(node.value->size(), " ", what, ", over the limit of ", max));
  return node.value->size();
}

Node Reader::child(const Node& object, std::string_view key) const {
  Node n;
  if (object.value && object.value->is_object()) {
    auto it = object.value->find(key);
    if (it != object.value->end()) n.value = &*it;
  }
  n.pointer = json_pointer_append(object.pointer, key);
  n.path = object.path.empty() ? std::string(key) : cat(object.path, ".", key);
  return n;
}

Node Reader::member(const Node& object, std::string_view key, const Json& value) const {
  Node n{&value, json_pointer_append(object.pointer, key), object.path.empty() ? std::string(key) : cat(object.path, ".", key)};
  return n;
}

Node Reader::element(const Node& array, std::size_t index) const {
  Node n;
  if (array.value && array.value->is_array() && index < array.value->size()) n.value = &(*array.value)[index];
  n.pointer = json_pointer_append(array.pointer, index);
  n.path = cat(array.path, "[", index, "]");
  return n;
}

std::optional<Node> Reader::field(const Node& object, std::string_view key) const {
  Node n = child(object, key);
  if (!n.value) return std::nullopt;
  return n;
}

Node Reader::required(const Node& object, std::string_view key) const {
  Node n = child(object, key);
  if (!n.value) fail(n, "missing (required)");
  return n;
}

Node Reader::descend(const Node& from, std::string_view field_path) const {
  Node n = from;
  std::size_t i = 0;
  while (i < field_path.size()) {
    if (field_path[i] == '.') {
      ++i;
    } else if (field_path[i] == '[') {
      std::size_t close = field_path.find(']', i);
      std::size_t index = 0;
      std::from_chars(field_path.data() + i + 1, field_path.data() + close, index);
      n = element(n, index);
      i = close + 1;
    } else {
      std::size_t end = field_path.find_first_of(".[", i);
      if (end == std::string_view::npos) end = field_path.size();
      n = child(n, field_path.substr(i, end - i));
      i = end;
    }
  }
  return n;
}

void Reader::warn(const Node& at, std::string_view message) const {
  log::warn(doc_.where(doc_.value_location(at.pointer)), ": ", at.path, at.path.empty() ? "" : ": ", message);
}

float Reader::number(const Node& node) const {
  if (!node.value->is_number()) fail(node, cat("expected a number, got ", describe(*node.value)));
  // Doubles below FLT_MAX + half an ulp round to a finite float (3.4028235e+38,
  // the shortest form of FLT_MAX, is slightly above FLT_MAX as a double).
  static const double kFloatLimit = double(std::numeric_limits<float>::max()) + std::ldexp(1.0, 103);
  double d = node.value->get<double>();
  if (!std::isfinite(d) || std::abs(d) >= kFloatLimit)
    fail(node, cat("number ", node.value->dump(), " is out of range for a 32-bit float"));
  return static_cast<float>(d);
}

double Reader::real(const Node& node) const {
  if (!node.value->is_number()) fail(node, cat("expected a number, got ", describe(*node.value)));
  double d = node.value->get<double>();
  if (!std::isfinite(d)) fail(node, cat("number ", node.value->dump(), " is not finite"));
  return d;
}

std::uint64_t Reader::whole(const Node& node, std::uint64_t max) const {
  const Json& v = *node.value;
  bool non_negative = v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
  if (!non_negative) fail(node, cat("expected a whole number in [0, ", max, "], got ", describe(v)));
  auto value = v.get<std::uint64_t>();
  if (value > max) fail(node, cat("must be at most ", max, ", got ", value));
  return value;
}

std::int64_t Reader::integer(const Node& node, std::int64_t min, std::int64_t max) const {
  const Json& v = *node.value;
  bool fits = v.is_number_integer() &&
              (!v.is_number_unsigned() || v.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<std::int64_t>::max()));
  if (!fits) fail(node, cat("expected a whole number in [", min, ", ", max, "], got ", describe(v)));
  auto value = v.get<std::int64_t>();
  if (value < min || value > max) fail(node, cat("must be in [", min, ", ", max, "], got ", value));
  return value;
}

bool Reader::boolean(const Node& node) const {
  if (!node.value->is_boolean()) fail(node, cat("expected true or false, got ", describe(*node.value)));
  return node.value->get<bool>();
}

std::string Reader::string(const Node& node) const {
  if (!node.value->is_string()) fail(node, cat("expected a string, got ", describe(*node.value)));
  const auto& s = node.value->get_ref<const std::string&>();
  if (s.size() > read_limits_.max_string_bytes)
    fail(node, cat("string is ", s.size(), " bytes long, over the limit of ", read_limits_.max_string_bytes));
  return s;
}

template <int N>
glm::vec<N, float> Reader::vector(const Node& node) const {
  if (!node.value->is_array() || node.value->size() != std::size_t(N))
    fail(node, cat("expected an array of ", N, " numbers, got ",
                   node.value->is_array() ? cat(node.value->size(), " elements") : describe(*node.value)));
  glm::vec<N, float> v;
  for (int i = 0; i < N; ++i) v[i] = number(element(node, std::size_t(i)));
  return v;
}
template glm::vec<3, float> Reader::vector<3>(const Node&) const;
template glm::vec<4, float> Reader::vector<4>(const Node&) const;

glm::quat Reader::quaternion(const Node& node) const {
  glm::vec4 v = vector<4>(node);
  return glm::quat(v.w, v.x, v.y, v.z);
}

Aabb Reader::aabb(const Node& node) {
  object(node, {"min", "max"});
  Aabb box;
  box.min = vector<3>(required(node, "min"));
  box.max = vector<3>(required(node, "max"));
  return box;
}

void Reader::maybe(const Node& object, std::string_view key, float& out) const {
  if (auto f = field(object, key)) out = number(*f);
}

void Reader::maybe(const Node& object, std::string_view key, bool& out) const {
  if (auto f = field(object, key)) out = boolean(*f);
}

void Reader::maybe(const Node& object, std::string_view key, std::string& out) const {
  if (auto f = field(object, key)) out = string(*f);
}

}  // namespace kagami::json_read
