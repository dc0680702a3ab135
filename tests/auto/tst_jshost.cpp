// JsHost: scripts run unchanged against a real wss echo server (SecureEchoServer), reached as
// wss://example.baidu.com through the connect-to setting with the test CA trusted.
#include <SwanSocket/jshost.h>
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include <testsupport.h>

#include <QFile>
#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace SwanSocket;
using SwanTest::allMatch;
using SwanTest::closedPort;
using SwanTest::exact;
using SwanTest::readExample;
using SwanTest::SecureEchoServer;
using SwanTest::TestCertificates;

namespace {

constexpr int WaitMs = 10000;

/// A JsHost whose scripts reach @p port as wss://example.baidu.com, and what they printed.
class Harness
{
public:
    explicit Harness(quint16 port, const QString &platform = QStringLiteral("ios"))
    {
        settings.addAllowedDomain(QStringLiteral("example.baidu.com"));
        settings.addConnectTo(QStringLiteral("example.baidu.com:443:127.0.0.1:%1").arg(port));
        settings.addCaCertificates({TestCertificates::instance().caCertificate()});
        settings.setPlatformName(platform);
        QObject::connect(&host, &JsHost::consoleMessage, &host,
                         [this](JsHost::ConsoleLevel level, const QString &text) {
                             levels.append(level);
                             lines.append(text);
                         });
        QObject::connect(&host, &JsHost::scriptError, &host,
                         [this](const QString &message) { errors.append(message); });
    }

    /// Evaluates @p source; false (with a test failure message) when it threw.
    bool run(const QString &source, const QString &fileName = QStringLiteral("test.js"))
    {
        QString error;
        const bool ok = host.evaluate(source, fileName, &error);
        if (!ok)
            qWarning("script threw: %s", qPrintable(error));
        return ok;
    }

    /// Evaluates @p source and waits until the host has nothing left to do.
    bool runToIdle(const QString &source, const QString &fileName = QStringLiteral("test.js"))
    {
        QSignalSpy idle(&host, &JsHost::becameIdle);
        return run(source, fileName) && (idle.count() > 0 || idle.wait(WaitMs));
    }

    QJSValue value(const QString &expression) { return host.engine()->evaluate(expression); }

    SimulatorSettings settings;
    SocketApi api {&settings};
    JsHost host {&api};
    QStringList lines;
    QList<JsHost::ConsoleLevel> levels;
    QStringList errors;
};

/// Helpers every call test script starts with: record(name) logs a callback's arguments in
/// `calls`; withCallbacks(options) adds recorders for the callbacks options do not set.
const char callRecorder[] = R"(
var calls = [];
function record(name) {
    return function (res) { calls.push({ name: name, res: res, count: arguments.length }); };
}
function withCallbacks(options) {
    ['success', 'fail', 'complete'].forEach(function (name) {
        if (!(name in options))
            options[name] = record(name);
    });
    return options;
}
var url = 'wss://example.baidu.com';
)";

} // namespace

class tst_JsHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void examples_data();
    void examples();

    void swanGlobal();
    void noHostAccess_data();
    void noHostAccess();

    void console_data();
    void console();
    void consoleLevels_data();
    void consoleLevels();

    void timers_data();
    void timers();
    void timerBookkeeping();

    void sendData_data();
    void sendData();
    void receiveData_data();
    void receiveData();
    void messagesOfBothTypesInTurn();
    void receivedBytesAreTheScriptsOwn();
    void sentBytesAreTakenAtSend_data();
    void sentBytesAreTakenAtSend();

    void callResults_data();
    void callResults();
    void sendOptions_data();
    void sendOptions();
    void resultsAndEventsInOrder();
    void optionsNotAnObject_data();
    void optionsNotAnObject();

    void throwingCallbacks();
    void readyState_data();
    void readyState();
    void taskObject();

    void idle();
    void hostDestroyedBeforeResults();
    void hostMayBeStatic();

private:
    std::unique_ptr<SecureEchoServer> m_server;
};

void tst_JsHost::initTestCase()
{
    QVERIFY2(TestCertificates::instance().isValid(),
             qPrintable(TestCertificates::instance().errorString()));
    m_server = std::make_unique<SecureEchoServer>();
    QVERIFY2(m_server->isListening(), qPrintable(m_server->errorString()));
}

// The API text's seven examples, unchanged. Those that never close keep their task open: we
// check what they printed and sent once the task is open, and that the host is not idle.
void tst_JsHost::examples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<QStringList>("expectedLines");
    QTest::addColumn<bool>("endsByItself");
    QTest::addColumn<QVariantList>("serverReceives");

    QTest::newRow("01 connect") << "01-connect.js" << false << QStringList() << false
                                << QVariantList();
    QTest::newRow("02 onSocketOpen")
            << "02-on-open.js" << false
            << QStringList {QStringLiteral(
                       "^WebSocket连接已打开！ \\{.*\"Upgrade\":\"websocket\".*\\}$")}
            << false << QVariantList();
    QTest::newRow("03 onSocketError, server up")
            << "03-on-error.js" << false << QStringList() << false << QVariantList();
    QTest::newRow("03 onSocketError, connection refused")
            << "03-on-error.js" << true
            << QStringList {exact(QStringLiteral("WebSocket连接打开失败，请检查！"))} << true
            << QVariantList();
    QTest::newRow("04 sendSocketMessage") << "04-send.js" << false << QStringList() << false
                                          << QVariantList {QStringLiteral("baidu")};
    QTest::newRow("05 onSocketMessage")
            << "05-on-message.js" << false
            << QStringList {exact(QStringLiteral("收到服务器内容： baidu"))} << false
            << QVariantList {QStringLiteral("baidu")};
    QTest::newRow("06 closeSocket")
            << "06-close.js" << false << QStringList() << true << QVariantList();
    QTest::newRow("07 onSocketClose")
            << "07-on-close.js" << false
            << QStringList {exact(QStringLiteral("WebSocket 已关闭！"))} << true << QVariantList();
}

