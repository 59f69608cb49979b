// Lets a header of functions compile both as GLSL and as C++ (with GLM), so a
// piece of shading math exists once: the GPU runs it and CPU code (ambient
// integration, tests) evaluates exactly the same expressions. Write such
// headers with GLSL syntax that GLM also accepts: float literals with an f
// suffix, no swizzles, no `in`/`out` parameters, KAGAMI_FN before functions
// and KAGAMI_IN(T) for read-only parameters.
#ifndef KAGAMI_SHADER_SHADING_LANG_H
#define KAGAMI_SHADER_SHADING_LANG_H

#ifdef __cplusplus
#include <cstdint>
#include <glm/glm.hpp>
namespace kagami::shader {
using namespace glm;
}  // namespace kagami::shader
#define KAGAMI_FN inline
#define KAGAMI_IN(T) const T&
#else
#define KAGAMI_FN
#define KAGAMI_IN(T) T
#endif

#endif
