// Engine text: the baked font and the layout behind subtitles, the title card
// and credits.
#include <gtest/gtest.h>

#include <fstream>

#include "kagami/asset/font.h"
#include "test_scratch.h"

namespace kagami::asset {
namespace {

const Font& dejavu() {
  static Font font = [] {
    auto loaded = Font::load(kDefaultFontPath);
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return std::move(*loaded);
  }();
  return font;
}

TEST(Font, BakesAnAtlasWithEveryPrintableGlyph) {
  const Font& font = dejavu();
  EXPECT_EQ(font.atlas().size(), std::size_t(font.atlas_width()) * font.atlas_height());
  for (char32_t c : {U'A', U'g', U'?', U'é', U'…', U'—'}) {
    const FontGlyph& g = font.glyph(c);
    EXPECT_GT(g.advance, 0.0f) << std::uint32_t(c);
    EXPECT_LT(g.quad_min.x, g.quad_max.x) << std::uint32_t(c);
    EXPECT_LT(g.uv_min.y, g.uv_max.y) << std::uint32_t(c);
  }
  const FontGlyph& a = font.glyph(U'A');
  EXPECT_EQ(font.glyph(U' ').quad_max, font.glyph(U' ').quad_min);
  EXPECT_GT(a.advance, font.glyph(U'i').advance);
  EXPECT_GT(font.line_height(), font.ascent());
}

TEST(Font, MissingGlyphsDrawAsTheQuestionMark) {
  const Font& font = dejavu();
  EXPECT_EQ(&font.glyph(U'\u4e00'), &font.glyph(U'?'));
}

TEST(Font, BadFilesAreErrorsNamingTheFile) {
  auto missing = Font::load("/nonexistent/font.ttf");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("/nonexistent/font.ttf"), std::string::npos);

  const auto path = testing::scratch_folder() / "not_a_font.ttf";
  std::ofstream(path) << "this is not a font at all, just some text\n";
  auto garbage = Font::load(path);
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.error().message.find("not_a_font.ttf"), std::string::npos);
}

TEST(TextLayout, WidthIsTheSumOfAdvancesAndKerningAtTheRequestedSize) {
  const Font& font = dejavu();
  const float scale = 24.0f / font.bake_pixels();
  TextLayout layout = layout_text(font, "Hello", 24.0f);
  float expected = 0.0f;
  const char32_t word[] = U"Hello";
  for (int i = 0; i < 5; ++i) expected += font.glyph(word[i]).advance + (i < 4 ? font.kerning(word[i], word[i + 1]) : 0.0f);
  EXPECT_NEAR(layout.size.x, expected * scale, 1e-3f);
  EXPECT_EQ(layout.lines, 1u);
  EXPECT_EQ(layout.quads.size(), 5u);
  EXPECT_NEAR(layout.size.y, font.line_height() * scale, 1e-3f);
}

TEST(TextLayout, LineBreaksAndWrapKeepEveryLineInsideTheWidth) {
  const Font& font = dejavu();
  TextLayout two = layout_text(font, "first\nsecond", 20.0f);
  EXPECT_EQ(two.lines, 2u);

  const std::string sentence = "the snow keeps falling on the bridge over the canal tonight";
  TextLayout unwrapped = layout_text(font, sentence, 20.0f);
  const float wrap = unwrapped.size.x / 2.5f;
  TextLayout wrapped = layout_text(font, sentence, 20.0f, TextAlign::left, wrap);
  EXPECT_GE(wrapped.lines, 3u);
  EXPECT_LE(wrapped.size.x, wrap + 1e-3f);
  for (const TextQuad& q : wrapped.quads) EXPECT_LE(q.max.x, wrap + 4.0f);  // glyph ink may overhang its advance slightly
  // Words are never split: the glyph count (no spaces) is unchanged.
  EXPECT_EQ(wrapped.quads.size(), unwrapped.quads.size());
}

TEST(TextLayout, CentredLinesShareACentre) {
  const Font& font = dejavu();
  TextLayout layout = layout_text(font, "a much longer first line\nshort", 30.0f, TextAlign::center);
  ASSERT_EQ(layout.lines, 2u);
  // The second line's quads are the last five ("short").
  const auto& q = layout.quads;
  const float second_centre = (q[q.size() - 5].min.x + q.back().max.x) * 0.5f;
  EXPECT_NEAR(second_centre, layout.size.x * 0.5f, 30.0f * 0.1f);
}

TEST(Utf8, DecodesAndReplacesMalformedBytes) {
  EXPECT_EQ(decode_utf8("a\xc3\xa9"), (std::vector<char32_t>{U'a', U'\u00e9'}));
  EXPECT_EQ(decode_utf8("\xe2\x80\xa6"), (std::vector<char32_t>{U'\u2026'}));
  EXPECT_EQ(decode_utf8("\xff"), (std::vector<char32_t>{U'\ufffd'}));
  EXPECT_EQ(decode_utf8("\xc0\xaf"), (std::vector<char32_t>{U'\ufffd', U'\ufffd'}));  // overlong '/'
  EXPECT_EQ(decode_utf8("\xe2\x80"), (std::vector<char32_t>{U'\ufffd', U'\ufffd'}));  // cut short
}

}  // namespace
}  // namespace kagami::asset
