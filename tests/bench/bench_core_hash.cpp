// Hash throughput over 1 MiB: why cooked files and the cache use content_hash64
// (XXH64) rather than fnv1a64 for bulk bytes.
//   core/content_hash64/1MiB   core/fnv1a64/1MiB
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "kagami/core/content_hash.h"
#include "kagami/core/hash.h"

namespace {

std::vector<std::uint8_t> megabyte() {
  std::vector<std::uint8_t> bytes(1u << 20);
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = std::uint8_t(i * 2654435761u >> 13);
  return bytes;
}

void content_hash64_1mib(benchmark::State& state) {
  const std::vector<std::uint8_t> bytes = megabyte();
  for (auto _ : state) benchmark::DoNotOptimize(kagami::content_hash64(bytes));
  state.SetBytesProcessed(std::int64_t(state.iterations() * bytes.size()));
}
BENCHMARK(content_hash64_1mib)->Name("core/content_hash64/1MiB");

void fnv1a64_1mib(benchmark::State& state) {
  const std::vector<std::uint8_t> bytes = megabyte();
  for (auto _ : state) benchmark::DoNotOptimize(kagami::fnv1a64(std::span<const std::uint8_t>(bytes)));
  state.SetBytesProcessed(std::int64_t(state.iterations() * bytes.size()));
}
BENCHMARK(fnv1a64_1mib)->Name("core/fnv1a64/1MiB");

}  // namespace
