# The README shows build.sh's package list; fail when the two drift apart.
cmake_policy(SET CMP0007 NEW)
# Usage: cmake -DBUILD_SH=... -DREADME=... -P compare_packages.cmake
function(read_block file begin end out)
    file(READ "${file}" text)
    string(FIND "${text}" "${begin}" b)
    string(FIND "${text}" "${end}" e)
    if(b EQUAL -1 OR e EQUAL -1 OR e LESS b)
        message(FATAL_ERROR "${file}: no '${begin}' ... '${end}' block")
    endif()
    string(LENGTH "${begin}" blen)
    math(EXPR start "${b} + ${blen}")
    math(EXPR len "${e} - ${start}")
    string(SUBSTRING "${text}" ${start} ${len} block)
    # Keep package names only: drop the shell array syntax, code fences and comment markers.
    string(REGEX REPLACE "PACKAGES=\\(|\\)|```|<!--|-->|#" " " block "${block}")
    string(REGEX REPLACE "[ \t\r\n]+" ";" block "${block}")
    list(REMOVE_ITEM block "")
    set(${out} "${block}" PARENT_SCOPE)
endfunction()

read_block("${BUILD_SH}" "# packages:begin" "# packages:end" script)
read_block("${README}" "<!-- packages:begin -->" "<!-- packages:end -->" readme)
if(NOT script STREQUAL readme)
    message(FATAL_ERROR "README.md's package list differs from build.sh's.\n"
                        "build.sh: ${script}\nREADME.md: ${readme}\n"
                        "Copy build.sh's PACKAGES list into the README's packages block.")
endif()
list(LENGTH script n)
message(STATUS "README and build.sh list the same ${n} packages")
