// The hub-less Ferris wheel (a truss ring with no spokes, held by A-frames at
// the bottom, gondolas on the outside of the ring) and a carousel.
//
// Wheel assets are built with the ring's axis along local Z and the ring centre
// at the local origin: the ring turns by rotating its instance about local Z,
// and gondolas sit at kGondolaRadius from the same centre.
#include <cmath>

#include "shapes.h"
#include "structures.h"
#include "tdc.h"

namespace kagami::locgen::tdc {

namespace {
constexpr float kHalfDepth = 1.8f;   // the ring truss is 3.6 m deep along its axis
constexpr float kHalfHeight = 1.5f;  // and 3 m from inner to outer chord
glm::vec3 on_ring(float angle, float radius, float z) {
  return {radius * std::cos(angle), radius * std::sin(angle), z};
}
}  // namespace

Model make_wheel_ring() {
  const Palette& c = palette();
  Model model("ferris_wheel_ring");
  Mesh& steel = model.with(c.steel_white);
  const float rin = kWheelRadius - kHalfHeight, rout = kWheelRadius + kHalfHeight;
  for (float z : {-kHalfDepth, kHalfDepth})
    for (float r : {rin, rout}) steel.append(torus(r, 0.38f, 160, 6), trs({0, 0, z}));
  constexpr int kStations = 80;
  for (int k = 0; k < kStations; ++k) {
    const float a = 2 * kPi * float(k) / kStations, b = 2 * kPi * float(k + 1) / kStations;
    for (float z : {-kHalfDepth, kHalfDepth}) {
      steel.append(beam(on_ring(a, rin, z), on_ring(a, rout, z), 0.26f, 0.26f, {0, 0, 1}));
      // Alternating diagonals: a Warren truss bent into a circle.
      if (k % 2 == 0) steel.append(beam(on_ring(a, rin, z), on_ring(b, rout, z), 0.2f, 0.2f, {0, 0, 1}));
      else steel.append(beam(on_ring(a, rout, z), on_ring(b, rin, z), 0.2f, 0.2f, {0, 0, 1}));
    }
    steel.append(beam(on_ring(a, rin, -kHalfDepth), on_ring(a, rin, kHalfDepth), 0.22f, 0.22f));
    steel.append(beam(on_ring(a, rout, -kHalfDepth), on_ring(a, rout, kHalfDepth), 0.22f, 0.22f));
    if (k % 2 == 0)
      steel.append(beam(on_ring(a, rout, -kHalfDepth), on_ring(b, rout, kHalfDepth), 0.18f, 0.18f));
  }
  // Gondola brackets: from the outer chords out to each gondola's pivot.
  Mesh& grey = model.with(c.steel_grey);
  for (int g = 0; g < kGondolas; ++g) {
    const float a = 2 * kPi * float(g) / kGondolas;
    for (float z : {-kHalfDepth, kHalfDepth})
      grey.append(beam(on_ring(a, rout, z), on_ring(a, kGondolaRadius, z * 0.5f), 0.24f, 0.24f, {0, 0, 1}));
    grey.append(beam(on_ring(a, kGondolaRadius, -kHalfDepth * 0.6f), on_ring(a, kGondolaRadius, kHalfDepth * 0.6f),
                     0.3f, 0.3f));
  }
  // LED rings on both faces and the outer rim: the ring at night.
  Mesh& led = model.with(c.led_cool);
  for (float z : {-kHalfDepth - 0.4f, kHalfDepth + 0.4f}) led.append(torus(kWheelRadius, 0.14f, 200, 4), trs({0, 0, z}));
  Mesh& bulbs = model.with(c.bulb_pink);
  for (int k = 0; k < 120; ++k) {
    const glm::vec3 p = on_ring(2 * kPi * (float(k) + 0.5f) / 120.0f, rout + 0.45f, 0);
    bulbs.append(box_centered(glm::vec3(0.18f)), trs(p));
  }
  return model;
}

Model make_wheel_support() {
  const Palette& c = palette();
  Model model("ferris_wheel_support");
  const float ground = -kWheelCentre.y;
  // Boarding station under the ring's lowest point, low enough that the
  // bottom gondola (its floor 2.8 m up) clears the roof.
  constexpr float kRoof = 2.5f;
  model.with(c.dome_wall).append(box({-14, ground, -9}, {14, ground + kRoof - 0.3f, 9}));
  model.with(c.window_warm).append(box({-12, ground + 0.3f, 9}, {12, ground + 1.9f, 9.08f}));
  model.with(c.concrete).append(box({-15, ground + kRoof - 0.3f, -10}, {15, ground + kRoof, 10}));
  Mesh& steel = model.with(c.steel_white);
  // Two A-frames cradle the ring at +-38 degrees from the bottom, on rollers;
  // nothing reaches the centre: the wheel is hub-less.
  for (float side : {-1.0f, 1.0f}) {
    const float a = -kPi * 0.5f + side * 0.66f;
    const glm::vec3 contact = on_ring(a, kWheelRadius - kHalfHeight - 0.6f, 0);
    for (float z : {-7.0f, 7.0f}) {
      const glm::vec3 foot(side * 26.0f, ground, z);
      steel.append(beam(foot, contact + glm::vec3(0, 0, z * 0.45f), 1.3f, 1.3f, {0, 0, 1}));
      model.with(c.concrete).append(box(foot - glm::vec3(1.6f, 0, 1.6f), foot + glm::vec3(1.6f, 1.0f, 1.6f)));
    }
    for (float t : {0.15f, 0.35f}) {  // low enough to stay clear of passing gondolas
      const glm::vec3 p = glm::mix(glm::vec3(side * 26.0f, ground, 0), contact, t);
      steel.append(beam(p + glm::vec3(0, 0, -7 * (1 - t * 0.55f)), p + glm::vec3(0, 0, 7 * (1 - t * 0.55f)), 0.6f, 0.6f));
    }
    // Roller bogie the ring rides on.
    for (float z : {-kHalfDepth, kHalfDepth})
      model.with(c.steel_dark).append(disc_z(0.9f, 0.8f, 12), trs(on_ring(a, kWheelRadius - kHalfHeight - 0.9f, z)));
    steel.append(beam(on_ring(a, kWheelRadius - kHalfHeight - 0.9f, -kHalfDepth - 0.6f),
                      on_ring(a, kWheelRadius - kHalfHeight - 0.9f, kHalfDepth + 0.6f), 1.0f, 1.0f));
  }
  return model;
}

Model make_gondola(const char* id, const Material& accent) {
  // Origin at the pivot; the cabin hangs below it.
  const Palette& c = palette();
  Model model(id);
  model.with(c.steel_grey).append(beam({0, 0, 0}, {0, -0.9f, 0}, 0.2f, 0.2f, {0, 0, 1}));
  model.with(c.gondola_body).append(cylinder(1.45f, 0.35f, 0.45f, 12), trs({0, -1.35f, 0}));
  model.with(c.gondola_body).append(cylinder(1.35f, 1.35f, 0.3f, 12, false), trs({0, -1.65f, 0}));
  model.with(c.gondola_window).append(cylinder(1.32f, 1.32f, 1.0f, 12, false), trs({0, -2.65f, 0}));
  model.with(accent).append(cylinder(1.0f, 1.38f, 0.7f, 12), trs({0, -3.35f, 0}));
  return model;
}

Model make_carousel(Rng& rng) {
  const Palette& c = palette();
  Model model("carousel");
  model.with(c.kiosk_wood).append(cylinder(9.0f, 9.0f, 0.8f, 32));
  model.with(c.awning_white).append(cylinder(9.5f, 9.5f, 0.6f, 32, false), trs({0, 5.4f, 0}));
  model.with(c.awning_red).append(cylinder(9.6f, 0.6f, 3.2f, 32), trs({0, 6.0f, 0}));
  model.with(c.gondola_body).append(cylinder(2.0f, 2.0f, 5.4f, 16), trs({0, 0.8f, 0}));
  model.with(c.bulb_gold).append(sphere(0.5f, 8, 6), trs({0, 9.4f, 0}));
  const Material* colours[2] = {&c.car_red, &c.awning_white};
  for (int i = 0; i < 20; ++i) {
    const float a = 2 * kPi * float(i) / 20.0f;
    const glm::vec3 p(std::cos(a) * 6.5f, 0.8f, std::sin(a) * 6.5f);
    model.with(c.steel_dark).append(cylinder(0.06f, 0.06f, 4.6f, 6, false), trs(p));
    const float lift = 1.2f + 0.6f * float(i % 3);
    model.with(*colours[rng.integer(0, 1)]).append(box_centered({0.3f, 0.45f, 0.9f}), trs(p + glm::vec3(0, lift, 0), yaw(-a)));
  }
  for (int i = 0; i < 36; ++i) {
    const float a = 2 * kPi * float(i) / 36.0f;
    model.with(c.bulb_warm).append(sphere(0.16f, 6, 4), trs({std::cos(a) * 9.6f, 5.6f, std::sin(a) * 9.6f}));
  }
  return model;
}

}  // namespace kagami::locgen::tdc
