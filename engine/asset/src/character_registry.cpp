#include "kagami/asset/character_registry.h"

#include "kagami/core/file_io.h"
#include "kagami/core/json_reader.h"
#include "kagami/core/strings.h"

namespace kagami::asset {
namespace {

using json_read::Node;
using json_read::Reader;

template <typename Map>
std::string names_of(const Map& map) {
  std::string names;
  for (const auto& [name, value] : map) names += cat(names.empty() ? "" : ", ", "\"", name, "\"");
  return names.empty() ? "none" : names;
}

struct RegistryReader {
  Reader& r;
  CharacterRegistry registry;

  std::filesystem::path file(const Node& node) {
    std::string name = r.string(node);
    if (name.empty()) r.fail(node, "expected a file name, got an empty string");
    return (registry.source.parent_path() / name).lexically_normal();
  }

  void read() {
    Node root = r.root();
    if (!root.value->is_object())
      r.fail(root, cat("expected an object (a Kagami cast registry), got ", json_read::describe(*root.value)));
    r.header(root, kCastSchema, kCastVersion, "cast registry");
    r.object(root, {"schema", "version", "clips", "characters"});
    registry.clips = file(r.required(root, "clips"));
    Node characters = r.required(root, "characters");
    r.map(characters, 1000, "characters");
    for (auto it = characters.value->begin(); it != characters.value->end(); ++it) {
      Node c = r.member(characters, it.key(), it.value());
      r.object(c, {"default_outfit", "scale", "outfits"});
      CharacterEntry entry;
      r.maybe(c, "scale", entry.scale);
      if (!(entry.scale > 0.0f)) r.fail(r.child(c, "scale"), "must be greater than 0");
      Node outfits = r.required(c, "outfits");
      r.map(outfits, 1000, "outfits");
      for (auto o = outfits.value->begin(); o != outfits.value->end(); ++o) {
        if (o.key().empty()) r.fail_at_key(r.member(outfits, o.key(), o.value()), "an outfit needs a name");
        entry.outfits[o.key()] = file(r.member(outfits, o.key(), o.value()));
      }
      if (entry.outfits.empty()) r.fail(outfits, "a character needs at least one outfit");
      Node def = r.required(c, "default_outfit");
      entry.default_outfit = r.string(def);
      if (!entry.outfits.contains(entry.default_outfit))
        r.fail(def, cat("\"", entry.default_outfit, "\" is not one of the outfits (", names_of(entry.outfits), ")"));
      registry.characters[it.key()] = std::move(entry);
    }
    r.finish();
  }
};

}  // namespace

Result<CharacterRegistry::Resolved> CharacterRegistry::resolve(std::string_view character,
                                                               std::string_view outfit) const {
  auto c = characters.find(character);
  if (c == characters.end())
    return make_error(source.string(), ": unknown character \"", character, "\" (the registry has ",
                      names_of(characters), ")");
  const std::string name = outfit.empty() ? c->second.default_outfit : std::string(outfit);
  auto o = c->second.outfits.find(name);
  if (o == c->second.outfits.end())
    return make_error(source.string(), ": character \"", character, "\" has no outfit \"", name, "\" (it has ",
                      names_of(c->second.outfits), ")");
  return Resolved{o->second, c->second.scale, name};
}

Result<CharacterRegistry> parse_character_registry(std::string_view text, const std::filesystem::path& source) {
  auto doc = parse_json_located(text, source.string());
  if (!doc) return doc.error();
  try {
    Reader reader(*doc, {});
    RegistryReader rr{reader, {}};
    rr.registry.source = source;
    rr.read();
    return std::move(rr.registry);
  } catch (const json_read::ReadFailure& failure) {
    return failure.error;
  }
}

Result<CharacterRegistry> load_character_registry(const std::filesystem::path& path) {
  auto text = read_file_text(path);
  if (!text) return text.error();
  return parse_character_registry(*text, path);
}

std::filesystem::path cast_registry_near(const std::filesystem::path& scene_file) {
  return (scene_file.parent_path() / ".." / "assets" / "characters" / "cast.json").lexically_normal();
}

}  // namespace kagami::asset
