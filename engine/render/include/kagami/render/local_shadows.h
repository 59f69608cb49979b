#pragma once
// Point and spot light shadows on a fixed budget: each frame the lights marked
// `shadows` that matter most to the camera (fog_lights.h's ranking) get shadow
// maps, up to KAGAMI_LOCAL_SHADOW_SPOTS spots (one perspective view each) and
// KAGAMI_LOCAL_SHADOW_POINTS point lights (six cube faces each), every view a
// tile of one depth atlas (no descriptor indexing needed). The rest light
// unshadowed. The math lives in kagami/core/local_shadows.h.
#include <cstdint>
#include <span>
#include <vector>

#include "kagami/render/camera.h"
#include "kagami/render/light_culling.h"
#include "kagami/render/shadow_pass.h"

namespace kagami::render {

struct LocalShadowSettings {
  bool enabled = true;
  std::uint32_t tile = 512;    // texels across one view; the atlas is KAGAMI_LOCAL_SHADOW_TILES tiles across
  float normal_offset = 1.5f;  // texels along the normal, at the receiver's distance from the light
  float depth_bias = 1.5f;     // texels towards the light
};

struct LocalShadowPlan {
  std::vector<ShadowedLight> lights;  // the lights given maps, spots first, each by importance
  std::vector<ShadowView> views;      // the views to render (only those used)
  std::vector<std::uint32_t> view_index;  // each view's slot: its tile and its matrix in ViewUniforms
  std::uint32_t atlas_size = 1;       // texels across the atlas (1: no shadowed light this frame)
};

// The view slots: spot s uses slot s, point light p slots SPOTS + 6p .. + 5 (face order of point_shadow_face).
LocalShadowPlan plan_local_shadows(std::span<const PunctualLight> lights, const Camera& camera, float aspect,
                                   const LocalShadowSettings& settings);

}  // namespace kagami::render
