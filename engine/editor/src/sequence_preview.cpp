// The sequence beside the scene: opening it, running key edits on it, and the
// preview: the sequence evaluated at the playhead (sequencer::evaluate) and
// applied (sequencer::apply) onto a copy of the scene, which the viewport draws.
#include "editor_state.h"

namespace kagami::editor {

Result<void> open_sequence(Editor::State& s, const std::filesystem::path& path) {
  auto doc = SequenceDocument::open(path);
  if (!doc) return doc.error();
  s.seq = std::move(*doc);
  s.transport = Transport{};
  s.timeline.selected.clear();
  s.timeline.channel.reset();
  s.preview.stale = true;
  if (s.seq->recovery_available() && s.prompt == Prompt::none) s.prompt = Prompt::sequence_recovery;
  log::info("opened sequence ", path.string(), " (", list_channels(s.seq->sequence()).size(), " keyed channels)");
  return {};
}

bool run_sequence(Editor::State& s, KeyEdit command) {
  if (!s.seq) return false;
  if (!command) {
    s.report(command.error());
    return false;
  }
  if (auto done = s.seq->execute(std::move(*command)); !done) {
    s.report(done.error());
    return false;
  }
  return true;
}

const scene::Scene& shown_scene(const Editor::State& s) { return s.preview.valid ? s.preview.scene : s.doc.scene(); }

void update_preview(Editor::State& s, double dt) {
  SequencePreview& p = s.preview;
  p.valid = false;
  p.camera.reset();
  if (!s.seq) return;
  const sequencer::Sequence& seq = s.seq->sequence();
  s.transport.advance(seq, dt);
  // A new copy when either document changed: bindings refer into both.
  if (p.stale || p.scene_state != s.doc.history().state() || p.sequence_state != s.seq->history().state()) {
    p.stale = false;
    p.scene_state = s.doc.history().state();
    p.sequence_state = s.seq->history().state();
    p.scene = s.doc.scene();
    auto bound = sequencer::bind_scene(seq, p.scene);
    if (!bound) {
      // Reported once per change, not every frame; the viewport shows the scene unanimated.
      s.report(bound.error());
      p.binding = {};
      return;
    }
    p.binding = std::move(*bound);
  }
  if (p.binding.entities.size() != seq.bindings.size()) return;
  // Bound entities back to the document's values first, so a field animated a
  // moment ago and not now shows the scene's value, as in the player.
  auto restore = [&](scene::EntityId id) {
    if (const scene::Entity* from = s.doc.scene().find(id))
      if (scene::Entity* to = p.scene.find(id)) assign_content(*to, *from);
  };
  for (scene::EntityId id : p.binding.entities) restore(id);
  for (const auto& [path, target] : p.binding.parameters) restore(target.entity);
  p.scene.environment = s.doc.scene().environment;
  sequencer::evaluate(seq, s.transport.frame_time(seq), p.state);
  sequencer::apply(p.state, p.binding, p.scene);
  p.camera = sequencer::camera_view(p.state, p.binding, p.scene);
  p.valid = true;
}

}  // namespace kagami::editor
