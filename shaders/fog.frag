#version 450
// Exponential height fog over the whole image (blended over the HDR target):
// the optical depth of density * exp(-falloff * height) along each view ray,
// integrated in closed form, and light scattered towards the eye: the fog's
// ambient colour plus sunlight (or moonlight) through a Henyey-Greenstein phase,
// plus the beams of the few lights nearest the camera (light_scattering.glsl),
// shadowed where those lights have shadow maps.
#include "post/common.glsl"

layout(set = 0, binding = 1) uniform sampler2D depth_texture;
// The point/spot lights' shadow atlas: the beams of lights with maps show their shadows.
layout(set = 0, binding = 2) uniform sampler2DShadow local_shadow_atlas;

#include "lighting/light_scattering.glsl"
layout(location = 0) out vec4 out_color;

void main() {
  float depth = texelFetch(depth_texture, ivec2(gl_FragCoord.xy), 0).r;
  vec3 eye = post.camera_position.xyz;
  vec3 dir;
  float dist;
  if (depth <= 0.0) {
    dir = view_ray(in_uv);
    dist = post.camera_position.w;  // the sky: as far as the fog is allowed to reach
  } else {
    vec3 to_point = world_at(in_uv, depth) - eye;
    dist = length(to_point);
    dir = to_point / max(dist, 1e-6);
  }
  dist = max(dist - post.fog_params.w, 0.0);

  float falloff = post.fog_params.x;
  float density_at_eye = post.fog_color.w * exp(clamp(-falloff * eye.y, -80.0, 80.0));
  float rise = falloff * dir.y * dist;  // how many e-folds of density the ray climbs
  float shape = abs(rise) > 1e-4 ? (1.0 - exp(clamp(-rise, -80.0, 80.0))) / rise : 1.0 - 0.5 * rise;
  float optical_depth = density_at_eye * dist * shape;
  float transmittance = exp(-optical_depth);

  SkyParams sky = post.sky;
  vec3 sunlight = sky.sun_radiance.rgb * sky_sun_transmittance(sky) * (1.0 - sky.shape.y);
  float phase = hg_phase(dot(dir, sky.sun_direction.xyz), post.fog_params.z);
  vec3 inscattered = post.fog_color.rgb + post.fog_params.y * sunlight * phase;
  // Alpha blending: result = inscattered * (1 - T) + scene * T.
  float alpha = 1.0 - transmittance;
  // Lamp beams: the nearest few lights' in-scattering, already attenuated
  // along the ray, enters through the same blend divided by its alpha.
  vec3 beams = vec3(0.0);
  for (uint i = 0u; i < post.fog_light_info.x; ++i)
    beams += light_inscattering(post.fog_lights[i], eye + dir * post.fog_params.w, dir, dist, density_at_eye, falloff,
                                post.fog_params.z);
  inscattered += post.fog_params.y * beams / max(alpha, 1e-4);
  out_color = vec4(min(inscattered, vec3(60000.0)), alpha);
}
