#include "kagami/core/json_writer.h"

#include <charconv>

namespace kagami::json_write {
namespace {

bool all_scalars(const Json& array) {
  for (const Json& v : array)
    if (v.is_structured()) return false;
  return true;
}

// dump_json's layout (2-space indent) except that an array of numbers, a
// vector or a colour, stays on one line: [0.0, 8.5, 0.0]. Scalars are dumped
// by nlohmann, so numbers keep its shortest round-trip form.
void pretty(const Json& value, int indent, std::string& out) {
  auto dump_scalar = [&](const Json& v) { out += v.dump(-1, ' ', false, Json::error_handler_t::replace); };
  const std::string pad(std::size_t(indent + 2), ' ');
  if (value.is_object()) {
    if (value.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      out += first ? "" : ",\n";
      first = false;
      out += pad;
      dump_scalar(Json(it.key()));
      out += ": ";
      pretty(it.value(), indent + 2, out);
    }
    out += "\n" + std::string(std::size_t(indent), ' ') + "}";
  } else if (value.is_array()) {
    if (value.empty()) {
      out += "[]";
    } else if (all_scalars(value)) {
      out += "[";
      for (std::size_t i = 0; i < value.size(); ++i) {
        out += i ? ", " : "";
        dump_scalar(value[i]);
      }
      out += "]";
    } else {
      out += "[\n";
      for (std::size_t i = 0; i < value.size(); ++i) {
        out += i ? ",\n" : "";
        out += pad;
        pretty(value[i], indent + 2, out);
      }
      out += "\n" + std::string(std::size_t(indent), ' ') + "]";
    }
  } else {
    dump_scalar(value);
  }
}

}  // namespace

// The shortest decimal that reads back as the same float ("0.1", not
// "0.10000000149011612"). Reading goes decimal -> double -> float, which can
// round differently from decimal -> float in rare cases; then the float's exact
// double value is written instead, which always reads back exactly.
Json number(float f) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, f);
  double d = static_cast<double>(f);
  if (ec == std::errc()) {
    double shortest = 0.0;
    auto parsed = std::from_chars(buffer, end, shortest);
    if (parsed.ec == std::errc() && static_cast<float>(shortest) == f) d = shortest;
  }
  return Json(d);
}

// Keys are unique by construction: append without ordered_map's linear search
// (the asset table may be large).
void add(Json& object, std::string key, Json value) {
  auto& members = static_cast<Json::object_t::Container&>(*object.get_ptr<Json::object_t*>());
  members.emplace_back(std::move(key), std::move(value));
}

std::string format(const Json& document) {
  std::string text;
  pretty(document, 0, text);
  return text + "\n";
}

}  // namespace kagami::json_write
