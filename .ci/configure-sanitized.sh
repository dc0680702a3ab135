#!/usr/bin/env bash
# Configures build-asan/: clang, AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer
# included) and libFuzzer's coverage instrumentation, with the fuzz targets enabled. One build
# serves both .ci/sanitizers.sh (the test suite under the sanitizers) and .ci/fuzz.sh (the
# libFuzzer targets), so CI compiles the tree twice (normal + this), not three times.
# Installs clang's sanitizer and fuzzer runtimes when missing (Debian: libclang-rt-14-dev).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(clang libclang-rt-14-dev)
bash .ci/install-missing.sh "${packages[@]}"

flags="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S . -B "${SWAN_ASAN_BUILD_DIR:-build-asan}" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DSWAN_FUZZ=ON >/dev/null
