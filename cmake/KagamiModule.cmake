# kagami_module(NAME [PUBLIC deps...] [PRIVATE deps...])
# One engine module = one static library. Sources are every .cpp under src/,
# public headers live in include/kagami/<name>/, so a module can only include
# the headers of modules it links against: the dependency table in DESIGN.md is
# enforced by the linker and the include path, not by discipline.
function(kagami_module name)
  cmake_parse_arguments(ARG "" "" "PUBLIC;PRIVATE" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp)
  if(NOT sources)
    # A module with headers only (or not written yet) is an interface library.
    add_library(kagami_${name} INTERFACE)
    add_library(kagami::${name} ALIAS kagami_${name})
    target_include_directories(kagami_${name} INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/include)
    target_link_libraries(kagami_${name} INTERFACE ${ARG_PUBLIC})
    return()
  endif()
  add_library(kagami_${name} STATIC ${sources})
  add_library(kagami::${name} ALIAS kagami_${name})
  target_include_directories(kagami_${name}
    PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(kagami_${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
endfunction()
