#pragma once
// Seeded random numbers for the generators. std::mt19937 gives the same raw
// sequence everywhere, but the standard distributions are implementation-defined,
// so the conversions to floats and ranges are our own: the same seed gives the
// same files with any standard library.
#include <cstdint>
#include <random>
#include <string_view>

#include "kagami/core/hash.h"

namespace kagami::gen {

class Rng {
 public:
  explicit Rng(std::uint32_t seed) : gen_(seed) {}
  // A generator for one named stream ("trees", "bicycles"...): adding a stream
  // or drawing more numbers in one never shifts the numbers drawn in another.
  Rng(std::uint32_t seed, std::string_view stream)
      : gen_(std::uint32_t(hash_combine(seed, fnv1a64(stream)) & 0xffffffffu)) {}

  // [0, 1) with 24 bits, exactly representable as a float.
  float unit() { return float(gen_() >> 8) * (1.0f / 16777216.0f); }
  float range(float lo, float hi) { return lo + (hi - lo) * unit(); }
  // Integer in [lo, hi] (inclusive); the modulo bias is irrelevant at these sizes.
  int integer(int lo, int hi) { return lo + int(gen_() % std::uint32_t(hi - lo + 1)); }
  bool chance(float p) { return unit() < p; }
  // Symmetric jitter in [-amount, amount).
  float jitter(float amount) { return range(-amount, amount); }

 private:
  std::mt19937 gen_;
};

}  // namespace kagami::gen
