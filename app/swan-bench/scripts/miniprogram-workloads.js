// The swan-bench workloads as a mini-program writes them: only swan.connectSocket and its
// SocketTask, as on a phone. swan-bench's JS host adds two globals: `benchParams` ({workload,
// url, messages, size, connections}) and `bench` (now() in µs, startClock(), done(json),
// fail(message)). Workload definitions: workloads.h.
//
// Written for Qt 6.4's V4 engine: ES5 style.
(function () {
    'use strict';

    var params = benchParams;
    var startedAt = 0;

    function repeat(character, count) {
        var text = '';
        while (text.length < count)
            text += character;
        return text;
    }

    function startClock() {
        bench.startClock();
        startedAt = bench.now();
    }

    function elapsedSeconds() {
        return (bench.now() - startedAt) / 1e6;
    }

    function failed(res) {
        bench.fail((res && res.errMsg) || String(res));
    }

    // A task whose failures end the run. w1..w4 never close: the worker ends once it reported.
    function connect() {
        var task = swan.connectSocket({ url: params.url, fail: failed });
        task.onError(failed);
        task.onClose(function (res) {
            bench.fail('closed unexpectedly: ' + JSON.stringify(res));
        });
        return task;
    }

    function pipelined() {
        var text = repeat('a', params.size);
        var received = 0;
        var task = connect();
        task.onOpen(function () {
            startClock();
            for (var i = 0; i < params.messages; ++i)
                task.send({ data: text, fail: failed });
        });
        task.onMessage(function () {
            if (++received !== params.messages)
                return;
            var seconds = elapsedSeconds();
            bench.done(JSON.stringify({ value: params.messages / seconds, seconds: seconds }));
        });
    }

    function roundTrips() {
        var text = repeat('a', params.size);
        var latencies = [];
        var sentAt = 0;
        var task = connect();
        task.onOpen(function () {
            startClock();
            sentAt = bench.now();
            task.send({ data: text, fail: failed });
        });
        task.onMessage(function () {
            latencies.push(bench.now() - sentAt);
            if (latencies.length < params.messages) {
                sentAt = bench.now();
                task.send({ data: text, fail: failed });
                return;
            }
            var seconds = elapsedSeconds();
            latencies.sort(function (a, b) {
                return a - b;
            });
            var p50 = percentile(latencies, 0.5);
            bench.done(JSON.stringify({ value: p50, p50: p50, p99: percentile(latencies, 0.99),
                                        seconds: seconds }));
        });
    }

    function percentile(sorted, p) {
        return sorted[Math.floor(p * (sorted.length - 1))];
    }

    // w3 and w4: distinct payloads made before the clock starts, all sent at once.
    function binary() {
        var payloads = [];
        for (var i = 0; i < params.messages; ++i) {
            var bytes = new Uint8Array(params.size);
            bytes.fill(i & 0xff);
            payloads.push(bytes.buffer);
        }
        var received = 0;
        var task = connect();
        task.onOpen(function () {
            startClock();
            for (var i = 0; i < payloads.length; ++i)
                task.send({ data: payloads[i], fail: failed });
            payloads = null;
        });
        task.onMessage(function (res) {
            var data = res.data;
            if (!(data instanceof ArrayBuffer) || data.byteLength !== params.size
                || new Uint8Array(data, 0, 1)[0] !== (received & 0xff)) {
                bench.fail('echo ' + received + ': wrong type, size or order');
                return;
            }
            if (++received !== params.messages)
                return;
            var seconds = elapsedSeconds();
            var value = params.workload === 'w3'
                    ? params.messages * params.size / (1024 * 1024) / seconds
                    : seconds;
            bench.done(JSON.stringify({ value: value, seconds: seconds }));
        });
    }

    function manyTasks() {
        var text = repeat('a', params.size);
        var closed = 0;
        startClock();
        function run() {
            var received = 0;
            var task = swan.connectSocket({ url: params.url, fail: failed });
            task.onError(failed);
            task.onOpen(function () {
                for (var i = 0; i < params.messages; ++i)
                    task.send({ data: text, fail: failed });
            });
            task.onMessage(function () {
                if (++received === params.messages)
                    task.close({ fail: failed });
            });
            task.onClose(function (res) {
                if (received !== params.messages) {
                    bench.fail('closed early: ' + JSON.stringify(res));
                    return;
                }
                if (++closed === params.connections) {
                    var seconds = elapsedSeconds();
                    bench.done(JSON.stringify({ value: seconds, seconds: seconds }));
                }
            });
        }
        for (var i = 0; i < params.connections; ++i)
            run();
    }

    var workloads = { w1: pipelined, w2: roundTrips, w3: binary, w4: binary, w5: manyTasks };
    var workload = workloads[params.workload];
    if (!workload)
        throw new Error('unknown workload ' + params.workload);
    workload();
})();
