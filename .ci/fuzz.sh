#!/usr/bin/env bash
# Fuzzing (libFuzzer, clang): builds tests/fuzz/ into build-fuzz/ with the library instrumented
# (fuzzer coverage + AddressSanitizer + UndefinedBehaviorSanitizer) and runs each target for
# SWAN_FUZZ_SECONDS (default 20) on its checked-in corpus. New inputs go to
# build-fuzz/corpus/<target>/, never into the repository; a crash leaves its input in
# build-fuzz/artifacts/ and fails the run. Run from anywhere; needs root for apt on first use.
#   bash .ci/fuzz.sh                   # every target, 20 s each
#   SWAN_FUZZ_SECONDS=300 bash .ci/fuzz.sh fuzz_url
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${SWAN_FUZZ_SECONDS:-20}
targets=("$@")
((${#targets[@]})) || targets=(fuzz_url fuzz_headers fuzz_options fuzz_har)

# clang and its fuzzer/sanitizer runtimes (Debian: libclang-rt-14-dev).
packages=(clang libclang-rt-14-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "fuzz: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DSWAN_FUZZ=ON >/dev/null
cmake --build build-fuzz --parallel "$(nproc)" --target "${targets[@]}"

# Qt is not instrumented; its one-time allocations are not ours to report.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export QT_QPA_PLATFORM=offscreen
mkdir -p build-fuzz/artifacts
status=0
for target in "${targets[@]}"; do
    mkdir -p "build-fuzz/corpus/$target"
    echo "fuzz: $target for ${seconds}s"
    if ! "build-fuzz/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$target-" \
        "build-fuzz/corpus/$target" "tests/fuzz/corpus/$target" \
        >"build-fuzz/$target.log" 2>&1; then
        echo "fuzz: $target FAILED; its output:"
        tail -n 60 "build-fuzz/$target.log"
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::new_units_added" "build-fuzz/$target.log" \
            | sed "s/^/fuzz: $target /"
    fi
done
exit $status
