#pragma once
// The colour the post chain's grade gives every pixel once its lift is 1 (a
// fully opaque overlay: a fade's plateau, the credits): gain, then gamma,
// saturation and AgX's outset, exactly as tonemap.frag applies them. The
// image under it no longer matters, so a frame can be filled with this colour
// instead of rendering the scene.
#include <glm/vec3.hpp>

#include "kagami/look/look_settings.h"

namespace kagami::look {

// Display-encoded colour (0..1) of every pixel under `post`'s grade when post.lift is 1.
glm::vec3 opaque_grade_display(const PostSettings& post);

}  // namespace kagami::look
