#pragma once
// The four characters of the film (../shared/STORYBOARD.md), one Body per
// outfit, all on the shared skeleton: Len (Vocaloid costume, grey hooded coat
// with the N and red scarf, data-world greatcoat), Rin, Miku (twin-tails, and
// her Act-2 short loose hair) and Camui (purple high ponytail, red eyes, dark
// coat, sword). Shapes are fixed, so output depends on nothing but this code.
#include <functional>
#include <string>
#include <vector>

#include "body.h"

namespace kagami::castgen {

struct CastEntry {
  const char* id;         // file stem under assets/characters/
  const char* character;  // "len", "rin", "miku", "camui"
  std::function<Body()> build;
};
const std::vector<CastEntry>& cast();

}  // namespace kagami::castgen
