#pragma once
// The scene's view of the shared located JSON reader (core/json_reader.h): the
// same accessors plus the scene's limits and its value rules (checks.h).
#include "checks.h"
#include "kagami/core/json_reader.h"
#include "kagami/scene/scene.h"

namespace kagami::scene::read {

using json_read::describe;
using json_read::Node;
using json_read::ReadFailure;

class Reader : public json_read::Reader {
 public:
  Reader(const LocatedJson& doc, const SceneLimits& limits)
      : json_read::Reader(doc, {limits.max_string_bytes, limits.max_warnings}), limits_(limits) {}

  const SceneLimits& limits() const { return limits_; }
  // Fails at the issue's field, if there is an issue.
  void check(const Node& at, const checks::MaybeIssue& issue) const {
    if (issue) fail_within(at, issue->field, issue->message);
  }

 private:
  const SceneLimits& limits_;
};

}  // namespace kagami::scene::read
