#pragma once
// Building blocks the characters share: the base body with its clothing
// layers, faces, hair caps and bangs, headsets.
#include "body.h"

namespace kagami::castgen {

// What covers each region of the base body.
struct Outfit {
  Material skin, torso, upper_arm, forearm, hand, pelvis, thigh, shin, shoe, eye;
  float chest_scale = 1.0f;  // broader shoulders (Camui)
};

void base_body(Body& body, const Outfit& outfit);
// Centre of the head ball, model space, rest pose.
glm::vec3 head_centre();
// A cap of hair over the top, back and sides of the head; `back_drop` lowers
// its back (longer hair behind).
void hair_cap(Body& body, const Material& hair, float back_drop = 0.0f);
// Spiky bangs over the forehead: `count` cones, `length` long.
void bangs(Body& body, const Material& hair, int count, float length, float spread);
// The Vocaloid headset: white ear pieces with glowing rings, a microphone.
void headset(Body& body, const Material& shell, const Material& light);
// A skirt or coat tail: a cone from the waist (y0) down to y1, bound to the hips.
void skirt(Body& body, const Material& m, float y0, float y1, float r0, float r1);
// A flat tie or strip down the chest front.
void tie(Body& body, const Material& m, float length);

}  // namespace kagami::castgen
