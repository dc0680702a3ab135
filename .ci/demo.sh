#!/usr/bin/env bash
# Set-up (apt + build), then the built-in demo. Nothing outside this machine is contacted.
#  - With a display: swan-inspector on its demo (an in-process wss echo server with a
#    certificate made on the fly, the spec's examples and a chat script).
#  - Without one (or with --headless): the spec's examples run unchanged through swan-run
#    against swan-echo-server with a throw-away CA.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh

if [[ "${1:-}" != --headless && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]]; then
    exec build/bin/swan-inspector
fi
echo "demo: no display (or --headless): running the examples through swan-run instead"

work=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
# A throw-away CA and a certificate for the spec's example host, trusted by this run only.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=SwanSocket demo CA" \
    -keyout "$work/ca.key" -out "$work/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=example.baidu.com" \
    -keyout "$work/server.key" -out "$work/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:example.baidu.com,DNS:localhost,IP:127.0.0.1\n' > "$work/san.cnf"
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
    -CAcreateserial -days 1 -extfile "$work/san.cnf" -out "$work/server.pem" 2>/dev/null

build/bin/swan-echo-server --cert "$work/server.pem" --key "$work/server.key" > "$work/port" &
server_pid=$!
for _ in $(seq 50); do grep -q LISTENING "$work/port" && break; sleep 0.1; done
port=$(awk '/LISTENING/ {print $2}' "$work/port")
echo "demo: wss echo server on 127.0.0.1:$port standing in for example.baidu.com"

for script in resources/examples/*.js; do
    echo
    echo "== $script"
    # Scripts that never close their socket run until --timeout (exit 124): expected here.
    build/bin/swan-run --allow-domain example.baidu.com --ca-cert "$work/ca.pem" \
        --connect-to "example.baidu.com:443:127.0.0.1:$port" --timeout 2 "$script" || true
done
