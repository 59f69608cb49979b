// The roller coaster: a closed spline that leaves a station, climbs a lift
// hill, dives through the hub-less wheel's ring, threads the tunnel through the
// LaQua-like tower and circles the tower before coming home. Swept rails and
// spine, ties, support columns (placed as instances), station and cars.
#include <algorithm>
#include <cmath>

#include "shapes.h"
#include "structures.h"
#include "tdc.h"

namespace kagami::locgen::tdc {

namespace {

constexpr float kRailHalfGauge = 0.62f;
constexpr float kSpineDrop = 0.8f;  // spine centre below the rails

// Control points, in riding order (world metres). The straight runs through
// the wheel (z = kWheelCentre.z) and the tunnel (z = kTowerCentre.z) are set by
// three collinear points each so the spline cannot swing into the structure.
std::vector<glm::vec3> control_points() {
  const glm::vec3 w = kWheelCentre;
  const float ty = (kTunnelBottom + kTunnelTop) * 0.5f - 0.6f, tz = kTowerCentre.z, tx = kTowerCentre.x;
  return {
      {160, 5, 95}, {185, 5, 95}, {210, 5, 95},                                // station
      {235, 14, 95}, {262, 38, 95}, {288, 62, 95},                             // lift hill
      {308, 67, 90}, {324, 63, 72}, {326, 55, 46}, {306, 45, 23},              // crest, turn, first drop
      {w.x + 30, w.y, w.z}, {w.x, w.y, w.z}, {w.x - 30, w.y, w.z},             // through the ring
      {196, 37, 10}, {183, 33, -14}, {190, 30, -44}, {212, ty, tz},            // swing north, line up
      {tx - 15, ty, tz}, {tx, ty, tz}, {tx + 15, ty, tz},                      // the tunnel
      {288, 27, -62}, {299, 25, -82}, {290, 23, -101},                         // out and round the tower
      {265, 21, -108}, {235, 19, -108}, {208, 17, -101}, {193, 15, -80},
      {186, 13, -50}, {175, 11, -15}, {162, 9, 20}, {150, 7, 55}, {146, 6, 82}, {152, 5, 95},
  };
}

bool inside_tower(const glm::vec3& p, float margin) {
  const glm::vec3 h = kTowerSize * 0.5f + glm::vec3(margin);
  return std::abs(p.x - kTowerCentre.x) < h.x && std::abs(p.z - kTowerCentre.z) < h.z;
}

bool near_wheel(const glm::vec3& p) {
  // The ring and its A-frames occupy a thin slab across X at the wheel.
  return std::abs(p.x - kWheelCentre.x) < 10.0f && std::abs(p.z - kWheelCentre.z) < kGondolaRadius + 6.0f;
}

}  // namespace

CoasterLayout coaster_layout() {
  CoasterLayout layout;
  const std::vector<glm::vec3> path = resample(catmull_rom(control_points(), true, 24), true, 1.0f);
  const std::size_t n = path.size();
  // Banking: lean the track into horizontal turns, in proportion to the
  // horizontal curvature, smoothed so the roll eases in and out.
  std::vector<glm::vec3> lean(n);
  for (std::size_t i = 0; i < n; ++i) {
    const glm::vec3 prev = path[(i + n - 1) % n], next = path[(i + 1) % n];
    glm::vec3 curvature = prev + next - 2.0f * path[i];  // spacing is 1 m
    curvature.y = 0;
    lean[i] = curvature * 14.0f;
  }
  constexpr int kWindow = 10;
  for (std::size_t i = 0; i < n; ++i) {
    glm::vec3 avg(0);
    for (int k = -kWindow; k <= kWindow; ++k) avg += lean[(i + n + std::size_t(k + int(n))) % n];
    avg /= float(2 * kWindow + 1);
    if (glm::length(avg) > 0.8f) avg = glm::normalize(avg) * 0.8f;  // at most ~39 degrees
    const glm::vec3 t = glm::normalize(path[(i + 1) % n] - path[(i + n - 1) % n]);
    const glm::vec3 side = glm::normalize(glm::cross(t, glm::normalize(glm::vec3(0, 1, 0) + avg)));
    layout.frames.push_back({path[i], t, glm::cross(side, t), side});
  }
  // Station: the frame nearest the middle of the station straight.
  float best = 1e30f;
  for (std::size_t i = 0; i < n; ++i) {
    const float d = glm::length(path[i] - glm::vec3(185, 5, 95));
    if (d < best) { best = d; layout.station_frame = i; }
  }
  // Supports every 8 m, except inside the tower (it carries the track), at the
  // wheel, along the station (it has its own columns) and above another part
  // of the track (a column would pierce it).
  for (std::size_t i = 0; i < n; i += 8) {
    const glm::vec3 p = path[i];
    if (p.y < 4.0f || inside_tower(p, 2.0f) || near_wheel(p)) continue;
    if (std::abs(p.z - 95.0f) < 6.0f && p.x > 150.0f && p.x < 222.0f) continue;
    bool clear = true;
    for (std::size_t j = 0; j < n && clear; ++j) {
      const std::size_t gap = std::min((i + n - j) % n, (j + n - i) % n);
      const glm::vec2 d(path[j].x - p.x, path[j].z - p.z);
      if (gap > 20 && path[j].y < p.y - 1.0f && glm::length(d) < 3.5f) clear = false;
    }
    if (clear) layout.supports.push_back(i);
  }
  return layout;
}

Model make_coaster_track(const CoasterLayout& layout) {
  const Palette& c = palette();
  Model model("coaster_track");
  const auto& f = layout.frames;
  Mesh& rails = model.with(c.steel_white);
  for (float s : {-kRailHalfGauge, kRailHalfGauge}) rails.append(sweep(f, true, circle_profile(0.12f, 6), {s, 0}));
  Mesh& spine = model.with(c.track_blue);
  spine.append(sweep(f, true, circle_profile(0.36f, 8), {0, -kSpineDrop}));
  Mesh& ties = model.with(c.steel_grey);
  for (std::size_t i = 0; i < f.size(); i += 2) {
    const Frame& fr = f[i];
    const glm::vec3 l = fr.p - fr.side * kRailHalfGauge - fr.up * 0.1f, r = fr.p + fr.side * kRailHalfGauge - fr.up * 0.1f;
    const glm::vec3 spine_top = fr.p - fr.up * (kSpineDrop - 0.3f);
    ties.append(beam(l, r, 0.14f, 0.16f, fr.t));
    if (i % 4 == 0) {
      ties.append(beam(l, spine_top, 0.1f, 0.1f, fr.t));
      ties.append(beam(r, spine_top, 0.1f, 0.1f, fr.t));
    }
  }
  // Saddles where the columns meet the spine.
  for (std::size_t i : layout.supports) {
    const glm::vec3 bottom = f[i].p - f[i].up * kSpineDrop;
    ties.append(beam(bottom, bottom - glm::vec3(0, 1.2f, 0), 0.8f, 0.8f, f[i].t));
  }
  // Marker lights along both sides of the spine: the track draws itself at night.
  Mesh& leds = model.with(c.bulb_blue);
  for (std::size_t i = 0; i < f.size(); i += 3)
    for (float s : {-0.4f, 0.4f})
      leds.append(beam(f[i].p + f[i].side * s - f[i].up * kSpineDrop, f[i].p + f[i].side * s - f[i].up * kSpineDrop + f[i].t * 0.3f,
                       0.12f, 0.12f, f[i].up));
  return model;
}

Model make_coaster_support() {
  // A unit-height column: instances scale Y to reach the track.
  const Palette& c = palette();
  Model model("coaster_support");
  model.with(c.track_blue).append(cylinder(0.45f, 0.45f, 1.0f, 10, false));
  return model;
}

Model make_coaster_car() {
  // Origin on the track centre line at rail height, facing +X, up +Y.
  const Palette& c = palette();
  Model model("coaster_car");
  model.with(c.steel_dark).append(box({-1.0f, -0.35f, -0.75f}, {1.0f, 0.15f, 0.75f}));  // bogie
  model.with(c.car_red).append(slab({1.15f, 0.8f}, {0.95f, 0.7f}, 0.75f), trs({0, 0.15f, 0}));
  model.with(c.car_red).append(slab({0.5f, 0.75f}, {0.15f, 0.6f}, 0.5f), trs({1.0f, 0.5f, 0}, yaw(0)));
  for (float x : {-0.55f, 0.35f}) {
    model.with(c.seat_dark).append(box({x - 0.35f, 0.9f, -0.65f}, {x + 0.35f, 1.05f, 0.65f}));
    model.with(c.seat_dark).append(box({x - 0.45f, 0.9f, -0.65f}, {x - 0.3f, 1.6f, 0.65f}));
  }
  model.with(c.bulb_gold).append(box({1.14f, 0.5f, -0.6f}, {1.2f, 0.65f, -0.35f}));
  model.with(c.bulb_gold).append(box({1.14f, 0.5f, 0.35f}, {1.2f, 0.65f, 0.6f}));
  return model;
}

Model make_coaster_station() {
  // Track along local X at y = 5 through z = 0; platforms either side, roof above.
  const Palette& c = palette();
  Model model("coaster_station");
  Mesh& wall = model.with(c.dome_wall);
  wall.append(box({-24, 0, 1.3f}, {24, 4.4f, 7}));
  wall.append(box({-24, 0, -7}, {24, 4.4f, -1.3f}));
  wall.append(box({-24, 0, -1.3f}, {24, 1.0f, 1.3f}));
  for (int i = 0; i <= 6; ++i)
    for (float z : {-6.6f, 6.6f}) wall.append(box({-24 + 8.0f * float(i) - 0.3f, 4.4f, z - 0.3f}, {-24 + 8.0f * float(i) + 0.3f, 10, z + 0.3f}));
  model.with(c.concrete).append(slab({25, 8.5f}, {24, 7.5f}, 1.2f), trs({0, 10, 0}));
  model.with(c.sign_glow_b).append(box({-10, 9.2f, 7.6f}, {10, 10.6f, 7.8f}));
  model.with(c.window_warm).append(box({-23, 0.4f, 7}, {23, 3.8f, 7.06f}));
  model.with(c.led_cool).append(box({-25, 9.7f, 7.4f}, {25, 9.9f, 7.6f}));
  model.with(c.led_cool).append(box({-25, 9.7f, -7.6f}, {25, 9.9f, -7.4f}));
  // Stairs up to the +Z platform, rising along +X to its west end.
  Mesh steps;
  stairs(steps, 3.0f, 0.2f, 0.3f, 22);
  model.with(c.concrete).append(steps, trs({-30.6f, 0, 4.2f}, yaw(kPi * 0.5f)));
  return model;
}

}  // namespace kagami::locgen::tdc
