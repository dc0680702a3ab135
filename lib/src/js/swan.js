// swan.js: the JavaScript half of JsHost (jshost.cpp), imported once per engine before any
// script. Its default export receives the native bridge and the global object, installs `swan`,
// `console` and the timer functions, and returns the entry points C++ calls to deliver results,
// events and timer ticks. The bridge stays inside this closure: scripts cannot reach it.
//
// Callbacks live here, keyed by numeric ids; C++ only passes ids around, so no JS function is
// ever held by the façade. Every script callback runs through invoke() or invokeWith(), which
// report a throw and carry on (behaviour.md, "Calls and callbacks").
//
// Written for Qt 6.4's V4 engine: ES5 style; no globalThis, no async functions there.
export default function (native, global) {
    'use strict';

    // A local `undefined`: V4 looks the global one up by name on every use.
    var undefined;
    // What typeof returns, to compare typeof with: V4 then compares pointers, not characters.
    var FUNCTION = typeof report, OBJECT = typeof {};

    // Indices match SocketApi::Event and JsHost::ConsoleLevel.
    var OPEN = 0, MESSAGE = 1, ERROR = 2, CLOSE = 3;
    var CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'];
    // Methods called per message, read once: each read of a native method makes a new function.
    var nativeSend = native.send, nativeSendText = native.sendText, STRING = typeof '';

    function report(error) {
        native.reportError(error);
    }

    // Results and events: one argument, passed directly (no arguments array per call).
    function invoke(fn, res) {
        if (typeof fn !== FUNCTION)
            return;
        try {
            fn(res);
        } catch (e) {
            report(e);
        }
    }

    function invokeWith(fn, args) {
        if (typeof fn !== FUNCTION)
            return;
        try {
            fn.apply(undefined, args);
        } catch (e) {
            report(e);
        }
    }

    // --- Calls with success/fail/complete ------------------------------------------------------

    // Costs below were measured with callgrind (instructions, Qt 6.4): a native method call
    // ~600 plus ~600 per argument, a call of a JS function ~300, Object.keys ~2000.

    var pendingCalls = Object.create(null); // call id -> {success, fail, complete}
    var nextCallId = 0;
    var propertyIsEnumerable = Object.prototype.propertyIsEnumerable;

    // A call travels to C++ as one int: id * 32 + flags. Flags: bits 0-1 which outcomes have a
    // callback to run (SocketApi::Delivery), bits 2-4 for send the callbacks given a value that
    // is not a function (success, fail, complete: JsConvert::toMessageOptions). Ids wrap at
    // 2^26, long before the result of a call that old could still be pending.
    var DELIVER_SUCCESS = 1, DELIVER_FAILURE = 2, BAD_CALLBACK_SHIFT = 2, ID_FACTOR = 32;
    var MAX_CALL_ID = 0x3ffffff;

    function newCallId() {
        nextCallId = nextCallId >= MAX_CALL_ID ? 1 : nextCallId + 1;
        return nextCallId;
    }

    function isFunction(value) {
        return typeof value === FUNCTION;
    }

    function deliveries(success, fail, complete) {
        var always = isFunction(complete);
        return (always || isFunction(success) ? DELIVER_SUCCESS : 0)
                | (always || isFunction(fail) ? DELIVER_FAILURE : 0);
    }

    // Kept only when C++ said a result will come.
    function expect(id, delivered, success, fail, complete) {
        if (delivered)
            pendingCalls[id] = { success: success, fail: fail, complete: complete };
    }

    function callbackOf(options, name) {
        try {
            return options[name];
        } catch (e) {
            // a getter that throws: no callback (never an exception into the script)
            return undefined;
        }
    }

    // connectSocket, close and closeSocket: the C++ side converts the options itself and leaves
    // non-function callbacks in them, so the façade fails those as parameter errors.
    function call(options, nativeCall) {
        var success, fail, complete;
        if (options !== null && typeof options === 'object') {
            success = callbackOf(options, 'success');
            fail = callbackOf(options, 'fail');
            complete = callbackOf(options, 'complete');
        }
        var id = newCallId();
        var deliver = deliveries(success, fail, complete);
        var result = nativeCall(id * ID_FACTOR + deliver); // true, or a task id: a result comes
        expect(id, deliver !== 0 && !!result, success, fail, complete);
        return result;
    }

    // send and sendSocketMessage run once per message: rather than converting every key of
    // their options (JsConvert::toOptions) they read `data` and the callbacks only, to the same
    // effect: `data` counts when it is an own enumerable key; a callback key fails the call
    // when it is own, enumerable and holds something other than a function, null or undefined;
    // options with a getter that throws read as none (the conversion's Object.keys threw), so
    // the call fails for want of data and the callbacks that can be read run. Written out in
    // one function, made per task (0: sendSocketMessage) so that the script's call is the only
    // one: in V4 each call of a helper costs about 300 instructions.
    function sender(taskId) {
        return function (options) {
            var success, fail, complete, data, bad = 0, deliver = 0, unreadable = false;
            if (options !== null && typeof options === OBJECT) {
                try {
                    success = options.success;
                    fail = options.fail;
                    complete = options.complete;
                    if (propertyIsEnumerable.call(options, 'data'))
                        data = options.data;
                } catch (e) {
                    success = callbackOf(options, 'success');
                    fail = callbackOf(options, 'fail');
                    complete = callbackOf(options, 'complete');
                    data = undefined;
                    unreadable = true;
                }
                if (success !== undefined && success !== null) {
                    if (typeof success === FUNCTION)
                        deliver |= DELIVER_SUCCESS;
                    else if (isOwnOption(options, 'success'))
                        bad |= 1;
                }
                if (fail !== undefined && fail !== null) {
                    if (typeof fail === FUNCTION)
                        deliver |= DELIVER_FAILURE;
                    else if (isOwnOption(options, 'fail'))
                        bad |= 2;
                }
                if (complete !== undefined && complete !== null) {
                    if (typeof complete === FUNCTION)
                        deliver = DELIVER_SUCCESS | DELIVER_FAILURE;
                    else if (isOwnOption(options, 'complete'))
                        bad |= 4;
                }
                if (unreadable)
                    bad = 0;
            }
            var id = nextCallId = nextCallId >= MAX_CALL_ID ? 1 : nextCallId + 1; // newCallId()
            var packed = id * ID_FACTOR + (bad << BAD_CALLBACK_SHIFT) + deliver;
            var resultComes = typeof data === STRING && bad === 0
                    ? nativeSendText(taskId, data, packed)
                    : nativeSend(taskId, data, packed);
            if (resultComes)
                pendingCalls[id] = { success: success, fail: fail, complete: complete };
        };
    }

    function isOwnOption(options, name) {
        try {
            return propertyIsEnumerable.call(options, name);
        } catch (e) {
            return false; // a Proxy that will not tell
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
            send: sender(id),
            close: function (options) {
                call(options, function (packed) {
                    return native.close(id, options, packed);
                });
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

    // A message event's res comes as its two values (JsHostPrivate::dispatchMessage): one object
    // literal here costs a fraction of C++ building it property by property. One dispatcher per
    // listener table (task listeners by id, global ones by event), invoke() written out: this
    // runs once per message and listener, and a call of a JS helper costs ~300 instructions.
    function messageDispatcher(table) {
        return function (id, data, dataType) {
            var listener = table[id];
            if (typeof listener !== FUNCTION)
                return;
            try {
                listener({ data: data, dataType: dataType });
            } catch (e) {
                report(e);
            }
        };
    }

    var dispatchListenerMessage = messageDispatcher(listeners);

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

    var dispatchGlobalMessage = messageDispatcher(globalListeners);

    var swan = {
        connectSocket: function (options) {
            var id = call(options, function (packed) {
                return native.connectSocket(options, packed);
            });
            if (id <= 0)
                return undefined;
            var record = taskRecords[id];
            return record ? record.task : makeTask(id);
        },
        onSocketOpen: globalListener(OPEN),
        onSocketError: globalListener(ERROR),
        sendSocketMessage: sender(0),
        onSocketMessage: globalListener(MESSAGE),
        closeSocket: function (options) {
            call(options, function (packed) {
                return native.closeSocket(options, packed);
            });
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
        dispatchListenerMessage: dispatchListenerMessage,
        dispatchGlobal: dispatchGlobal,
        dispatchGlobalMessage: dispatchGlobalMessage,
        forgetTask: forgetTask,
        fireTimer: fireTimer
    };
}
