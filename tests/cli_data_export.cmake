# The command line as a journalist uses it to exchange a case: every data export of the built-in case,
# a STIX bundle converted into a case file that then checks clean, and a TimelineJS file summarised.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
set(ENV{DISPLAY} "")
set(ENV{QT_QPA_PLATFORM} "")
function(run)
    execute_process(COMMAND ${EXE} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "attribution-timeline ${ARGN} failed (${rc}):\n${out}\n${err}")
    endif()
    set(out "${out}" PARENT_SCOPE)
endfunction()

foreach(name case stix timelinejs html ftm annotations)
    run(--export ${name} --output ${OUT}/builtin-${name}.out)
    if(NOT out MATCHES "Wrote [^\n]*builtin-${name}.out \\([^\n]*: 25 events, ")
        message(FATAL_ERROR "--export ${name}: unexpected output: ${out}")
    endif()
    file(SIZE ${OUT}/builtin-${name}.out size)
    if(size LESS 1000)
        message(FATAL_ERROR "--export ${name} wrote only ${size} bytes")
    endif()
endforeach()
run(--export timelinejs --lane actor --output ${OUT}/builtin-timelinejs-actor.json)

# STIX -> case -> --check, as the README shows.
run(--export case --output ${OUT}/apt1-case.json ${REFDATA}/oasis-stix21/apt1.json)
if(NOT out MATCHES "Read [^\n]*apt1.json as a STIX bundle:\n  - ")
    message(FATAL_ERROR "--export case of a STIX bundle does not say what it converted: ${out}")
endif()
run(--check ${OUT}/apt1-case.json)
if(out MATCHES "Converted from")
    message(FATAL_ERROR "the converted case file still reads as a conversion: ${out}")
endif()
run(--check ${REFDATA}/oasis-stix21/apt1.json)
if(NOT out MATCHES "Converted from a STIX bundle into a case:\n" OR NOT out MATCHES "so no item cites them")
    message(FATAL_ERROR "--check of a STIX bundle does not say it was converted: ${out}")
endif()
run(--summary ${REFDATA}/timelinejs3/eras.json)
if(NOT out MATCHES "^## " OR NOT out MATCHES "Battle of Tertry")
    message(FATAL_ERROR "--summary of a TimelineJS file: ${out}")
endif()

# An invalid bundle is refused with the place and the rule.
execute_process(COMMAND ${EXE} --check ${REFDATA}/oasis-stix21/invalid/invalid_identity.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc EQUAL 0 OR NOT out MATCHES "invalid_identity.json: modified: error: is required")
    message(FATAL_ERROR "--check of an invalid bundle (${rc}): ${out}")
endif()
# Image options do not go with data exports.
execute_process(COMMAND ${EXE} --export stix --size 100x100 --output ${OUT}/x.json RESULT_VARIABLE rc
                ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "writes the whole case as data")
    message(FATAL_ERROR "--export stix --size was not refused (${rc}): ${err}")
endif()
# A truncated bundle: line and column, and no empty conversion report.
file(READ ${REFDATA}/oasis-stix21/apt1.json apt1 LIMIT 3000)
file(WRITE ${OUT}/truncated.json "${apt1}")
execute_process(COMMAND ${EXE} --check ${OUT}/truncated.json RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc EQUAL 0 OR NOT out MATCHES "truncated.json:[0-9]+:[0-9]+: error: not valid JSON"
   OR NOT out MATCHES "Read as a STIX bundle; it could not be converted into a case")
    message(FATAL_ERROR "--check of a truncated bundle (${rc}): ${out}")
endif()
