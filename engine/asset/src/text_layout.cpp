// UTF-8 text to positioned glyph quads: line breaks, word wrap, alignment
// and kerning, all in the caller's pixels.
#include <algorithm>

#include "kagami/asset/font.h"

namespace kagami::asset {

std::vector<char32_t> decode_utf8(std::string_view utf8) {
  std::vector<char32_t> out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
    char32_t cp = length == 1 ? lead : length == 2 ? lead & 0x1f : length == 3 ? lead & 0x0f : lead & 0x07;
    bool valid = length > 0 && i + length <= utf8.size();
    for (int k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(utf8[i + k]);
      valid = (next & 0xc0) == 0x80;
      cp = (cp << 6) | (next & 0x3f);
    }
    // Overlong forms and surrogates are as malformed as a broken byte.
    static constexpr char32_t kMinimum[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (valid && (cp < kMinimum[length] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) valid = false;
    out.push_back(valid ? cp : char32_t(0xfffd));
    i += valid ? std::size_t(length) : 1;
  }
  return out;
}

namespace {

using Run = std::vector<char32_t>;

// Width in atlas pixels of a run drawn on one line.
float run_width(const Font& font, const Run& run) {
  float width = 0.0f;
  for (std::size_t i = 0; i < run.size(); ++i) {
    width += font.glyph(run[i]).advance;
    if (i + 1 < run.size()) width += font.kerning(run[i], run[i + 1]);
  }
  return width;
}

// Splits one paragraph into lines no wider than `wrap` (atlas pixels; 0: no
// limit). A single word wider than the limit gets a line of its own.
std::vector<Run> wrap_paragraph(const Font& font, const Run& paragraph, float wrap) {
  std::vector<Run> lines;
  Run line, word;
  auto flush_word = [&] {
    Run joined = line;
    if (!joined.empty()) joined.push_back(U' ');
    joined.insert(joined.end(), word.begin(), word.end());
    if (wrap > 0.0f && !line.empty() && run_width(font, joined) > wrap) {
      lines.push_back(line);
      line = word;
    } else {
      line = std::move(joined);
    }
    word.clear();
  };
  for (char32_t c : paragraph) {
    if (c == U' ') {
      if (!word.empty()) flush_word();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) flush_word();
  lines.push_back(line);
  return lines;
}

}  // namespace

TextLayout layout_text(const Font& font, std::string_view utf8, float pixel_size, TextAlign align, float wrap_width) {
  const float scale = pixel_size / font.bake_pixels();
  std::vector<Run> lines;
  Run paragraph;
  for (char32_t c : decode_utf8(utf8)) {
    if (c == U'\n') {
      for (Run& l : wrap_paragraph(font, paragraph, wrap_width / scale)) lines.push_back(std::move(l));
      paragraph.clear();
    } else if (c != U'\r') {
      paragraph.push_back(c == U'\t' ? U' ' : c);
    }
  }
  for (Run& l : wrap_paragraph(font, paragraph, wrap_width / scale)) lines.push_back(std::move(l));

  TextLayout layout;
  layout.lines = std::uint32_t(lines.size());
  std::vector<float> widths;
  for (const Run& l : lines) widths.push_back(run_width(font, l) * scale);
  layout.size = {widths.empty() ? 0.0f : *std::max_element(widths.begin(), widths.end()),
                 float(lines.size()) * font.line_height() * scale};
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const float slack = layout.size.x - widths[n];
    glm::vec2 pen(align == TextAlign::left ? 0.0f : align == TextAlign::center ? slack * 0.5f : slack,
                  (font.ascent() + float(n) * font.line_height()) * scale);
    const Run& line = lines[n];
    for (std::size_t i = 0; i < line.size(); ++i) {
      const FontGlyph& g = font.glyph(line[i]);
      if (g.quad_max.x > g.quad_min.x)
        layout.quads.push_back({pen + g.quad_min * scale, pen + g.quad_max * scale, g.uv_min, g.uv_max});
      pen.x += g.advance * scale;
      if (i + 1 < line.size()) pen.x += font.kerning(line[i], line[i + 1]) * scale;
    }
  }
  return layout;
}

}  // namespace kagami::asset
