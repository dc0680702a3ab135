#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer included):
# configures build-asan/ (clang, see configure-sanitized.sh; shared with .ci/fuzz.sh), builds
# the library and every non-GUI test with what it runs (swan-run,
# swan-echo-server), and runs those tests with options that turn any report into a failure.
# Left out: GUI tests (the inspector, QML), benchmarks and package_consumer (whose consumer is
# built without the sanitizer runtime). Called by .ci/test.sh after the normal suite; also
# runnable alone (after .ci/setup.sh has installed the build dependencies):
#   bash .ci/sanitizers.sh                 # everything above
#   bash .ci/sanitizers.sh tst_hostile     # only the tests whose names match
set -euo pipefail
cd "$(dirname "$0")/.."

build=${SWAN_ASAN_BUILD_DIR:-build-asan}
# Test names left out (extended regex): GUI, benchmarks, the installed-package consumer.
exclude=${SWAN_ASAN_EXCLUDE:-'package_consumer|bench|inspector|qml|screenshot|_ui$'}
only=${1:-}

bash .ci/configure-sanitized.sh

# The tests to run: every ctest test whose name starts with tst_, minus the excluded.
mapfile -t tests < <(cd "$build" && ctest --show-only=json-v1 | /usr/bin/python3 -c '
import json, re, sys
exclude, only = re.compile(sys.argv[1]), sys.argv[2]
for test in json.load(sys.stdin)["tests"]:
    labels = [p["value"] for p in test.get("properties", []) if p["name"] == "LABELS"]
    labels = [l for value in labels for l in value]
    name = test["name"]
    if name.startswith("tst_") and not exclude.search(name) and \
            not any(l in ("package", "bench", "gui", "fuzz") for l in labels) and only in name:
        print(name)
' "$exclude" "$only")
if ((${#tests[@]} == 0)); then
    echo "sanitizers: no test selected" >&2
    exit 1
fi

# Each test is its own target; tst_swanrun also runs these tools.
targets=(SwanSocket "${tests[@]}")
available=$(cmake --build "$build" --target help)
for tool in swan-run swan-echo-server; do
    grep -q "^$tool:" <<<"$available" && targets+=("$tool")
done
echo "sanitizers: building ${targets[*]}"
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]}"

# halt_on_error + abort_on_error: the first report fails the test (and so the run).
# No leak suppressions: LeakSanitizer reports nothing in these tests, Qt's included.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=0:strict_init_order=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export NODE_PATH=/usr/share/nodejs QT_QPA_PLATFORM=offscreen
regex="^($(IFS='|'; echo "${tests[*]}"))\$"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 300 -R "$regex"
