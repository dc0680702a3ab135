#!/usr/bin/env bash
# Fuzzing (libFuzzer, clang): builds tests/fuzz/ in build-asan/ (configure-sanitized.sh: the
# library instrumented for fuzzer coverage + AddressSanitizer + UndefinedBehaviorSanitizer,
# the same build the sanitizer test run uses) and runs each target for
# SWAN_FUZZ_SECONDS (default 20; CI uses 10) on its checked-in corpus. New inputs go to
# build-asan/corpus/<target>/, never into the repository; a crash leaves its input in
# build-asan/artifacts/ and fails the run. Run from anywhere; needs root for apt on first use.
#   bash .ci/fuzz.sh                   # every target, 20 s each
#   SWAN_FUZZ_SECONDS=300 bash .ci/fuzz.sh fuzz_url
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${SWAN_FUZZ_SECONDS:-20}
targets=("$@")
((${#targets[@]})) || targets=(fuzz_url fuzz_headers fuzz_options fuzz_har fuzz_frames)

build=${SWAN_ASAN_BUILD_DIR:-build-asan}
bash .ci/configure-sanitized.sh
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]}"

# Qt is not instrumented; its one-time allocations are not ours to report.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export QT_QPA_PLATFORM=offscreen
mkdir -p "$build"/artifacts
status=0
for target in "${targets[@]}"; do
    mkdir -p "$build/corpus/$target"
    echo "fuzz: $target for ${seconds}s"
    if ! "$build/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" \
        "$build/corpus/$target" "tests/fuzz/corpus/$target" \
        >"$build/$target.log" 2>&1; then
        echo "fuzz: $target FAILED; its output:"
        tail -n 60 "$build/$target.log"
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::new_units_added" "$build/$target.log" \
            | sed "s/^/fuzz: $target /"
    fi
done
exit $status
