// core/json_locations, which the scene reader stands on: where every value and
// key of a document starts, by JSON pointer.
#include <gtest/gtest.h>

#include "kagami/core/json_locations.h"

namespace kagami {
namespace {

std::pair<int, int> pair_of(TextLocation loc) { return {loc.line, loc.column}; }

TEST(SceneJsonLocations, EveryValueAndKeyIsLocated) {
  const std::string text =
      "{\n"
      "  \"a\": [1, -2.5e3 , \"x\\\"y\", true, null],\n"
      "  \"b~/c\": {\"d\": false, \"e\": \"\\\\\"}\n"
      "}";
  auto doc = parse_json_located(text, "t.json");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc->json()["a"][1], -2500.0);
  EXPECT_EQ(pair_of(doc->value_location("")), std::pair(1, 1));
  EXPECT_EQ(pair_of(doc->value_location("/a")), std::pair(2, 8));
  EXPECT_EQ(pair_of(doc->key_location("/a")), std::pair(2, 3));
  EXPECT_EQ(pair_of(doc->value_location("/a/0")), std::pair(2, 9));
  EXPECT_EQ(pair_of(doc->value_location("/a/1")), std::pair(2, 12));   // a number: its sign
  EXPECT_EQ(pair_of(doc->value_location("/a/2")), std::pair(2, 21));   // a string with an escaped quote
  EXPECT_EQ(pair_of(doc->value_location("/a/3")), std::pair(2, 29));
  EXPECT_EQ(pair_of(doc->value_location("/a/4")), std::pair(2, 35));
  EXPECT_EQ(pair_of(doc->value_location("/b~0~1c")), std::pair(3, 11));  // "~" and "/" escaped in the pointer
  EXPECT_EQ(pair_of(doc->key_location("/b~0~1c")), std::pair(3, 3));
  EXPECT_EQ(pair_of(doc->value_location("/b~0~1c/d")), std::pair(3, 17));
  EXPECT_EQ(pair_of(doc->value_location("/b~0~1c/e")), std::pair(3, 29));  // a string ending in a backslash
  EXPECT_EQ(doc->value_offset("/a/1"), std::optional<std::size_t>(text.find("-2.5e3")));
  EXPECT_EQ(doc->key_offset("/a/1"), std::nullopt);  // array elements have no key
  EXPECT_EQ(doc->where(doc->value_location("/a")), "t.json:2:8");
}

TEST(SceneJsonLocations, MissingPointersFallBackToTheNearestAncestor) {
  auto doc = parse_json_located("{\"x\": {\n  \"y\": [0, 1]}}", "t.json");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->value_offset("/x/z"), std::nullopt);
  EXPECT_EQ(pair_of(doc->value_location("/x/z/w")), std::pair(1, 7));  // /x
  EXPECT_EQ(pair_of(doc->value_location("/x/y/5")), std::pair(2, 8));  // /x/y
  EXPECT_EQ(pair_of(doc->value_location("/x/y/1")), std::pair(2, 12));
  EXPECT_EQ(pair_of(doc->value_location("not a pointer")), std::pair(1, 1));
  EXPECT_EQ(json_pointer_append("/x", "a/b~c"), "/x/a~1b~0c");
  EXPECT_EQ(json_pointer_append("/x", std::size_t{3}), "/x/3");
}

TEST(SceneJsonLocations, SyntaxErrorsMatchParseJson) {
  // The located parser reports syntax errors exactly as core's parse_json does.
  const char* broken[] = {"", "x", "{\"a\":\n1", "{\n  \"a\": 1,\n  \"b\": ]\n}\n", "[1, 2,]", "{\"a\" 1}",
                          "[\"unterminated]", "[1] 2", "{\"a\": tru}"};
  for (const char* text : broken) {
    auto located = parse_json_located(text, "f.json");
    auto plain = parse_json(text, "f.json");
    ASSERT_FALSE(located.ok()) << text;
    ASSERT_FALSE(plain.ok()) << text;
    EXPECT_EQ(located.error().message, plain.error().message) << text;
  }
}

TEST(SceneJsonLocations, LimitsAndDuplicateKeys) {
  JsonLimits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(parse_json_located("[[[1]]]", "d.json", limits).ok());
  auto deep = parse_json_located("[[\n [[1]]]]", "d.json", limits);
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.error().message, "d.json:2:3: nesting deeper than 3 levels");

  limits = {};
  limits.max_bytes = 4;
  auto big = parse_json_located("[1, 2]", "b.json", limits);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().message, "b.json: file is 6 bytes, over the limit of 4");

  auto dup = parse_json_located("{\"k\": 1,\n \"k\": 2}", "k.json");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().message, "k.json:2:2: duplicate key \"k\"");
}

TEST(SceneJsonLocations, LargeObjectsKeepTheirOrder) {
  // Objects are built by appending (no per-key search); order and lookups still work.
  std::string text = "{";
  for (int i = 0; i < 20000; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  text += "}";
  auto doc = parse_json_located(text, "big.json");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  ASSERT_EQ(doc->json().size(), 20000u);
  EXPECT_EQ(doc->json().begin().key(), "k0");
  EXPECT_EQ(doc->json()["k19999"], 19999);
  EXPECT_EQ(doc->value_offset("/k12345"), std::optional<std::size_t>(text.find("\"k12345\"") + 9));
}

}  // namespace
}  // namespace kagami
