#pragma once
#include <cstdint>
#include <span>
#include <string_view>

namespace kagami {

// 64-bit FNV-1a: stable across runs and machines, used for content hashes and
// resource-name keys. Not for security.
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h = kFnvOffset) {
  for (unsigned char c : bytes) { h ^= c; h *= 0x100000001b3ull; }
  return h;
}
std::uint64_t fnv1a64(std::span<const std::uint8_t> bytes, std::uint64_t h = kFnvOffset);

inline std::uint64_t hash_combine(std::uint64_t a, std::uint64_t b) {
  return a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
}

}  // namespace kagami
