#include "cli.h"

#include <charconv>

namespace kagami::app {

const char* usage() {
  return "usage: kagami play [--model FILE] [--size WxH] [--frames N] [--headless] [--out IMAGE.png]\n"
         "       kagami play --scene FILE [--then NEXT] --headless [--frames N]   (streaming frame times)\n"
         "       kagami render [SEQUENCE|FILM] [--out DIR|FILE.mp4] [--size WxH] [--fps N] [--frames A:B]\n"
         "                    offline film render (default: scenes/cinematic.film.json, 1280x720, 24 fps, out/cinematic)\n"
         "       kagami play [SEQUENCE|FILM] [--headless]   the film in a window; headless: an offline render\n"
         "       kagami render --model FILE --out IMAGE.png [--size WxH]\n"
         "       kagami render --scene FILE --out FOLDER [--size WxH]   (survey views and scene cameras)\n"
         "       kagami render --cast [--clip NAME] --out IMAGE.png [--size WxH]   (the cast's line-up, posed)\n"
         "       kagami graph [--model FILE | --scene FILE | --demo] [--dot F] [--json F] [--no-culling] [--no-aliasing]\n"
         "                    [--no-batching] [--size WxH]\n"
         "       kagami cook [PATH...] [--cache DIR]     cook models (default: assets/) into the cache\n"
         "       kagami info SCENE|ASSET [--json]        counts: entities, instances, triangles, lights, bytes\n"
         "       kagami edit [SCENE] [--sequence SEQ] [--size WxH] [--frames N] [--out SCREENSHOT.png]   the scene editor\n"
         "common flags: --device NAME|INDEX  --validation  --headless\n";
}

Result<Size> parse_size(const std::string& text) {
  auto x = text.find('x');
  Size size;
  if (x == std::string::npos) return make_error("--size expects WxH, e.g. 1280x720, not '", text, "'");
  auto w = std::from_chars(text.data(), text.data() + x, size.width);
  auto h = std::from_chars(text.data() + x + 1, text.data() + text.size(), size.height);
  if (w.ec != std::errc() || h.ec != std::errc() || w.ptr != text.data() + x || h.ptr != text.data() + text.size() ||
      size.width == 0 || size.height == 0 || size.width > 16384 || size.height > 16384)
    return make_error("--size expects WxH with each side 1..16384, not '", text, "'");
  return size;
}

Result<Options> parse_command_line(int argc, char** argv) {
  Options o;
  if (argc < 2) return make_error("no command given\n", usage());
  o.command = argv[1];
  if (o.command != "play" && o.command != "render" && o.command != "graph" && o.command != "cook" &&
      o.command != "info" && o.command != "edit")
    return make_error("unknown command '", o.command, "'\n", usage());
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> Result<std::string> {
      if (i + 1 >= argc) return make_error(arg, " needs a value");
      return std::string(argv[++i]);
    };
    if (arg == "--headless") o.headless = true;
    else if (arg == "--demo") o.demo = true;
    else if (arg == "--json" && o.command == "info") o.json_output = true;
    else if (arg == "--no-culling") o.no_culling = true;
    else if (arg == "--no-aliasing") o.no_aliasing = true;
    else if (arg == "--no-batching") o.no_batching = true;
    else if (arg == "--validation") o.validation = true;
    else if (arg == "--cast") o.cast = true;
    else if (arg == "--clip") {
      auto v = value();
      if (!v) return v.error();
      o.clip = *v;
    }
    else if (arg == "--model" || arg == "--scene" || arg == "--sequence" || arg == "--then" || arg == "--out" || arg == "--size" || arg == "--device" || arg == "--frames" || arg == "--fps" ||
             arg == "--dot" || arg == "--json" || arg == "--cache") {
      auto v = value();
      if (!v) return v.error();
      if (arg == "--model") o.model = *v;
      else if (arg == "--scene") o.scene = *v;
      else if (arg == "--sequence") o.sequence = *v;
      else if (arg == "--then") o.then_scene = *v;
      else if (arg == "--out") o.out = *v;
      else if (arg == "--device") o.device = *v;
      else if (arg == "--dot") o.dot = *v;
      else if (arg == "--json") o.json = *v;
      else if (arg == "--cache") o.cache = *v;
      else if (arg == "--size") {
        auto s = parse_size(*v);
        if (!s) return s.error();
        o.size = *s;
      } else if (arg == "--fps") {
        unsigned n = 0;
        auto r = std::from_chars(v->data(), v->data() + v->size(), n);
        if (r.ec != std::errc() || r.ptr != v->data() + v->size() || n == 0 || n > 240)
          return make_error("--fps expects a number 1..240, not '", *v, "'");
        o.fps = n;
      } else if (v->find(':') != std::string::npos) {
        auto colon = v->find(':');
        unsigned a = 0, b = 0;
        auto ra = std::from_chars(v->data(), v->data() + colon, a);
        auto rb = std::from_chars(v->data() + colon + 1, v->data() + v->size(), b);
        if (ra.ec != std::errc() || ra.ptr != v->data() + colon || rb.ec != std::errc() ||
            rb.ptr != v->data() + v->size() || a >= b)
          return make_error("--frames expects A:B with A < B (frames A .. B-1), not '", *v, "'");
        o.frame_range = std::pair{a, b};
      } else {
        unsigned n = 0;
        auto r = std::from_chars(v->data(), v->data() + v->size(), n);
        if (r.ec != std::errc() || r.ptr != v->data() + v->size())
          return make_error("--frames expects a number, not '", *v, "'");
        o.frame_limit = n;
      }
    } else if (!arg.empty() && arg[0] == '-') {
      return make_error("unknown flag '", arg, "'\n", usage());
    } else {
      o.positional.push_back(arg);
    }
  }
  return o;
}

}  // namespace kagami::app
