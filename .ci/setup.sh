#!/usr/bin/env bash
# Installs what SwanSocket needs on Debian 12 (as root) and builds it into build/.
# Idempotent: a second run only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    cmake ninja-build g++ pkg-config openssl libssl-dev
    qt6-base-dev qt6-websockets-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools linguist-qt6 libgl-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
    qml6-module-qtquick-dialogs qml6-module-qt-labs-settings qml6-module-qttest
    python3 python3-websockets nodejs node-ws
    fonts-wqy-microhei
    qml6-module-qtqml qml6-module-qtqml-models qt6-translations-l10n
)
bash .ci/install-missing.sh "${packages[@]}"

# Release: no debug info keeps CI's build well inside its budget (SWAN_BUILD_TYPE to change).
build_type=${SWAN_BUILD_TYPE:-Release}
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
cmake --build build --parallel "$(nproc)"
