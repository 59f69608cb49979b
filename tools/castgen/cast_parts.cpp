#include "cast_parts.h"

#include "shapes.h"

namespace kagami::castgen {

namespace {
glm::vec3 at(std::uint32_t j) { return rest_positions()[j]; }
}  // namespace

glm::vec3 head_centre() { return at(head) + glm::vec3(0, 0.1f, 0.01f); }

void base_body(Body& b, const Outfit& o) {
  const float cs = o.chest_scale;
  // Torso: pelvis, waist, chest, shoulders.
  b.ball(o.pelvis, at(hips) + glm::vec3(0, -0.01f, 0), {0.15f, 0.11f, 0.1f}, hips);
  b.add(o.torso, cylinder(0.12f, 0.13f * cs, at(chest).y - at(spine).y + 0.04f, 10),
        trs(at(spine) - glm::vec3(0, 0.06f, 0), {1, 0, 0, 0}, {1, 1, 0.75f}), spine);
  b.ball(o.torso, at(chest) + glm::vec3(0, 0.07f, 0), {0.155f * cs, 0.14f, 0.105f}, chest);
  b.limb(o.skin, at(neck) - glm::vec3(0, 0.02f, 0), at(head) + glm::vec3(0, 0.04f, 0), 0.045f, 0.042f, neck);
  // Head and face.
  const glm::vec3 h = head_centre();
  b.ball(o.skin, h, {0.11f, 0.12f, 0.112f}, head, 14);
  for (float s : {-1.0f, 1.0f})
    b.ball(o.eye, h + glm::vec3(s * 0.042f, -0.012f, 0.098f), {0.02f, 0.028f, 0.012f}, head, 8);
  for (int side = 0; side < 2; ++side) {
    const bool l = side == 0;
    const float s = l ? 1.0f : -1.0f;
    const auto J = [&](std::uint32_t left, std::uint32_t right) { return l ? left : right; };
    b.ball(o.upper_arm, at(J(arm_l, arm_r)) - glm::vec3(s * 0.02f, 0, 0), glm::vec3(0.062f * cs), J(shoulder_l, shoulder_r));
    b.limb(o.upper_arm, at(J(arm_l, arm_r)), at(J(forearm_l, forearm_r)), 0.052f, 0.044f, J(arm_l, arm_r));
    b.limb(o.forearm, at(J(forearm_l, forearm_r)), at(J(hand_l, hand_r)), 0.044f, 0.036f, J(forearm_l, forearm_r));
    b.ball(o.hand, at(J(hand_l, hand_r)) + glm::vec3(s * 0.055f, 0, 0), {0.06f, 0.028f, 0.045f}, J(hand_l, hand_r));
    b.limb(o.thigh, at(J(leg_l, leg_r)) + glm::vec3(0, 0.04f, 0), at(J(shin_l, shin_r)), 0.078f, 0.056f, J(leg_l, leg_r));
    b.limb(o.shin, at(J(shin_l, shin_r)), at(J(foot_l, foot_r)), 0.056f, 0.042f, J(shin_l, shin_r));
    b.block(o.shoe, at(J(foot_l, foot_r)) + glm::vec3(0, -0.025f, 0.045f), {0.052f, 0.038f, 0.11f}, J(foot_l, foot_r));
  }
}

void hair_cap(Body& b, const Material& hair, float back_drop) {
  const glm::vec3 h = head_centre();
  b.ball(hair, h + glm::vec3(0, 0.025f, -0.028f), {0.123f, 0.127f, 0.125f}, head, 14);
  if (back_drop > 0.0f)
    b.ball(hair, h + glm::vec3(0, -back_drop * 0.5f, -0.045f), {0.12f, 0.1f + back_drop * 0.5f, 0.1f}, head, 12);
}

void bangs(Body& b, const Material& hair, int count, float length, float spread) {
  const glm::vec3 h = head_centre();
  for (int i = 0; i < count; ++i) {
    const float u = count > 1 ? float(i) / float(count - 1) * 2.0f - 1.0f : 0.0f;  // -1 .. 1 across the brow
    const glm::vec3 root = h + glm::vec3(u * spread, 0.1f - 0.02f * u * u, 0.07f);
    const glm::vec3 dir = glm::normalize(glm::vec3(u * 0.35f, -1.0f, 0.55f - 0.2f * u * u));
    b.add(hair, cylinder(0.032f, 0.0f, length * (1.0f - 0.25f * u * u), 6), trs(root, y_to(dir)), head);
  }
}

void headset(Body& b, const Material& shell, const Material& light) {
  const glm::vec3 h = head_centre();
  for (float s : {-1.0f, 1.0f}) {
    const glm::quat face_x = glm::angleAxis(s * kPi * 0.5f, glm::vec3(0, 1, 0));
    b.add(shell, disc_z(0.05f, 0.035f, 12), trs(h + glm::vec3(s * 0.118f, -0.01f, 0), face_x), head);
    b.add(light, torus(0.036f, 0.008f, 12, 6), trs(h + glm::vec3(s * 0.155f, -0.01f, 0), face_x), head);
    b.add(light, gem(0.018f), trs(h + glm::vec3(s * 0.157f, -0.01f, 0)), head);
  }
  // The microphone arm from the right ear piece toward the mouth.
  b.limb(shell, h + glm::vec3(-0.14f, -0.04f, 0.02f), h + glm::vec3(-0.06f, -0.1f, 0.12f), 0.008f, 0.007f, head, 5);
  b.ball(light, h + glm::vec3(-0.055f, -0.1f, 0.125f), glm::vec3(0.014f), head, 6);
}

void skirt(Body& b, const Material& m, float y0, float y1, float r0, float r1) {
  // cylinder() runs up from its bottom radius, so the hem (r1) goes first.
  b.add(m, cylinder(r1, r0, y0 - y1, 14, false), trs({0, y1, -0.005f}, {1, 0, 0, 0}, {1, 1, 0.8f}), hips);
}

void tie(Body& b, const Material& m, float length) {
  const glm::vec3 top = at(chest) + glm::vec3(0, 0.17f, 0.1f);
  b.block(m, top - glm::vec3(0, length * 0.5f, 0), {0.025f, length * 0.5f, 0.012f}, chest,
          glm::angleAxis(-0.25f, glm::vec3(1, 0, 0)));
  b.block(m, top, {0.03f, 0.022f, 0.015f}, chest);
}

}  // namespace kagami::castgen
