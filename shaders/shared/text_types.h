// Shared between C++ and GLSL: engine text (subtitles, titles, overlays).
#ifndef KAGAMI_SHADER_SHARED_TEXT_TYPES_H
#define KAGAMI_SHADER_SHARED_TEXT_TYPES_H

#ifdef __cplusplus
#include <glm/glm.hpp>
namespace kagami::shader {
using vec2 = glm::vec2;
using vec4 = glm::vec4;
#endif

// One corner of a glyph quad; six per glyph (two triangles, no index buffer).
struct TextVertex {
  vec2 position;  // target pixels, y down
  vec2 uv;        // in the font's distance-field atlas
  vec4 color;     // fill, linear RGB, alpha = opacity
  vec4 outline;   // rgb: outline colour; a: its opacity (0: none)
};

// Push constants of the text pipeline.
struct TextPush {
  vec2 target_size;     // pixels
  float sdf_spread;     // atlas pixels the distance field spans on each side of an edge
  float outline_width;  // atlas pixels outside the edge that the outline covers
};

#ifdef __cplusplus
}  // namespace kagami::shader
#endif
#endif
