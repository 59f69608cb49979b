// The inspector: the primary selection's components, each field an undoable
// edit (a drag on a field is one step), components added and removed, and the
// scene's sky and fog.
#include <glm/gtc/quaternion.hpp>

#include "editor_state.h"

namespace kagami::editor {

namespace {

using scene::Entity;
using scene::EntityId;

// Runs `widget` on a copy of the entity; a change becomes an EditEntities
// command. Continuous widgets (drags, colour pickers) merge while held.
template <typename Widget>
void edit(Editor::State& s, EntityId id, const char* what, Widget&& widget, bool continuous = true) {
  const Entity* e = s.doc.scene().find(id);
  if (!e) return;
  Entity copy = *e;
  const bool changed = widget(copy);
  if (continuous && ImGui::IsItemActivated()) s.doc.history().begin_gesture();
  if (changed) {
    std::vector<EditEntities::Change> changes;
    changes.push_back({id, *e, std::move(copy)});
    s.run(std::make_unique<EditEntities>(what, std::move(changes), continuous ? cat("inspector:", what, ":", id) : ""));
  }
  if (continuous && ImGui::IsItemDeactivated()) s.doc.history().end_gesture();
}

template <typename Widget>
void edit_environment(Editor::State& s, const char* what, Widget&& widget) {
  scene::Environment copy = s.doc.scene().environment;
  const bool changed = widget(copy);
  if (ImGui::IsItemActivated()) s.doc.history().begin_gesture();
  if (changed) s.run(std::make_unique<EditEnvironment>(what, s.doc.scene().environment, copy, cat("environment:", what)));
  if (ImGui::IsItemDeactivated()) s.doc.history().end_gesture();
}

// A collapsing header with a remove button; returns whether it is open. `remove` is set when clicked.
bool component_header(const char* name, bool* remove) {
  bool open = ImGui::CollapsingHeader(name, remove, ImGuiTreeNodeFlags_DefaultOpen);
  return open;
}

bool text_field(const char* label, std::string& value) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
  if (!ImGui::InputText(label, buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue)) return false;
  value = buffer;
  return true;
}

void transform_section(Editor::State& s, EntityId id) {
  if (!ImGui::CollapsingHeader("Transform", ImGuiTreeNodeFlags_DefaultOpen)) return;
  edit(s, id, "Move", [](Entity& e) {
    return ImGui::DragFloat3("Position", &e.transform.translation.x, 0.05f);
  });
  edit(s, id, "Rotate", [](Entity& e) {
    glm::vec3 degrees = glm::degrees(glm::eulerAngles(e.transform.rotation));
    if (!ImGui::DragFloat3("Rotation", &degrees.x, 0.5f)) return false;
    e.transform.rotation = glm::normalize(glm::quat(glm::radians(degrees)));
    return true;
  });
  edit(s, id, "Scale", [](Entity& e) {
    if (!ImGui::DragFloat3("Scale", &e.transform.scale.x, 0.01f)) return false;
    // A zero scale is refused on save: keep every axis away from it.
    for (int i = 0; i < 3; ++i)
      if (std::abs(e.transform.scale[i]) < 1e-3f) e.transform.scale[i] = 1e-3f;
    return true;
  });
}

void mesh_section(Editor::State& s, EntityId id) {
  bool keep = true;
  if (!component_header("Mesh", &keep)) return;
  if (!keep) return edit(s, id, "Remove mesh", [](Entity& e) { e.mesh.reset(); return true; }, false);
  const scene::Scene& scene = s.doc.scene();
  edit(s, id, "Mesh asset", [&](Entity& e) {
    bool changed = false;
    if (ImGui::BeginCombo("Asset", e.mesh->asset.c_str())) {
      for (const auto& [asset, path] : scene.assets)
        if (ImGui::Selectable(asset.c_str(), asset == e.mesh->asset)) e.mesh->asset = asset, changed = true;
      ImGui::EndCombo();
    }
    return changed;
  }, false);
  edit(s, id, "Casts shadows", [](Entity& e) { return ImGui::Checkbox("Casts shadows", &e.mesh->casts_shadows); }, false);
  const std::size_t overrides = scene.find(id)->mesh->material_overrides.size();
  for (std::size_t i = 0; i < overrides; ++i) {
    ImGui::PushID(int(i));
    ImGui::Text("Material %u override", scene.find(id)->mesh->material_overrides[i].material);
    edit(s, id, "Base colour", [i](Entity& e) {
      auto& o = e.mesh->material_overrides[i];
      glm::vec4 c = o.base_color.value_or(glm::vec4(1.0f));
      if (!ImGui::ColorEdit4("Base colour", &c.x, ImGuiColorEditFlags_Float)) return false;
      o.base_color = glm::clamp(c, 0.0f, 1.0f);
      return true;
    });
    edit(s, id, "Emissive", [i](Entity& e) {
      auto& o = e.mesh->material_overrides[i];
      glm::vec3 c = o.emissive.value_or(glm::vec3(0.0f));
      if (!ImGui::DragFloat3("Emissive", &c.x, 0.01f, 0.0f, 100.0f)) return false;
      o.emissive = glm::max(c, glm::vec3(0.0f));
      return true;
    });
    edit(s, id, "Metallic", [i](Entity& e) {
      auto& o = e.mesh->material_overrides[i];
      float v = o.metallic.value_or(0.0f);
      if (!ImGui::SliderFloat("Metallic", &v, 0.0f, 1.0f)) return false;
      o.metallic = v;
      return true;
    });
    edit(s, id, "Roughness", [i](Entity& e) {
      auto& o = e.mesh->material_overrides[i];
      float v = o.roughness.value_or(0.5f);
      if (!ImGui::SliderFloat("Roughness", &v, 0.0f, 1.0f)) return false;
      o.roughness = v;
      return true;
    });
    edit(s, id, "Remove override", [i](Entity& e) {
      if (!ImGui::SmallButton("Remove override")) return false;
      e.mesh->material_overrides.erase(e.mesh->material_overrides.begin() + std::ptrdiff_t(i));
      return true;
    }, false);
    ImGui::PopID();
    if (scene.find(id)->mesh->material_overrides.size() != overrides) break;
  }
  edit(s, id, "Add material override", [](Entity& e) {
    if (!ImGui::SmallButton("Add material override")) return false;
    // The next material index without an override (at most one per material).
    std::uint32_t next = 0;
    for (const auto& o : e.mesh->material_overrides) next = std::max(next, o.material + 1);
    e.mesh->material_overrides.push_back({next, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    return true;
  }, false);
}

void light_section(Editor::State& s, EntityId id) {
  bool keep = true;
  if (!component_header("Light", &keep)) return;
  if (!keep) return edit(s, id, "Remove light", [](Entity& e) { e.light.reset(); return true; }, false);
  edit(s, id, "Light type", [](Entity& e) {
    int type = int(e.light->type);
    if (!ImGui::Combo("Type", &type, "point\0spot\0directional\0")) return false;
    e.light->type = scene::LightType(type);
    return true;
  }, false);
  edit(s, id, "Light colour", [](Entity& e) { return ImGui::ColorEdit3("Colour", &e.light->color.x, ImGuiColorEditFlags_Float); });
  edit(s, id, "Light intensity", [](Entity& e) { return ImGui::DragFloat("Intensity", &e.light->intensity, 0.1f, 0.0f, 1e6f); });
  edit(s, id, "Light range", [](Entity& e) { return ImGui::DragFloat("Range", &e.light->range, 0.1f, 0.0f, 1e5f); });
  if (s.doc.scene().find(id)->light->type == scene::LightType::spot) {
    edit(s, id, "Inner cone", [](Entity& e) {
      return ImGui::SliderFloat("Inner cone", &e.light->inner_cone, 0.0f, e.light->outer_cone);
    });
    edit(s, id, "Outer cone", [](Entity& e) {
      return ImGui::SliderFloat("Outer cone", &e.light->outer_cone, e.light->inner_cone, 1.5707963f);
    });
  }
  edit(s, id, "Shadows", [](Entity& e) { return ImGui::Checkbox("Shadows", &e.light->shadows); }, false);
}

void camera_section(Editor::State& s, EntityId id) {
  bool keep = true;
  if (!component_header("Camera", &keep)) return;
  if (!keep) return edit(s, id, "Remove camera", [](Entity& e) { e.camera.reset(); return true; }, false);
  edit(s, id, "Field of view", [](Entity& e) {
    return ImGui::SliderAngle("Field of view", &e.camera->fov_y, 1.0f, 179.0f);
  });
  edit(s, id, "Near plane", [](Entity& e) {
    return ImGui::DragFloat("Near", &e.camera->near_plane, 0.01f, 0.001f, e.camera->far_plane * 0.99f);
  });
  edit(s, id, "Far plane", [](Entity& e) {
    return ImGui::DragFloat("Far", &e.camera->far_plane, 1.0f, e.camera->near_plane * 1.01f, 1e6f);
  });
  edit(s, id, "Focus distance", [](Entity& e) {
    return ImGui::DragFloat("Focus distance", &e.camera->focus_distance, 0.05f, 0.01f, 1e5f);
  });
  edit(s, id, "Aperture", [](Entity& e) { return ImGui::DragFloat("Aperture (f/)", &e.camera->aperture, 0.1f, 0.0f, 64.0f); });
  if (ImGui::SmallButton("View through this camera")) {
    const glm::mat4 world = s.doc.scene().world_transform(id);
    const glm::vec3 eye(world[3]), forward = glm::normalize(-glm::vec3(world[2]));
    s.camera.yaw = std::atan2(forward.x, -forward.z);
    s.camera.pitch = std::asin(std::clamp(forward.y, -1.0f, 1.0f));
    s.camera.target = eye + forward * s.camera.distance;
    s.camera.fov_y = s.doc.scene().find(id)->camera->fov_y;
  }
}

void emitter_section(Editor::State& s, EntityId id) {
  bool keep = true;
  if (!component_header("Particle emitter", &keep)) return;
  if (!keep) return edit(s, id, "Remove emitter", [](Entity& e) { e.emitter.reset(); return true; }, false);
  edit(s, id, "Emitter kind", [](Entity& e) {
    int kind = int(e.emitter->kind);
    if (!ImGui::Combo("Kind", &kind, "snow\0dissolve\0sparks\0")) return false;
    e.emitter->kind = scene::EmitterKind(kind);
    return true;
  }, false);
  edit(s, id, "Emission rate", [](Entity& e) { return ImGui::DragFloat("Rate (/s)", &e.emitter->rate, 1.0f, 0.0f, 1e7f); });
  edit(s, id, "Emitter seed", [](Entity& e) {
    int seed = int(e.emitter->seed & 0x7fffffff);
    if (!ImGui::InputInt("Seed", &seed)) return false;
    e.emitter->seed = std::uint64_t(std::max(seed, 0));
    return true;
  }, false);
  const std::size_t params = s.doc.scene().find(id)->emitter->params.size();
  for (std::size_t i = 0; i < params; ++i) {
    const std::string name = s.doc.scene().find(id)->emitter->params[i].name;
    edit(s, id, "Emitter parameter", [&](Entity& e) {
      auto& values = e.emitter->params[i].values;
      return ImGui::DragScalarN(name.c_str(), ImGuiDataType_Float, values.data(), int(values.size()), 0.01f);
    });
  }
}

void character_section(Editor::State& s, EntityId id) {
  bool keep = true;
  if (!component_header("Character", &keep)) return;
  if (!keep) return edit(s, id, "Remove character", [](Entity& e) { e.character.reset(); return true; }, false);
  edit(s, id, "Character", [](Entity& e) { return text_field("Character", e.character->character); }, false);
  edit(s, id, "Outfit", [](Entity& e) { return text_field("Outfit", e.character->outfit); }, false);
}

void add_component_menu(Editor::State& s, EntityId id) {
  if (ImGui::Button("Add component")) ImGui::OpenPopup("add component");
  if (!ImGui::BeginPopup("add component")) return;
  const Entity& e = *s.doc.scene().find(id);
  auto add = [&](const char* what, auto&& fill) {
    s.run(EditEntities::of(s.doc.scene(), id, what, fill));
    ImGui::CloseCurrentPopup();
  };
  if (!e.mesh && !s.doc.scene().assets.empty() && ImGui::MenuItem("Mesh"))
    add("Add mesh", [&](Entity& x) { x.mesh = scene::MeshComponent{s.doc.scene().assets.begin()->first, {}}; });
  if (!e.light && ImGui::MenuItem("Light")) add("Add light", [](Entity& x) { x.light = scene::LightComponent{}; });
  if (!e.camera && ImGui::MenuItem("Camera")) add("Add camera", [](Entity& x) { x.camera = scene::CameraComponent{}; });
  if (!e.emitter && ImGui::MenuItem("Particle emitter"))
    add("Add emitter", [](Entity& x) { x.emitter = scene::EmitterComponent{}; });
  if (!e.character && ImGui::MenuItem("Character"))
    add("Add character", [](Entity& x) { x.character = scene::CharacterComponent{"len", ""}; });
  ImGui::EndPopup();
}

void environment_section(Editor::State& s) {
  if (!ImGui::CollapsingHeader("Sky and fog (scene)")) return;
  edit_environment(s, "Sky preset", [](scene::Environment& env) { return text_field("Sky preset", env.sky.preset); });
  edit_environment(s, "Sun direction", [](scene::Environment& env) {
    return ImGui::DragFloat3("Sun direction", &env.sky.sun_direction.x, 0.01f, -1.0f, 1.0f);
  });
  edit_environment(s, "Sun colour", [](scene::Environment& env) {
    return ImGui::ColorEdit3("Sun colour", &env.sky.sun_color.x, ImGuiColorEditFlags_Float);
  });
  edit_environment(s, "Sun intensity", [](scene::Environment& env) {
    return ImGui::DragFloat("Sun intensity", &env.sky.sun_intensity, 0.05f, 0.0f, 1e5f);
  });
  edit_environment(s, "Turbidity", [](scene::Environment& env) {
    return ImGui::SliderFloat("Turbidity", &env.sky.turbidity, 1.0f, 32.0f);
  });
  edit_environment(s, "Fog colour", [](scene::Environment& env) {
    return ImGui::ColorEdit3("Fog colour", &env.fog.color.x, ImGuiColorEditFlags_Float);
  });
  edit_environment(s, "Fog density", [](scene::Environment& env) {
    return ImGui::DragFloat("Fog density", &env.fog.density, 0.0005f, 0.0f, 10.0f, "%.4f");
  });
  edit_environment(s, "Fog height falloff", [](scene::Environment& env) {
    return ImGui::DragFloat("Height falloff", &env.fog.height_falloff, 0.001f, 0.0f, 10.0f, "%.3f");
  });
  edit_environment(s, "Fog scattering", [](scene::Environment& env) {
    return ImGui::SliderFloat("Scattering", &env.fog.scattering, 0.0f, 1.0f);
  });
  edit_environment(s, "Exposure", [](scene::Environment& env) {
    return ImGui::DragFloat("Exposure (EV)", &env.exposure, 0.05f, -20.0f, 20.0f);
  });
}

}  // namespace

void draw_inspector(Editor::State& s) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float x = float(s.area.offset.x + std::int32_t(s.area.extent.width));
  const float top = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(x, top));
  ImGui::SetNextWindowSize(ImVec2(display.x - x, display.y - top));
  ImGui::Begin("Inspector", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  const EntityId id = s.selection.primary();
  if (const Entity* e = s.doc.scene().find(id)) {
    ImGui::Text("id %llu%s", static_cast<unsigned long long>(id),
                s.selection.ids().size() > 1 ? cat("  (+", s.selection.ids().size() - 1, " more)").c_str() : "");
    edit(s, id, "Rename", [](Entity& x) { return text_field("Name", x.name); }, false);
    transform_section(s, id);
    if (e->mesh) mesh_section(s, id);
    if (s.doc.scene().find(id)->light) light_section(s, id);
    if (s.doc.scene().find(id)->camera) camera_section(s, id);
    if (s.doc.scene().find(id)->emitter) emitter_section(s, id);
    if (s.doc.scene().find(id)->character) character_section(s, id);
    ImGui::Spacing();
    add_component_menu(s, id);
  } else {
    ImGui::TextDisabled("Nothing selected: click in the viewport or the outliner.");
  }
  ImGui::Spacing();
  environment_section(s);
  ImGui::End();
}

}  // namespace kagami::editor
