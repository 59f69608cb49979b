#include "model_view.h"

#include <cmath>

namespace kagami::app {

gpu::ContextOptions context_options(const Options& options) {
  gpu::ContextOptions c;
  c.validation = options.validation;
  c.device = options.device;
  return c;
}

LoadedModel::~LoadedModel() {
  if (device) {
    render::release_model(*device, model);
    device->wait_idle();
  }
}

render::Camera orbit_camera(const Aabb& bounds, float aspect, double seconds) {
  // One turn every 12 seconds, from slightly above.
  double angle = 0.9 + seconds * (2.0 * 3.14159265358979 / 12.0);
  glm::vec3 direction(-float(std::sin(angle)), -0.45f, -float(std::cos(angle)));
  return render::frame_bounds(bounds, aspect, direction);
}

}  // namespace kagami::app
