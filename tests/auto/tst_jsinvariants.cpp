// A seeded, reproducible random sequence of swan API calls from JavaScript (connect, send,
// close, listeners, global functions, in any order, bad arguments mixed in) against a real wss
// echo server, a refused port and a silent server; the script itself records what it sees and
// the invariants of behaviour.md are checked at the end:
// - every call with callbacks: exactly one success or fail, then exactly one complete, never
//   inside the call, results in call order, errMsg "<api>:ok" / "<api>:fail …" (+ errCode);
// - no call throws into the script;
// - a task whose connectSocket succeeded: at most one open (first), exactly one close (last),
//   an error only right before the close, messages only between open and close, readyState
//   OPEN inside onOpen and CLOSED inside onError/onClose; a task whose connectSocket failed
//   fires nothing.
// SWAN_JS_SEED=<n> runs one seed only (to replay a failure).
#include <SwanSocket/jshost.h>
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>

#include <testsupport.h>

#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace SwanSocket;
using SwanTest::SecureEchoServer;
using SwanTest::TestCertificates;

namespace {

/// The script: a seeded PRNG drives `steps` random operations, one per timer tick, then closes
/// everything; report() returns the invariant violations and a few counters as JSON.
const char randomScript[] = R"JS(
var seed = SEED, steps = STEPS;
function random() { // mulberry32
    seed = (seed + 0x6D2B79F5) | 0;
    var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function pick(list) { return list[Math.floor(random() * list.length)]; }

var violations = [], calls = [], tasks = [], delivered = [], inCall = false, done = false;
var counters = { calls: 0, ok: 0, fail: 0, opened: 0, closed: 0, errors: 0, messages: 0 };
function violation(text) { if (violations.length < 50) violations.push(text); }

// One API call: options get recording callbacks (sometimes not, sometimes a non-function).
// connectSocket calls always record success and fail (a task's events are judged by them).
function call(api, invoke, options) {
    var forced = api === 'connectSocket';
    var record = { id: calls.length, api: api, success: 0, fail: 0, complete: 0, order: [],
                   has: {} };
    calls.push(record);
    ++counters.calls;
    if (options !== null && typeof options === 'object') {
        ['success', 'fail', 'complete'].forEach(function (name) {
            var r = random();
            if (forced && name !== 'complete')
                r = r < 0.05 ? 0.82 : 0;
            if (r < 0.8) {
                record.has[name] = true;
                options[name] = function (res) {
                    if (inCall) violation(api + '#' + record.id + ': ' + name + ' ran inside the call');
                    if (record.order.length === 0) delivered.push(record.id);
                    record.order.push(name);
                    record[name]++;
                    if (name === 'success' && res.errMsg !== api + ':ok')
                        violation(api + '#' + record.id + ': success errMsg ' + res.errMsg);
                    if (name === 'fail' && (res.errMsg.indexOf(api + ':fail ') !== 0 ||
                                            typeof res.errCode !== 'number'))
                        violation(api + '#' + record.id + ': fail res ' + JSON.stringify(res));
                    if (name === 'success') ++counters.ok;
                    if (name === 'fail') ++counters.fail;
                    if (name === 'complete' && record.onComplete) record.onComplete(res);
                };
            } else if (r < 0.85) {
                options[name] = pick([1, 'x', {}, true]); // not a function: the call must fail
                record.bad = true;
            }
        });
    }
    inCall = true;
    var result;
    try {
        result = invoke(options);
    } catch (e) {
        violation(api + '#' + record.id + ' threw ' + e);
    }
    inCall = false;
    return { record: record, result: result };
}

function watch(task, record) {
    var t = { task: task, events: [], connect: record, id: task.socketTaskId };
    tasks.push(t);
    function on(name, expectedState) {
        return function (res) {
            if (inCall) violation('task ' + t.id + ': ' + name + ' inside a call');
            if (expectedState !== undefined && task.readyState !== expectedState)
                violation('task ' + t.id + ': readyState ' + task.readyState + ' in ' + name);
            t.events.push(name);
            if (name === 'open') ++counters.opened;
            if (name === 'close') ++counters.closed;
            if (name === 'error') ++counters.errors;
            if (name === 'message') ++counters.messages;
        };
    }
    task.onOpen(on('open', 1));
    task.onMessage(on('message'));
    task.onError(on('error', 3));
    task.onClose(on('close', 3));
}

var urls = ['wss://example.baidu.com/', 'wss://example.baidu.com/chat?x=1', 'wss://refused.example/',
            'wss://silent.example/', 'wss://not-allowed.example/', 'ws://example.baidu.com/',
            'http://example.baidu.com/', '', 42, undefined];
function connectOptions() {
    var r = random();
    var options = { url: r < 0.6 ? pick(urls.slice(0, 2)) : r < 0.8 ? pick(urls.slice(2, 4))
                                                                   : pick(urls) };
    r = random();
    if (r < 0.1) options.header = pick([{ 'X-A': '1' }, { Referer: 'x' }, 'x', { 'a b': '1' }]);
    else if (r < 0.2) options.protocols = pick([['chat'], 'chat', ['a b'], ['x', 'x'], [1]]);
    else if (r < 0.3) options.timeout = pick([50, 200, -1, 'x', 0.5, 1e12]);
    else if (r < 0.35) options.tcpNoDelay = pick([true, false, 'yes']);
    if (options.url === 'wss://silent.example/' && options.timeout === undefined)
        options.timeout = 100;
    return options;
}
function someTask() { // mostly an open one, so that sends and closes meet every state
    var open = tasks.filter(function (t) { return t.task.readyState === 1; });
    if (open.length && random() < 0.75) return pick(open).task;
    return tasks.length ? pick(tasks).task : undefined;
}
function sendData() {
    return pick(['hello', 'cmd:send-text:3', 'cmd:ping:p', 'cmd:close:4001:bye', 'cmd:drop',
                 new ArrayBuffer(16), new Uint8Array([1, 2, 3]), 5, null, undefined, {}, '']);
}
function closeOptions() {
    return pick([{}, { code: 1000 }, { code: 3000, reason: 'r' }, { code: '4000' },
                 { code: 999 }, { code: 'abc' }, { reason: new Array(200).join('x') }, undefined]);
}

var operations = [
    function () {
        var c = call('connectSocket', function (o) { return swan.connectSocket(o); },
                     random() < 0.9 ? connectOptions() : pick([undefined, 5, 'wss://x/']));
        if (c.result && typeof c.result === 'object') watch(c.result, c.record);
        else violation('connectSocket returned ' + c.result);
    },
    function () {
        var task = someTask();
        if (task) call('sendSocketMessage', function (o) { task.send(o); },
                       random() < 0.9 ? { data: sendData() } : pick([undefined, 'x']));
    },
    function () {
        var task = someTask();
        if (task) call('closeSocket', function (o) { task.close(o); }, closeOptions());
    },
    function () {
        call('sendSocketMessage', function (o) { swan.sendSocketMessage(o); },
             { data: sendData() });
    },
    function () {
        if (random() < 0.3) call('closeSocket', function (o) { swan.closeSocket(o); }, closeOptions());
    },
    function () { // listeners added late, or not functions
        var task = someTask();
        var listener = random() < 0.8 ? function () {} : pick([1, null, 'x']);
        if (task) pick([task.onOpen, task.onMessage, task.onError, task.onClose])(listener);
    },
    function () {
        var listener = random() < 0.8 ? function () { if (random() < 0.1) throw new Error('boom'); }
                                      : pick([1, null]);
        pick([swan.onSocketOpen, swan.onSocketMessage, swan.onSocketError, swan.onSocketClose])(listener);
    }
];

function step() {
    if (steps-- > 0) {
        pick(operations)();
        setTimeout(step, Math.floor(random() * 12));
        return;
    }
    swan.closeSocket({});
    done = true;
}
setTimeout(step, 0);

function report() {
    // Results in call order, each call's callbacks well-formed.
    for (var i = 1; i < delivered.length; ++i) {
        if (delivered[i] < delivered[i - 1])
            violation('call #' + delivered[i] + ' delivered after #' + delivered[i - 1]);
    }
    calls.forEach(function (r) {
        var name = r.api + '#' + r.id;
        if (r.success + r.fail > 1) violation(name + ': success ' + r.success + ', fail ' + r.fail);
        if (r.has.success && r.has.fail && r.success + r.fail !== 1)
            violation(name + ': neither success nor fail');
        if (r.has.complete && r.complete !== 1) violation(name + ': complete ran ' + r.complete);
        if (r.bad && r.success) violation(name + ': non-function callback, yet success');
        var last = r.order[r.order.length - 1];
        if (r.complete && last !== 'complete') violation(name + ': ' + r.order.join() + ', complete not last');
    });
    tasks.forEach(function (t) {
        var e = t.events, name = 'task ' + t.id + ' [' + e.join() + ']';
        var connected = t.connect.success === 1;
        if (!connected) {
            if (e.length) violation(name + ': events of a failed connectSocket');
            return;
        }
        if (e.filter(function (x) { return x === 'close'; }).length !== 1 || e[e.length - 1] !== 'close')
            violation(name + ': not exactly one close, last');
        var opens = e.filter(function (x) { return x === 'open'; }).length;
        if (opens > 1 || (opens === 1 && e[0] !== 'open')) violation(name + ': open not first/once');
        var error = e.indexOf('error');
        if (error >= 0 && error !== e.length - 2) violation(name + ': error not right before close');
        if (opens === 0 && e.indexOf('message') >= 0) violation(name + ': message without open');
    });
    return JSON.stringify({ violations: violations, counters: counters, done: done });
}
)JS";

quint16 refusedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 9;
    return probe.serverPort(); // closed when probe goes
}

} // namespace

