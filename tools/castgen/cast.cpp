#include "cast.h"

#include "cast_parts.h"
#include <glm/gtx/quaternion.hpp>

#include "shapes.h"

namespace kagami::castgen {

namespace {

glm::vec3 at(std::uint32_t j) { return rest_positions()[j]; }

const glm::vec3 kSkin{0.98f, 0.82f, 0.7f};
const glm::vec3 kBlond{0.97f, 0.82f, 0.3f};
const glm::vec3 kTeal{0.1f, 0.72f, 0.68f};
const glm::vec3 kPurple{0.5f, 0.24f, 0.72f};
const glm::vec3 kBlack{0.05f, 0.05f, 0.06f};
const glm::vec3 kWhite{0.93f, 0.93f, 0.92f};

Outfit vocaloid_outfit(const char* who) {
  const std::string p = who;
  Outfit o;
  o.skin = matte(p + "_skin", kSkin, 0.7f);
  o.torso = matte(p + "_shirt", kWhite);
  o.upper_arm = o.torso;
  o.forearm = matte(p + "_sleeves", kBlack, 0.6f);
  o.hand = o.skin;
  o.pelvis = matte(p + "_shorts", kBlack, 0.7f);
  o.thigh = o.skin;
  o.shin = o.pelvis;  // leg warmers
  o.shoe = matte(p + "_shoes", kWhite, 0.5f);
  o.eye = matte(p + "_eyes", {0.15f, 0.45f, 0.9f}, 0.3f);
  return o;
}

// Short blond hair with spiky bangs; Len's small ponytail, or Rin's bow.
void twins_hair(Body& b, const std::string& who, bool ponytail_tuft, bool bow) {
  const Material hair = matte(who + "_hair", kBlond, 0.6f);
  hair_cap(b, hair, 0.03f);
  bangs(b, hair, 5, 0.11f, 0.085f);
  const glm::vec3 h = head_centre();
  for (float s : {-1.0f, 1.0f})  // side spikes over the ears
    b.add(hair, cylinder(0.035f, 0.0f, 0.1f, 6), trs(h + glm::vec3(s * 0.1f, 0.02f, 0.0f), y_to({s * 0.5f, -1, 0.2f})),
          head);
  if (ponytail_tuft) {
    const glm::vec3 root = at(ponytail);
    b.limb(hair, root, root + glm::vec3(0, -0.1f, -0.07f), 0.035f, 0.004f, ponytail, 6);
    b.ball(matte(who + "_hairtie", kBlack), root, glm::vec3(0.022f), ponytail, 6);
  }
  if (bow) {
    const Material white = matte(who + "_bow", {1, 1, 1}, 0.5f);
    for (float s : {-1.0f, 1.0f})
      b.ball(white, h + glm::vec3(s * 0.075f, 0.16f, -0.02f), {0.08f, 0.055f, 0.025f}, head, 10);
    b.ball(white, h + glm::vec3(0, 0.155f, -0.015f), glm::vec3(0.03f), head, 8);
    for (float s : {-1.0f, 1.0f})  // hair clips
      b.block(white, h + glm::vec3(s * 0.07f, 0.07f, 0.095f), {0.022f, 0.006f, 0.008f}, head,
              glm::angleAxis(s * 0.5f, glm::vec3(0, 0, 1)));
  }
}

Body len_vocaloid() {
  Body b("len_vocaloid");
  base_body(b, vocaloid_outfit("len"));
  twins_hair(b, "len", true, false);
  headset(b, matte("len_headset", kWhite, 0.35f), glow("len_headset_light", {1.0f, 0.85f, 0.1f}, 4.0f));
  tie(b, matte("len_tie", {0.98f, 0.82f, 0.1f}, 0.5f), 0.16f);
  return b;
}

Body len_hooded_coat() {
  Body b("len_hooded_coat");
  Outfit o = vocaloid_outfit("len");
  const Material coat = matte("len_coat", {0.48f, 0.48f, 0.5f}, 0.9f);
  o.torso = o.upper_arm = o.forearm = o.pelvis = coat;
  o.thigh = o.shin = matte("len_trousers", {0.16f, 0.26f, 0.55f}, 0.85f);
  o.shoe = matte("len_boots", {0.2f, 0.16f, 0.13f}, 0.7f);
  base_body(b, o);
  twins_hair(b, "len", true, false);
  skirt(b, coat, 1.0f, 0.72f, 0.16f, 0.2f);
  // The hood, folded down behind the neck.
  b.ball(coat, at(neck) + glm::vec3(0, 0.02f, -0.1f), {0.13f, 0.08f, 0.07f}, chest, 10);
  // The letter N on the chest, dark navy.
  const Material letter = matte("len_coat_letter", {0.08f, 0.1f, 0.22f}, 0.8f);
  const glm::vec3 c = at(chest) + glm::vec3(0.0f, 0.06f, 0.108f);
  for (float s : {-1.0f, 1.0f}) b.block(letter, c + glm::vec3(s * 0.035f, 0, 0), {0.009f, 0.045f, 0.01f}, chest);
  b.block(letter, c, {0.009f, 0.05f, 0.01f}, chest, glm::angleAxis(0.66f, glm::vec3(0, 0, 1)));
  // Red scarf: a ring round the neck and a tail down the front.
  const Material scarf = matte("len_scarf", {0.8f, 0.08f, 0.08f}, 0.9f);
  b.add(scarf, torus(0.075f, 0.035f, 14, 6), trs(at(neck) + glm::vec3(0, 0.01f, 0.005f),
                                                  glm::angleAxis(kPi * 0.5f, glm::vec3(1, 0, 0))), neck);
  b.block(scarf, at(chest) + glm::vec3(0.06f, 0.06f, 0.12f), {0.035f, 0.12f, 0.015f}, chest,
          glm::angleAxis(-0.12f, glm::vec3(0, 0, 1)));
  return b;
}

Body len_greatcoat() {
  Body b("len_greatcoat");
  Outfit o = vocaloid_outfit("len");
  const Material coat = matte("len_greatcoat", {0.07f, 0.07f, 0.1f}, 0.7f);
  o.torso = o.upper_arm = o.forearm = o.pelvis = coat;
  o.thigh = o.shin = matte("len_dark_trousers", {0.1f, 0.1f, 0.12f}, 0.8f);
  o.shoe = matte("len_dark_boots", {0.04f, 0.04f, 0.05f}, 0.4f);
  base_body(b, o);
  twins_hair(b, "len", true, false);
  skirt(b, coat, 1.0f, 0.28f, 0.16f, 0.3f);
  // High collar and a column of silver buttons.
  b.limb(coat, at(neck) - glm::vec3(0, 0.03f, 0), at(neck) + glm::vec3(0, 0.08f, 0), 0.075f, 0.085f, neck, 10);
  const Material silver = metal("len_greatcoat_buttons", {0.8f, 0.8f, 0.85f}, 0.3f);
  for (int i = 0; i < 4; ++i)
    b.ball(silver, at(chest) + glm::vec3(0.03f, 0.12f - 0.07f * float(i), 0.1f - (i == 0 ? 0.015f : 0.0f)),
           glm::vec3(0.012f), chest, 6);
  // Data-world trim: thin cyan glowing lines down the coat's front edges.
  const Material trim = glow("len_greatcoat_trim", {0.3f, 0.9f, 1.0f}, 2.0f);
  for (float s : {-1.0f, 1.0f})
    b.block(trim, glm::vec3(s * 0.075f, 0.66f, 0.2f), {0.006f, 0.3f, 0.006f}, hips,
            glm::angleAxis(-0.18f, glm::vec3(1, 0, 0)));
  return b;
}

Body rin() {
  Body b("rin");
  Outfit o = vocaloid_outfit("rin");
  o.upper_arm = o.skin;  // sleeveless top, detached black sleeves
  base_body(b, o);
  twins_hair(b, "rin", false, true);
  headset(b, matte("rin_headset", kWhite, 0.35f), glow("rin_headset_light", {1.0f, 0.85f, 0.1f}, 4.0f));
  tie(b, matte("rin_ribbon", {0.98f, 0.82f, 0.1f}, 0.5f), 0.1f);
  // Sailor collar: a dark blue-grey band over the shoulders.
  b.ball(matte("rin_collar", {0.2f, 0.24f, 0.32f}, 0.8f), at(chest) + glm::vec3(0, 0.16f, -0.02f),
         {0.15f, 0.04f, 0.1f}, chest, 10);
  return b;
}

Outfit miku_outfit() {
  Outfit o;
  o.skin = matte("miku_skin", kSkin, 0.7f);
  o.torso = matte("miku_top", {0.62f, 0.64f, 0.66f}, 0.7f);
  o.upper_arm = o.skin;
  o.forearm = matte("miku_sleeves", {0.1f, 0.1f, 0.12f}, 0.6f);
  o.hand = o.skin;
  o.pelvis = matte("miku_skirt", {0.08f, 0.08f, 0.1f}, 0.7f);
  o.thigh = o.skin;
  o.shin = matte("miku_boots", {0.06f, 0.06f, 0.08f}, 0.4f);
  o.shoe = o.shin;
  o.eye = matte("miku_eyes", kTeal * 0.9f, 0.3f);
  return o;
}

Body miku(bool act2) {
  Body b(act2 ? "miku_act2" : "miku");
  base_body(b, miku_outfit());
  const Material hair = matte("miku_hair", kTeal, 0.55f);
  const Material teal_trim = matte("miku_trim", kTeal, 0.5f);
  hair_cap(b, hair, act2 ? 0.1f : 0.04f);
  bangs(b, hair, 6, act2 ? 0.13f : 0.12f, 0.09f);
  const glm::vec3 h = head_centre();
  if (act2) {
    // Short, loose: side locks to the jaw and an uneven back.
    for (float s : {-1.0f, 1.0f}) {
      b.limb(hair, h + glm::vec3(s * 0.1f, 0.04f, 0.02f), h + glm::vec3(s * 0.115f, -0.13f, 0.04f), 0.04f, 0.012f, head, 6);
      b.limb(hair, h + glm::vec3(s * 0.06f, 0.0f, -0.09f), h + glm::vec3(s * 0.09f, -0.17f, -0.1f), 0.05f, 0.01f, head, 6);
    }
  } else {
    // Long twin-tails from high on the head down past the knees.
    for (int side = 0; side < 2; ++side) {
      const float s = side == 0 ? 1.0f : -1.0f;
      const std::uint32_t root_joint = side == 0 ? hair_l : hair_r;
      const glm::vec3 root = at(root_joint) + glm::vec3(0, 0.04f, 0);
      b.ball(matte("miku_hairtie", {0.15f, 0.15f, 0.18f}), root, {0.035f, 0.05f, 0.035f}, root_joint, 8);
      b.limb(hair, root, root + glm::vec3(s * 0.12f, -0.35f, -0.06f), 0.06f, 0.075f, root_joint, 8);
      b.limb(hair, root + glm::vec3(s * 0.12f, -0.35f, -0.06f), glm::vec3(s * 0.26f, 0.5f, -0.14f), 0.075f, 0.01f,
             root_joint, 8);
    }
  }
  tie(b, teal_trim, 0.17f);
  skirt(b, miku_outfit().pelvis, 1.0f, 0.8f, 0.15f, 0.22f);
  for (float s : {-1.0f, 1.0f}) {  // teal trim on the sleeve cuffs and boot tops
    b.limb(teal_trim, at(s > 0 ? hand_l : hand_r) - glm::vec3(s * 0.02f, 0, 0),
           at(s > 0 ? hand_l : hand_r) - glm::vec3(s * 0.045f, 0, 0), 0.05f, 0.05f, s > 0 ? forearm_l : forearm_r, 8);
    b.limb(teal_trim, at(s > 0 ? shin_l : shin_r) + glm::vec3(0, 0.04f, 0), at(s > 0 ? shin_l : shin_r) + glm::vec3(0, 0.07f, 0),
           0.062f, 0.064f, s > 0 ? leg_l : leg_r, 8);
  }
  return b;
}

Body camui() {
  Body b("camui");
  Outfit o;
  o.skin = matte("camui_skin", {0.95f, 0.84f, 0.76f}, 0.7f);
  o.torso = matte("camui_coat", {0.1f, 0.09f, 0.16f}, 0.75f);
  o.upper_arm = o.forearm = o.torso;
  o.hand = matte("camui_gloves", kBlack, 0.5f);
  o.pelvis = o.torso;
  o.thigh = o.shin = matte("camui_hakama", {0.16f, 0.14f, 0.2f}, 0.85f);
  o.shoe = matte("camui_boots", kBlack, 0.4f);
  o.eye = glow("camui_eyes", {1.0f, 0.08f, 0.05f}, 3.0f);
  o.chest_scale = 1.12f;
  base_body(b, o);
  const Material hair = matte("camui_hair", kPurple, 0.5f);
  hair_cap(b, hair, 0.02f);
  bangs(b, hair, 4, 0.13f, 0.08f);
  // The high ponytail: gathered at the crown, falling to the waist.
  const glm::vec3 top = head_centre() + glm::vec3(0, 0.12f, -0.08f);
  b.ball(matte("camui_hairtie", {0.85f, 0.1f, 0.1f}), top, glm::vec3(0.035f), ponytail, 8);
  b.limb(hair, top, top + glm::vec3(0, 0.05f, -0.12f), 0.05f, 0.06f, ponytail, 8);
  b.limb(hair, top + glm::vec3(0, 0.05f, -0.12f), glm::vec3(0, 0.95f, -0.22f), 0.06f, 0.015f, ponytail, 8);
  // The coat: long tails, a red sash, white inner collar.
  skirt(b, o.torso, 1.0f, 0.38f, 0.17f, 0.28f);
  b.limb(matte("camui_sash", {0.7f, 0.06f, 0.08f}, 0.8f), at(hips) + glm::vec3(0, 0.02f, 0),
         at(hips) + glm::vec3(0, 0.09f, 0), 0.16f, 0.15f, hips, 12);
  b.limb(matte("camui_collar", kWhite, 0.7f), at(neck) - glm::vec3(0, 0.02f, 0), at(neck) + glm::vec3(0, 0.05f, 0),
         0.07f, 0.075f, neck, 10);
  // The sword at his left hip: a black scabbard angled back, a white-wrapped hilt.
  const glm::vec3 guard = at(hips) + glm::vec3(0.2f, 0.02f, 0.14f);
  const glm::vec3 dir = glm::normalize(glm::vec3(0.05f, -0.35f, -1.0f));
  b.limb(matte("camui_scabbard", {0.03f, 0.03f, 0.04f}, 0.3f), guard, guard + dir * 0.8f, 0.018f, 0.016f, hips, 6);
  b.add(metal("camui_tsuba", {0.75f, 0.6f, 0.25f}), disc_z(0.035f, 0.01f, 10),
        trs(guard, glm::rotation(glm::vec3(0, 0, 1), -dir)), hips);
  b.limb(matte("camui_hilt", kWhite, 0.8f), guard, guard - dir * 0.24f, 0.016f, 0.015f, hips, 6);
  return b;
}

}  // namespace

const std::vector<CastEntry>& cast() {
  static const std::vector<CastEntry> list = {
      {"len_vocaloid", "len", len_vocaloid},
      {"len_hooded_coat", "len", len_hooded_coat},
      {"len_greatcoat", "len", len_greatcoat},
      {"rin", "rin", rin},
      {"miku", "miku", [] { return miku(false); }},
      {"miku_act2", "miku", [] { return miku(true); }},
      {"camui", "camui", camui},
  };
  return list;
}

}  // namespace kagami::castgen
