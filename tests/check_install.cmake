# `cmake --install` puts the app where a desktop finds it: the binary in bin/, the .desktop entry
# in share/applications/ and the icon in the hicolor theme, and the entry names both.
# Usage: cmake -DBUILD_DIR=... -DPREFIX=... -P check_install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}" RESULT_VARIABLE rc
                OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
foreach(f bin/attribution-timeline share/applications/attribution-timeline.desktop
          share/icons/hicolor/scalable/apps/attribution-timeline.svg)
    if(NOT EXISTS "${PREFIX}/${f}")
        message(FATAL_ERROR "cmake --install did not install ${f}")
    endif()
endforeach()
file(READ "${PREFIX}/share/applications/attribution-timeline.desktop" entry)
foreach(line "Type=Application" "Exec=attribution-timeline %f" "Icon=attribution-timeline" "Name=Attribution Timeline")
    string(FIND "${entry}" "${line}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the installed .desktop entry lacks '${line}'")
    endif()
endforeach()
execute_process(COMMAND "${PREFIX}/bin/attribution-timeline" --version OUTPUT_VARIABLE version RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT version MATCHES "^attribution-timeline ")
    message(FATAL_ERROR "the installed binary does not run: ${version}")
endif()
message(STATUS "installed and runs: ${version}")