void tst_JsHost::examples()
{
    QFETCH(QString, file);
    QFETCH(bool, refused);
    QFETCH(QStringList, expectedLines);
    QFETCH(bool, endsByItself);
    QFETCH(QVariantList, serverReceives);

    const QString source = readExample(file);
    QVERIFY2(!source.isEmpty(), qPrintable(file));
    SecureEchoServer server;
    QVERIFY(server.isListening());
    Harness harness(refused ? closedPort() : server.port());

    if (endsByItself) {
        QVERIFY(harness.runToIdle(source, file));
    } else {
        QVERIFY(harness.run(source, file));
        QTRY_VERIFY_WITH_TIMEOUT(harness.api.liveTasks().size() == 1
                                         && harness.api.liveTasks().first()->readyState()
                                                 == SocketTask::Open,
                                 WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(server.receivedMessages(), serverReceives, WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(harness.lines.size(), expectedLines.size(), WaitMs);
        QVERIFY(!harness.host.isIdle()); // the socket stays open: a run ends only by timeout
    }
    QVERIFY2(allMatch(harness.lines, expectedLines), qPrintable(harness.lines.join(u'\n')));
    QCOMPARE(harness.errors, QStringList());
    QCOMPARE(server.receivedMessages(), serverReceives);
}

void tst_JsHost::swanGlobal()
{
    Harness harness(m_server->port());
    QCOMPARE(harness.value(QStringLiteral("Object.keys(swan).join()")).toString(),
             QStringLiteral("connectSocket,onSocketOpen,onSocketError,sendSocketMessage,"
                            "onSocketMessage,closeSocket,onSocketClose"));
    QCOMPARE(harness.value(QStringLiteral("Object.keys(swan).every(function (k) { return typeof "
                                          "swan[k] === 'function'; })"))
                     .toBool(),
             true);
}

// Scripts get no file or process access: none of the usual ways in exist.
void tst_JsHost::noHostAccess_data()
{
    QTest::addColumn<QString>("expression");
    for (const char *name :
         {"require", "Qt", "print", "XMLHttpRequest", "gc", "importScripts", "process", "module"})
        QTest::newRow(name) << QStringLiteral("typeof %1").arg(QLatin1String(name));
}

void tst_JsHost::noHostAccess()
{
    QFETCH(QString, expression);
    Harness harness(m_server->port());
    QCOMPARE(harness.value(expression).toString(), QStringLiteral("undefined"));
}

void tst_JsHost::console_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing") << ""
                             << "";
    QTest::newRow("strings as they are") << "'a', 'b c', ''"
                                         << "a b c ";
    QTest::newRow("unicode") << "'收到', '😀'"
                             << "收到 😀";
    QTest::newRow("numbers") << "1, 1.5, -0, NaN, Infinity"
                             << "1 1.5 0 NaN Infinity";
    QTest::newRow("booleans and null") << "true, false, null"
                                       << "true false null";
    QTest::newRow("undefined") << "undefined, void 0"
                               << "undefined undefined";
    QTest::newRow("object as JSON") << "{a: 1, b: [1, 'x'], c: {d: null}}"
                                    << "{\"a\":1,\"b\":[1,\"x\"],\"c\":{\"d\":null}}";
    QTest::newRow("array as JSON") << "[1, 'two', [3]]"
                                   << "[1,\"two\",[3]]";
    QTest::newRow("Error") << "new Error('boom')"
                           << "Error: boom";
    QTest::newRow("TypeError") << "new TypeError('bad')"
                               << "TypeError: bad";
    QTest::newRow("ArrayBuffer") << "new ArrayBuffer(5)"
                                 << "ArrayBuffer(5)";
    QTest::newRow("empty ArrayBuffer") << "new ArrayBuffer(0)"
                                       << "ArrayBuffer(0)";
    QTest::newRow("ArrayBuffer inside an object") << "{data: new ArrayBuffer(2)}"
                                                  << "{\"data\":\"ArrayBuffer(2)\"}";
    QTest::newRow("cycle falls back to String()")
            << "(function () { var o = {}; o.o = o; return o; })()"
            << "[object Object]";
    QTest::newRow("toJSON that throws") << "{toJSON: function () { throw 1; }, toString: function "
                                           "() { return 'custom'; }}"
                                        << "custom";
    QTest::newRow("mixed") << "'got', {n: 1}, 2"
                           << "got {\"n\":1} 2";
}

void tst_JsHost::console()
{
    QFETCH(QString, arguments);
    QFETCH(QString, expected);
    Harness harness(m_server->port());
    QVERIFY(harness.run(QStringLiteral("console.log(%1);").arg(arguments)));
    QCOMPARE(harness.lines, QStringList {expected});
    QCOMPARE(harness.levels, QList<JsHost::ConsoleLevel> {JsHost::ConsoleLevel::Log});
}

void tst_JsHost::consoleLevels_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<JsHost::ConsoleLevel>("level");
    QTest::newRow("log") << "log" << JsHost::ConsoleLevel::Log;
    QTest::newRow("info") << "info" << JsHost::ConsoleLevel::Info;
    QTest::newRow("warn") << "warn" << JsHost::ConsoleLevel::Warn;
    QTest::newRow("error") << "error" << JsHost::ConsoleLevel::Error;
    QTest::newRow("debug") << "debug" << JsHost::ConsoleLevel::Debug;
}

void tst_JsHost::consoleLevels()
{
    QFETCH(QString, method);
    QFETCH(JsHost::ConsoleLevel, level);
    Harness harness(m_server->port());
    QVERIFY(harness.run(QStringLiteral("console.%1('x', 1);").arg(method)));
    QCOMPARE(harness.lines, QStringList {QStringLiteral("x 1")});
    QCOMPARE(harness.levels, QList<JsHost::ConsoleLevel> {level});
}

