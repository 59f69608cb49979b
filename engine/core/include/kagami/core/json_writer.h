#pragma once
// Writing JSON files people read and diff: floats in their shortest exact form,
// members appended in a fixed order, 2-space indent with arrays of numbers on
// one line. Shared by every file format Kagami writes (scenes, sequences), so
// save -> load -> save gives the same bytes everywhere.
#include <string>

#include "kagami/core/json.h"
#include "kagami/core/math.h"

namespace kagami::json_write {

// The shortest decimal that reads back as the same float ("0.1", not "0.10000000149011612").
Json number(float f);

template <int N>
Json vector(const glm::vec<N, float>& v) {
  Json a = Json::array();
  for (int i = 0; i < N; ++i) a.push_back(number(v[i]));
  return a;
}

// Appends a member whose key the caller knows to be new, without ordered_map's
// linear search (tables may be large).
void add(Json& object, std::string key, Json value);

// The document text: dump_json's layout except that an array of scalars (a
// vector, a colour) stays on one line; ends with a newline.
std::string format(const Json& document);

}  // namespace kagami::json_write
