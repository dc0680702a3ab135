// The swan-bench workloads (definitions: workloads.h) over the WHATWG WebSocket API, shared by
// node-client.js (Debian's node-ws) and chromium.html (headless Chromium).
//
// env: {
//   open(url) -> socket,
//   listen(socket, {open(), message(data, isBinary), close(code), error(message)}),
//   payload(size, fill) -> what socket.send() takes for binary data,
//   byteLength(data), firstByte(data) of binary data,
//   now() -> ms (fractional), startClock(), done(result), fail(message)
// }
// params: {workload, url, messages, size, connections}
'use strict';

function runWorkload(env, params) {
    var startedAt = 0;
    var text = 'a'.repeat(params.size);

    function startClock() {
        env.startClock();
        startedAt = env.now();
    }
    function elapsedSeconds() {
        return (env.now() - startedAt) / 1000;
    }
    function percentile(sorted, p) {
        return sorted[Math.floor(p * (sorted.length - 1))];
    }
    // One socket whose failures end the run. w1..w4 never close: the process ends once it reported.
    function connect(handlers) {
        var socket = env.open(params.url);
        env.listen(socket, {
            open: function () { handlers.open(socket); },
            message: function (data, isBinary) { handlers.message(socket, data, isBinary); },
            close: function (code) {
                if (handlers.close)
                    handlers.close(socket, code);
                else
                    env.fail('closed unexpectedly: ' + code);
            },
            error: function (message) { env.fail('error: ' + message); }
        });
        return socket;
    }

    function pipelined() {
        var received = 0;
        connect({
            open: function (socket) {
                startClock();
                for (var i = 0; i < params.messages; ++i)
                    socket.send(text);
            },
            message: function () {
                if (++received !== params.messages)
                    return;
                var seconds = elapsedSeconds();
                env.done({ value: params.messages / seconds, seconds: seconds });
            }
        });
    }

    function roundTrips() {
        var latencies = [];
        var sentAt = 0;
        connect({
            open: function (socket) {
                startClock();
                sentAt = env.now();
                socket.send(text);
            },
            message: function (socket) {
                latencies.push((env.now() - sentAt) * 1000);
                if (latencies.length < params.messages) {
                    sentAt = env.now();
                    socket.send(text);
                    return;
                }
                var seconds = elapsedSeconds();
                latencies.sort(function (a, b) { return a - b; });
                var p50 = percentile(latencies, 0.5);
                env.done({ value: p50, p50: p50, p99: percentile(latencies, 0.99), seconds: seconds });
            }
        });
    }

    function binary() {
        var payloads = [];
        for (var i = 0; i < params.messages; ++i)
            payloads.push(env.payload(params.size, i & 0xff));
        var received = 0;
        connect({
            open: function (socket) {
                startClock();
                for (var i = 0; i < payloads.length; ++i)
                    socket.send(payloads[i]);
                payloads = null;
            },
            message: function (socket, data, isBinary) {
                if (!isBinary || env.byteLength(data) !== params.size
                    || env.firstByte(data) !== (received & 0xff)) {
                    env.fail('echo ' + received + ': wrong type, size or order');
                    return;
                }
                if (++received !== params.messages)
                    return;
                var seconds = elapsedSeconds();
                var value = params.workload === 'w3'
                        ? params.messages * params.size / (1024 * 1024) / seconds
                        : seconds;
                env.done({ value: value, seconds: seconds });
            }
        });
    }

    function manyTasks() {
        var closed = 0;
        startClock();
        function run() {
            var received = 0;
            connect({
                open: function (socket) {
                    for (var i = 0; i < params.messages; ++i)
                        socket.send(text);
                },
                message: function (socket) {
                    if (++received === params.messages)
                        socket.close(1000);
                },
                close: function (socket, code) {
                    if (received !== params.messages) {
                        env.fail('closed early: ' + code);
                        return;
                    }
                    if (++closed === params.connections) {
                        var seconds = elapsedSeconds();
                        env.done({ value: seconds, seconds: seconds });
                    }
                }
            });
        }
        for (var i = 0; i < params.connections; ++i)
            run();
    }

    var workloads = { w1: pipelined, w2: roundTrips, w3: binary, w4: binary, w5: manyTasks };
    if (!workloads[params.workload]) {
        env.fail('unknown workload ' + params.workload);
        return;
    }
    workloads[params.workload]();
}

if (typeof module !== 'undefined')
    module.exports = runWorkload;