void tst_JsHost::timers_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("expectedLines");
    QTest::addColumn<QStringList>("expectedErrors");

    QTest::newRow("order by delay") << "setTimeout(function () { console.log('c'); }, 30);\n"
                                       "setTimeout(function () { console.log('a'); }, 0);\n"
                                       "setTimeout(function () { console.log('b'); }, 10);\n"
                                    << QStringList {"a", "b", "c"} << QStringList();
    QTest::newRow("same delay: call order")
            << "for (var i = 0; i < 5; ++i) setTimeout(function (n) { console.log(n); }, 0, i);\n"
            << QStringList {"0", "1", "2", "3", "4"} << QStringList();
    QTest::newRow("extra arguments") << "setTimeout(function (a, b) { console.log(a, b, "
                                        "arguments.length); }, 1, 'x', {y: 2});\n"
                                     << QStringList {"x {\"y\":2} 2"} << QStringList();
    QTest::newRow("clearTimeout")
            << "var t = setTimeout(function () { console.log('never'); }, 5);\n"
               "clearTimeout(t);\n"
               "setTimeout(function () { console.log('kept'); }, 10);\n"
            << QStringList {"kept"} << QStringList();
    QTest::newRow("setInterval until cleared")
            << "var n = 0;\n"
               "var id = setInterval(function (step) { n += step; console.log(n);\n"
               "    if (n === 3) clearInterval(id); }, 1, 1);\n"
            << QStringList {"1", "2", "3"} << QStringList();
    QTest::newRow("string is code") << "var x = 7;\nsetTimeout('console.log(\"code\", x)', 1);\n"
                                    << QStringList {"code 7"} << QStringList();
    QTest::newRow("a throwing timer is reported, others run")
            << "setTimeout(function () { console.log('first'); }, 1);\n"
               "setTimeout(function () {\n  throw new Error('tick');\n}, 2);\n"
               "setTimeout(function () { console.log('after'); }, 10);\n"
            << QStringList {"first", "after"} << QStringList {"^timers\\.js:3: Error: tick$"};
    QTest::newRow("a throwing interval keeps going")
            << "var n = 0;\n"
               "var id = setInterval(function () { if (++n === 2) clearInterval(id);\n"
               "    throw 'plain ' + n; }, 1);\n"
            << QStringList() << QStringList {"^plain 1$", "^plain 2$"};
    QTest::newRow("a throwing string timer")
            << "setTimeout('undefinedFunction()', 1);\n"
            << QStringList() << QStringList {"ReferenceError: undefinedFunction is not defined$"};
    QTest::newRow("clearTimeout of nonsense is harmless")
            << "clearTimeout(); clearTimeout('x'); clearInterval(12345); console.log('ok');\n"
            << QStringList {"ok"} << QStringList();
}

void tst_JsHost::timers()
{
    QFETCH(QString, script);
    QFETCH(QStringList, expectedLines);
    QFETCH(QStringList, expectedErrors);
    Harness harness(m_server->port());
    QVERIFY(harness.runToIdle(script, QStringLiteral("timers.js")));
    QCOMPARE(harness.lines, expectedLines);
    QCOMPARE(harness.errors.size(), expectedErrors.size());
    QVERIFY2(allMatch(harness.errors, expectedErrors), qPrintable(harness.errors.join(u'\n')));
    QCOMPARE(harness.host.activeTimerCount(), 0);
}

void tst_JsHost::timerBookkeeping()
{
    Harness harness(m_server->port());
    QVERIFY(harness.run(QStringLiteral("var a = setTimeout(function () {}, 100000);\n"
                                       "var b = setInterval(function () {}, 100000);\n"
                                       "var c = setTimeout(function () {}, 0);\n")));
    const int a = harness.value(QStringLiteral("a")).toInt();
    const int b = harness.value(QStringLiteral("b")).toInt();
    const int c = harness.value(QStringLiteral("c")).toInt();
    QVERIFY(a > 0);
    QVERIFY(b > a);
    QVERIFY(c > b);
    QCOMPARE(harness.host.activeTimerCount(), 3);
    QVERIFY(!harness.host.isIdle());
    QTRY_COMPARE(harness.host.activeTimerCount(), 2); // c fired

    QSignalSpy idle(&harness.host, &JsHost::becameIdle);
    harness.value(QStringLiteral("clearTimeout(a); clearInterval(b);"));
    QCOMPARE(harness.host.activeTimerCount(), 0);
    QVERIFY(harness.host.isIdle());
    QVERIFY(idle.wait(WaitMs));
    QCOMPARE(idle.count(), 1);
}

// What a script sends arrives at the server as exactly these bytes (or this text).
void tst_JsHost::sendData_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("text") << "'baidu'" << QVariant(QStringLiteral("baidu"));
    QTest::newRow("unicode text") << "'收到 😀'" << QVariant(QStringLiteral("收到 😀"));
    QTest::newRow("empty text") << "''" << QVariant(QString());
    QTest::newRow("ArrayBuffer") << "new Uint8Array([1, 2, 255]).buffer"
                                 << QVariant(QByteArray("\x01\x02\xff", 3));
    QTest::newRow("empty ArrayBuffer") << "new ArrayBuffer(0)" << QVariant(QByteArray());
    QTest::newRow("Uint8Array") << "new Uint8Array([7, 8])" << QVariant(QByteArray("\x07\x08", 2));
    QTest::newRow("subarray sends only its bytes")
            << "new Uint8Array([0, 1, 2, 3, 4, 5]).subarray(2, 5)"
            << QVariant(QByteArray("\x02\x03\x04", 3));
    QTest::newRow("DataView window") << "new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2)"
                                     << QVariant(QByteArray("\x08\x07", 2));
    QTest::newRow("Uint16Array, little-endian")
            << "new Uint16Array([0x0102])" << QVariant(QByteArray("\x02\x01", 2));
    QTest::newRow("NUL bytes") << "new Uint8Array(3).buffer" << QVariant(QByteArray(3, '\0'));
}

void tst_JsHost::sendData()
{
    QFETCH(QString, data);
    QFETCH(QVariant, expected);
    SecureEchoServer server;
    QVERIFY(server.isListening());
    Harness harness(server.port());
    QVERIFY(harness.runToIdle(QStringLiteral(R"(
var task = swan.connectSocket({ url: 'wss://example.baidu.com' });
task.onOpen(function () {
    task.send({ data: %1, success: function (res) { console.log(res.errMsg); } });
});
task.onMessage(function () { task.close(); });
)")
                                      .arg(data)));
    QCOMPARE(harness.lines, QStringList {QStringLiteral("sendSocketMessage:ok")});
    QCOMPARE(harness.errors, QStringList());
    QCOMPARE(server.receivedMessages(), QVariantList {expected});
}

