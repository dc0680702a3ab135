// swan-bench's node-ws client: node node-client.js '<params JSON>' CA_FILE
// (NODE_PATH must reach Debian's node-ws: /usr/share/nodejs). Prints one "SWANBENCH {…}" line.
'use strict';

const fs = require('fs');
const path = require('path');
const WebSocket = require('ws');
const runWorkload = require(path.join(__dirname, 'web-workloads.js'));

const params = JSON.parse(process.argv[2]);
const ca = fs.readFileSync(process.argv[3]);

function peakRssMib() {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
}

let baselineMib = 0;
let reported = false;
function report(result, status) {
    if (reported)
        return;
    reported = true;
    process.stdout.write('SWANBENCH ' + JSON.stringify(result) + '\n');
    process.exit(status);
}

runWorkload({
    // node-ws as its documentation uses it: Buffers for binary data, its own event API.
    open: (url) => new WebSocket(url, { ca: ca }),
    listen: (socket, handlers) => {
        socket.on('open', handlers.open);
        socket.on('message', (data, isBinary) => handlers.message(data, isBinary));
        socket.on('close', (code) => handlers.close(code));
        socket.on('error', (error) => handlers.error(error.message));
    },
    payload: (size, fill) => Buffer.alloc(size, fill),
    byteLength: (data) => data.length,
    firstByte: (data) => data[0],
    now: () => performance.now(),
    startClock: () => { baselineMib = peakRssMib(); },
    done: (result) => {
        result.rss_mib = peakRssMib();
        result.baseline_mib = baselineMib;
        report(result, 0);
    },
    fail: (message) => report({ error: message }, 1)
}, params);
