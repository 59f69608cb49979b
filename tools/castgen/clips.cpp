#include "clips.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

#include "shapes.h"

namespace kagami::castgen {

namespace {

constexpr float kDeg = kPi / 180.0f;

// A pose: a local rotation per joint and the hips' position.
struct Pose {
  std::array<glm::quat, kJointCount> rot;
  glm::vec3 hips_at;
  Pose() : hips_at(rest_positions()[hips]) { rot.fill(glm::quat(1, 0, 0, 0)); }

  static glm::quat rx(float deg) { return glm::angleAxis(deg * kDeg, glm::vec3(1, 0, 0)); }
  static glm::quat ry(float deg) { return glm::angleAxis(deg * kDeg, glm::vec3(0, 1, 0)); }
  static glm::quat rz(float deg) { return glm::angleAxis(deg * kDeg, glm::vec3(0, 0, 1)); }

  // side +1 = left (+X), -1 = right. down: from the T-pose toward the body;
  // swing: forward (+) / back about X; reach: toward the front, horizontally;
  // elbow: forearm bend toward the front.
  void arm(float side, float down, float swing, float reach, float elbow) {
    const bool l = side > 0;
    rot[l ? arm_l : arm_r] = rx(-swing) * ry(-side * reach) * rz(-side * down);
    rot[l ? forearm_l : forearm_r] = ry(-side * elbow);
  }
  // swing: thigh forward (+); knee: shin bent back; foot: toes up (+).
  void leg(float side, float swing, float knee, float foot = 0.0f) {
    const bool l = side > 0;
    rot[l ? leg_l : leg_r] = rx(-swing);
    rot[l ? shin_l : shin_r] = rx(knee);
    rot[l ? foot_l : foot_r] = rx(-foot);
  }
  // lean: forward (+) bend spread over spine and chest; turn: yaw to the left (+).
  void torso(float lean, float turn = 0.0f, float tilt = 0.0f) {
    rot[spine] = rx(lean * 0.5f) * ry(turn * 0.5f) * rz(tilt * 0.5f);
    rot[chest] = rx(lean * 0.5f) * ry(turn * 0.5f) * rz(tilt * 0.5f);
  }
  void look(float down, float turn = 0.0f) {
    rot[neck] = rx(down * 0.4f) * ry(turn * 0.4f);
    rot[head] = rx(down * 0.6f) * ry(turn * 0.6f);
  }
  // Hair trails against motion: `lag` degrees back, `sway` to the side.
  void hair(float lag, float sway) {
    rot[hair_l] = rot[hair_r] = rx(-lag) * rz(sway);
    rot[ponytail] = rx(-lag * 1.3f) * rz(sway);
    rot[ponytail_tip] = rx(-lag * 0.5f);
  }
};

// Arms hanging relaxed at the sides.
void relaxed(Pose& p, float breathe = 0.0f) {
  p.arm(1, 78 - breathe, 0, 8, 12);
  p.arm(-1, 78 - breathe, 0, 8, 12);
}

float smooth(float x) {
  x = std::clamp(x, 0.0f, 1.0f);
  return x * x * (3.0f - 2.0f * x);
}
float wave(float t, float period, float phase = 0.0f) { return std::sin(2.0f * kPi * (t / period + phase)); }

void idle(float t, Pose& p) {
  const float b = wave(t, 2.0f);
  relaxed(p, 2.0f * b);
  p.torso(1.0f + 1.0f * b);
  p.look(-2.0f * b);
  p.hips_at.y -= 0.005f * (1.0f + b);
  p.hair(2.0f * b, 1.0f * b);
}

// A gait cycle: stride (deg), knee, arm swing, bounce (m), period (s), lean.
void gait(float t, Pose& p, float stride, float knee, float arms, float bounce, float period, float lean, float elbow) {
  const float s = wave(t, period);
  const float c = wave(t, period, 0.25f);
  p.leg(1, stride * s, knee * std::max(0.0f, -c) + 5.0f, 8.0f * s);
  p.leg(-1, -stride * s, knee * std::max(0.0f, c) + 5.0f, -8.0f * s);
  p.arm(1, 75, -arms * s, 5, elbow);
  p.arm(-1, 75, arms * s, 5, elbow);
  p.torso(lean, 6.0f * s);
  p.hips_at.y += bounce * std::abs(wave(t, period, 0.25f)) - bounce;
  p.hair(lean + 6.0f * std::abs(s), 3.0f * s);
}

void walk(float t, Pose& p) { gait(t, p, 25, 35, 20, 0.03f, 1.0f, 3, 15); }
void run(float t, Pose& p) { gait(t, p, 45, 80, 45, 0.06f, 0.66f, 12, 80); }

void stop(float t, Pose& p) {
  // Decelerating strides that settle into the idle stance by 0.8 s.
  const float k = 1.0f - smooth(t / 0.8f);
  gait(t, p, 25 * k, 35 * k, 20 * k, 0.03f * k, 1.0f, 3 + 6 * std::sin(kPi * smooth(t / 0.8f)), 15);
}

void hug(float t, Pose& p) {
  const float k = smooth(t / 0.8f);
  const float sq = 0.5f + 0.5f * wave(t, 1.6f);
  p.arm(1, 78 - 58 * k, 0, 8 + 72 * k, 12 + (60 + 10 * sq) * k);
  p.arm(-1, 78 - 58 * k, 0, 8 + 72 * k, 12 + (60 + 10 * sq) * k);
  p.torso(10 * k);
  p.look(10 * k, 20 * k);
  p.leg(1, 5 * k, 10 * k);
  p.hair(3 * k, 0);
}

void take_hand(float t, Pose& p) {
  const float k = smooth(t / 0.7f);
  relaxed(p);
  p.arm(-1, 78 - 28 * k, 25 * k, 20 * k, 12 + 8 * k);  // right hand reaches out to the front-side
  p.torso(4 * k, -10 * k);
  p.look(5 * k, -25 * k);
}

void look_away(float t, Pose& p) {
  const float k = smooth(t / 0.6f);
  relaxed(p);
  p.arm(1, 78, -5 * k, 8, 40 * k);
  p.torso(5 * k, 18 * k);
  p.look(15 * k, 55 * k);
  p.hair(2 * k, 4 * k);
}

void collapse(float t, Pose& p) {
  // Knees give (0-0.5 s), kneel (0.5-0.9), fall forward to the ground (0.9-1.5).
  const float knees = smooth(t / 0.6f);
  const float fall = smooth((t - 0.8f) / 0.7f);
  p.arm(1, 78 - 30 * fall, 20 * knees, 8 + 40 * fall, 20 + 30 * knees);
  p.arm(-1, 78 - 30 * fall, 20 * knees, 8 + 40 * fall, 20 + 30 * knees);
  p.leg(1, 80 * knees - 70 * fall, 120 * knees - 100 * fall, -30 * knees);
  p.leg(-1, 80 * knees - 70 * fall, 120 * knees - 100 * fall, -30 * knees);
  p.torso(25 * knees + 55 * fall);
  p.rot[hips] = Pose::rx(20 * fall);
  p.look(30 * knees - 20 * fall, 15 * fall);
  p.hips_at.y -= 0.45f * knees + 0.38f * fall;
  p.hips_at.z += 0.25f * fall;
  p.hair(10 * knees + 70 * fall, 0);  // long hair falls to the floor ahead of the head
}

void cry(float t, Pose& p) {
  // Hands to the face, shoulders shaking.
  const float sob = wave(t, 0.5f);
  p.arm(1, 60, 70, 30, 145);
  p.arm(-1, 60, 70, 30, 145);
  p.rot[shoulder_l] = Pose::rz(3 * sob);
  p.rot[shoulder_r] = Pose::rz(-3 * sob);
  p.torso(15 + 3 * sob);
  p.look(30);
  p.hair(3, 0);
}

void punch(float t, Pose& p) {
  // Guard, right jab out at 0.25 s, back to guard by 0.6 s.
  const float hit = std::sin(kPi * std::clamp(t / 0.6f, 0.0f, 1.0f));
  const float jab = std::pow(std::max(hit, 0.0f), 0.6f);
  p.arm(1, 60, 50, 40, 120);
  p.arm(-1, 60 - 55 * jab, 50 + 30 * jab, 40 + 45 * jab, 120 - 115 * jab);
  p.torso(5 + 8 * jab, -25 * jab);
  p.leg(1, 20, 15);
  p.leg(-1, -15, 10);
  p.look(0, 20 * jab);
}

void grapple(float t, Pose& p) {
  const float strain = wave(t, 1.2f);
  p.arm(1, 55, 20, 70, 60 + 10 * strain);
  p.arm(-1, 55, 20, 70, 60 - 10 * strain);
  p.torso(25 + 5 * strain, 8 * strain);
  p.leg(1, 30, 40);
  p.leg(-1, -25, 15);
  p.hips_at.y -= 0.08f;
  p.look(-10);
}

void suplex(float t, Pose& p) {
  // Grip, lift, arch backward to a bridge (0-1.2 s), release.
  const float lift = smooth(t / 0.5f);
  const float arch = smooth((t - 0.4f) / 0.8f);
  p.arm(1, 40 - 60 * arch, 30 + 120 * arch, 60 - 40 * arch, 50);
  p.arm(-1, 40 - 60 * arch, 30 + 120 * arch, 60 - 40 * arch, 50);
  p.torso(20 * lift - 110 * arch);
  p.look(-40 * arch);
  p.leg(1, 20 * lift - 30 * arch, 60 * lift + 40 * arch);
  p.leg(-1, 20 * lift - 30 * arch, 60 * lift + 40 * arch);
  p.hips_at.y -= 0.12f * lift + 0.15f * arch;
  p.hair(-30 * arch, 0);
}

void fall_get_up(float t, Pose& p) {
  // Knocked back to sitting (0-0.5 s), then up through a crouch (1.0-2.2 s).
  const float down = smooth(t / 0.5f);
  const float up = smooth((t - 1.0f) / 1.2f);
  const float seated = down * (1.0f - up);
  p.leg(1, 80 * seated, 60 * seated);
  p.leg(-1, 70 * seated, 90 * seated);
  p.arm(1, 78 - 10 * seated, -60 * seated, 8, 15);
  p.arm(-1, 78 - 10 * seated, -60 * seated, 8, 15);
  p.torso(-20 * seated + 30 * std::sin(kPi * up));
  p.look(15 * seated);
  p.hips_at.y -= 0.78f * seated;
  p.hips_at.z -= 0.3f * seated;
  p.hair(-15 * down * (1.0f - up), 0);
}

void aim_fire(float t, Pose& p) {
  // Raise the right arm to aim (0-0.5 s), fire at 0.8 s with a recoil kick.
  const float raise = smooth(t / 0.5f);
  const float kick = t > 0.8f ? std::exp(-(t - 0.8f) * 12.0f) : 0.0f;
  relaxed(p);
  p.arm(-1, 78 * (1 - raise) - 8 * kick, 0, 8 + 82 * raise, 12 * (1 - raise) + 15 * kick);
  p.arm(1, 78 - 20 * raise, 20 * raise, 8 + 40 * raise, 12 + 60 * raise);  // the left hand steadies
  p.torso(3 * raise - 4 * kick, -20 * raise);
  p.look(0, -15 * raise);
  p.leg(1, 12 * raise, 5);
  p.leg(-1, -10 * raise, 5);
}

struct ClipDef {
  const char* name;
  float duration;
  std::function<void(float, Pose&)> pose;
};

const std::vector<ClipDef>& library() {
  static const std::vector<ClipDef> list = {
      {"idle", 2.0f, idle},         {"walk", 1.0f, walk},         {"run", 0.66f, run},
      {"stop", 1.0f, stop},         {"hug", 1.6f, hug},           {"take_hand", 1.0f, take_hand},
      {"look_away", 1.0f, look_away}, {"collapse", 1.6f, collapse}, {"cry", 2.0f, cry},
      {"punch", 0.8f, punch},       {"grapple", 1.2f, grapple},   {"suplex", 1.6f, suplex},
      {"fall_get_up", 2.4f, fall_get_up}, {"aim_fire", 1.4f, aim_fire},
  };
  return list;
}

}  // namespace

const std::vector<const char*>& clip_names() {
  static const std::vector<const char*> names = [] {
    std::vector<const char*> n;
    for (const ClipDef& c : library()) n.push_back(c.name);
    return n;
  }();
  return names;
}

std::vector<RigAnimation> build_clips() {
  constexpr float kKeysPerSecond = 15.0f;
  std::vector<RigAnimation> out;
  for (const ClipDef& def : library()) {
    const int keys = int(std::lround(def.duration * kKeysPerSecond)) + 1;
    RigAnimation a;
    a.name = def.name;
    a.tracks.resize(kJointCount + 1);
    for (std::uint32_t j = 0; j < kJointCount; ++j) a.tracks[j].joint = j;
    a.tracks[kJointCount].joint = hips;
    a.tracks[kJointCount].rotation = false;
    for (int k = 0; k < keys; ++k) {
      const float t = def.duration * float(k) / float(keys - 1);
      Pose p;
      def.pose(t, p);
      for (std::uint32_t j = 0; j < kJointCount; ++j) {
        glm::quat q = glm::normalize(p.rot[j]);
        // Keep consecutive keys in one hemisphere, so linear keys never take the long way.
        if (!a.tracks[j].rotations.empty() && glm::dot(a.tracks[j].rotations.back(), q) < 0.0f) q = -q;
        a.tracks[j].times.push_back(t);
        a.tracks[j].rotations.push_back(q);
      }
      a.tracks[kJointCount].times.push_back(t);
      a.tracks[kJointCount].translations.push_back(p.hips_at);
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace kagami::castgen
