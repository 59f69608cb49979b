#pragma once
// The cast registry (assets/characters/cast.json): which glTF file draws each
// character in each outfit, and the clip library they all play. Scenes name a
// character and an outfit (scene::CharacterComponent); this resolves the names
// to files, with errors that name the registry and what is unknown.
//
//   { "schema": "kagami.cast", "version": 1,
//     "clips": "clips.gltf",                      // relative to the registry
//     "characters": {
//       "len": { "default_outfit": "vocaloid", "scale": 1.0,
//                "outfits": { "vocaloid": "len_vocaloid.gltf", ... } }, ... } }
//
// An empty outfit name means the character's default_outfit.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "kagami/core/result.h"

namespace kagami::asset {

inline constexpr std::string_view kCastSchema = "kagami.cast";
inline constexpr int kCastVersion = 1;

struct CharacterEntry {
  std::string default_outfit;
  float scale = 1.0f;  // uniform scale on the shared skeleton (Camui is taller)
  std::map<std::string, std::filesystem::path, std::less<>> outfits;  // absolute paths
};

struct CharacterRegistry {
  std::filesystem::path source;  // the registry file
  std::filesystem::path clips;   // the clip library (absolute)
  std::map<std::string, CharacterEntry, std::less<>> characters;

  struct Resolved {
    std::filesystem::path model;
    float scale = 1.0f;
    std::string outfit;  // the outfit's name ("" resolved to the default)
  };
  // The model file of `character` in `outfit` ("" = default). Unknown names
  // are an Error naming the registry and listing the names it has.
  Result<Resolved> resolve(std::string_view character, std::string_view outfit) const;
};

Result<CharacterRegistry> load_character_registry(const std::filesystem::path& path);
Result<CharacterRegistry> parse_character_registry(std::string_view text, const std::filesystem::path& source);

// The registry beside a scene or sequence file: scenes live in scenes/ and
// name their assets relative to it (../assets/...), so this is
// <dir>/../assets/characters/cast.json.
std::filesystem::path cast_registry_near(const std::filesystem::path& scene_file);

}  // namespace kagami::asset
