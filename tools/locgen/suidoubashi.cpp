// Suidoubashi in snow, December night: the layout (see sdb.h for the plan).
// The canal and the viaduct run east-west; Hakusan-dori crosses north-south
// under the truss span; the station, its bicycle parking and vending machines
// line the south bank; mid-rise blocks and the off-track betting tower frame
// the streets. Every random choice comes from a named Rng stream of the seed.
#include <cmath>
#include <string>

#include "footprints.h"
#include "sdb.h"
#include "shapes.h"

namespace kagami::locgen::sdb {

namespace {

constexpr float kWest = -200, kEast = 200, kNorth = -140, kSouth = 140;
constexpr float kSouthStreetZ = 40, kNorthStreetZ = -20;  // road centre lines (20 m wide)

glm::quat facing(const glm::vec2& dir) { return yaw(std::atan2(dir.x, dir.y)); }

Light street_light() {
  Light l;
  l.type = Light::Type::spot;
  l.color = {1.0f, 0.84f, 0.62f};
  l.intensity = 2500;
  l.range = 28;
  l.offset = {0, 7.15f, 2.55f};
  l.direction = {0, -1, 0};
  l.inner_cone_deg = 25;
  l.outer_cone_deg = 50;
  return l;
}

// Where act 2 plays (scenes/cinematic.act2.sequence.json): Len runs from
// (45, 40) to (22.5, -19), Miku stands at (35, 12), Rin at (20, -40). The
// street lamps there cast shadows, so the characters shadow the snow.
bool near_the_action(const glm::vec3& p) { return p.x > 5 && p.x < 55 && p.z > -50 && p.z < 55; }

Light street_light(const glm::vec3& where) {
  Light l = street_light();
  l.shadows = near_the_action(where);
  return l;
}

Light glow_light(const glm::vec3& offset, const glm::vec3& colour, float candela, float range) {
  Light l;
  l.color = colour;
  l.intensity = candela;
  l.range = range;
  l.offset = offset;
  return l;
}

void add_assets(Location& loc, std::uint32_t seed) {
  const Palette& c = palette();
  Rng rng(seed, "sdb.assets");
  loc.add_asset(make_canal_segment());
  loc.add_asset(make_girder_span());
  loc.add_asset(make_truss_span());
  loc.add_asset(make_rail_pier());
  loc.add_asset(make_road_bridge());
  loc.add_asset(make_platform_segment(rng));
  loc.add_asset(make_station_building());
  loc.add_asset(make_train_car("train_car", 0, rng));
  loc.add_asset(make_train_car("train_cab_lead", 1, rng));
  loc.add_asset(make_train_car("train_cab_tail", 2, rng));
  loc.add_asset(make_street_lamp());
  loc.add_asset(make_street_lamp_glass());
  loc.add_asset(make_bicycle("bicycle_black", c.bike_black, rng));
  loc.add_asset(make_bicycle("bicycle_silver", c.bike_silver, rng));
  loc.add_asset(make_bicycle("bicycle_red", c.bike_red, rng));
  loc.add_asset(make_bicycle("bicycle_blue", c.bike_blue, rng));
  loc.add_asset(make_vending_machine("vending_red", c.vend_red, c.vend_front, rng));
  loc.add_asset(make_vending_machine("vending_blue", c.vend_blue, c.vend_front, rng));
  loc.add_asset(make_vending_machine("vending_white", c.vend_white, c.vend_front_b, rng));
  loc.add_asset(make_snow_ground("snow_ground_a", rng));
  loc.add_asset(make_snow_ground("snow_ground_b", rng));
  loc.add_asset(make_snow_road(rng));
  loc.add_asset(make_snow_drift(rng));
  loc.add_asset(make_footprints(rng));
  loc.ground_assets = {"snow_ground_a", "snow_ground_b", "snow_road", "footprints"};
  loc.add_asset(make_utility_pole(rng));
  loc.add_asset(make_power_lines());
  loc.add_asset(make_parked_car("car_white", c.car_white, rng));
  loc.add_asset(make_parked_car("car_dark", c.car_dark, rng));
  loc.add_asset(make_city_building("building_a", {16, 22, 14}, rng));
  loc.add_asset(make_city_building("building_b", {22, 30, 16}, rng));
  loc.add_asset(make_city_building("building_c", {12, 16, 12}, rng));
  loc.add_asset(make_city_building("building_d", {26, 40, 18}, rng));
  loc.add_asset(make_wins_tower(rng));
  loc.add_asset(make_guard_rail(rng));
}

// A row of buildings along X with their fronts facing `front` (+1: +Z).
void building_row(Location& loc, Footprints& taken, Rng& rng, float z_front, float front) {
  const char* kinds[4] = {"building_a", "building_b", "building_c", "building_d"};
  const float widths[4] = {16, 22, 12, 26}, depths[4] = {14, 16, 12, 18};
  float x = kWest;
  while (x < kEast) {
    const int k = rng.integer(0, 3);
    const float w = widths[k], d = depths[k];
    const glm::vec2 centre(x + w * 0.5f, z_front - front * d * 0.5f);
    if (!taken.blocked(centre, std::min(w, d) * 0.45f) && std::abs(centre.x) > w * 0.5f + 12.0f) {
      loc.place(kinds[k], {centre.x, 0, centre.y}, front > 0 ? yaw(0) : yaw(kPi), {1, rng.range(0.8f, 1.35f), 1});
      taken.add_rect(centre - glm::vec2(w, d) * 0.5f, centre + glm::vec2(w, d) * 0.5f);
    }
    x += w + rng.range(1.0f, 4.0f);
  }
}

}  // namespace

Location build(std::uint32_t seed) {
  Location loc;
  loc.name = "suidoubashi";
  loc.description = "Suidoubashi in a December snowstorm: girder viaduct over the canal, station, lamps, bicycles";
  add_assets(loc, seed);
  Footprints taken;

  // --- Canal, road bridge, viaduct, piers ---
  for (float x = kWest + 20; x < kEast; x += 40) loc.place("canal_segment", {x, 0, 0});
  loc.place("road_bridge", {0, 0, 0}).name = "suidobashi_bridge";
  loc.place("truss_span", {-kTrussSpan * 0.5f, kDeckY, kRailZ}).name = "truss_span";
  const float pier_y = kDeckY - kGirderDepth - 0.12f;
  for (float x = kTrussSpan * 0.5f; x < kEast; x += kSpan) {
    for (float s : {-1.0f, 1.0f}) {
      const float start = s > 0 ? x : -x - kSpan;
      if (std::abs(start) + kSpan <= kEast + 0.1f) loc.place("girder_span", {start, kDeckY, kRailZ});
      loc.place("rail_pier", {s * x, pier_y, kRailZ});
    }
  }

  // --- Station: platform along the viaduct's south side, building on the street ---
  for (float x = 20; x < 160; x += 20) {
    loc.place("platform_segment", {x, kDeckY, kRailZ}).light =
        glow_light({10, kPlatformY - kDeckY + 3.3f, (kPlatformZ0 + kPlatformZ1) * 0.5f - kRailZ}, {0.9f, 0.95f, 1.0f}, 150, 14);
    for (float cx : {x + 5, x + 15}) taken.add_circle({cx, kPlatformZ1 - 1.0f}, 0.8f);
  }
  const glm::vec3 station(32, 0, 21.75f);
  loc.place("station_building", station).light = glow_light({0, 3.0f, 6.5f}, {1.0f, 0.85f, 0.65f}, 300, 14);
  taken.add_rect({station.x - 13, station.z - 6}, {station.x + 13, station.z + 8});

  // --- The train on the north track, heading east over the street ---
  const float rail_top = kDeckY + 0.42f, track_z = kRailZ - 2.0f;
  for (int k = 0; k < 10; ++k) {
    const float x = -95.0f + 20.3f * float(k);
    const char* asset = k == 9 ? "train_cab_lead" : (k == 0 ? "train_cab_tail" : "train_car");
    Placement& car = loc.place(asset, {x, rail_top, track_z}, k == 0 ? yaw(kPi) : yaw(0));
    car.name = "train_car_" + std::to_string(k);
    if (k == 9) {
      Light beam_light;
      beam_light.type = Light::Type::spot;
      beam_light.color = {1.0f, 0.97f, 0.9f};
      beam_light.intensity = 40000;
      beam_light.range = 150;
      beam_light.offset = {10.1f, 1.65f, 0};
      beam_light.direction = glm::normalize(glm::vec3(1, -0.04f, 0));
      beam_light.inner_cone_deg = 6;
      beam_light.outer_cone_deg = 14;
      car.light = beam_light;
    }
  }

  // --- Ground: roads on the 20 m grid, snow everywhere else but the canal ---
  Rng ground(seed, "sdb.ground");
  for (float x = kWest; x <= kEast; x += 20)
    for (float z = kNorth; z <= kSouth; z += 20) {
      if (z == 0) continue;  // the canal
      const bool avenue = x == 0, street = z == kSouthStreetZ || z == kNorthStreetZ;
      if (avenue) loc.place("snow_road", {x, 0, z});
      else if (street) loc.place("snow_road", {x, 0, z}, yaw(kPi * 0.5f));
      else loc.place(ground.chance(0.5f) ? "snow_ground_a" : "snow_ground_b", {x, 0, z}, yaw(kPi * 0.5f * float(ground.integer(0, 3))));
    }
  taken.add_rect({-10.5f, kNorth - 10}, {10.5f, kSouth + 10});
  taken.add_rect({kWest - 10, kSouthStreetZ - 10.5f}, {kEast + 10, kSouthStreetZ + 10.5f});
  taken.add_rect({kWest - 10, kNorthStreetZ - 10.5f}, {kEast + 10, kNorthStreetZ + 10.5f});
  taken.add_rect({kWest - 10, -kCanalHalf - 1}, {kEast + 10, kCanalHalf + 1});

  // --- Street lamps: spots of warm light the snow falls through ---
  for (float z = kNorth + 8; z <= kSouth; z += 18) {
    if (std::abs(z) < 13) continue;  // the bridge
    for (float s : {-1.0f, 1.0f}) {
      const glm::vec3 p(s * 11.0f, 0, z);
      loc.place_lamp("street_lamp", "street_lamp_glass", street_light(p), p, facing({-s, 0}));
      taken.add_circle(xz(p), 0.6f);
    }
  }
  for (float x = kWest + 10; x <= kEast; x += 20) {
    if (std::abs(x) < 16) continue;
    for (float s : {-1.0f, 1.0f}) {
      const glm::vec3 p(x, 0, kSouthStreetZ + s * 11.0f);
      if (taken.blocked(xz(p), 0.4f)) continue;
      loc.place_lamp("street_lamp", "street_lamp_glass", street_light(p), p, facing({0, -s}));
      taken.add_circle(xz(p), 0.6f);
    }
    const glm::vec3 north(x, 0, kNorthStreetZ - 11.0f);
    loc.place_lamp("street_lamp", "street_lamp_glass", street_light(north), north, facing({0, 1}));
    taken.add_circle(xz(north), 0.6f);
  }

  // --- Utility poles and wires along the south street's far side ---
  Rng poles(seed, "sdb.poles");
  for (float x = -165; x + 30 <= 180; x += 30) {
    const float z = kSouthStreetZ + 9.2f;
    loc.place("utility_pole", {x, 0, z}, yaw(poles.jitter(0.05f)));
    loc.place("power_lines", {x, 0, z});
    taken.add_circle({x, z}, 0.5f);
  }
  loc.place("utility_pole", {165, 0, kSouthStreetZ + 9.2f});

  // --- Buildings: the off-track betting tower north of the canal, blocks around ---
  const glm::vec3 wins(-48, 0, -52);
  loc.place("wins_tower", wins).name = "wins_tower";
  taken.add_rect({wins.x - 16, wins.z - 16}, {wins.x + 16, wins.z + 16});
  Rng city(seed, "sdb.city");
  building_row(loc, taken, city, kSouthStreetZ + 12.5f, 1.0f);    // south side of the south street
  building_row(loc, taken, city, kNorthStreetZ - 12.5f, -1.0f);   // north side of the north street
  building_row(loc, taken, city, kSouthStreetZ + 52.0f, 1.0f);    // a second rank behind
  building_row(loc, taken, city, kNorthStreetZ - 55.0f, -1.0f);
  // Low buildings on the station's bank, west of the avenue and east of the station.
  for (float x = -190; x < -20; x += 24) {
    if (!taken.blocked({x + 8, 22}, 5)) {
      loc.place("building_c", {x + 8, 0, 23}, yaw(0), {1.2f, city.range(0.8f, 1.2f), 0.8f});
      taken.add_rect({x, 17}, {x + 16, 29});
    }
  }
  for (float x = 165; x < 195; x += 16) loc.place("building_c", {x + 6, 0, 23}, yaw(0), {0.9f, city.range(0.8f, 1.2f), 0.8f});

  // --- Bicycle parking under the platform, and along the south street ---
  Rng bikes(seed, "sdb.bikes");
  const char* bike_kinds[4] = {"bicycle_black", "bicycle_silver", "bicycle_red", "bicycle_blue"};
  auto park_row = [&](float x0, float x1, float z, float heading) {
    for (float x = x0; x <= x1; x += 0.62f) {
      if (bikes.chance(0.08f)) continue;  // a gap where someone has ridden home
      if (taken.blocked({x, z}, 0.3f)) continue;
      loc.place(bike_kinds[bikes.integer(0, 3)], {x + bikes.jitter(0.04f), 0, z + bikes.jitter(0.12f)},
                yaw(heading + bikes.jitter(0.08f)));
    }
  };
  park_row(50, 150, 13.2f, kPi * 0.5f);   // fronts toward the canal
  park_row(-80, -24, 28.8f, -kPi * 0.5f);  // on the sidewalk, fronts toward the street
  park_row(60, 110, 28.8f, -kPi * 0.5f);

  // --- Vending machines glowing in clusters ---
  Rng vend(seed, "sdb.vending");
  const char* vend_kinds[3] = {"vending_red", "vending_blue", "vending_white"};
  struct Cluster { glm::vec2 at; glm::vec2 front; int count; };
  const Cluster clusters[] = {{{46, 27.2f}, {0, 1}, 4},   {{14, 26.5f}, {0, 1}, 3},  {{-30, 27.5f}, {0, 1}, 3},
                              {{-60, -31.5f}, {0, 1}, 2}, {{120, 27.5f}, {0, 1}, 3}, {{-13, 60}, {1, 0}, 2},
                              {{13, -45}, {-1, 0}, 3}};
  for (const Cluster& cl : clusters) {
    const glm::vec2 along(cl.front.y, -cl.front.x);
    for (int k = 0; k < cl.count; ++k) {
      const glm::vec2 p = cl.at + along * (1.05f * float(k));
      loc.place(vend_kinds[vend.integer(0, 2)], {p.x, 0, p.y}, facing(cl.front)).light =
          glow_light({0, 1.35f, 0.9f}, {0.85f, 0.93f, 1.0f}, 35, 6);
    }
  }

  // --- Parked cars, guard rails, drifts and footprints ---
  Rng street(seed, "sdb.street");
  for (int k = 0; k < 8; ++k) {
    const float x = -170 + 45.0f * float(k) + street.jitter(6);
    if (std::abs(x) < 16) continue;
    loc.place(street.chance(0.5f) ? "car_white" : "car_dark", {x, 0, kSouthStreetZ + 7.2f}, yaw(kPi));
  }
  for (float x = -190; x < 190; x += 10) {
    if (std::abs(x + 5) < 18 || (x > 14 && x < 50)) continue;  // crossings and the station entrance
    loc.place("guard_rail", {x, 0, kSouthStreetZ - 9.4f});
  }
  for (int k = 0; k < 80; ++k) {
    // Drifts gather against kerbs and walls, where the wind drops its snow.
    const int edge = street.integer(0, 3);
    glm::vec3 p;
    glm::quat q = yaw(0);
    if (edge == 0) p = {street.range(kWest, kEast), 0, kSouthStreetZ - 10.2f};
    else if (edge == 1) p = {street.range(kWest, kEast), 0, kSouthStreetZ + 10.2f};
    else if (edge == 2) p = {street.range(kWest, kEast), 0, kNorthStreetZ - 10.2f};
    else { p = {street.chance(0.5f) ? 10.3f : -10.3f, 0, street.range(kNorth, kSouth)}; q = yaw(kPi * 0.5f); }
    if (std::abs(p.z) < 11 || (edge < 3 && std::abs(p.x) < 11)) continue;
    loc.place("snow_drift", p, q * yaw(street.jitter(0.2f)), glm::vec3(street.range(0.6f, 1.4f)));
  }
  for (int k = 0; k < 16; ++k) {
    const bool avenue = k % 2 == 0;
    const glm::vec3 p = avenue ? glm::vec3(street.chance(0.5f) ? 7.5f : -7.5f, 0, street.range(-100, 100))
                               : glm::vec3(street.range(-160, 150), 0, kSouthStreetZ + (street.chance(0.5f) ? -8.0f : 8.0f));
    if (avenue && std::abs(p.z) < 12) continue;
    loc.place("footprints", p, avenue ? yaw(street.chance(0.5f) ? kPi * 0.5f : -kPi * 0.5f) : yaw(street.chance(0.5f) ? 0 : kPi));
  }

  // Under the truss on the road bridge looking north; the station from the
  // street; the bicycle rows; along the canal from the north bank.
  loc.viewpoints = {{"under_the_bridge", {2, 1.7f, 28}, {-2, 9, -30}, 60},
                    {"station_street", {62, 1.7f, 46}, {30, 7, 14}, 60},
                    {"bicycle_parking", {80, 1.6f, 24}, {105, 0.8f, 12}, 55},
                    {"along_the_canal", {-70, 1.7f, -13}, {10, 7, 3}, 55}};

  Environment& e = loc.environment;
  e.time_of_day = "night";
  e.weather = "snowstorm";
  e.sun_direction = {0.2f, -1.0f, 0.3f};
  e.sun_color = {0.6f, 0.65f, 0.8f};
  e.sun_intensity = 0.02f;  // no sun: overcast night, the city glow does the lighting
  e.sky_zenith = {0.03f, 0.035f, 0.05f};
  e.sky_horizon = {0.16f, 0.13f, 0.12f};
  e.ambient = {0.06f, 0.065f, 0.08f};
  e.fog_color = {0.075f, 0.078f, 0.095f};  // dim snow air, so the lamps' pools and beams stand out
  e.fog_density = 0.012f;
  e.fog_height_falloff = 0.01f;
  e.exposure_ev = 0.5f;
  loc.compute_bounds(10.0f);
  return loc;
}

}  // namespace kagami::locgen::sdb
