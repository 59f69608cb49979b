#pragma once
// A film: acts played one after another, each a sequence against its own
// location, plus what the engine draws around them (title card, end credits).
// File: scenes/<name>.film.json
//
//   {
//     "schema": "kagami.film", "version": 1,
//     "name": "cinematic",
//     "acts": [ { "name": "Act 1", "sequence": "act1_dome_city.sequence.json" }, ... ],   in play order
//     "title": { "text": "Kagami", "subtitle": "...", "start": 0.0, "duration": 5.0 },     film time
//     "credits": { "duration": 20.0, "lines": [ "Kagami", "", "Camera ... " ] },           after the last act
//     "stand_ins": [ "len_stand_in: ..." ],          what is standing in for unfinished work (reported)
//     "stream_lead": 8.0                              seconds before an act starts that its location is requested
//   }
//
// Sequences are relative to the film file. Film time runs through the acts
// back to back, then the credits. Errors are "file:line:column: field: what".
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kagami/core/result.h"
#include "kagami/sequencer/sequence.h"
#include "kagami/sequencer/streaming_plan.h"

namespace kagami::sequencer {

inline constexpr std::string_view kFilmSchema = "kagami.film";
inline constexpr int kFilmVersion = 1;

struct FilmAct {
  std::string name;
  std::filesystem::path sequence_path;  // resolved against the film file
  Sequence sequence;                    // loaded with the film
  std::string location;                 // the sequence's scene file stem ("tokyo_dome_city")
  double start = 0.0;                   // film time at which the act begins
  double end() const { return start + sequence.duration; }
};

struct TitleCard {
  std::string text, subtitle;
  double start = 0.0, duration = 0.0;  // film time; duration 0 = none
};

struct Credits {
  double duration = 0.0;  // 0 = no credits
  std::vector<std::string> lines;
};

struct Film {
  std::string name;
  std::vector<FilmAct> acts;
  TitleCard title;
  Credits credits;
  std::vector<std::string> stand_ins;
  double stream_lead = 8.0;
  std::filesystem::path source_path;

  double acts_end() const { return acts.empty() ? 0.0 : acts.back().end(); }
  double duration() const { return acts_end() + credits.duration; }
  std::size_t shot_count() const;
  // The act playing at film time t (the last act after its end; credits time maps to it too).
  std::size_t act_at(double t) const;
  // Every act's location on the film timeline, resident for the act and
  // requested `stream_lead` earlier (the lead is the load estimate used by
  // locations_to_request).
  std::vector<StreamingCue> streaming_cues() const;
  LoadTimeEstimate load_estimate() const;
};

// Loads the film and every act's sequence. A sequence error keeps its own
// file:line:column; a film error names the film file.
Result<Film> load_film(const std::filesystem::path& path);
Result<Film> parse_film(std::string_view text, const std::filesystem::path& source_path);
// A sequence file played as a one-act film (so the player has one path).
Film film_from_sequence(Sequence sequence);
// `path` ends in .film.json: a film; otherwise a sequence played alone.
Result<Film> load_film_or_sequence(const std::filesystem::path& path);

}  // namespace kagami::sequencer
