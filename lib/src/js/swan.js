// swan.js: the JavaScript half of JsHost (jshost.cpp), evaluated once per engine before any
// script. It receives the native bridge and the global object, installs `swan`, `console` and
// the timer functions, and returns the entry points C++ calls to deliver results, events and
// timer ticks. The bridge stays inside this closure: scripts cannot reach it.
//
// Callbacks live here, keyed by numeric ids; C++ only passes ids around, so no JS function is
// ever held by the façade. Every script callback runs through invoke() or invokeWith(), which
// report a throw and carry on (behaviour.md, "Calls and callbacks").
//
// Written for Qt 6.4's V4 engine: ES5 style; no globalThis, no async functions there.
(function (native, global) {
    'use strict';

    // Indices match SocketApi::Event and JsHost::ConsoleLevel.
    var OPEN = 0, MESSAGE = 1, ERROR = 2, CLOSE = 3;
    var CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'];

    function report(error) {
        native.reportError(error);
    }

    // Results and events: one argument, passed directly (no arguments array per call).
    function invoke(fn, res) {
        if (typeof fn !== 'function')
            return;
        try {
            fn(res);
        } catch (e) {
            report(e);
        }
    }

    function invokeWith(fn, args) {
        if (typeof fn !== 'function')
            return;
        try {
            fn.apply(undefined, args);
        } catch (e) {
            report(e);
        }
    }

    // --- Calls with success/fail/complete ------------------------------------------------------

    var pendingCalls = Object.create(null); // call id -> {success, fail, complete}
    var nextCallId = 0;

    // Remembers the callbacks of one call. The C++ side converts the options itself and leaves
    // non-function callbacks in them, so the façade fails those as parameter errors.
    function begin(options) {
        var id = ++nextCallId;
        var call = {};
        if (options !== null && typeof options === 'object') {
            call.success = callbackOf(options, 'success');
            call.fail = callbackOf(options, 'fail');
            call.complete = callbackOf(options, 'complete');
        }
        pendingCalls[id] = call;
        return id;
    }

    function callbackOf(options, name) {
        try {
            return options[name];
        } catch (e) {
            // a getter that throws: no callback (never an exception into the script)
            return undefined;
        }
    }

    function deliverResult(id, ok, res) {
        var call = pendingCalls[id];
        delete pendingCalls[id];
        if (!call)
            return;
        invoke(ok ? call.success : call.fail, res);
        invoke(call.complete, res);
    }

    // --- SocketTask objects and listeners ------------------------------------------------------

    var taskRecords = Object.create(null); // socketTaskId -> {listenerIds, finished}
    var listeners = Object.create(null); // listener id -> function
    var nextListenerId = 0;

    function constant(object, name, value) {
        Object.defineProperty(object, name, { value: value, enumerable: true });
    }

    function makeTask(id) {
        var record = { listenerIds: [], finished: false };
        taskRecords[id] = record;

        function listen(event) {
            return function (callback) {
                if (typeof callback !== 'function' || record.finished)
                    return; // nothing fires after close: do not keep it
                var listenerId = ++nextListenerId;
                listeners[listenerId] = callback;
                record.listenerIds.push(listenerId);
                native.addTaskListener(id, event, listenerId);
            };
        }

        // Methods are closures, not prototype functions: `var send = task.send; send(…)` works.
        var task = {
            send: function (options) {
                native.send(id, options, begin(options));
            },
            close: function (options) {
                native.close(id, options, begin(options));
            },
            onOpen: listen(OPEN),
            onClose: listen(CLOSE),
            onError: listen(ERROR),
            onMessage: listen(MESSAGE)
        };
        constant(task, 'socketTaskId', id);
        Object.defineProperty(task, 'readyState', {
            get: function () {
                return native.readyState(id);
            },
            enumerable: true
        });
        constant(task, 'CONNECTING', 0);
        constant(task, 'OPEN', 1);
        constant(task, 'CLOSING', 2);
        constant(task, 'CLOSED', 3);
        record.task = task;
        return task;
    }

    function dispatchListener(listenerId, res) {
        invoke(listeners[listenerId], res);
    }

    // The task's last event has been dispatched: its listeners can go.
    function forgetTask(id) {
        var record = taskRecords[id];
        if (!record)
            return;
        record.finished = true;
        for (var i = 0; i < record.listenerIds.length; ++i)
            delete listeners[record.listenerIds[i]];
        record.listenerIds = [];
        delete taskRecords[id];
    }

    // --- swan.onSocketX: one global listener per event, a later call replaces it ---------------

    var globalListeners = [undefined, undefined, undefined, undefined];
    var globalRegistered = [false, false, false, false];

    function globalListener(event) {
        return function (callback) {
            // Stored as given: a non-function simply means no listener (as swan's own layer).
            globalListeners[event] = callback;
            if (!globalRegistered[event]) {
                globalRegistered[event] = true;
                native.setGlobalListener(event);
            }
        };
    }

    function dispatchGlobal(event, res) {
        invoke(globalListeners[event], res);
    }

    var swan = {
        connectSocket: function (options) {
            var callId = begin(options);
            var id = native.connectSocket(options, callId);
            if (id <= 0)
                return undefined;
            var record = taskRecords[id];
            return record ? record.task : makeTask(id);
        },
        onSocketOpen: globalListener(OPEN),
        onSocketError: globalListener(ERROR),
        sendSocketMessage: function (options) {
            native.sendSocketMessage(options, begin(options));
        },
        onSocketMessage: globalListener(MESSAGE),
        closeSocket: function (options) {
            native.closeSocket(options, begin(options));
        },
        onSocketClose: globalListener(CLOSE)
    };
    Object.defineProperty(global, 'swan', { value: swan, writable: true, configurable: true });

    // --- console ---------------------------------------------------------------------------------

    function describe(value) {
        if (typeof value === 'string')
            return value;
        if (value === undefined)
            return 'undefined';
        if (value instanceof Error)
            return String(value);
        if (value instanceof ArrayBuffer)
            return 'ArrayBuffer(' + value.byteLength + ')';
        // Numbers through String(): JSON would print NaN and Infinity as null.
        if (value === null || (typeof value !== 'object' && typeof value !== 'function'))
            return String(value);
        try {
            var json = JSON.stringify(value, function (key, nested) {
                if (nested instanceof ArrayBuffer)
                    return 'ArrayBuffer(' + nested.byteLength + ')';
                if (nested instanceof Error)
                    return String(nested);
                return nested;
            });
            if (json !== undefined)
                return json;
        } catch (e) {
            // a cycle, or a toJSON that threw: fall through
        }
        try {
            return String(value);
        } catch (e) {
            return Object.prototype.toString.call(value);
        }
    }

    var console = {};
    CONSOLE_LEVELS.forEach(function (name, level) {
        console[name] = function () {
            var parts = [];
            for (var i = 0; i < arguments.length; ++i)
                parts.push(describe(arguments[i]));
            native.console(level, parts.join(' '));
        };
    });
    Object.defineProperty(global, 'console', { value: console, writable: true, configurable: true });

    // --- Timers: C++ (JsTimers) keeps the clock, the callbacks stay here -----------------------

    var timers = Object.create(null); // timer id -> {callback, args}

    function delayOf(ms) {
        try {
            return Number(ms);
        } catch (e) {
            return 0; // e.g. a Symbol: the browser's 0 rather than an exception
        }
    }

    function schedule(callback, ms, args, repeat) {
        var id = native.addTimer(delayOf(ms), repeat);
        timers[id] = { callback: callback, args: args };
        return id;
    }

    function cancel(id) {
        id = delayOf(id);
        if (!timers[id])
            return;
        delete timers[id];
        native.removeTimer(id);
    }

    var evaluateGlobally = eval; // an indirect eval runs at global scope, as timers' strings do

    function fireTimer(id, finished) {
        var timer = timers[id];
        if (!timer)
            return;
        if (finished)
            delete timers[id];
        if (typeof timer.callback === 'function') {
            invokeWith(timer.callback, timer.args);
        } else {
            try {
                evaluateGlobally(String(timer.callback));
            } catch (e) {
                report(e);
            }
        }
    }

    function define(name, fn) {
        Object.defineProperty(global, name, { value: fn, writable: true, configurable: true });
    }
    define('setTimeout', function (callback, ms) {
        return schedule(callback, ms, Array.prototype.slice.call(arguments, 2), false);
    });
    define('setInterval', function (callback, ms) {
        return schedule(callback, ms, Array.prototype.slice.call(arguments, 2), true);
    });
    define('clearTimeout', cancel);
    define('clearInterval', cancel);

    return {
        deliverResult: deliverResult,
        dispatchListener: dispatchListener,
        dispatchGlobal: dispatchGlobal,
        forgetTask: forgetTask,
        fireTimer: fireTimer
    };
})
