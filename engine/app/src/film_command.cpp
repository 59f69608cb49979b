// `kagami render [SEQUENCE|FILM]` and the headless fallback of `kagami play`:
// a film rendered offline, frame by frame, time from the frame index only, into
// a PNG folder or an MP4, with a progress line and a contact sheet of one frame
// per shot (plus the title and credits) beside the output.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>

#include "commands.h"
#include "film_render_stats.h"
#include "frame_sink.h"
#include "kagami/core/contact_sheet.h"
#include "kagami/core/log.h"
#include "kagami/player/film_renderer.h"
#include "model_view.h"

namespace kagami::app {
namespace {

// Film frames worth a thumbnail: the middle of every shot (of every act), the
// title card and the credits.
std::vector<std::int64_t> contact_frames(const sequencer::Film& film, unsigned fps) {
  std::set<std::int64_t> frames;
  auto at = [&](double t) { frames.insert(std::int64_t(std::floor(t * fps))); };
  for (const sequencer::FilmAct& act : film.acts) {
    if (act.sequence.timeline.shots.empty()) at(act.start + 0.5 * act.sequence.duration);
    for (const sequencer::Shot& shot : act.sequence.timeline.shots) at(act.start + shot.start + 0.5 * shot.length());
  }
  if (film.title.duration > 0.0) at(film.title.start + 0.5 * film.title.duration);
  if (film.credits.duration > 0.0) at(film.acts_end() + 0.3 * film.credits.duration);
  return {frames.begin(), frames.end()};
}

std::filesystem::path contact_sheet_path(const std::filesystem::path& location, bool whole, std::int64_t first,
                                         std::int64_t end) {
  std::string name = whole ? "contact_sheet.png" : cat("contact_sheet_", first, "_", end, ".png");
  if (std::filesystem::is_directory(location)) return location / name;
  return location.parent_path() / (location.stem().string() + "_" + name);
}

}  // namespace

std::filesystem::path default_film_path() { return std::filesystem::path(KAGAMI_SOURCE_ROOT) / "scenes/cinematic.film.json"; }

std::string peak_memory() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) {
      std::size_t value = line.find_first_not_of(" \t", 6);
      return value == std::string::npos ? std::string{} : line.substr(value);
    }
  return "unknown";
}

Result<void> render_film(const Options& options, const FilmDefaults& defaults) {
  const std::filesystem::path source = options.positional.empty() ? default_film_path() : std::filesystem::path(options.positional.front());
  auto film = sequencer::load_film_or_sequence(source);
  if (!film) return film.error();
  const Size size = options.size.value_or(defaults.size);
  const unsigned fps = options.fps.value_or(defaults.fps);
  const std::int64_t total = std::int64_t(std::ceil(film->duration() * fps - 1e-9));
  std::int64_t first = 0, end = total;
  if (options.frame_range) {
    first = options.frame_range->first;
    end = std::min<std::int64_t>(options.frame_range->second, total);
    if (first >= end)
      return make_error("--frames ", options.frame_range->first, ":", options.frame_range->second, " is empty: ",
                        source.string(), " has frames 0:", total, " at ", fps, " fps");
  }
  const std::filesystem::path out = options.out ? std::filesystem::path(*options.out) : defaults.out;

  auto device = gpu::Device::create(context_options(options));
  if (!device) return device.error();
  Result<void> result;
  std::filesystem::path sheet_path, location;
  {
    auto renderer = player::FilmRenderer::create(**device, *film, {size.width, size.height});
    if (!renderer) return renderer.error();
    auto sink = open_frame_sink(out, int(size.width), int(size.height), fps);
    if (!sink) return sink.error();
    log::info("rendering ", source.string(), ": ", film->acts.size(), " acts, ", film->shot_count(), " shots, frames ",
              first, ":", end, " of ", total, " at ", size.width, "x", size.height, ", ", fps, " fps");
    const std::vector<std::int64_t> wanted = contact_frames(*film, fps);
    std::vector<ImageRgba8> thumbs;
    ProgressLine progress("render", unsigned(end - first));
    FilmRenderStats stats;
    for (std::int64_t frame = first; frame < end && result.ok(); ++frame) {
      const auto started = std::chrono::steady_clock::now();
      const double t = player::film_time(frame, fps);
      auto image = (*renderer)->render(t);
      if (!image) {
        result = image.error();
        break;
      }
      if (std::binary_search(wanted.begin(), wanted.end(), frame)) thumbs.push_back(shrink_image(*image, 240));
      result = (*sink)->write(unsigned(frame), *image);
      const render::GraphExecutor& executor = (*renderer)->renderer().executor();
      stats.add_frame(film->act_at(t), std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                      executor.compiled(), executor.timings());
      progress.frame_done();
    }
    progress.finish();
    if (result) std::printf("%s", stats.report(*film).c_str());
    if (result) result = (*sink)->finish();
    location = (*sink)->location();
    if (result && !thumbs.empty()) {
      sheet_path = contact_sheet_path(location, first == 0 && end == total, first, end);
      result = write_png(sheet_path, make_contact_sheet(thumbs, 6, 240));
    }
    (*device)->wait_idle();
  }
  if (result && (*device)->context().validation_log().error_count() > 0)
    result = make_error("the validation layer reported ", (*device)->context().validation_log().error_count(), " errors");
  if (!result) return result;
  std::printf("wrote frames %lld:%lld to %s\n", (long long)first, (long long)end, location.string().c_str());
  if (!sheet_path.empty()) std::printf("contact sheet: %s\n", sheet_path.string().c_str());
  std::printf("peak resident memory: %s\n", peak_memory().c_str());
  return {};
}

}  // namespace kagami::app
