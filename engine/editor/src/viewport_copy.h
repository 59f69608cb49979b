#pragma once
// Puts the viewport's image into the window's image between the panels.
#include <glm/glm.hpp>

#include "kagami/render/frame_graph.h"

namespace kagami::editor {

// A transfer pass: clears `window` to `clear` (so no gap between panels shows
// stale pixels), then copies `viewport` to `area` of it. Returns the window
// image's new version.
graph::TextureHandle add_viewport_copy_pass(render::FrameGraph& frame, graph::TextureHandle viewport,
                                            graph::TextureHandle window, VkRect2D area, const glm::vec4& clear);

}  // namespace kagami::editor