class TestJsInvariants : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void randomSequences_data();
    void randomSequences();

private:
    SecureEchoServer *m_server = nullptr;
    QTcpServer *m_silent = nullptr; // accepts, never answers
    quint16 m_refused = 0;
};

void TestJsInvariants::initTestCase()
{
    QVERIFY2(TestCertificates::instance().isValid(),
             qPrintable(TestCertificates::instance().errorString()));
    m_server = new SecureEchoServer(this);
    QVERIFY2(m_server->isListening(), qPrintable(m_server->errorString()));
    m_silent = new QTcpServer(this);
    QVERIFY(m_silent->listen(QHostAddress::LocalHost));
    m_refused = refusedPort();
}

void TestJsInvariants::randomSequences_data()
{
    QTest::addColumn<int>("seed");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("baseVersion");
    const QString only = qEnvironmentVariable("SWAN_JS_SEED");
    if (!only.isEmpty()) {
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(only)))
                << only.toInt() << QStringLiteral("ios") << QString();
        return;
    }
    // Fixed seeds: the same sequences on every run.
    const int seeds[] = {1, 2, 3, 42, 1234, 20240601};
    for (const int seed : seeds) {
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed)))
                << seed << (seed % 2 ? QStringLiteral("ios") : QStringLiteral("android"))
                << QString();
    }
    QTest::newRow("seed 7, base library 1.9.0 (one connection)")
            << 7 << QStringLiteral("ios") << QStringLiteral("1.9.0");
    QTest::newRow("seed 99, base library 1.9.0 (one connection)")
            << 99 << QStringLiteral("android") << QStringLiteral("1.9.0");
}

