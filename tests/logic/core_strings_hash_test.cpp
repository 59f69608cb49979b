// format_bytes, the small string helpers, and FNV-1a against published vectors.
#include <gtest/gtest.h>

#include <string>

#include "kagami/core/hash.h"
#include "kagami/core/strings.h"

namespace kagami {
namespace {

TEST(CoreStrings, FormatBytes) {
  EXPECT_EQ(format_bytes(0), "0 B");
  EXPECT_EQ(format_bytes(1), "1 B");
  EXPECT_EQ(format_bytes(1023), "1023 B");
  EXPECT_EQ(format_bytes(1024), "1.00 KiB");
  EXPECT_EQ(format_bytes(1536), "1.50 KiB");
  EXPECT_EQ(format_bytes(1024ull * 1024), "1.00 MiB");
  EXPECT_EQ(format_bytes(3ull * 1024 * 1024 + 256 * 1024), "3.25 MiB");
  EXPECT_EQ(format_bytes(5ull << 30), "5.00 GiB");
  EXPECT_EQ(format_bytes(2ull << 40), "2.00 TiB");
  EXPECT_EQ(format_bytes(4096ull << 40), "4096.00 TiB");  // TiB is the largest unit
}

TEST(CoreStrings, CatSplitStartsWith) {
  EXPECT_EQ(cat("file ", std::string("a.json"), ": line ", 3, ' ', 1.5), "file a.json: line 3 1.5");
  EXPECT_EQ(split("a,b,,c", ','), (std::vector<std::string_view>{"a", "b", "", "c"}));
  EXPECT_EQ(split("", ','), (std::vector<std::string_view>{""}));
  EXPECT_EQ(split("a,", ','), (std::vector<std::string_view>{"a", ""}));
}

// Reference values from the FNV specification's test suite (isthe.com/chongo/tech/comp/fnv).
TEST(CoreHash, Fnv1a64KnownVectors) {
  EXPECT_EQ(fnv1a64(std::string_view("")), 0xcbf29ce484222325ull);
  EXPECT_EQ(fnv1a64(std::string_view("a")), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(fnv1a64(std::string_view("foobar")), 0x85944171f73967e8ull);
  static_assert(fnv1a64("a") == 0xaf63dc4c8601ec8cull, "usable at compile time");
}

TEST(CoreHash, SpanAndStringAgreeAndChain) {
  const std::string text = "kagami render graph";
  const std::vector<std::uint8_t> bytes(text.begin(), text.end());
  EXPECT_EQ(fnv1a64(std::span<const std::uint8_t>(bytes)), fnv1a64(std::string_view(text)));
  // Hashing in two pieces, passing the first result on, equals hashing the whole.
  const std::uint64_t first = fnv1a64(std::string_view("kagami "));
  EXPECT_EQ(fnv1a64(std::string_view("render graph"), first), fnv1a64(std::string_view(text)));
  // Bytes with the high bit set are hashed as unsigned.
  const std::vector<std::uint8_t> high = {0xff, 0x80};
  EXPECT_EQ(fnv1a64(std::span<const std::uint8_t>(high)), fnv1a64(std::string_view("\xff\x80")));
  EXPECT_NE(hash_combine(1, 2), hash_combine(2, 1));
}

}  // namespace
}  // namespace kagami
