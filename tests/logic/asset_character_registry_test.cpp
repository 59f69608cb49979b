// The cast registry: characters and outfits resolve to model files; unknown
// names and malformed registries are errors that name the file and the place.
#include <gtest/gtest.h>

#include <filesystem>

#include "kagami/asset/character_registry.h"

namespace kagami::asset {
namespace {

namespace fs = std::filesystem;

constexpr const char* kRegistry = R"({
  "schema": "kagami.cast", "version": 1,
  "clips": "clips.gltf",
  "characters": {
    "len": { "default_outfit": "vocaloid", "outfits": { "vocaloid": "len_vocaloid.gltf", "greatcoat": "coat/len.gltf" } },
    "camui": { "default_outfit": "samurai", "scale": 1.1, "outfits": { "samurai": "camui.gltf" } }
  }
})";

TEST(CharacterRegistry, ResolvesCharactersAndOutfits) {
  auto reg = parse_character_registry(kRegistry, "/cast/cast.json");
  ASSERT_TRUE(reg.ok()) << reg.error().message;
  EXPECT_EQ(reg->clips, fs::path("/cast/clips.gltf"));
  auto len = reg->resolve("len", "");
  ASSERT_TRUE(len.ok());
  EXPECT_EQ(len->model, fs::path("/cast/len_vocaloid.gltf"));
  EXPECT_EQ(len->outfit, "vocaloid");
  EXPECT_FLOAT_EQ(len->scale, 1.0f);
  auto coat = reg->resolve("len", "greatcoat");
  ASSERT_TRUE(coat.ok());
  EXPECT_EQ(coat->model, fs::path("/cast/coat/len.gltf"));
  auto camui = reg->resolve("camui", "");
  ASSERT_TRUE(camui.ok());
  EXPECT_FLOAT_EQ(camui->scale, 1.1f);
}

TEST(CharacterRegistry, UnknownNamesNameTheRegistryAndWhatItHas) {
  auto reg = parse_character_registry(kRegistry, "/cast/cast.json");
  ASSERT_TRUE(reg.ok());
  auto nobody = reg->resolve("kaito", "");
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.error().message,
            "/cast/cast.json: unknown character \"kaito\" (the registry has \"camui\", \"len\")");
  auto outfit = reg->resolve("len", "swimsuit");
  ASSERT_FALSE(outfit.ok());
  EXPECT_EQ(outfit.error().message,
            "/cast/cast.json: character \"len\" has no outfit \"swimsuit\" (it has \"greatcoat\", \"vocaloid\")");
}

TEST(CharacterRegistry, MalformedRegistriesAreLocated) {
  auto no_default = parse_character_registry(R"({"schema": "kagami.cast", "version": 1, "clips": "c.gltf",
  "characters": {"rin": {"default_outfit": "bow", "outfits": {"vocaloid": "rin.gltf"}}}})",
                                             "cast.json");
  ASSERT_FALSE(no_default.ok());
  EXPECT_NE(no_default.error().message.find("cast.json:2:"), std::string::npos) << no_default.error().message;
  EXPECT_NE(no_default.error().message.find("\"bow\" is not one of the outfits"), std::string::npos);

  auto bad_scale = parse_character_registry(R"({"schema": "kagami.cast", "version": 1, "clips": "c.gltf",
  "characters": {"rin": {"default_outfit": "v", "scale": -1, "outfits": {"v": "rin.gltf"}}}})",
                                            "cast.json");
  ASSERT_FALSE(bad_scale.ok());
  EXPECT_NE(bad_scale.error().message.find("scale"), std::string::npos) << bad_scale.error().message;

  auto wrong_kind = parse_character_registry(R"({"schema": "kagami.scene", "version": 1})", "cast.json");
  ASSERT_FALSE(wrong_kind.ok());
  EXPECT_NE(wrong_kind.error().message.find("cast.json:1:"), std::string::npos) << wrong_kind.error().message;

  auto missing = load_character_registry("/nonexistent/cast.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("/nonexistent/cast.json"), std::string::npos);
}

// The shipped registry: every character the film spawns, every outfit it
// asks for, and every file present.
TEST(CharacterRegistry, TheCastRegistryCoversTheFilm) {
  const fs::path path = fs::path(KAGAMI_SOURCE_DIR) / "assets" / "characters" / "cast.json";
  auto reg = load_character_registry(path);
  ASSERT_TRUE(reg.ok()) << reg.error().message;
  EXPECT_TRUE(fs::exists(reg->clips));
  for (const auto& [character, entry] : reg->characters)
    for (const auto& [outfit, file] : entry.outfits) EXPECT_TRUE(fs::exists(file)) << character << " " << outfit;
  const std::pair<const char*, const char*> used[] = {
      {"len", "vocaloid"}, {"len", "winter_coat"}, {"len", "greatcoat"}, {"rin", "vocaloid"}, {"rin", "blank_slate"},
      {"miku", ""},        {"miku", "short_hair"}, {"camui", ""}};
  for (const auto& [character, outfit] : used) EXPECT_TRUE(reg->resolve(character, outfit).ok()) << character;
  EXPECT_EQ(cast_registry_near(fs::path(KAGAMI_SOURCE_DIR) / "scenes" / "suidoubashi.json"),
            (fs::path(KAGAMI_SOURCE_DIR) / "assets" / "characters" / "cast.json").lexically_normal());
}

}  // namespace
}  // namespace kagami::asset