// What the server sends reaches onMessage as String or ArrayBuffer, with dataType.
void tst_JsHost::receiveData_data()
{
    QTest::addColumn<QString>("send");
    QTest::addColumn<QString>("expected");

    QTest::newRow("text echo") << "'hello'"
                               << "string string hello";
    QTest::newRow("binary echo") << "new Uint8Array([1, 2, 3]).buffer"
                                 << "arrayBuffer ArrayBuffer 1,2,3";
    QTest::newRow("binary from the server") << "'cmd:send-binary:5'"
                                            << "arrayBuffer ArrayBuffer 0,1,2,3,4";
    QTest::newRow("empty binary") << "new ArrayBuffer(0)"
                                  << "arrayBuffer ArrayBuffer ";
}

void tst_JsHost::receiveData()
{
    QFETCH(QString, send);
    QFETCH(QString, expected);
    SecureEchoServer server;
    QVERIFY(server.isListening());
    Harness harness(server.port());
    QVERIFY(harness.runToIdle(QStringLiteral(R"(
var task = swan.connectSocket({ url: 'wss://example.baidu.com' });
task.onOpen(function () { task.send({ data: %1 }); });
task.onMessage(function (res) {
    var what = res.data instanceof ArrayBuffer ? 'ArrayBuffer' : typeof res.data;
    var shown = res.data instanceof ArrayBuffer
            ? Array.prototype.join.call(new Uint8Array(res.data), ',') : res.data;
    console.log(res.dataType, what, shown);
    task.close();
});
)")
                                      .arg(send)));
    QCOMPARE(harness.lines, QStringList {expected});
    QCOMPARE(harness.errors, QStringList());
}

