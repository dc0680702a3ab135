#!/usr/bin/env bash
# Set-up (apt + build) and every test: the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
cd build
# Peers (python3-websockets, node-ws) and the offscreen UI need these.
export NODE_PATH=/usr/share/nodejs QT_QPA_PLATFORM=offscreen
ctest --output-on-failure --parallel "$(nproc)" --timeout 300
