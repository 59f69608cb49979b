// Shared between C++ and GLSL: the editor's passes (the UI and the entity-id
// pass). C++ includes it through kagami/render/shader_types.h (size checks).
#ifndef KAGAMI_SHADER_EDITOR_TYPES_H
#define KAGAMI_SHADER_EDITOR_TYPES_H
#include "shared/types.h"

#ifdef __cplusplus
namespace kagami::shader {
#endif

// The UI pass: ImGui's pixel coordinates to clip space, per draw list.
struct UiPush {
  vec2 scale;
  vec2 translate;
  uint srgb_target;  // 1: the target encodes sRGB on write, so ImGui's sRGB colours are linearised first
  uint pad0;
  uint pad1;
  uint pad2;
};

// The entity-id pass: one mesh draw writing its entity id (low 32 bits) to an R32_UINT target.
struct IdPush {
  mat4 model_view_proj;
  uint entity;
  uint pad0;
  uint pad1;
  uint pad2;
};

#ifdef __cplusplus
}  // namespace kagami::shader
#endif
#endif
