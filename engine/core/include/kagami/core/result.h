#pragma once
// Result-style returns for recoverable work (loading, parsing, streaming).
// Programmer bugs use assert; Vulkan failures that can really happen use the
// always-on checks in gpu. Everything a user can cause by handing us a bad file
// comes back as an Error whose message names the file and what is wrong.
#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "kagami/core/strings.h"

namespace kagami {

struct Error {
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { assert(!ok()); return *error_; }

 private:
  std::optional<Error> error_;
};

// make_error("scene.json:3:7: field \"mesh\": expected a string")
template <typename... Args>
Error make_error(const Args&... parts) { return Error{cat(parts...)}; }

}  // namespace kagami
