// Tokyo Dome City's small repeated things: trees, the winter-illumination
// trees and arches, lamp posts and bulb strings, kiosks, benches, and the
// 20 m ground tiles (paving, lawn, road) the plaza is laid from.
#include <cmath>

#include "shapes.h"
#include "structures.h"
#include "tdc.h"

namespace kagami::locgen::tdc {

Model make_tree(const char* id, int kind, Rng& rng) {
  const Palette& c = palette();
  Model model(id);
  if (kind == 0) {  // broadleaf (zelkova-like): a cluster of faceted blobs
    model.with(c.bark).append(cylinder(0.28f, 0.18f, 3.8f, 6, false));
    Mesh& leaves = model.with(rng.chance(0.5f) ? c.leaf_a : c.leaf_b);
    leaves.append(blob(2.4f, 1, 0.15f, rng), trs({0, 5.2f, 0}, glm::quat(1, 0, 0, 0), {1.1f, 0.9f, 1.1f}));
    for (int i = 0; i < 3; ++i) {
      const float a = 2 * kPi * float(i) / 3 + rng.jitter(0.4f);
      leaves.append(blob(1.7f, 1, 0.2f, rng), trs({std::cos(a) * 1.6f, 4.4f + rng.range(0, 1.2f), std::sin(a) * 1.6f}));
    }
  } else if (kind == 1) {  // conifer: stacked cones
    model.with(c.bark).append(cylinder(0.22f, 0.15f, 2.0f, 6, false));
    for (int i = 0; i < 3; ++i) {
      const float r = 2.2f - 0.55f * float(i);
      model.with(c.leaf_c).append(cylinder(r, 0.0f, 2.6f, 8), trs({0, 1.6f + 1.5f * float(i), 0}, yaw(rng.range(0, 1))));
    }
  } else {  // ginkgo: tall ovoid, the avenue tree of Tokyo, autumn yellow
    model.with(c.bark).append(cylinder(0.3f, 0.16f, 5.0f, 6, false));
    const Material gold = matte("leaf_ginkgo", {0.78f, 0.62f, 0.16f}, 0.85f);
    model.with(gold).append(blob(1.9f, 1, 0.18f, rng), trs({0, 5.4f, 0}, glm::quat(1, 0, 0, 0), {1.0f, 1.7f, 1.0f}));
    model.with(gold).append(blob(1.3f, 1, 0.2f, rng), trs({0.3f, 8.2f, -0.2f}, glm::quat(1, 0, 0, 0), {1.0f, 1.5f, 1.0f}));
  }
  return model;
}

Model make_illuminated_tree(Rng& rng) {
  // A bare winter tree with its branches wrapped in warm fairy lights.
  const Palette& c = palette();
  Model model("tree_illuminated");
  Mesh& bark = model.with(c.bark);
  Mesh& bulbs = model.with(c.bulb_gold);
  bark.append(cylinder(0.25f, 0.16f, 3.6f, 6, false));
  for (int i = 0; i < 7; ++i) {
    const float a = 2 * kPi * float(i) / 7 + rng.jitter(0.3f);
    const glm::vec3 base(0, 2.6f + rng.range(0, 1.0f), 0);
    const glm::vec3 tip = base + glm::vec3(std::cos(a) * 2.4f, 2.2f + rng.range(0, 1.4f), std::sin(a) * 2.4f);
    bark.append(beam(base, tip, 0.14f, 0.14f));
    const glm::vec3 twig = glm::mix(base, tip, 0.6f);
    const glm::vec3 twig_tip = twig + glm::vec3(std::cos(a + 0.9f) * 1.0f, 1.1f, std::sin(a + 0.9f) * 1.0f);
    bark.append(beam(twig, twig_tip, 0.08f, 0.08f));
    for (int k = 1; k <= 9; ++k) bulbs.append(gem(0.09f), trs(glm::mix(base, tip, float(k) / 9.0f) + glm::vec3(rng.jitter(0.15f))));
    for (int k = 1; k <= 4; ++k) bulbs.append(gem(0.08f), trs(glm::mix(twig, twig_tip, float(k) / 4.0f)));
  }
  return model;
}

Model make_lamp_post() {
  // Light centre at (0, 4.6, 0), inside the globe (make_lamp_globe). The post
  // stops just inside the globe's bottom: it shadows its own light, and one
  // running through the light would black out everything below it.
  const Palette& c = palette();
  Model model("lamp_post");
  model.with(c.steel_dark).append(cylinder(0.22f, 0.18f, 0.5f, 8));
  model.with(c.steel_dark).append(cylinder(0.09f, 0.07f, 3.85f, 8), trs({0, 0.5f, 0}));
  model.with(c.steel_dark).append(cylinder(0.36f, 0.05f, 0.25f, 10), trs({0, 4.85f, 0}));
  return model;
}

Model make_lamp_globe() {
  Model model("lamp_globe");
  model.with(palette().lamp_glass).append(sphere(0.28f, 10, 6), trs({0, 4.6f, 0}));
  return model;
}

Model make_festoon() {
  // A 12 m sagging wire of bulbs from (0, 4.2, 0) to (12, 4.2, 0), alternating colours.
  const Palette& c = palette();
  Model model("festoon");
  constexpr int kBulbs = 18;
  auto wire = [](float u) { return glm::vec3(12.0f * u, 4.2f - 0.9f * 4.0f * u * (1.0f - u), 0.0f); };
  for (int i = 0; i < 12; ++i) model.with(c.steel_dark).append(beam(wire(float(i) / 12), wire(float(i + 1) / 12), 0.025f, 0.025f));
  const Material* colours[3] = {&c.bulb_warm, &c.bulb_pink, &c.bulb_blue};
  for (int i = 1; i < kBulbs; ++i) {
    const float u = float(i) / kBulbs;
    model.with(*colours[i % 3]).append(gem(0.1f), trs(wire(u) - glm::vec3(0, 0.12f, 0)));
  }
  return model;
}

Model make_light_arch() {
  // One arch of the illumination tunnel: 6 m span across X, 4.6 m high; a
  // promenade of these, 2.5 m apart, is the "tunnel of light".
  const Palette& c = palette();
  Model model("light_arch");
  std::vector<glm::vec3> pts;
  for (int i = 0; i <= 24; ++i) {
    const float a = kPi * float(i) / 24.0f;
    pts.push_back({-3.0f * std::cos(a), 4.6f * std::sin(a), 0});
  }
  pts.front().y = 0;
  pts.back().y = 0;
  model.with(c.steel_dark).append(sweep(frames_along(pts, false, {}, {0, 0, 1}), false, circle_profile(0.06f, 4)));
  for (int i = 1; i < 48; ++i) {
    const float a = kPi * float(i) / 48.0f;
    const glm::vec3 p(-3.0f * std::cos(a), 4.6f * std::sin(a), 0);
    model.with(i % 4 == 0 ? c.bulb_blue : c.bulb_gold).append(gem(0.09f), trs(p));
  }
  return model;
}

Model make_kiosk(const char* id, const Material& awning, Rng& rng) {
  // 5 x 4 m, counter facing +Z.
  const Palette& c = palette();
  Model model(id);
  model.with(c.kiosk_wood).append(box({-2.5f, 0, -2}, {2.5f, 2.9f, 2}));
  model.with(c.window_warm).append(box({-2.1f, 1.0f, 2}, {2.1f, 2.3f, 2.05f}));
  model.with(c.awning_white).append(box({-2.3f, 0.95f, 2}, {2.3f, 1.05f, 2.6f}));  // counter
  model.with(awning).append(slab({2.8f, 1.2f}, {2.8f, 0.3f}, 0.5f), trs({0, 2.9f, 2.6f}, glm::angleAxis(0.3f, glm::vec3(1, 0, 0))));
  model.with(awning).append(slab({2.8f, 2.3f}, {2.2f, 1.6f}, 0.7f), trs({0, 2.9f, 0}));
  model.with(rng.chance(0.5f) ? c.sign_glow : c.sign_glow_b).append(box({-1.6f, 3.6f, -0.2f}, {1.6f, 4.4f, 0.2f}));
  return model;
}

Model make_bench() {
  const Palette& c = palette();
  Model model("bench");
  model.with(c.bench_wood).append(box({-0.9f, 0.42f, -0.22f}, {0.9f, 0.48f, 0.22f}));
  model.with(c.bench_wood).append(box({-0.9f, 0.55f, -0.24f}, {0.9f, 0.85f, -0.2f}));
  for (float x : {-0.75f, 0.75f}) model.with(c.steel_dark).append(box({x - 0.04f, 0, -0.22f}, {x + 0.04f, 0.48f, 0.22f}));
  return model;
}

Model make_paving_tile(const char* id, int pattern) {
  // 20 x 20 m, top at y = 0.02; pattern 0: 2 m slabs in a diagonal weave,
  // pattern 1: a framed field of 1 m setts.
  const Palette& c = palette();
  Model model(id);
  model.with(c.paving_grout).append(quad_xz(20, 20));
  const int n = pattern == 0 ? 10 : 20;
  const float s = 20.0f / float(n), gap = pattern == 0 ? 0.06f : 0.04f;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const bool border = i == 0 || j == 0 || i == n - 1 || j == n - 1;
      const bool a = pattern == 0 ? ((i + j) % 3 != 0) : (border || ((i / 2 + j / 2) % 2 == 0));
      const glm::vec3 centre(-10 + s * (float(i) + 0.5f), 0.02f, -10 + s * (float(j) + 0.5f));
      model.with(a ? c.paving_a : c.paving_b).append(quad_xz(s - gap, s - gap), trs(centre));
    }
  return model;
}

