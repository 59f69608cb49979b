#include "kagami/look/opaque_grade.h"

#include "shared/tonemap.h"

namespace kagami::look {

glm::vec3 opaque_grade_display(const PostSettings& post) {
  // grade(d) = gain * (d + lift * (1 - d)): with lift 1 the display value d drops out.
  return shader::agx_finish(shader::grade(glm::vec3(0.0f), glm::vec3(1.0f), post.gamma, post.gain, post.saturation));
}

}  // namespace kagami::look
