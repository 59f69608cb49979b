#pragma once
// Composite shapes shared by the locations: trusses, window-banded towers,
// railings, stairs, snow caps. Each writes into a Mesh or a Model in local space.
#include "mesh.h"
#include "rng.h"

namespace kagami::locgen {
using namespace ::kagami::gen;  // the shared generator toolkit (tools/gen)

// Warren truss from a to b (roughly horizontal): two side frames `height` tall
// and `width` apart (a and b are the bottom-centre ends), top and bottom chords,
// verticals and alternating diagonals per panel, lateral ties across.
void truss(Mesh& out, const glm::vec3& a, const glm::vec3& b, float height, float width, int panels, float member);

// A lattice column: four corner posts `width` apart from y0 to y1 with X bracing
// every `bay` metres (pylons, coaster supports, signal gantries).
void lattice_column(Mesh& out, const glm::vec3& base, float height, float width, float bay, float member);

// Railing from a to b: posts every `spacing` metres and a top rail at `height`.
void railing(Mesh& out, const glm::vec3& a, const glm::vec3& b, float height, float spacing, float post);

// Straight stairs rising along +Z from the origin: `steps` steps of rise x run, `width` wide.
void stairs(Mesh& out, float width, float rise, float run, int steps);

// Settled snow on a flat top of half size `half` (x, z): a slab that slumps in
// at the edges with a few soft bumps, base at y = 0.
Mesh snow_cap(const glm::vec2& half, float thickness, Rng& rng);

struct TowerStyle {
  Material wall;
  Material glass_dark;
  Material glass_lit;
  float floor_height = 3.6f;
  float window_width = 2.4f;   // one window segment along a facade
  float band_height = 2.0f;    // glass band per floor
  float lit_fraction = 0.45f;  // windows lit at night
  float base_height = 0.0f;    // a windowless podium (shops, lobby)
};
// A box tower of size (w, h, d), base centred on the origin, with glass bands
// per floor on all four facades; each window lit or dark by the rng.
void window_tower(Model& out, const glm::vec3& size, const TowerStyle& style, Rng& rng);

// Faces of a block that get windows (bit mask).
enum Faces : unsigned { kFacePosZ = 1, kFaceNegZ = 2, kFacePosX = 4, kFaceNegX = 8, kFacesAll = 15 };
// A wall box from lo to hi with window bands on the chosen faces (no parapet).
void window_block(Model& out, const glm::vec3& lo, const glm::vec3& hi, const TowerStyle& style, Rng& rng,
                  unsigned faces = kFacesAll);

// Orientation helpers for hand-built surfaces: the quad/triangle is flipped if
// its winding does not face `outward`.
void oriented_quad(Mesh& m, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c, const glm::vec3& d,
                   const glm::vec3& outward);
void oriented_triangle(Mesh& m, std::uint32_t a, std::uint32_t b, std::uint32_t c, const glm::vec3& outward);

}  // namespace kagami::locgen
