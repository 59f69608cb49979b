#include "kagami/asset/font.h"

#include <algorithm>
#include <cstring>

#include "kagami/core/file_io.h"

// stb_truetype compiled here only, with internal linkage: libimgui carries its
// own copy and the two must not meet at link time.
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_truetype.h>

namespace kagami::asset {

struct Font::Face {
  std::vector<std::uint8_t> bytes;  // stbtt_fontinfo points into these
  stbtt_fontinfo info{};
  float scale = 1.0f;
  std::unordered_map<char32_t, int> glyph_index;
};

namespace {

// Distance-field spread on each side of an edge, in atlas pixels: wide enough
// for an outline and a soft shadow at subtitle sizes.
constexpr int kSpread = 6;
constexpr std::uint32_t kAtlasWidth = 1024;

std::vector<char32_t> baked_codepoints() {
  std::vector<char32_t> out;
  for (char32_t c = 0x20; c < 0x7f; ++c) out.push_back(c);
  for (char32_t c = 0xa0; c <= 0xff; ++c) out.push_back(c);
  for (char32_t c : {0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x00b7, 0x2022, 0x266a, 0xfffd})
    out.push_back(c);
  return out;
}

struct Bitmap {
  char32_t codepoint;
  int width = 0, height = 0, xoff = 0, yoff = 0;
  std::vector<std::uint8_t> pixels;
};

}  // namespace

Font::Font(Font&&) noexcept = default;
Font& Font::operator=(Font&&) noexcept = default;
Font::~Font() = default;

Result<Font> Font::load(const std::filesystem::path& ttf, float bake_pixels) {
  auto bytes = read_file_bytes(ttf);
  if (!bytes) return bytes.error();
  Font font;
  font.face_ = std::make_unique<Face>();
  Face& face = *font.face_;
  face.bytes = std::move(*bytes);
  const int offset = stbtt_GetFontOffsetForIndex(face.bytes.data(), 0);
  if (offset < 0 || !stbtt_InitFont(&face.info, face.bytes.data(), offset))
    return make_error(ttf.string(), ": not a TrueType/OpenType font");
  face.scale = stbtt_ScaleForPixelHeight(&face.info, bake_pixels);
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(&face.info, &ascent, &descent, &gap);
  font.bake_pixels_ = bake_pixels;
  font.ascent_ = float(ascent) * face.scale;
  font.line_height_ = float(ascent - descent + gap) * face.scale;
  font.sdf_spread_ = float(kSpread);

  std::vector<Bitmap> bitmaps;
  for (char32_t cp : baked_codepoints()) {
    const int index = stbtt_FindGlyphIndex(&face.info, int(cp));
    if (index == 0 && cp != '?') continue;  // the font lacks it: '?' stands in
    face.glyph_index[cp] = index;
    int advance = 0, lsb = 0;
    stbtt_GetGlyphHMetrics(&face.info, index, &advance, &lsb);
    font.glyphs_[cp].advance = float(advance) * face.scale;
    Bitmap b{cp};
    unsigned char* sdf = stbtt_GetGlyphSDF(&face.info, face.scale, index, kSpread, 128, 128.0f / kSpread, &b.width,
                                           &b.height, &b.xoff, &b.yoff);
    if (!sdf) continue;  // nothing to draw (a space)
    b.pixels.assign(sdf, sdf + std::size_t(b.width) * b.height);
    stbtt_FreeSDF(sdf, nullptr);
    bitmaps.push_back(std::move(b));
  }
  if (!font.glyphs_.count('?')) return make_error(ttf.string(), ": the font has no '?' glyph to stand in for others");

  // Shelf packing, tallest first: rows of similar height waste little.
  std::sort(bitmaps.begin(), bitmaps.end(), [](const Bitmap& a, const Bitmap& b) {
    return a.height != b.height ? a.height > b.height : a.codepoint < b.codepoint;
  });
  struct Place { int x, y; };
  std::vector<Place> places(bitmaps.size());
  int x = 1, y = 1, row = 0;
  for (std::size_t i = 0; i < bitmaps.size(); ++i) {
    if (x + bitmaps[i].width + 1 > int(kAtlasWidth)) {
      x = 1;
      y += row + 1;
      row = 0;
    }
    places[i] = {x, y};
    x += bitmaps[i].width + 1;
    row = std::max(row, bitmaps[i].height);
  }
  std::uint32_t height = 64;
  while (height < std::uint32_t(y + row + 1)) height *= 2;
  font.atlas_width_ = kAtlasWidth;
  font.atlas_height_ = height;
  font.atlas_.assign(std::size_t(kAtlasWidth) * height, 0);
  for (std::size_t i = 0; i < bitmaps.size(); ++i) {
    const Bitmap& b = bitmaps[i];
    for (int r = 0; r < b.height; ++r)
      std::memcpy(&font.atlas_[std::size_t(places[i].y + r) * kAtlasWidth + places[i].x], &b.pixels[std::size_t(r) * b.width],
                  std::size_t(b.width));
    FontGlyph& g = font.glyphs_[b.codepoint];
    g.quad_min = {float(b.xoff), float(b.yoff)};
    g.quad_max = {float(b.xoff + b.width), float(b.yoff + b.height)};
    const glm::vec2 atlas_size{float(kAtlasWidth), float(height)};
    g.uv_min = glm::vec2(float(places[i].x), float(places[i].y)) / atlas_size;
    g.uv_max = glm::vec2(float(places[i].x + b.width), float(places[i].y + b.height)) / atlas_size;
  }
  return font;
}

const FontGlyph& Font::glyph(char32_t codepoint) const {
  auto it = glyphs_.find(codepoint);
  return it != glyphs_.end() ? it->second : glyphs_.at('?');
}

float Font::kerning(char32_t left, char32_t right) const {
  auto a = face_->glyph_index.find(left);
  auto b = face_->glyph_index.find(right);
  if (a == face_->glyph_index.end() || b == face_->glyph_index.end()) return 0.0f;
  return float(stbtt_GetGlyphKernAdvance(&face_->info, a->second, b->second)) * face_->scale;
}

}  // namespace kagami::asset
