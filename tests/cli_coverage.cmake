# attribution-timeline --coverage, run as a user would: per source the counts and each unreviewed
# sentence, case text made safe for the terminal, and the exit code a script can rely on
# (0 all accounted for, 1 some unreviewed, 2 the case does not open).
set(ENV{DISPLAY} "")
set(ENV{QT_QPA_PLATFORM} "")
string(ASCII 27 esc)

execute_process(COMMAND ${EXE} --coverage ${DATA}/coverage-one-unreviewed.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1)
    message(FATAL_ERROR "one unreviewed sentence: expected exit code 1, got ${rc}: ${out}${err}")
endif()
foreach(expected
        "Coverage: Coverage: one unreviewed sentence \\("
        "\ns1  A short report\n"
        "\n  sentences 4, cited 2 \\(50%\\), reviewed-not-used 1 \\(25%\\), unreviewed 1 \\(25%\\)\n"
        "\n  \\[72–116\\] A spokesman called the claims \\\\x1b\\[31mbaseless\\.\n"
        "\nTotal: 1 source, 4 sentences: cited 2 \\(50%\\), reviewed-not-used 1 \\(25%\\), unreviewed 1 \\(25%\\)\n$")
    if(NOT out MATCHES "${expected}")
        message(FATAL_ERROR "one unreviewed sentence: the output lacks \"${expected}\":\n${out}")
    endif()
endforeach()
string(FIND "${out}" "${esc}" at)
if(NOT at EQUAL -1)
    message(FATAL_ERROR "the escape character of the case text reached the terminal:\n${out}")
endif()
# Only the unreviewed sentence is listed.
string(REGEX MATCHALL "\n  \\[" listed "${out}")
list(LENGTH listed n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "expected 1 listed sentence, found ${n}:\n${out}")
endif()

execute_process(COMMAND ${EXE} --coverage ${DATA}/coverage-complete.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "every sentence accounted for: expected exit code 0, got ${rc}: ${out}${err}")
endif()
foreach(expected
        "\n  sentences 4, cited 2 \\(50%\\), reviewed-not-used 2 \\(50%\\), unreviewed 0 \\(0%\\)\n"
        "\nref1  Report on the breach\n  reference only: the text is not in the case; no sentences to review\n"
        "\nTotal: 2 sources \\(1 reference only\\), 4 sentences: cited 2 \\(50%\\), reviewed-not-used 2 \\(50%\\), unreviewed 0 \\(0%\\)\n$")
    if(NOT out MATCHES "${expected}")
        message(FATAL_ERROR "every sentence accounted for: the output lacks \"${expected}\":\n${out}")
    endif()
endforeach()
if(out MATCHES "\n  \\[")
    message(FATAL_ERROR "every sentence accounted for, yet a sentence is listed:\n${out}")
endif()

execute_process(COMMAND ${EXE} --coverage ${DATA}/does-not-exist.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "does not exist")
    message(FATAL_ERROR "a case that does not open: expected exit code 2 and the reason, got ${rc}: ${err}")
endif()
execute_process(COMMAND ${EXE} --coverage --check RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "cannot be combined")
    message(FATAL_ERROR "--coverage with --check: expected a usage error, got ${rc}: ${err}")
endif()
