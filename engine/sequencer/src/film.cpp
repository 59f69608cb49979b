// Film files (format: film.h): the acts in order, each act's sequence loaded
// and placed end to end on the film timeline, and the streaming that follows.
#include "kagami/sequencer/film.h"

#include <algorithm>

#include "kagami/core/json_reader.h"
#include "kagami/core/strings.h"
#include "kagami/sequencer/sequence_io.h"

namespace kagami::sequencer {
namespace {

using json_read::Node;
using json_read::Reader;

struct FilmReader {
  Reader& r;
  const std::filesystem::path& source;
  Film film;

  std::vector<std::string> strings(const Node& node, std::string_view what) {
    std::vector<std::string> out;
    std::size_t n = r.array(node, 10'000, what);
    for (std::size_t i = 0; i < n; ++i) out.push_back(r.string(r.element(node, i)));
    return out;
  }

  void read() {
    Node root = r.root();
    if (!root.value->is_object()) r.fail(root, cat("expected an object (a Kagami film), got ", json_read::describe(*root.value)));
    r.header(root, kFilmSchema, kFilmVersion, "film");
    r.object(root, {"schema", "version", "name", "acts", "title", "credits", "stand_ins", "stream_lead"});
    r.maybe(root, "name", film.name);
    if (auto lead = r.field(root, "stream_lead")) {
      film.stream_lead = r.real(*lead);
      if (film.stream_lead < 0.0 || film.stream_lead > 600.0) r.fail(*lead, "must be 0 .. 600 seconds");
    }
    Node acts = r.required(root, "acts");
    std::size_t n = r.array(acts, 1000, "acts");
    if (n == 0) r.fail(acts, "a film needs at least one act");
    double start = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      Node act = r.element(acts, i);
      r.object(act, {"name", "sequence"});
      FilmAct a;
      a.name = cat("act ", i + 1);
      r.maybe(act, "name", a.name);
      Node seq = r.required(act, "sequence");
      a.sequence_path = source.parent_path() / r.string(seq);
      auto loaded = load_sequence(a.sequence_path);
      if (!loaded) r.fail(seq, cat("cannot load the act's sequence:\n  ", loaded.error().message));
      a.sequence = std::move(*loaded);
      if (a.sequence.scene.empty()) r.fail(seq, cat(a.sequence_path.string(), " names no \"scene\": an act needs a location"));
      a.location = std::filesystem::path(a.sequence.scene).stem().string();
      a.start = start;
      start = a.end();
      film.acts.push_back(std::move(a));
    }
    if (auto credits = r.field(root, "credits")) {
      r.object(*credits, {"duration", "lines"});
      Node d = r.required(*credits, "duration");
      film.credits.duration = r.real(d);
      if (film.credits.duration < 0.0 || film.credits.duration > 600.0) r.fail(d, "must be 0 .. 600 seconds");
      if (auto lines = r.field(*credits, "lines")) film.credits.lines = strings(*lines, "credits.lines");
    }
    if (auto title = r.field(root, "title")) {
      r.object(*title, {"text", "subtitle", "start", "duration"});
      r.maybe(*title, "text", film.title.text);
      r.maybe(*title, "subtitle", film.title.subtitle);
      if (auto s = r.field(*title, "start")) film.title.start = r.real(*s);
      if (auto d = r.field(*title, "duration")) film.title.duration = r.real(*d);
      if (film.title.start < 0.0 || film.title.duration < 0.0 || film.title.start + film.title.duration > film.duration())
        r.fail(*title, cat("the title must lie within the film (0 .. ", film.duration(), " s)"));
    }
    if (auto s = r.field(root, "stand_ins")) film.stand_ins = strings(*s, "stand_ins");
    r.finish();
  }
};

}  // namespace

std::size_t Film::shot_count() const {
  std::size_t n = 0;
  for (const FilmAct& act : acts) n += std::max<std::size_t>(act.sequence.timeline.shots.size(), 1);
  return n;
}

std::size_t Film::act_at(double t) const {
  for (std::size_t i = 0; i < acts.size(); ++i)
    if (t < acts[i].end()) return i;
  return acts.empty() ? 0 : acts.size() - 1;
}

std::vector<StreamingCue> Film::streaming_cues() const {
  std::vector<StreamingCue> cues;
  for (const FilmAct& act : acts) cues.push_back({act.location, act.start, act.end()});
  return cues;
}

LoadTimeEstimate Film::load_estimate() const {
  LoadTimeEstimate estimate;
  estimate.default_seconds = stream_lead;
  estimate.margin = 0.0;
  return estimate;
}

namespace {
Result<Film> read_film(Result<LocatedJson> doc, const std::filesystem::path& source_path) {
  if (!doc) return doc.error();
  try {
    Reader reader(*doc, {});
    FilmReader fr{reader, source_path, {}};
    fr.read();
    fr.film.source_path = source_path;
    return std::move(fr.film);
  } catch (const json_read::ReadFailure& failure) {
    return failure.error;
  }
}
constexpr JsonLimits kFilmJsonLimits{1u << 20, 16};
}  // namespace

Result<Film> parse_film(std::string_view text, const std::filesystem::path& source_path) {
  return read_film(parse_json_located(text, source_path.string(), kFilmJsonLimits), source_path);
}

Result<Film> load_film(const std::filesystem::path& path) {
  return read_film(load_json_located(path, kFilmJsonLimits), path);
}

Film film_from_sequence(Sequence sequence) {
  Film film;
  film.name = sequence.name;
  film.source_path = sequence.source_path;
  FilmAct act;
  act.name = sequence.name;
  act.sequence_path = sequence.source_path;
  act.location = std::filesystem::path(sequence.scene).stem().string();
  act.sequence = std::move(sequence);
  film.acts.push_back(std::move(act));
  return film;
}

Result<Film> load_film_or_sequence(const std::filesystem::path& path) {
  if (path.string().ends_with(".film.json")) return load_film(path);
  auto sequence = load_sequence(path);
  if (!sequence) return sequence.error();
  return film_from_sequence(std::move(*sequence));
}

}  // namespace kagami::sequencer
