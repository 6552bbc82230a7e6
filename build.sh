#!/usr/bin/env bash
# Set-up, build, run and test Attribution Timeline on a Debian-based machine.
#   ./build.sh run [ARGS...]   install what is missing, build, launch the app (built-in case)
#   ./build.sh test            install what is missing, build, run the whole test suite headless,
#                              fuzz the case reader, citation anchoring, the HTML text extractor and
#                              opening STIX and TimelineJS files
#                              (libFuzzer, 30 s each), then
#                              build and run the suite again under AddressSanitizer, UndefinedBehavior-
#                              Sanitizer and LeakSanitizer
# Both are idempotent: nothing is reinstalled and the builds are incremental.
set -euo pipefail

cd "$(dirname "$0")"
BUILD_DIR=${BUILD_DIR:-build}
ASAN_DIR=${ASAN_DIR:-build-asan}
FUZZ_DIR=${FUZZ_DIR:-build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-30}
JOBS=$(nproc 2>/dev/null || echo 2)

# Every package the build, the app, the tests, the fuzzers and the sanitizer pass need; the README
# shows this list between its packages markers and a CTest (readme_packages_match_build_sh) fails if
# the two drift apart.
# packages:begin
PACKAGES=(cmake ninja-build g++ pkg-config
          qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-svg-dev libgl-dev
          libsimdjson-dev libpoppler-qt6-dev
          fonts-dejavu-core fonts-noto-core fonts-noto-cjk
          clang libclang-rt-dev
          poppler-utils
          python3 python3-jsonschema nodejs npm chromium)
# packages:end

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        # A package named like a command already on the PATH counts as there: Node.js from its own
        # packages brings npm, and Debian's npm would conflict with it.
        if command -v "$p" >/dev/null 2>&1; then continue; fi
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "error: cannot install packages: not root and sudo is not available." >&2
            echo "Install them yourself, then run this again:" >&2
            echo "  apt-get install ${missing[*]}" >&2
            exit 1
        fi
    fi
    if ! { "${sudo[@]}" apt-get update -qq &&
           DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; }; then
        echo "error: apt-get could not install: ${missing[*]}" >&2
        exit 1
    fi
}

build() {
    if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
        cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAT_WERROR=ON
    fi
    cmake --build "$BUILD_DIR" -j "$JOBS"
}

# The npm packages the exchange tests check our exports with (the real TimelineJS3, Aleph's
# FollowTheMoney model; tests/browser/package-lock.json with their integrity hashes), from the npm
# registry; only when node_modules is missing or older than the lock.
# The app itself never needs npm.
browser_packages() {
    local dir=tests/browser
    if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        echo "== npm ci in $dir"
        # Node.js trusts its own copy of the public CAs; with the system's store added, a machine
        # whose administrator installed a local CA (an egress proxy's) reaches the registry as apt
        # and git do.
        local cas=/etc/ssl/certs/ca-certificates.crt
        if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$cas" ]; then export NODE_EXTRA_CA_CERTS=$cas; fi
        (cd "$dir" && npm ci --no-audit --no-fund)
    fi
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
run)
    install_missing
    build
    exec "$BUILD_DIR/app/attribution-timeline" "$@"
    ;;
test)
    install_missing
    build
    browser_packages
    echo "== Test suite"
    QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" "$@"
    echo "== Fuzzing the case reader, citation anchoring, the HTML text extractor and opening STIX and TimelineJS files (libFuzzer, ${FUZZ_SECONDS} s each)"
    if [ ! -f "$FUZZ_DIR/CMakeCache.txt" ]; then
        cmake -S . -B "$FUZZ_DIR" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
              -DCMAKE_CXX_FLAGS="-O1 -g" -DCMAKE_UNITY_BUILD=ON -DAT_FUZZ=ON -DAT_WERROR=ON
    fi
    cmake --build "$FUZZ_DIR" -j "$JOBS"
    for target in casereader anchoring htmltext interchange; do
        # The build's corpus comes first (new finds go there); committed regressions replay every run.
        # A target's dictionary (tests/fuzz/TARGET.dict), when it has one, seeds the mutations.
        dict=()
        if [ -f "tests/fuzz/$target.dict" ]; then dict=(-dict="tests/fuzz/$target.dict"); fi
        if ! "$FUZZ_DIR/tests/fuzz/fuzz_$target" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=4096 \
                "${dict[@]}" "$FUZZ_DIR/tests/fuzz/corpus/$target" "tests/fuzz/regressions/$target" \
                -artifact_prefix="$FUZZ_DIR/" > "$FUZZ_DIR/fuzz_$target.log" 2>&1; then
            tail -40 "$FUZZ_DIR/fuzz_$target.log"
            echo "fuzz_$target found a crash; the input is in $FUZZ_DIR/ (add it to tests/fuzz/regressions/$target/)" >&2
            exit 1
        fi
        echo "fuzz_$target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$FUZZ_DIR/fuzz_$target.log"), no crash"
    done
    echo "== Test suite under AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer"
    if [ ! -f "$ASAN_DIR/CMakeCache.txt" ]; then
        # -O1 without debug info and a unity build keep this second build quick on two cores.
        cmake -S . -B "$ASAN_DIR" -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS=-O1 \
              -DCMAKE_UNITY_BUILD=ON -DAT_SANITIZE=ON -DAT_WERROR=ON
    fi
    cmake --build "$ASAN_DIR" -j "$JOBS"
    QT_QPA_PLATFORM=offscreen \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$ASAN_DIR" --output-on-failure -j "$JOBS" "$@"
    ;;
*)
    echo "usage: $0 run [ARGS...] | test" >&2
    exit 2
    ;;
esac
