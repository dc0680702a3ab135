#!/usr/bin/env bash
# Set-up (apt + build) and every test: the README's test command.
#   1. the whole suite (ctest) on the normal build,
#   2. the non-GUI suite again under AddressSanitizer + UBSan + LeakSanitizer,
#   3. each libFuzzer target for a short run on its corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
(
    cd build
    # Peers (python3-websockets, node-ws) and the offscreen UI need these.
    export NODE_PATH=/usr/share/nodejs QT_QPA_PLATFORM=offscreen
    ctest --output-on-failure --parallel "$(nproc)" --timeout 300
)
bash .ci/sanitizers.sh
SWAN_FUZZ_SECONDS=${SWAN_FUZZ_SECONDS:-10} bash .ci/fuzz.sh
