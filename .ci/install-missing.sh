#!/usr/bin/env bash
# Installs those of the given Debian packages that are not installed yet (as root); runs
# apt-get update first, and only when something is missing. Used by setup.sh and
# configure-sanitized.sh.
set -euo pipefail
missing=()
for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
