#pragma once
// Procedural primitives, each built in its own local space and placed with
// Mesh::append(shape, trs(...)). Units are metres, +Y up (glTF).
#include <vector>

#include "mesh.h"
#include "rng.h"

namespace kagami::gen {

constexpr float kPi = 3.14159265358979f;

// Axis-aligned box with flat faces.
Mesh box(const glm::vec3& min, const glm::vec3& max);
// Box centred on the origin.
inline Mesh box_centered(const glm::vec3& half) { return box(-half, half); }
// Box of cross-section w x h from a to b (its local +Y leans toward `up`).
Mesh beam(const glm::vec3& a, const glm::vec3& b, float w, float h, const glm::vec3& up = {0, 1, 0});
// Frustum slab: a bottom rectangle of half size `bottom`, a top one of half size
// `top`, `height` tall, base at y = 0. Snow caps, plinths, roofs.
Mesh slab(const glm::vec2& bottom, const glm::vec2& top, float height);

// Cylinder (or cone, or frustum) along +Y from y = 0 to y = h; smooth sides.
Mesh cylinder(float r_bottom, float r_top, float h, int segments, bool caps = true);
// Smooth UV sphere centred on the origin.
Mesh sphere(float r, int segments, int rings);
// Faceted, jittered icosphere: a low-poly tree canopy or snow lump.
Mesh blob(float r, int subdivisions, float jitter, Rng& rng);
// Octahedron: the cheapest round-looking thing (8 triangles), for bulbs.
Mesh gem(float r);
// Torus around the Z axis (the ring lies in the XY plane); smooth.
Mesh torus(float major_r, float minor_r, int major_segments, int minor_segments);
// Flat rectangle in XZ facing +Y, centred on the origin.
Mesh quad_xz(float width, float depth);
// Thin-walled disc (flat cylinder) facing +Z in the XY plane: a wheel or bulb.
Mesh disc_z(float r, float thickness, int segments);

// A path frame: position, unit tangent, unit "up" (normal) and side (binormal).
struct Frame {
  glm::vec3 p, t, up, side;
};
// Centripetal Catmull-Rom through `points` (no loops or cusps between close
// points); `samples` points per segment.
std::vector<glm::vec3> catmull_rom(const std::vector<glm::vec3>& points, bool closed, int samples);
// Resamples a polyline at (nearly) equal spacing.
std::vector<glm::vec3> resample(const std::vector<glm::vec3>& path, bool closed, float spacing);
// Frames whose up is `up_hint` made perpendicular to the tangent, turned by
// `bank[i]` radians about it (bank may be empty). Paths never run parallel to
// the hint (roads, rails and coaster tracks without vertical loops).
std::vector<Frame> frames_along(const std::vector<glm::vec3>& path, bool closed, const std::vector<float>& bank = {},
                                const glm::vec3& up_hint = {0, 1, 0});
// Sweeps a closed 2D profile (x = side, y = up, counter-clockwise) along frames
// with an offset of `offset` in the frame's (side, up) plane; smooth around.
Mesh sweep(const std::vector<Frame>& frames, bool closed, const std::vector<glm::vec2>& profile,
           const glm::vec2& offset = {0, 0});
// A circle of `sides` points, counter-clockwise: the profile of a tube.
std::vector<glm::vec2> circle_profile(float r, int sides);
std::vector<glm::vec2> rect_profile(float half_w, float half_h);

}  // namespace kagami::gen
