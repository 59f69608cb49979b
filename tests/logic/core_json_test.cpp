// JSON parsing with limits: errors say file:line:column; hostile nesting and
// oversized files are refused before they can exhaust the stack or memory.
#include "test_scratch.h"
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "kagami/core/file_io.h"
#include "kagami/core/json.h"

namespace kagami {
namespace {

namespace fs = std::filesystem;

using kagami::testing::scratch_folder;

TEST(CoreJson, LocateCountsLinesAndColumnsFromOne) {
  const std::string_view text = "ab\ncd\n\nef";
  auto at = [&](std::size_t offset) {
    TextLocation loc = locate(text, offset);
    return std::pair{loc.line, loc.column};
  };
  EXPECT_EQ(at(0), std::pair(1, 1));
  EXPECT_EQ(at(1), std::pair(1, 2));
  EXPECT_EQ(at(2), std::pair(1, 3));  // the newline itself ends line 1
  EXPECT_EQ(at(3), std::pair(2, 1));
  EXPECT_EQ(at(6), std::pair(3, 1));
  EXPECT_EQ(at(7), std::pair(4, 1));
  EXPECT_EQ(at(8), std::pair(4, 2));
  EXPECT_EQ(at(9), std::pair(4, 3));     // one past the end
  EXPECT_EQ(at(1000), std::pair(4, 3));  // clamped to the end
}

TEST(CoreJson, ParsesValidJson) {
  auto json = parse_json(R"({"name": "dome", "size": [1, 2.5], "on": true})", "scene.json");
  ASSERT_TRUE(json.ok()) << json.error().message;
  EXPECT_EQ((*json)["name"], "dome");
  EXPECT_EQ((*json)["size"][1], 2.5);
  EXPECT_EQ((*json)["on"], true);
}

TEST(CoreJson, SyntaxErrorGivesFileLineColumn) {
  // The stray ']' is on line 3, column 8.
  const std::string text = "{\n  \"a\": 1,\n  \"b\": ]\n}\n";
  auto json = parse_json(text, "scenes/dome.json");
  ASSERT_FALSE(json.ok());
  const std::string& message = json.error().message;
  EXPECT_TRUE(message.starts_with("scenes/dome.json:3:8: ")) << message;
  EXPECT_EQ(message.find("[json.exception"), std::string::npos) << "library prefix kept: " << message;
}

TEST(CoreJson, ErrorAtStartAndAtEnd) {
  auto first = parse_json("x", "a.json");
  ASSERT_FALSE(first.ok());
  EXPECT_TRUE(first.error().message.starts_with("a.json:1:1: ")) << first.error().message;

  // Unterminated object: the error is at the end of the text (line 2, after "1").
  auto last = parse_json("{\"a\":\n1", "b.json");
  ASSERT_FALSE(last.ok());
  EXPECT_TRUE(last.error().message.starts_with("b.json:2:")) << last.error().message;

  auto empty = parse_json("", "c.json");
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(empty.error().message.starts_with("c.json:1:1: ")) << empty.error().message;
}

TEST(CoreJson, DepthLimit) {
  JsonLimits limits;
  limits.max_depth = 4;
  EXPECT_TRUE(parse_json("[[[[1]]]]", "ok.json", limits).ok());
  auto deep = parse_json("[[[\n  [[1]]]]]", "deep.json", limits);
  ASSERT_FALSE(deep.ok());
  // The fifth opening bracket is at line 2, column 4.
  EXPECT_EQ(deep.error().message, "deep.json:2:4: nesting deeper than 4 levels");

  // Brackets inside strings (escaped quotes included) are not nesting.
  EXPECT_TRUE(parse_json(R"({"a": "[[[[[[[[\"{{{{{{"})", "strings.json", limits).ok());

  // The default limit stops a hostile file long before the parser's recursion matters.
  const std::string hostile(100000, '[');
  auto refused = parse_json(hostile, "hostile.json");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "hostile.json:1:65: nesting deeper than 64 levels");
}

TEST(CoreJson, SizeLimit) {
  JsonLimits limits;
  limits.max_bytes = 8;
  EXPECT_TRUE(parse_json("[1,2,3]", "small.json", limits).ok());
  auto big = parse_json("[1,2,3,4]", "big.json", limits);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().message, "big.json: file is 9 bytes, over the limit of 8");
}

TEST(CoreJson, FileLoadingNamesTheFile) {
  const fs::path dir = scratch_folder();
  ASSERT_TRUE(write_file_atomic(dir / "bad.json", std::string_view("{\n  \"a\" 1\n}\n")).ok());
  auto bad = load_json_file(dir / "bad.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.error().message.starts_with((dir / "bad.json").string() + ":2:")) << bad.error().message;

  ASSERT_TRUE(write_file_atomic(dir / "big.json", std::string(100, ' ') + "{}").ok());
  JsonLimits limits;
  limits.max_bytes = 50;
  auto big = load_json_file(dir / "big.json", limits);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().message, (dir / "big.json").string() + ": file is 102 bytes, over the limit of 50");

  auto missing = load_json_file(dir / "missing.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, (dir / "missing.json").string() + ": file not found");
}

TEST(CoreJson, DumpIsStableAndKeepsKeyOrder) {
  const std::string text = "{\n  \"zeta\": 1,\n  \"alpha\": [\n    true,\n    null\n  ],\n  \"mid\": \"x\"\n}\n";
  auto json = parse_json(text, "order.json");
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(dump_json(*json), text);  // load -> save is byte-identical
  auto again = parse_json(dump_json(*json), "order.json");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(dump_json(*again), text);
}

}  // namespace
}  // namespace kagami
