# docs/apt31-summary.md must be exactly what `attribution-timeline --summary` prints.
execute_process(COMMAND ${EXE} --summary OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "attribution-timeline --summary exited with ${rc}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "docs/apt31-summary.md is out of date; regenerate it with: attribution-timeline --summary > docs/apt31-summary.md")
endif()
