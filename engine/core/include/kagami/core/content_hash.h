#pragma once
// A fast 64-bit hash for content addressing and integrity checks over large
// byte ranges (cooked files, the files a model references).
//
// Why not fnv1a64 (hash.h)? FNV-1a consumes one byte per multiply, about
// 1 GB/s: checking a cooked file's checksum on every load would cost more
// than reading it. This is the XXH64 algorithm (Yann Collet's xxHash, written
// here from its published specification, so values match the reference
// implementation and `xxhsum -H1`): 32 bytes per step in four independent
// lanes, an order of magnitude faster, and with full avalanche on every input
// bit. Like FNV it is not a cryptographic hash: it detects change and damage,
// it does not resist an attacker crafting collisions.
#include <cstdint>
#include <span>
#include <string_view>

namespace kagami {

std::uint64_t content_hash64(std::span<const std::uint8_t> bytes, std::uint64_t seed = 0);

inline std::uint64_t content_hash64(std::string_view text, std::uint64_t seed = 0) {
  return content_hash64(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()),
                        seed);
}

}  // namespace kagami