void TestJsInvariants::randomSequences()
{
    QFETCH(int, seed);
    QFETCH(QString, platform);
    QFETCH(QString, baseVersion);

    SimulatorSettings settings;
    settings.setPlatformName(platform);
    settings.setBaseVersion(baseVersion);
    settings.setAllowedDomains({QStringLiteral("example.baidu.com"),
                                QStringLiteral("refused.example"),
                                QStringLiteral("silent.example")});
    settings.addCaCertificates({TestCertificates::instance().caCertificate()});
    QVERIFY(settings.addConnectTo(
            QStringLiteral("example.baidu.com:443:127.0.0.1:%1").arg(m_server->port())));
    QVERIFY(settings.addConnectTo(
            QStringLiteral("refused.example:443:127.0.0.1:%1").arg(m_refused)));
    QVERIFY(settings.addConnectTo(
            QStringLiteral("silent.example:443:127.0.0.1:%1").arg(m_silent->serverPort())));
    SocketApi api(&settings);
    JsHost host(&api);
    int scriptErrors = 0; // the script's own deliberate throws, reported, never fatal
    connect(&host, &JsHost::scriptError, this, [&scriptErrors] { ++scriptErrors; });

    QString source = QString::fromUtf8(randomScript);
    source.replace(QLatin1String("SEED"), QString::number(seed));
    source.replace(QLatin1String("STEPS"), QStringLiteral("150"));
    QString error;
    QVERIFY2(host.evaluate(source, QStringLiteral("random.js"), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(
            host.engine()->evaluate(QStringLiteral("done")).toBool() && host.isIdle(), 30000);

    const QJsonObject report
            = QJsonDocument::fromJson(
                      host.engine()->evaluate(QStringLiteral("report()")).toString().toUtf8())
                      .object();
    const QJsonObject counters = report.value(QLatin1String("counters")).toObject();
    const QJsonArray violations = report.value(QLatin1String("violations")).toArray();
    QStringList texts;
    for (const QJsonValue &violation : violations)
        texts << violation.toString();
    QVERIFY2(texts.isEmpty(),
             qPrintable(QStringLiteral("seed %1 (replay: SWAN_JS_SEED=%1):\n  %2")
                                .arg(seed)
                                .arg(texts.join(QLatin1String("\n  ")))));
    // The sequence did exercise both outcomes and real connections.
    QVERIFY2(counters.value(QLatin1String("ok")).toInt() > 0, "no call succeeded");
    QVERIFY2(counters.value(QLatin1String("fail")).toInt() > 0, "no call failed");
    QVERIFY2(counters.value(QLatin1String("closed")).toInt() > 0, "no task closed");
    QVERIFY(api.liveTasks().isEmpty());
    qDebug().noquote() << QJsonDocument(counters).toJson(QJsonDocument::Compact) << scriptErrors
                       << "script errors";
}

QTEST_GUILESS_MAIN(TestJsInvariants)
#include "tst_jsinvariants.moc"