void tst_JsHost::messagesOfBothTypesInTurn()
{
    // The host keeps the arguments of its message dispatch between messages: each message
    // must still come with its own data and type, to task and global listeners alike.
    Harness harness(m_server->port());
    QVERIFY(harness.runToIdle(QStringLiteral(R"(
        function shown(res) {
            return res.dataType + ':' + (res.data instanceof ArrayBuffer
                    ? Array.prototype.join.call(new Uint8Array(res.data), ',') : res.data);
        }
        var task = swan.connectSocket({url: 'wss://example.baidu.com'});
        var seen = 0;
        task.onOpen(function () {
            task.send({data: 'a'});
            task.send({data: new Uint8Array([1]).buffer});
            task.send({data: 'b'});
            task.send({data: new Uint8Array([2, 3]).buffer});
            task.send({data: ''});
        });
        task.onMessage(function (res) { console.log('task ' + shown(res)); });
        swan.onSocketMessage(function (res) {
            console.log('global ' + shown(res));
            if (++seen === 5)
                task.close({});
        });
    )")));
    QCOMPARE(harness.lines,
             (QStringList {"task string:a", "global string:a", "task arrayBuffer:1",
                           "global arrayBuffer:1", "task string:b", "global string:b",
                           "task arrayBuffer:2,3", "global arrayBuffer:2,3",
                           "task string:", "global string:"}));
    QCOMPARE(harness.errors, QStringList());
}

// Every call ends in exactly one success or fail, then exactly one complete with the same
// object, asynchronously; failures carry the errMsg of their API and the platform's errCode.
void tst_JsHost::receivedBytesAreTheScriptsOwn()
{
    // What the script writes into res.data must not reach the bytes C++ holds (the frame
    // recorder keeps every message for the inspector and HAR export): V4 writes through an
    // ArrayBuffer into a QByteArray it shares, without detaching it.
    Harness harness(m_server->port());
    QList<QByteArray> held;
    QObject::connect(&harness.api, &SocketApi::taskCreated, &harness.api,
                     [&held](SocketTask *task) {
                         QObject::connect(task, &SocketTask::binaryMessageReceived, task,
                                          [&held](const QByteArray &m) { held << m; });
                     });
    QVERIFY(harness.runToIdle(QStringLiteral(R"(
        var task = swan.connectSocket({url: 'wss://example.baidu.com'});
        task.onOpen(function () { task.send({data: new Uint8Array([1, 2, 3, 4]).buffer}); });
        task.onMessage(function (res) { new Uint8Array(res.data)[0] = 99; });
        task.onMessage(function (res) {
            console.log(new Uint8Array(res.data)[0]);
            task.close({});
        });
    )")));
    // Each listener is called with a res of its own (SocketApi dispatches them one by one),
    // so the second does not see what the first wrote either.
    QCOMPARE(harness.lines, QStringList {QStringLiteral("1")});
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.first(), QByteArray("\x01\x02\x03\x04"));
}

void tst_JsHost::sentBytesAreTakenAtSend_data()
{
    QTest::addColumn<QString>("data"); // an expression of `bytes`, a Uint8Array [1, 2, 3, 4]
    QTest::addColumn<QString>("echo");

    QTest::newRow("ArrayBuffer") << "bytes.buffer"
                                 << "1,2,3,4";
    QTest::newRow("typed array") << "bytes"
                                 << "1,2,3,4";
    QTest::newRow("view of part of a buffer") << "new Uint8Array(bytes.buffer, 1, 2)"
                                              << "2,3";
}

void tst_JsHost::sentBytesAreTakenAtSend()
{
    // As a browser's send(): the bytes are those of the moment of the call, even when the
    // message waits behind a full send window (64 KiB here; 8 MiB go first) and the script
    // writes into its buffer right after.
    QFETCH(QString, data);
    QFETCH(QString, echo);
    const QString script = QStringLiteral(R"(
        var task = swan.connectSocket({url: 'wss://example.baidu.com'});
        var bytes = new Uint8Array([1, 2, 3, 4]);
        task.onOpen(function () {
            task.send({data: new ArrayBuffer(8 * 1024 * 1024)});
            task.send({data: %1});
            bytes[1] = 99;
            bytes[2] = 99;
        });
        var echoes = 0;
        task.onMessage(function (res) {
            if (++echoes < 2)
                return;
            console.log(Array.prototype.join.call(new Uint8Array(res.data), ','));
            task.close({});
        });
    )")
                                   .arg(data);
    Harness harness(m_server->port());
    harness.settings.setSendWindow(64 * 1024);
    QVERIFY(harness.runToIdle(script));
    QCOMPARE(harness.lines, QStringList {echo});
}

void tst_JsHost::callResults_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QStringList>("expectedCallbacks");
    QTest::addColumn<QString>("errMsgPrefix");
    QTest::addColumn<int>("errCode"); // -1: none

    const QStringList failed {QStringLiteral("fail"), QStringLiteral("complete")};
    const QStringList succeeded {QStringLiteral("success"), QStringLiteral("complete")};
    const QString connecting = QStringLiteral("var t = swan.connectSocket({ url: url }); ");

    QTest::newRow("connect ok") << "swan.connectSocket(withCallbacks({ url: url }))"
                                << "ios" << succeeded << "connectSocket:ok" << -1;
    QTest::newRow("unknown keys are ignored") << "swan.connectSocket(withCallbacks({ url: url, "
                                                 "perMessageDeflate: true, method: 'GET' }))"
                                              << "ios" << succeeded << "connectSocket:ok" << -1;
    QTest::newRow("url missing") << "swan.connectSocket(withCallbacks({}))"
                                 << "ios" << failed << "connectSocket:fail url is required" << 4;
    QTest::newRow("url undefined") << "swan.connectSocket(withCallbacks({ url: undefined }))"
                                   << "ios" << failed << "connectSocket:fail url is required" << 4;
    QTest::newRow("url number") << "swan.connectSocket(withCallbacks({ url: 42 }))"
                                << "ios" << failed << "connectSocket:fail url must be a string"
                                << 4;
    QTest::newRow("url number, android")
            << "swan.connectSocket(withCallbacks({ url: 42 }))"
            << "android" << failed << "connectSocket:fail url must be a string" << 202;
    QTest::newRow("ws url")
            << "swan.connectSocket(withCallbacks({ url: 'ws://example.baidu.com' }))"
            << "ios" << failed << "connectSocket:fail ws://" << 2;
    QTest::newRow("host not allowed")
            << "swan.connectSocket(withCallbacks({ url: 'wss://example.com' }))"
            << "ios" << failed << "connectSocket:fail url host" << 7;
    QTest::newRow("host not allowed, android")
            << "swan.connectSocket(withCallbacks({ url: 'wss://example.com' }))"
            << "android" << failed << "connectSocket:fail url host" << 1001;
    QTest::newRow("header with Referer")
            << "swan.connectSocket(withCallbacks({ url: url, header: { Referer: 'https://x' } }))"
            << "ios" << failed << "connectSocket:fail header must not set Referer" << 4;
    QTest::newRow("header with referer")
            << "swan.connectSocket(withCallbacks({ url: url, header: { referer: 'https://x' } }))"
            << "ios" << failed << "connectSocket:fail header must not set Referer" << 4;
    QTest::newRow("header not an object")
            << "swan.connectSocket(withCallbacks({ url: url, header: 'X-A: 1' }))"
            << "ios" << failed << "connectSocket:fail header must be an object" << 4;
    QTest::newRow("header value a number")
            << "swan.connectSocket(withCallbacks({ url: url, header: { 'X-A': 1 } }))"
            << "ios" << failed << "connectSocket:fail header value of X-A must be a string" << 4;
    QTest::newRow("protocols not an array")
            << "swan.connectSocket(withCallbacks({ url: url, protocols: 'chat' }))"
            << "ios" << failed << "connectSocket:fail protocols must be an array" << 4;
    QTest::newRow("protocol not a token")
            << "swan.connectSocket(withCallbacks({ url: url, protocols: ['a b'] }))"
            << "ios" << failed << "connectSocket:fail protocol \"a b\" is not an HTTP token" << 2;
    QTest::newRow("protocol a number")
            << "swan.connectSocket(withCallbacks({ url: url, protocols: [1] }))"
            << "ios" << failed << "connectSocket:fail protocols[0] is not a string" << 2;
    QTest::newRow("success not a function")
            << "swan.connectSocket(withCallbacks({ url: url, success: 123 }))"
            << "ios" << failed << "connectSocket:fail success must be a function" << 4;
    QTest::newRow("fail not a function: only complete runs")
            << "swan.connectSocket(withCallbacks({ url: url, fail: {} }))"
            << "ios" << QStringList {QStringLiteral("complete")}
            << "connectSocket:fail fail must be a function" << 4;
    QTest::newRow("complete a string: only fail runs")
            << "swan.connectSocket(withCallbacks({ url: url, complete: 'done' }))"
            << "ios" << QStringList {QStringLiteral("fail")}
            << "connectSocket:fail complete must be a function" << 4;
    QTest::newRow("null callbacks are no callbacks")
            << "swan.connectSocket(withCallbacks({ url: url, success: null, fail: undefined }))"
            << "ios" << QStringList {QStringLiteral("complete")} << "connectSocket:ok" << -1;

    QTest::newRow("send data number")
            << connecting + "t.send(withCallbacks({ data: 42 }))"
            << "ios" << failed << "sendSocketMessage:fail data must be a String or an ArrayBuffer"
            << 4;
    QTest::newRow("send data object")
            << connecting + "t.send(withCallbacks({ data: { a: 1 } }))"
            << "ios" << failed << "sendSocketMessage:fail data must be a String or an ArrayBuffer"
            << 4;
    QTest::newRow("send data missing")
            << connecting + "t.send(withCallbacks({}))"
            << "ios" << failed << "sendSocketMessage:fail data is required" << 4;
    QTest::newRow("send data null")
            << connecting + "t.send(withCallbacks({ data: null }))"
            << "android" << failed << "sendSocketMessage:fail data is required" << 202;
    QTest::newRow("send while connecting")
            << connecting + "t.send(withCallbacks({ data: 'x' }))"
            << "ios" << failed
            << "sendSocketMessage:fail SocketTask.readyState is not OPEN (CONNECTING)" << 1001;
    QTest::newRow("sendSocketMessage without a task")
            << "swan.sendSocketMessage(withCallbacks({ data: 'x' }))"
            << "ios" << failed << "sendSocketMessage:fail " << 1001;
    QTest::newRow("close code 999") << connecting + "t.close(withCallbacks({ code: 999 }))"
                                    << "ios" << failed
                                    << "closeSocket:fail The code must be either 1000, or between "
                                       "3000 and 4999"
                                    << 4;
    QTest::newRow("close code as text") << connecting + "t.close(withCallbacks({ code: '4000' }))"
                                        << "ios" << succeeded << "closeSocket:ok" << -1;
    QTest::newRow("close reason 124 bytes")
            << connecting + "t.close(withCallbacks({ reason: new Array(125).join('a') }))"
            << "ios" << failed << "closeSocket:fail The message must not be greater than 123 bytes"
            << 4;
    QTest::newRow("close reason 123 bytes")
            << connecting + "t.close(withCallbacks({ reason: new Array(124).join('a') }))"
            << "ios" << succeeded << "closeSocket:ok" << -1;
    QTest::newRow("closeSocket code 999")
            << connecting + "swan.closeSocket(withCallbacks({ code: 999 }))"
            << "android" << failed << "closeSocket:fail The code must be either 1000" << 202;
    QTest::newRow("closeSocket without a task") << "swan.closeSocket(withCallbacks({}))"
                                                << "ios" << failed << "closeSocket:fail " << 1001;
    QTest::newRow("close twice") << connecting + "t.close(); t.close(withCallbacks({}))"
                                 << "ios" << failed << "closeSocket:fail " << 1001;
}

void tst_JsHost::callResults()
{
    QFETCH(QString, call);
    QFETCH(QString, platform);
    QFETCH(QStringList, expectedCallbacks);
    QFETCH(QString, errMsgPrefix);
    QFETCH(int, errCode);

    SecureEchoServer server;
    QVERIFY(server.isListening());
    Harness harness(server.port(), platform);
    // Close whatever opened once the results are in, so that "idle" means nothing more can come.
    const QString script = QLatin1String(callRecorder) + call
            + QStringLiteral(";\nvar calledInside = calls.length;\n"
                             "setTimeout(function () { swan.closeSocket(); }, 0);\n");
    QVERIFY(harness.runToIdle(script));
    QCOMPARE(harness.errors, QStringList());
    QCOMPARE(harness.value(QStringLiteral("calledInside")).toInt(), 0); // never synchronous

    const QJSValue calls = harness.value(QStringLiteral("calls"));
    const int count = calls.property(QStringLiteral("length")).toInt();
    QStringList names;
    for (int i = 0; i < count; ++i)
        names << calls.property(quint32(i)).property(QStringLiteral("name")).toString();
    QCOMPARE(names, expectedCallbacks);

    const QJSValue res = calls.property(0).property(QStringLiteral("res"));
    QCOMPARE(calls.property(0).property(QStringLiteral("count")).toInt(), 1);
    if (count == 2) // complete gets the very object success/fail got
        QVERIFY(res.strictlyEquals(calls.property(1).property(QStringLiteral("res"))));
    const QString errMsg = res.property(QStringLiteral("errMsg")).toString();
    QVERIFY2(errMsg.startsWith(errMsgPrefix), qPrintable(errMsg));
    if (errCode < 0) {
        QVERIFY2(res.property(QStringLiteral("errCode")).isUndefined(), qPrintable(errMsg));
    } else {
        QCOMPARE(res.property(QStringLiteral("errCode")).toInt(), errCode);
        QVERIFY(res.property(QStringLiteral("errCode")).isNumber());
    }
    if (errMsg == QLatin1String("connectSocket:ok"))
        QVERIFY(res.property(QStringLiteral("socketTaskId")).toInt() > 0);
}

// send() reads only `data` and the callbacks of its options (it runs per message), to the
// effect of converting every key: own enumerable keys count, getters run, inherited callbacks
// run but do not fail the call, options with a getter that throws read as none.
void tst_JsHost::sendOptions_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<QStringList>("expectedLog");
    QTest::addColumn<QVariantList>("expectedSent");

    const QString ok = QStringLiteral("sendSocketMessage:ok");
    const QString notData
            = QStringLiteral("sendSocketMessage:fail data must be a String or an ArrayBuffer");
    const QString required = QStringLiteral("sendSocketMessage:fail data is required");
    const QVariantList x {QStringLiteral("x")};

    QTest::newRow("text") << "{ data: 'x', success: rec('success'), complete: rec('complete') }"
                          << QStringList {"success " + ok, "complete " + ok} << x;
    QTest::newRow("typed array") << "{ data: new Uint8Array(3), success: rec('success') }"
                                 << QStringList {"success " + ok}
                                 << QVariantList {QByteArray(3, '\0')};
    QTest::newRow("number") << "{ data: 5, fail: rec('fail') }" << QStringList {"fail " + notData}
                            << QVariantList();
    QTest::newRow("no data") << "{ fail: rec('fail') }" << QStringList {"fail " + required}
                             << QVariantList();
    QTest::newRow("no options") << "undefined" << QStringList() << QVariantList();
    QTest::newRow("inherited data does not count")
            << "Object.create({ data: 'x' }, { fail: { value: rec('fail'), enumerable: true } })"
            << QStringList {"fail " + required} << QVariantList();
    QTest::newRow("non-enumerable data does not count")
            << "Object.defineProperty({ fail: rec('fail') }, 'data', { value: 'x' })"
            << QStringList {"fail " + required} << QVariantList();
    QTest::newRow("inherited callbacks run") << "Object.create({ success: rec('success') }, "
                                                "{ data: { value: 'x', enumerable: true } })"
                                             << QStringList {"success " + ok} << x;
    QTest::newRow("getter") << "{ get data() { return 'x'; }, success: rec('success') }"
                            << QStringList {"success " + ok} << x;
    QTest::newRow("getter that throws")
            << "{ get data() { throw new Error('no'); }, fail: rec('fail') }"
            << QStringList {"fail " + required} << QVariantList();
    QTest::newRow("callback not a function")
            << "{ data: 'x', success: 1, complete: rec('complete') }"
            << QStringList {"complete sendSocketMessage:fail success must be a function"}
            << QVariantList();
    QTest::newRow("callback getter that throws")
            << "{ data: 'x', get fail() { throw new Error('no'); }, complete: rec('complete') }"
            << QStringList {"complete " + required} << QVariantList();
    QTest::newRow("getter that throws, callback not a function")
            << "{ get data() { throw new Error('no'); }, success: 1, complete: rec('complete') }"
            << QStringList {"complete " + required} << QVariantList();
    QTest::newRow("inherited non-function callback is no callback")
            << "Object.create({ complete: 'x' }, { data: { value: 'x', enumerable: true }, "
               "success: { value: rec('success'), enumerable: true } })"
            << QStringList {"success " + ok} << x;
    QTest::newRow("null and undefined callbacks are none")
            << "{ data: 'x', success: null, fail: undefined, complete: rec('complete') }"
            << QStringList {"complete " + ok} << x;
    QTest::newRow("array with a data key")
            << "(function () { var a = [1]; a.data = 'x'; a.success = rec('success'); "
               "return a; })()"
            << QStringList {"success " + ok} << x;
    QTest::newRow("Proxy") << "new Proxy({ data: 'x', success: rec('success') }, {})"
                           << QStringList {"success " + ok} << x;
    QTest::newRow("Proxy whose get throws")
            << "new Proxy({ data: 'x', complete: rec('complete') }, "
               "{ get: function () { throw new Error('trap'); } })"
            << QStringList() << QVariantList();
    // Until the fast path, V4's Object.keys (which skips this trap) let such a call send 'x'.
    QTest::newRow("Proxy whose getOwnPropertyDescriptor throws")
            << "new Proxy({ data: 'x', fail: rec('fail') }, "
               "{ getOwnPropertyDescriptor: function () { throw new Error('trap'); } })"
            << QStringList {"fail " + required} << QVariantList();
}

void tst_JsHost::sendOptions()
{
    QFETCH(QString, options);
    QFETCH(QStringList, expectedLog);
    QFETCH(QVariantList, expectedSent);
    // Both sends read their options alike: the task's own and the global one on the target.
    for (const char *send : {"task.send", "swan.sendSocketMessage"}) {
        SecureEchoServer server;
        QVERIFY(server.isListening());
        Harness harness(server.port());
        QVERIFY(harness.runToIdle(QStringLiteral(R"(
var log = [];
function rec(name) { return function (res) { log.push(name + ' ' + res.errMsg); }; }
var task = swan.connectSocket({ url: 'wss://example.baidu.com' });
task.onOpen(function () {
    %1(%2);
    task.close();
});
)")
                                          .arg(QLatin1String(send), options)));
        QCOMPARE(harness.errors, QStringList());
        const QJSValue log = harness.value(QStringLiteral("log"));
        QStringList lines;
        for (int i = 0; i < log.property(QStringLiteral("length")).toInt(); ++i)
            lines << log.property(quint32(i)).toString();
        QCOMPARE(lines, expectedLog);
        QCOMPARE(server.receivedMessages(), expectedSent);
    }
}

// Results nobody has a callback for are not delivered at all; the others and the events keep
// the order of the calls and of the wire.
void tst_JsHost::resultsAndEventsInOrder()
{
    SecureEchoServer server;
    QVERIFY(server.isListening());
    Harness harness(server.port());
    QVERIFY(harness.runToIdle(QStringLiteral(R"(
function log(what) { return function (res) { console.log(what, res.errMsg || res.data || ''); }; }
var task = swan.connectSocket({ url: 'wss://example.baidu.com', success: log('connect') });
task.onOpen(function () {
    console.log('open');
    task.send({ data: 'a', fail: log('fail a') });
    task.send({ data: 'b', success: log('success b') });
    task.send({ data: 5, success: log('success 5'), fail: log('fail 5') });
    swan.sendSocketMessage({ data: 'c', complete: log('complete c') });
    task.send({ data: 'd' });
    task.close({ success: log('close') });
    console.log('calls made');
});
task.onMessage(log('message'));
task.onClose(function (res) { console.log('closed', res.code); });
)")));
    QCOMPARE(harness.errors, QStringList());
    QCOMPARE(harness.lines,
             (QStringList {"connect connectSocket:ok", "open", "calls made",
                           "success b sendSocketMessage:ok",
                           "fail 5 sendSocketMessage:fail data must be a String or an ArrayBuffer",
                           "complete c sendSocketMessage:ok", "close closeSocket:ok", "message a",
                           "message b", "message c", "message d", "closed 1000"}));
}

// Options that are not an object never throw into the script: the call fails (the task it
// returns is Closed by then) and the script goes on.
void tst_JsHost::optionsNotAnObject_data()
{
    QTest::addColumn<QString>("options");
    QTest::newRow("nothing") << "";
    QTest::newRow("undefined") << "undefined";
    QTest::newRow("null") << "null";
    QTest::newRow("a url string") << "'wss://example.baidu.com'";
    QTest::newRow("a number") << "42";
    QTest::newRow("a function") << "function () {}";
    QTest::newRow("an array") << "['wss://example.baidu.com']";
}

void tst_JsHost::optionsNotAnObject()
{
    QFETCH(QString, options);
    Harness harness(m_server->port());
    QVERIFY(harness.runToIdle(QStringLiteral(R"(
var task = swan.connectSocket(%1);
console.log(typeof task, task.readyState);
task.send(%1); task.close(%1);
swan.sendSocketMessage(%1); swan.closeSocket(%1);
setTimeout(function () { console.log('went on'); }, 0);
)")
                                      .arg(options)));
    QCOMPARE(harness.lines, (QStringList {QStringLiteral("object 0"), QStringLiteral("went on")}));
    QCOMPARE(harness.value(QStringLiteral("task.readyState")).toInt(), 3);
    QCOMPARE(harness.errors, QStringList());
}

// A callback that throws is reported, with file and line, and changes nothing else.
void tst_JsHost::throwingCallbacks()
{
    SecureEchoServer server;
    QVERIFY(server.isListening());
    Harness harness(server.port());
    QVERIFY(harness.runToIdle(QStringLiteral(R"(var task = swan.connectSocket({
    url: 'wss://example.baidu.com',
    success: function () { throw new Error('in success'); },
    complete: function () { console.log('complete ran'); }
});
task.onOpen(function () { throw new TypeError('first listener'); });
task.onOpen(function () { console.log('second listener'); task.send({ data: 'x' }); });
swan.onSocketOpen(function () { console.log('global listener'); });
task.onMessage(function (res) { throw 'plain ' + res.data; });
task.onMessage(function (res) { console.log('message', res.data); task.close(); });
task.onClose(function (res) { console.log('closed', res.code); });
)"),
                              QStringLiteral("throw.js")));
    QCOMPARE(harness.lines,
             (QStringList {QStringLiteral("complete ran"), QStringLiteral("second listener"),
                           QStringLiteral("global listener"), QStringLiteral("message x"),
                           QStringLiteral("closed 1000")}));
    QCOMPARE(harness.errors,
             (QStringList {QStringLiteral("throw.js:3: Error: in success"),
                           QStringLiteral("throw.js:6: TypeError: first listener"),
                           QStringLiteral("plain x")}));
}

void tst_JsHost::readyState_data()
{
    QTest::addColumn<bool>("refused");
    QTest::addColumn<QStringList>("expectedLines");
    QTest::newRow("open, then closed by us")
            << false
            << QStringList {"returned 0", "constants 0 1 2 3", "onOpen 1", "after close() 2",
                            "onClose 3"};
    QTest::newRow("connection refused")
            << true << QStringList {"returned 0", "constants 0 1 2 3", "onError 3", "onClose 3"};
}

void tst_JsHost::readyState()
{
    QFETCH(bool, refused);
    QFETCH(QStringList, expectedLines);
    SecureEchoServer server;
    QVERIFY(server.isListening());
    Harness harness(refused ? closedPort() : server.port());
    QVERIFY(harness.runToIdle(QStringLiteral(R"(
var task = swan.connectSocket({ url: 'wss://example.baidu.com' });
console.log('returned', task.readyState);
console.log('constants', task.CONNECTING, task.OPEN, task.CLOSING, task.CLOSED);
task.onOpen(function () {
    console.log('onOpen', task.readyState);
    task.close();
    console.log('after close()', task.readyState);
});
task.onError(function () { console.log('onError', task.readyState); });
task.onClose(function () { console.log('onClose', task.readyState); });
)")));
    QCOMPARE(harness.lines, expectedLines);
}

void tst_JsHost::taskObject()
{
    SecureEchoServer server;
    QVERIFY(server.isListening());
    Harness harness(server.port());
    QVERIFY(harness.runToIdle(QStringLiteral(R"(
var ids = [];
var a = swan.connectSocket({ url: 'wss://example.baidu.com',
                             success: function (res) { ids.push(res.socketTaskId); } });
var b = swan.connectSocket({ url: 'wss://example.baidu.com',
                             success: function (res) { ids.push(res.socketTaskId); } });
var methods = ['send', 'close', 'onOpen', 'onClose', 'onError', 'onMessage'].filter(function (m) {
    return typeof a[m] === 'function';
}).length;
a.socketTaskId = 99; // read-only
var send = a.send; // methods work detached
a.onOpen(function () { send({ data: 'detached' }); });
a.onMessage(function () { swan.closeSocket(); });
)")));
    QCOMPARE(harness.errors, QStringList());
    QCOMPARE(harness.value(QStringLiteral("methods")).toInt(), 6);
    QVERIFY(!harness.value(QStringLiteral("a === b")).toBool());
    QCOMPARE(harness.value(QStringLiteral("ids.join()")).toString(),
             harness.value(QStringLiteral("[a.socketTaskId, b.socketTaskId].join()")).toString());
    QVERIFY(harness.value(QStringLiteral("a.socketTaskId > 0 && b.socketTaskId > a.socketTaskId"))
                    .toBool());
    QCOMPARE(harness.value(QStringLiteral("a.readyState")).toInt(), 3);
    QCOMPARE(server.receivedMessages(), QVariantList {QStringLiteral("detached")});
}

void tst_JsHost::idle()
{
    SecureEchoServer server;
    QVERIFY(server.isListening());
    Harness harness(server.port());
    QVERIFY(harness.host.isIdle());

    // Nothing started: idle once the script has run.
    QVERIFY(harness.runToIdle(QStringLiteral("console.log('x');")));

    // An open task keeps the host busy; closing it ends that.
    QSignalSpy idle(&harness.host, &JsHost::becameIdle);
    QVERIFY(harness.run(
            QStringLiteral("var t = swan.connectSocket({ url: 'wss://example.baidu.com' });")));
    QVERIFY(!harness.host.isIdle());
    QTRY_VERIFY_WITH_TIMEOUT(harness.value(QStringLiteral("t.readyState")).toInt() == 1, WaitMs);
    QVERIFY(!harness.host.isIdle());
    QCOMPARE(idle.count(), 0);

    // A result callback that starts a timer: idle only after the timer.
    harness.value(QStringLiteral("t.close({ complete: function () {"
                                 " setTimeout(function () { console.log('late'); }, 50); } });"));
    QVERIFY(idle.wait(WaitMs));
    QCOMPARE(harness.lines.last(), QStringLiteral("late"));
    QCOMPARE(idle.count(), 1);
    QVERIFY(harness.host.isIdle());
}

// The façade may outlive the host: results for a destroyed host are dropped, not crashed on.
void tst_JsHost::hostDestroyedBeforeResults()
{
    SimulatorSettings settings;
    settings.addAllowedDomain(QStringLiteral("example.baidu.com"));
    settings.addConnectTo(QStringLiteral("example.baidu.com:443:127.0.0.1:%1").arg(closedPort()));
    SocketApi api(&settings);
    {
        JsHost host(&api);
        QVERIFY(host.evaluate(QStringLiteral("swan.connectSocket({ url: 'wss://example.baidu.com',"
                                             " fail: function () {} }); swan.closeSocket({});"),
                              QStringLiteral("gone.js")));
        QVERIFY(!api.isIdle());
    }
    // A host made next (perhaps where the old one was) gets its own results only: the old
    // connect's result (call 1 there) must not reach this host's call 1.
    JsHost next(&api);
    QStringList lines;
    QObject::connect(&next, &JsHost::consoleMessage, &next,
                     [&lines](JsHost::ConsoleLevel, const QString &text) { lines << text; });
    QVERIFY(next.evaluate(QStringLiteral("swan.sendSocketMessage({ data: 'x', complete: "
                                         "function (res) { console.log(res.errMsg.split(' ')[0]); "
                                         "} });"),
                          QStringLiteral("next.js")));
    QTRY_VERIFY_WITH_TIMEOUT(api.isIdle(), WaitMs);
    QCOMPARE(lines, QStringList {QStringLiteral("sendSocketMessage:fail")});
}

void tst_JsHost::hostMayBeStatic()
{
    // Destroyed after main() returns, in static destruction: the host must not touch what is
    // gone by then (a per-thread table of hosts was, before this: ASan's use-after-free, in
    // the sanitizer run, where a leak or a crash at exit fails the test).
    static JsHost late(nullptr);
    QVERIFY(late.evaluate(QStringLiteral("swan.closeSocket({});"), QStringLiteral("late.js")));
}

QTEST_GUILESS_MAIN(tst_JsHost)
#include "tst_jshost.moc"
