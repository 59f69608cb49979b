#pragma once
// Fonts for what the engine writes on screen (subtitles, title card, credits,
// overlays): a TrueType file baked once into a signed-distance-field atlas,
// so one atlas draws crisp text at any size, with outlines and shadows, and
// a layout that turns UTF-8 into positioned quads. Pure CPU work.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kagami/core/math.h"
#include "kagami/core/result.h"

namespace kagami::asset {

// The font every engine text uses: Debian's fonts-dejavu-core.
inline constexpr const char* kDefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

struct FontGlyph {
  glm::vec2 uv_min{0.0f}, uv_max{0.0f};  // in the atlas
  // The glyph's quad relative to the pen on the baseline, in atlas pixels
  // (y down); zero-sized for spaces.
  glm::vec2 quad_min{0.0f}, quad_max{0.0f};
  float advance = 0.0f;  // atlas pixels
};

class Font {
 public:
  // Bakes the printable ASCII and Latin-1 ranges plus common punctuation
  // (dashes, curly quotes, ellipsis) at `bake_pixels` per em.
  static Result<Font> load(const std::filesystem::path& ttf, float bake_pixels = 48.0f);
  Font(Font&&) noexcept;
  Font& operator=(Font&&) noexcept;
  ~Font();

  // A glyph for every codepoint: ones the font lacks draw as '?'.
  const FontGlyph& glyph(char32_t codepoint) const;
  // Extra advance between two codepoints, in atlas pixels (usually <= 0).
  float kerning(char32_t left, char32_t right) const;

  float bake_pixels() const { return bake_pixels_; }
  float ascent() const { return ascent_; }       // atlas pixels above the baseline
  float line_height() const { return line_height_; }
  // How many atlas pixels the distance field spans on each side of an edge:
  // the shader needs it to turn distance into coverage, outline and shadow.
  float sdf_spread() const { return sdf_spread_; }
  std::uint32_t atlas_width() const { return atlas_width_; }
  std::uint32_t atlas_height() const { return atlas_height_; }
  // One byte per texel: 128 on the glyph edge, larger inside.
  const std::vector<std::uint8_t>& atlas() const { return atlas_; }

 private:
  Font() = default;
  struct Face;
  std::unique_ptr<Face> face_;  // the parsed file, for kerning
  std::unordered_map<char32_t, FontGlyph> glyphs_;
  float bake_pixels_ = 0, ascent_ = 0, line_height_ = 0, sdf_spread_ = 0;
  std::uint32_t atlas_width_ = 0, atlas_height_ = 0;
  std::vector<std::uint8_t> atlas_;
};

enum class TextAlign : std::uint8_t { left, center, right };

struct TextQuad {
  glm::vec2 min{0.0f}, max{0.0f};        // in the caller's pixels, y down
  glm::vec2 uv_min{0.0f}, uv_max{0.0f};
};

struct TextLayout {
  std::vector<TextQuad> quads;
  glm::vec2 size{0.0f};  // of the whole block, in the caller's pixels
  std::uint32_t lines = 0;
};

// Lays `utf8` out at `pixel_size` per em with its top-left at the origin
// (each line aligned within the block's width), breaking lines at '\n' and,
// when `wrap_width` > 0, between words so no line is wider. Invalid UTF-8
// bytes draw as '?'.
TextLayout layout_text(const Font& font, std::string_view utf8, float pixel_size, TextAlign align = TextAlign::left,
                       float wrap_width = 0.0f);

// Decodes UTF-8; malformed sequences become U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view utf8);

}  // namespace kagami::asset