Model make_grass_tile() {
  const Palette& c = palette();
  Model model("lawn_tile");
  model.with(c.grass).append(quad_xz(20, 20), trs({0, 0.03f, 0}));
  // A kerb so the lawn reads as a bed set into the plaza.
  for (float s : {-1.0f, 1.0f}) {
    model.with(c.concrete).append(box({-10, 0, s * 10 - 0.15f}, {10, 0.18f, s * 10 + 0.15f}));
    model.with(c.concrete).append(box({s * 10 - 0.15f, 0, -10}, {s * 10 + 0.15f, 0.18f, 10}));
  }
  return model;
}

Model make_road_tile() {
  const Palette& c = palette();
  Model model("road_tile");
  model.with(c.asphalt).append(quad_xz(20, 20), trs({0, 0.01f, 0}));
  for (int k = 0; k < 4; ++k) {  // dashed centre line along Z
    const float z = -10 + 5.0f * float(k);
    model.with(c.road_line).append(quad_xz(0.15f, 3.0f), trs({0, 0.02f, z + 2.5f}));
  }
  for (float x : {-3.5f, 3.5f}) model.with(c.road_line).append(quad_xz(0.12f, 20.0f), trs({x, 0.02f, 0}));
  return model;
}

Model make_floodlight() {
  // A mast with a lamp bank at (0, 9, 0) tilted up toward +Z (the Dome's roof).
  const Palette& c = palette();
  Model model("floodlight");
  model.with(c.steel_grey).append(cylinder(0.25f, 0.18f, 9.0f, 8));
  const glm::quat tilt = glm::angleAxis(-0.9f, glm::vec3(1, 0, 0));
  model.with(c.steel_dark).append(box({-1.2f, -0.5f, -0.3f}, {1.2f, 0.5f, 0.2f}), trs({0, 9.2f, 0}, tilt));
  model.with(c.lamp_glass).append(box({-1.1f, -0.4f, 0.2f}, {1.1f, 0.4f, 0.26f}), trs({0, 9.2f, 0}, tilt));
  return model;
}

}  // namespace kagami::locgen::tdc
