// The screen-facing quad a particle is drawn as (particle_draw.vert) and the
// test that skips the ones out of view (particle_light.comp): both need the
// same reach, or a flake at the edge of the view would be lit but not drawn.
// Include after shared/particle_types.h.
#ifndef KAGAMI_SHADER_SHARED_PARTICLE_QUAD_GLSL
#define KAGAMI_SHADER_SHARED_PARTICLE_QUAD_GLSL

// Its velocity over `streak_seconds`, in the plane facing the camera.
vec3 particle_streak(Particle p, vec3 camera, float streak_seconds, out vec3 to_camera) {
  to_camera = normalize(camera - p.position.xyz);
  vec3 streak = p.velocity.xyz * streak_seconds;
  return streak - dot(streak, to_camera) * to_camera;
}

// Half the quad's width across the streak.
float particle_radius(Particle p, float size_scale) { return 0.5 * p.position.w * size_scale; }

// True when a sphere of `radius` around `center` lies wholly outside the
// view's side planes or behind the camera. Conservative: moving a world unit
// changes a clip coordinate by at most the length of that matrix row.
bool particle_outside_view(mat4 view_proj, vec3 center, float radius) {
  vec4 clip = view_proj * vec4(center, 1.0);
  mat4 rows = transpose(view_proj);
  float rx = radius * length(rows[0].xyz), ry = radius * length(rows[1].xyz), rw = radius * length(rows[3].xyz);
  float w = clip.w + rw;
  return w <= 0.0 || abs(clip.x) - rx > w || abs(clip.y) - ry > w;
}
#endif
