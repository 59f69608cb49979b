# kagami_shaders(TARGET files...): compile GLSL to SPIR-V with glslc at build time.
# glslc writes a depfile, so editing a header in shaders/shared/ rebuilds every
# shader that includes it. Output lands in ${KAGAMI_SHADER_DIR}/<name>.spv.
set(KAGAMI_SHADER_DIR ${CMAKE_BINARY_DIR}/shaders CACHE INTERNAL "")
function(kagami_shaders target)
  set(outputs)
  foreach(src ${ARGN})
    get_filename_component(name ${src} NAME)
    set(out ${KAGAMI_SHADER_DIR}/${name}.spv)
    add_custom_command(
      OUTPUT ${out}
      COMMAND ${GLSLC} --target-env=vulkan1.3 -O -g -I ${CMAKE_SOURCE_DIR}/shaders
              -MD -MF ${out}.d -o ${out} ${src}
      DEPENDS ${src}
      DEPFILE ${out}.d
      COMMENT "glslc ${name}"
      VERBATIM)
    list(APPEND outputs ${out})
  endforeach()
  add_custom_target(${target} ALL DEPENDS ${outputs})
endfunction()
