// Tokyo Dome City at dusk: the layout. The Dome sits at the origin; the
// amusement park (wheel, coaster, LaQua-like tower, illumination tunnel) lies
// east of it; roads and office blocks frame the whole; plaza tiles cover the
// ground. Every random choice comes from a named Rng stream of the seed.
#include <cmath>
#include <string>

#include "footprints.h"
#include "shapes.h"
#include "tdc.h"

namespace kagami::locgen::tdc {

namespace {

constexpr float kWest = -150, kEast = 340, kNorth = -150, kSouth = 150;  // the plaza
constexpr float kRoadWest = -170, kRoadSouth = 170, kRoadNorth = -170;   // road centre lines

bool inside_dome(const glm::vec2& p, float scale) {
  return glm::length(p) < dome_radius(std::atan2(p.y, p.x)) * scale;
}

Light lamp_light(const glm::vec3& offset, const glm::vec3& colour, float candela, float range) {
  Light l;
  l.type = Light::Type::point;
  l.color = colour;
  l.intensity = candela;
  l.range = range;
  l.offset = offset;
  return l;
}

const glm::vec3 kSodium{1.0f, 0.74f, 0.46f};  // warm lamp light
const glm::vec3 kLed{0.75f, 0.85f, 1.0f};     // cool LED

// Where act 1 plays (scenes/cinematic.act1.sequence.json): Len walks from
// (120, 33) to Rin by the promenade at (150, 10), then they go on to (140, -4).
// The lamp posts there cast shadows, so the two shadow the paving.
bool near_the_action(const glm::vec3& p) { return p.x > 112 && p.x < 162 && p.z > -24 && p.z < 42; }

Light post_light(const glm::vec3& where) {
  Light l = lamp_light({0, 4.6f, 0}, kSodium, 60, 18);
  l.shadows = near_the_action(where);
  return l;
}

void add_assets(Location& loc, std::uint32_t seed) {
  Rng rng(seed, "tdc.assets");
  loc.add_asset(make_dome_roof());
  loc.add_asset(make_dome_body());
  loc.add_asset(make_dome_gate());
  loc.add_asset(make_laqua_tower(rng));
  loc.add_asset(make_hotel_tower(rng));
  loc.add_asset(make_office("office_a", {34, 48, 26}, 0.5f, rng));
  loc.add_asset(make_office("office_b", {26, 72, 26}, 0.4f, rng));
  loc.add_asset(make_office("office_c", {44, 30, 30}, 0.6f, rng));
  loc.add_asset(make_shop_row(rng));
  loc.add_asset(make_wheel_ring());
  loc.add_asset(make_wheel_support());
  loc.add_asset(make_gondola("gondola_a", palette().track_blue));
  loc.add_asset(make_gondola("gondola_b", palette().car_red));
  loc.add_asset(make_carousel(rng));
  loc.add_asset(make_coaster_support());
  loc.add_asset(make_coaster_car());
  loc.add_asset(make_coaster_station());
  loc.add_asset(make_tree("tree_broadleaf", 0, rng));
  loc.add_asset(make_tree("tree_conifer", 1, rng));
  loc.add_asset(make_tree("tree_ginkgo", 2, rng));
  loc.add_asset(make_illuminated_tree(rng));
  loc.add_asset(make_lamp_post());
  loc.add_asset(make_lamp_globe());
  loc.add_asset(make_festoon());
  loc.add_asset(make_light_arch());
  loc.add_asset(make_kiosk("kiosk_red", palette().awning_red, rng));
  loc.add_asset(make_kiosk("kiosk_white", palette().awning_white, rng));
  loc.add_asset(make_bench());
  loc.add_asset(make_paving_tile("paving_weave", 0));
  loc.add_asset(make_paving_tile("paving_setts", 1));
  loc.add_asset(make_grass_tile());
  loc.add_asset(make_road_tile());
  loc.add_asset(make_floodlight());
  loc.ground_assets = {"paving_weave", "paving_setts", "lawn_tile", "road_tile"};
}

// yaw that turns local +Z to face the horizontal direction `dir`.
glm::quat facing(const glm::vec2& dir) { return yaw(std::atan2(dir.x, dir.y)); }

}  // namespace

Location build(std::uint32_t seed) {
  Location loc;
  loc.name = "tokyo_dome_city";
  loc.description = "Tokyo Dome City at dusk: the quilted Dome roof, a hub-less Ferris wheel, a coaster through a tower";
  add_assets(loc, seed);
  Footprints taken;

  // --- The Dome, its gates and the floodlights that light its roof ---
  loc.place("dome_roof", {0, 0, 0}).name = "dome_roof";
  loc.place("dome_body", {0, 0, 0}).name = "dome_body";
  for (int k = 0; k < 8; ++k) {
    const float theta = 2 * kPi * (float(k) + 0.5f) / 8.0f;
    const glm::vec2 dir(std::cos(theta), std::sin(theta));
    loc.place("dome_gate", glm::vec3(dir.x, 0, dir.y) * (dome_radius(theta) * 1.1f), facing(dir));
    const glm::vec3 fl = glm::vec3(dir.x, 0, dir.y) * (dome_radius(theta) * 1.32f);
    Placement& f = loc.place("floodlight", fl, facing(-dir));
    Light spot;
    spot.type = Light::Type::spot;
    spot.color = kLed;
    spot.intensity = 60000;
    spot.range = 220;
    spot.offset = {0, 9.2f, 0.3f};
    spot.direction = glm::normalize(glm::vec3(0, 0.78f, 0.62f));
    spot.inner_cone_deg = 18;
    spot.outer_cone_deg = 32;
    f.light = spot;
  }

  // --- Amusement park landmarks ---
  loc.place("laqua_tower", kTowerCentre).name = "laqua_tower";
  taken.add_rect(xz(kTowerCentre) - xz(kTowerSize) * 0.5f - glm::vec2(3), xz(kTowerCentre) + xz(kTowerSize) * 0.5f + glm::vec2(3));
  const glm::quat wheel_turn = yaw(kPi * 0.5f);  // ring axis (local Z) along world X
  loc.place("ferris_wheel_support", kWheelCentre, wheel_turn).name = "ferris_wheel_support";
  loc.place("ferris_wheel_ring", kWheelCentre, wheel_turn).name = "ferris_wheel_ring";
  for (int g = 0; g < kGondolas; ++g) {
    const float a = 2 * kPi * float(g) / kGondolas;
    const glm::vec3 pivot = kWheelCentre + wheel_turn * glm::vec3(kGondolaRadius * std::cos(a), kGondolaRadius * std::sin(a), 0);
    loc.place(g % 2 ? "gondola_b" : "gondola_a", pivot, wheel_turn).name = "gondola_" + std::to_string(g);
  }
  taken.add_rect({kWheelCentre.x - 12, kWheelCentre.z - 40}, {kWheelCentre.x + 12, kWheelCentre.z + 40});
  const glm::vec3 carousel(135, 0, -112);
  loc.place("carousel", carousel).light = lamp_light({0, 4.5f, 0}, kSodium, 400, 25);
  taken.add_circle(xz(carousel), 11);

  // --- The coaster: one track mesh, columns, station and a waiting train ---
  const CoasterLayout coaster = coaster_layout();
  loc.add_asset(make_coaster_track(coaster));
  loc.place("coaster_track", {0, 0, 0}).name = "coaster_track";
  for (std::size_t i : coaster.supports) {
    const Frame& f = coaster.frames[i];
    const float top = f.p.y - 2.0f;  // under the saddle
    loc.place("coaster_support", {f.p.x, 0, f.p.z}, glm::quat(1, 0, 0, 0), {1, top, 1});
    taken.add_circle(xz(f.p), 2.0f);
  }
  // Cells under the track's whole path stay clear of trees up to the track height.
  for (std::size_t i = 0; i < coaster.frames.size(); i += 4)
    if (coaster.frames[i].p.y < 14.0f) taken.add_circle(xz(coaster.frames[i].p), 3.0f);
  {
    const Frame& s = coaster.frames[coaster.station_frame];
    const glm::vec2 dir = glm::normalize(glm::vec2(s.t.x, s.t.z));
    loc.place("coaster_station", {s.p.x, 0, s.p.z}, yaw(std::atan2(-dir.y, dir.x))).light =
        lamp_light({0, 8.5f, 0}, kLed, 300, 20);
    taken.add_rect({s.p.x - 32, s.p.z - 9}, {s.p.x + 26, s.p.z + 9});
    for (int k = 0; k < 5; ++k) {
      const Frame& f = coaster.frames[(coaster.station_frame + coaster.frames.size() + 6 - std::size_t(k) * 3) % coaster.frames.size()];
      const glm::quat q = glm::quat_cast(glm::mat3(f.t, f.up, f.side));
      loc.place("coaster_car", f.p, q).name = "coaster_car_" + std::to_string(k);
    }
  }

  // --- Ground: roads round the edge, plaza tiles, lawns ---
  Rng ground(seed, "tdc.ground");
  for (float z = kNorth - 20; z <= kSouth + 20.1f; z += 20) loc.place("road_tile", {kRoadWest, 0, z});
  for (float x = kWest - 20 + 20; x <= kEast + 20.1f; x += 20) {
    loc.place("road_tile", {x, 0, kRoadSouth}, yaw(kPi * 0.5f));
    loc.place("road_tile", {x, 0, kRoadNorth}, yaw(kPi * 0.5f));
  }
  for (float x = kWest; x <= kEast; x += 20)
    for (float z = kNorth; z <= kSouth; z += 20) {
      const glm::vec2 c(x + 10, z + 10);
      // Under the Dome nothing shows; corners of tiles just outside still do.
      if (inside_dome(c + glm::vec2(10, 10), 1.0f) && inside_dome(c - glm::vec2(10, 10), 1.0f) &&
          inside_dome(c + glm::vec2(10, -10), 1.0f) && inside_dome(c - glm::vec2(10, -10), 1.0f))
        continue;
      const bool park = c.x > 130;
      const float r = ground.unit();
      const char* tile = (park && r < 0.18f && !taken.blocked(c, 8)) ? "lawn_tile"
                         : (inside_dome(c, 1.45f) ? "paving_weave" : (r < 0.6f ? "paving_setts" : "paving_weave"));
      loc.place(tile, {c.x, 0, c.y});
    }

  // --- The promenade east from the Dome: lamp posts, bulb strings, kiosks ---
  constexpr float kPromZ = -15;
  taken.add_rect({118, kPromZ - 7}, {kEast, kPromZ + 7});
  Rng shops(seed, "tdc.shops");
  for (float x = 122; x + 16 <= kEast; x += 16) {
    for (float side : {-1.0f, 1.0f}) {
      const glm::vec3 post(x, 0, kPromZ + side * 6.0f);
      if (std::abs(x - kWheelCentre.x) < 12 && side > 0) continue;  // the wheel's A-frame foot
      loc.place_lamp("lamp_post", "lamp_globe", post_light(post), post);
      if (x + 32 <= kEast && !(std::abs(x + 8 - kWheelCentre.x) < 20 && side > 0))
        loc.place("festoon", post + glm::vec3(0, 0, 0), yaw(0), {16.0f / 12.0f, 1, 1});
    }
  }
  for (int k = 0; k < 10; ++k) {
    const float x = 135 + 19.0f * float(k) + shops.jitter(2);
    const float side = k % 2 ? 1.0f : -1.0f;
    const glm::vec3 p(x, 0, kPromZ + side * 10.5f);
    if (taken.blocked(xz(p), 3.2f)) continue;
    loc.place(shops.chance(0.5f) ? "kiosk_red" : "kiosk_white", p, facing({0, -side})).light =
        lamp_light({0, 2.4f, 2.6f * 1.0f}, kSodium, 25, 8);
    taken.add_circle(xz(p), 3.5f);
  }
  for (int k = 0; k < 4; ++k) {
    const glm::vec3 p(150 + 46.0f * float(k), 0, 132);
    loc.place("shop_row", p, yaw(kPi));
    taken.add_rect({p.x - 21, p.z - 10}, {p.x + 21, p.z + 7});
  }

  // --- The illumination tunnel: arches every 2.5 m, lit trees either side ---
  constexpr float kTunnelX = 205, kTunnelZ0 = 28, kTunnelZ1 = 80;
  for (float z = kTunnelZ0; z <= kTunnelZ1; z += 2.5f) loc.place("light_arch", {kTunnelX, 0, z});
  for (float z = kTunnelZ0 + 3; z <= kTunnelZ1; z += 8)
    for (float side : {-1.0f, 1.0f}) loc.place("tree_illuminated", {kTunnelX + side * 6.5f, 0, z}, yaw(z));
  taken.add_rect({kTunnelX - 9, kTunnelZ0 - 2}, {kTunnelX + 9, kTunnelZ1 + 2});

  // --- Around the Dome: a ring of trees, lamp posts and benches ---
  Rng ring(seed, "tdc.ring");
  for (int k = 0; k < 72; ++k) {
    const float theta = 2 * kPi * (float(k) + 0.25f) / 72.0f;
    const glm::vec2 dir(std::cos(theta), std::sin(theta));
    const float r = dome_radius(theta);
    const glm::vec2 tree = dir * (r * 1.2f + 4.0f);
    if (k % 9 == 4) continue;  // gaps in front of the gates
    if (!taken.blocked(tree, 2.5f)) {
      loc.place(k % 3 ? "tree_broadleaf" : "tree_ginkgo", {tree.x, 0, tree.y}, yaw(ring.range(0, 2 * kPi)),
                glm::vec3(ring.range(0.85f, 1.15f)));
      taken.add_circle(tree, 2.5f);
    }
    const glm::vec2 lamp = dir * (r * 1.2f + 9.0f);
    if (k % 2 == 0 && !taken.blocked(lamp, 0.5f)) {
      loc.place_lamp("lamp_post", "lamp_globe", lamp_light({0, 4.6f, 0}, kSodium, 60, 18), {lamp.x, 0, lamp.y});
      taken.add_circle(lamp, 0.6f);
    }
    const glm::vec2 bench = dir * (r * 1.2f + 7.5f);
    if (k % 2 == 1 && !taken.blocked(bench, 1.0f)) loc.place("bench", {bench.x, 0, bench.y}, facing(dir));
  }

  // --- Plaza lamp posts on a loose grid, then trees wherever there is room ---
  Rng scatter(seed, "tdc.scatter");
  for (float x = kWest + 15; x < kEast; x += 36)
    for (float z = kNorth + 15; z < kSouth; z += 36) {
      const glm::vec2 p(x + scatter.jitter(4), z + scatter.jitter(4));
      if (inside_dome(p, 1.3f) || taken.blocked(p, 1.5f)) continue;
      loc.place_lamp("lamp_post", "lamp_globe", post_light({p.x, 0, p.y}), {p.x, 0, p.y});
      taken.add_circle(p, 1.5f);
      if (scatter.chance(0.5f)) {
        const glm::vec2 b = p + glm::vec2(2.5f, 0);
        if (!taken.blocked(b, 1.0f)) loc.place("bench", {b.x, 0, b.y}, yaw(scatter.chance(0.5f) ? 0 : kPi));
      }
    }
  int planted = 0;
  for (int attempt = 0; attempt < 6000 && planted < 260; ++attempt) {
    const glm::vec2 p(scatter.range(kWest, kEast), scatter.range(kNorth, kSouth));
    if (inside_dome(p, 1.3f) || taken.blocked(p, 3.0f)) continue;
    // Denser in the park, sparser on the open plaza west and south of the Dome.
    if (p.x < 120 && !scatter.chance(0.35f)) continue;
    const float r = scatter.unit();
    const char* kind = r < 0.55f ? "tree_broadleaf" : (r < 0.8f ? "tree_conifer" : "tree_ginkgo");
    loc.place(kind, {p.x, 0, p.y}, yaw(scatter.range(0, 2 * kPi)), glm::vec3(scatter.range(0.8f, 1.25f)));
    taken.add_circle(p, 3.0f);
    ++planted;
  }

  // --- The city around: the hotel south of the Dome, office blocks beyond the roads ---
  loc.place("hotel_tower", {40, 0, 225}, yaw(0)).name = "tokyo_dome_hotel";
  Rng city(seed, "tdc.city");
  const char* offices[3] = {"office_a", "office_b", "office_c"};
  for (float z = kNorth - 10; z <= kSouth + 40; z += 48)
    loc.place(offices[city.integer(0, 2)], {kRoadWest - 40, 0, z}, yaw(kPi * 0.5f),
              {1, city.range(0.7f, 1.3f), 1});
  for (float x = kWest + 20; x <= kEast + 20; x += 52) {
    if (std::abs(x - 40) > 60)
      loc.place(offices[city.integer(0, 2)], {x, 0, kRoadSouth + 42}, yaw(kPi), {1, city.range(0.7f, 1.3f), 1});
    loc.place(offices[city.integer(0, 2)], {x, 0, kRoadNorth - 42}, yaw(0), {1, city.range(0.7f, 1.4f), 1});
  }

  // Viewpoints that name the place: the crane shot over the Dome to the wheel,
  // the promenade toward the wheel, the coaster's tunnel, the Dome from the plaza.
  loc.viewpoints = {{"dome_to_wheel", {-120, 95, 60}, {250, 30, 15}, 55},
                    {"promenade_wheel", {150, 1.7f, -18}, {250, 38, 15}, 60},
                    {"coaster_tunnel", {195, 24, -25}, {kTowerCentre.x, 28, kTowerCentre.z}, 55},
                    {"dome_from_plaza", {70, 1.7f, 140}, {0, 22, 0}, 60}};

  Environment& e = loc.environment;
  e.time_of_day = "dusk";
  e.weather = "clear";
  e.sun_direction = {0.92f, -0.08f, 0.38f};  // low in the west-south-west, travelling east
  e.sun_color = {1.0f, 0.55f, 0.3f};
  e.sun_intensity = 0.6f;
  e.sky_zenith = {0.06f, 0.09f, 0.24f};
  e.sky_horizon = {0.85f, 0.45f, 0.32f};
  e.ambient = {0.09f, 0.08f, 0.12f};
  e.fog_color = {0.13f, 0.095f, 0.11f};  // the dusk horizon's own radiance: brighter fog washes the park out
  e.fog_density = 0.0012f;
  e.fog_height_falloff = 0.02f;
  e.exposure_ev = -0.5f;
  loc.compute_bounds(10.0f);
  return loc;
}

}  // namespace kagami::locgen::tdc
