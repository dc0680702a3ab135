// swan-run as a user runs it: a separate process (build/bin/swan-run, found through SWAN_BIN_DIR)
// against an in-process wss echo server standing in for example.baidu.com.
//
// What the spec's examples do under swan-run, and so what is asserted here:
//   01-connect, 03-on-error, 04-send  print nothing and never close: they end by --timeout (124)
//   02-on-open, 05-on-message         print one line, never close: --timeout (124)
//   03-on-error with the server down  prints its line; the failed task ends the run (0)
//   06-close, 07-on-close             close on open: the run ends when the task has (0; 07 prints)
#include <testsupport.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using SwanTest::allMatch;
using SwanTest::closedPort;
using SwanTest::exact;
using SwanTest::examplePath;
using SwanTest::SecureEchoServer;
using SwanTest::TestCertificates;

namespace {

constexpr int WaitMs = 30000;

struct Run
{
    int exitCode = -1;
    QStringList out; ///< stdout lines
    QStringList err; ///< stderr lines
};

QString swanRunPath()
{
    const QString dir
            = qEnvironmentVariable("SWAN_BIN_DIR", QCoreApplication::applicationDirPath());
    return dir + QStringLiteral("/swan-run");
}

QStringList linesOf(const QByteArray &output)
{
    QStringList lines = QString::fromUtf8(output).split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

/// Runs swan-run with @p arguments, serving the event loop (the echo server lives in it).
Run swanRun(const QStringList &arguments)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(swanRunPath(), arguments);
    Run run;
    if (!process.waitForStarted(WaitMs)) {
        qWarning("cannot start %s: %s", qPrintable(swanRunPath()),
                 qPrintable(process.errorString()));
        return run;
    }
    process.closeWriteChannel();
    if (!finished.wait(WaitMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = linesOf(process.readAllStandardOutput());
    run.err = linesOf(process.readAllStandardError());
    return run;
}

QString failureText(const Run &run)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
            .arg(run.exitCode)
            .arg(run.out.join(u'\n'), run.err.join(u'\n'));
}

} // namespace

class tst_SwanRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void examples_data();
    void examples();
    void logFrames();
    void logFramesAsOnTheWire();
    void consoleStreams();
    void settings_data();
    void settings();
    void refererCarriesAppKey();
    void noDomainCheck();

    void badUsage_data();
    void badUsage();
    void errorAtLoad_data();
    void errorAtLoad();
    void errorInCallback();
    void timeout_data();
    void timeout();
    void helpAndVersion();

private:
    QString writeScript(const QString &name, const QString &source);
    QStringList serverArguments(quint16 port, bool allowExampleHost = true) const;

    std::unique_ptr<SecureEchoServer> m_server;
    QTemporaryDir m_dir;
};

void tst_SwanRun::initTestCase()
{
    QVERIFY2(QFile::exists(swanRunPath()), qPrintable(swanRunPath()));
    QVERIFY2(TestCertificates::instance().isValid(),
             qPrintable(TestCertificates::instance().errorString()));
    m_server = std::make_unique<SecureEchoServer>();
    QVERIFY2(m_server->isListening(), qPrintable(m_server->errorString()));
    QVERIFY(m_dir.isValid());
    // Scripts are written there; rows name them (and missing files) relative to it, as a user
    // would, so messages show the names as given.
    QVERIFY(QDir::setCurrent(m_dir.path()));
}

QString tst_SwanRun::writeScript(const QString &name, const QString &source)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(source.toUtf8());
    return path;
}

QStringList tst_SwanRun::serverArguments(quint16 port, bool allowExampleHost) const
{
    QStringList arguments;
    if (allowExampleHost)
        arguments << QStringLiteral("--allow-domain") << QStringLiteral("example.baidu.com");
    return arguments
            + QStringList {QStringLiteral("--connect-to"),
                           QStringLiteral("example.baidu.com:443:127.0.0.1:%1").arg(port),
                           QStringLiteral("--ca-cert"),
                           TestCertificates::instance().caCertificatePath()};
}

void tst_SwanRun::examples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<QStringList>("expectedOut");
    QTest::addColumn<int>("expectedExit");
    QTest::addColumn<QVariantList>("serverReceives");

    QTest::newRow("01 connect: open until timeout")
            << "01-connect.js" << false << QStringList() << 124 << QVariantList();
    QTest::newRow("02 onSocketOpen: prints the response header, open until timeout")
            << "02-on-open.js" << false
            << QStringList {QStringLiteral(
                       "^WebSocket连接已打开！ \\{.*\"Upgrade\":\"websocket\".*\\}$")}
            << 124 << QVariantList();
    QTest::newRow("03 onSocketError, server up: silent until timeout")
            << "03-on-error.js" << false << QStringList() << 124 << QVariantList();
    QTest::newRow("03 onSocketError, connection refused: prints, then done")
            << "03-on-error.js" << true
            << QStringList {exact(QStringLiteral("WebSocket连接打开失败，请检查！"))} << 0
            << QVariantList();
    QTest::newRow("04 sendSocketMessage: sends, open until timeout")
            << "04-send.js" << false << QStringList() << 124
            << QVariantList {QStringLiteral("baidu")};
    QTest::newRow("05 onSocketMessage: prints the echo, open until timeout")
            << "05-on-message.js" << false
            << QStringList {exact(QStringLiteral("收到服务器内容： baidu"))} << 124
            << QVariantList {QStringLiteral("baidu")};
    QTest::newRow("06 closeSocket: done once closed")
            << "06-close.js" << false << QStringList() << 0 << QVariantList();
    QTest::newRow("07 onSocketClose: prints, done once closed")
            << "07-on-close.js" << false
            << QStringList {exact(QStringLiteral("WebSocket 已关闭！"))} << 0 << QVariantList();
    QTest::newRow("demo-chat: text and binary echoes, close 1000")
            << "demo-chat.js" << false
            << QStringList {exact(QStringLiteral("connecting, socketTaskId 1")),
                            exact(QStringLiteral("open, readyState 1")),
                            exact(QStringLiteral("sent 4 bytes")),
                            exact(QStringLiteral("echo (text): hello from swan-run")),
                            exact(QStringLiteral("echo (binary): 115 119 97 110")),
                            exact(QStringLiteral("closed 1000 bye"))}
            << 0 << QVariantList {QStringLiteral("hello from swan-run"), QByteArray("swan")};
}

void tst_SwanRun::examples()
{
    QFETCH(QString, file);
    QFETCH(bool, refused);
    QFETCH(QStringList, expectedOut);
    QFETCH(int, expectedExit);
    QFETCH(QVariantList, serverReceives);

    SecureEchoServer server;
    QVERIFY(server.isListening());
    const QString script = examplePath(file);
    QVERIFY2(QFile::exists(script), qPrintable(file));
    // Long enough for a loaded machine to connect; only the never-closing examples wait it out.
    const Run run
            = swanRun(serverArguments(refused ? closedPort() : server.port())
                      + QStringList {QStringLiteral("--timeout"), QStringLiteral("3"), script});
    QVERIFY2(run.exitCode == expectedExit, qPrintable(failureText(run)));
    QVERIFY2(allMatch(run.out, expectedOut), qPrintable(failureText(run)));
    QCOMPARE(server.receivedMessages(), serverReceives);
    if (expectedExit == 124)
        QCOMPARE(run.err, QStringList {QStringLiteral("swan-run: timed out after 3 s")});
    else
        QCOMPARE(run.err, QStringList());
}

void tst_SwanRun::logFrames()
{
    SecureEchoServer server;
    QVERIFY(server.isListening());
    const QString log = m_dir.filePath(QStringLiteral("frames.jsonl"));
    const Run run = swanRun(serverArguments(server.port())
                            + QStringList {QStringLiteral("--log-frames"), log,
                                           examplePath(QStringLiteral("demo-chat.js"))});
    QVERIFY2(run.exitCode == 0, qPrintable(failureText(run)));

    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 6); // five frames, then the final newline
    QVERIFY(lines.last().isEmpty());

    struct Expected
    {
        const char *direction;
        const char *type;
        int size;
        const char *data;
    };
    const Expected expected[] = {
            {"send", "text", 19, "hello from swan-run"},
            {"send", "binary", 4, "c3dhbg=="},
            {"receive", "text", 19, "hello from swan-run"},
            {"receive", "binary", 4, "c3dhbg=="},
            {"send", "close", 5, "bye"},
    };
    qint64 previousTime = 0;
    for (int i = 0; i < 5; ++i) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &error);
        QVERIFY2(document.isObject(), qPrintable(error.errorString()));
        QVERIFY2(lines.at(i).startsWith("{\"time\":"), lines.at(i).constData());
        const QJsonObject frame = document.object();
        const qint64 time = frame.value(QLatin1String("time")).toInteger();
        QVERIFY(time > 1600000000LL * 1000000); // µs since the epoch
        QVERIFY(time >= previousTime);
        previousTime = time;
        QCOMPARE(frame.value(QLatin1String("task")).toInt(), 1);
        QCOMPARE(frame.value(QLatin1String("direction")).toString(),
                 QLatin1String(expected[i].direction));
        QCOMPARE(frame.value(QLatin1String("type")).toString(), QLatin1String(expected[i].type));
        QCOMPARE(frame.value(QLatin1String("size")).toInt(), expected[i].size);
        QCOMPARE(frame.value(QLatin1String("data")).toString(),
                 QString::fromUtf8(expected[i].data));
    }
    const QJsonObject close = QJsonDocument::fromJson(lines.at(4)).object();
    QCOMPARE(close.value(QLatin1String("code")).toInt(), 1000);
    QCOMPARE(close.value(QLatin1String("reason")).toString(), QStringLiteral("bye"));
}

void tst_SwanRun::logFramesAsOnTheWire()
{
    // A lone surrogate goes out as U+FFFD (SocketTask::encodeText): the log must show those
    // bytes, not toUtf8()'s '?'. The echo comes back as the same three bytes.
    SecureEchoServer server;
    QVERIFY(server.isListening());
    const QString log = m_dir.filePath(QStringLiteral("wire.jsonl"));
    const QString script = writeScript(QStringLiteral("surrogate.js"), QStringLiteral(R"(
var task = swan.connectSocket({url: 'wss://example.baidu.com'});
task.onOpen(function () { task.send({data: 'a\uD800b'}); });
task.onMessage(function () { task.close({}); });
)"));
    const Run run = swanRun(serverArguments(server.port())
                            + QStringList {QStringLiteral("--log-frames"), log, script});
    QVERIFY2(run.exitCode == 0, qPrintable(failureText(run)));

    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines.size() >= 3);
    const QString replaced = QStringLiteral("a\uFFFDb");
    for (int i = 0; i < 2; ++i) {
        const QJsonObject frame = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(frame.value(QLatin1String("direction")).toString(),
                 QLatin1String(i == 0 ? "send" : "receive"));
        QCOMPARE(frame.value(QLatin1String("size")).toInt(), 5);
        QCOMPARE(frame.value(QLatin1String("data")).toString(), replaced);
    }
}

void tst_SwanRun::consoleStreams()
{
    const QString script = writeScript(QStringLiteral("console.js"), QStringLiteral(R"(
console.log('log', 1);
console.info('info', {a: 1});
console.warn('warn');
console.error('error', new Error('e'));
console.debug('debug');
console.log('two\nlines');
)"));
    const Run run = swanRun({script});
    QVERIFY2(run.exitCode == 0, qPrintable(failureText(run)));
    QCOMPARE(run.out,
             (QStringList {QStringLiteral("log 1"), QStringLiteral("info {\"a\":1}"),
                           QStringLiteral("debug"), QStringLiteral("two"),
                           QStringLiteral("lines")}));
    QCOMPARE(run.err, (QStringList {QStringLiteral("warn"), QStringLiteral("error Error: e")}));
}

// Settings reach the façade: each row prints what the script saw.
void tst_SwanRun::settings_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expectedOut");

    const QString missingUrl = QStringLiteral(
            "swan.connectSocket({ fail: function (res) { console.log(res.errCode); } });");
    QTest::newRow("platform ios (default)") << QStringList() << missingUrl << QStringList {"4"};
    QTest::newRow("platform android")
            << QStringList {"--platform", "android"} << missingUrl << QStringList {"202"};
    const QString twoTasks = QStringLiteral(
            "function log(res) { console.log(res.errMsg, res.errCode === undefined ? '' : "
            "res.errCode); }\n"
            "var a = swan.connectSocket({ url: 'wss://example.baidu.com', complete: log });\n"
            "var b = swan.connectSocket({ url: 'wss://example.baidu.com', complete: log });\n"
            "setTimeout(function () { swan.closeSocket(); }, 0);\n");
    QTest::newRow("max-tasks 1") << QStringList {"--max-tasks", "1"} << twoTasks
                                 << QStringList {
                                            "connectSocket:ok ",
                                            "connectSocket:fail exceeded the maximum of 1 live "
                                            "SocketTasks 1"};
    QTest::newRow("max-tasks default")
            << QStringList() << twoTasks << QStringList {"connectSocket:ok ", "connectSocket:ok "};
    QTest::newRow("allow-list without the host")
            << QStringList {"--allow-domain", "other.example"}
            << "swan.connectSocket({ url: 'wss://example.baidu.com', fail: function (res) {"
               " console.log(res.errCode); } });"
            << QStringList {"7"};
    QTest::newRow("base-version below 1.9.4: one connection at a time")
            << QStringList {"--base-version", "1.9.3"}
            << "var a = swan.connectSocket({ url: 'wss://example.baidu.com' });\n"
               "a.onOpen(function () {\n"
               "    a.onClose(function (res) { console.log('a closed', res.code); });\n"
               "    var b = swan.connectSocket({ url: 'wss://example.baidu.com' });\n"
               "    b.onOpen(function () { b.close(); });\n"
               "    b.onClose(function () { console.log('b closed'); });\n"
               "});\n"
            << QStringList {"a closed 1000", "b closed"};
}

void tst_SwanRun::settings()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, source);
    QFETCH(QStringList, expectedOut);
    SecureEchoServer server;
    QVERIFY(server.isListening());
    // A row with its own allow-list replaces the default one.
    const bool ownAllowList = arguments.contains(QStringLiteral("--allow-domain"));
    const Run run = swanRun(serverArguments(server.port(), !ownAllowList) + arguments
                            + QStringList {writeScript(QStringLiteral("settings.js"), source)});
    QVERIFY2(run.exitCode == 0, qPrintable(failureText(run)));
    QCOMPARE(run.out, expectedOut);
}

void tst_SwanRun::refererCarriesAppKey()
{
    SecureEchoServer server;
    QVERIFY(server.isListening());
    const QString script = writeScript(QStringLiteral("referer.js"),
                                       QStringLiteral("swan.connectSocket({ url: "
                                                      "'wss://example.baidu.com' });\n"
                                                      "swan.onSocketOpen(function () { "
                                                      "swan.closeSocket(); });\n"));
    const Run run = swanRun(
            serverArguments(server.port())
            + QStringList {QStringLiteral("--app-key"), QStringLiteral("myAppKey"), script});
    QVERIFY2(run.exitCode == 0, qPrintable(failureText(run)));
    QCOMPARE(server.lastRequestHeader("Referer"),
             QByteArray("https://smartapp.baidu.com/myAppKey/devtools/page-frame.html"));
}

// The development switch: no allow-list, no CA needed, and one loud line about it.
void tst_SwanRun::noDomainCheck()
{
    SecureEchoServer server;
    QVERIFY(server.isListening());
    const QString script = writeScript(
            QStringLiteral("dev.js"),
            QStringLiteral(
                    "swan.connectSocket({ url: 'wss://localhost:%1' });\n"
                    "swan.onSocketOpen(function () { swan.closeSocket(); });\n"
                    "swan.onSocketClose(function (res) { console.log('closed', res.code); });\n")
                    .arg(server.port()));
    const Run run = swanRun({QStringLiteral("--no-domain-check"), script});
    QVERIFY2(run.exitCode == 0, qPrintable(failureText(run)));
    QCOMPARE(run.out, QStringList {QStringLiteral("closed 1000")});
    QCOMPARE(run.err.size(), 1);
    QVERIFY2(run.err.first().contains(QLatin1String("DEVELOPMENT SWITCH ON")),
             qPrintable(run.err.first()));

    // Without it the same script fails the allow-list and the run just ends.
    const Run checked = swanRun({script});
    QVERIFY2(checked.exitCode == 0, qPrintable(failureText(checked)));
    QCOMPARE(checked.out, QStringList());
    QCOMPARE(checked.err, QStringList());
}

void tst_SwanRun::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString ok = QStringLiteral("ok.js"); // replaced by a readable script
    QTest::newRow("no script") << QStringList() << "missing SCRIPT.js";
    QTest::newRow("two scripts") << QStringList {ok, ok} << "one script at a time";
    QTest::newRow("unknown flag") << QStringList {"--frobnicate", ok}
                                  << "Unknown option 'frobnicate'";
    QTest::newRow("flag without its value") << QStringList {ok, "--timeout"} << "Missing value";
    QTest::newRow("unreadable script")
            << QStringList {"does-not-exist.js"} << "cannot read script does-not-exist.js";
    QTest::newRow("script is a directory") << QStringList {"."} << "cannot read script .";
    QTest::newRow("unreadable CA") << QStringList {"--ca-cert", "no-such-ca.pem", ok}
                                   << "bad --ca-cert: cannot read CA file no-such-ca.pem";
    QTest::newRow("CA that is no PEM")
            << QStringList {"--ca-cert", ok, ok} << "bad --ca-cert: no PEM certificate";
    QTest::newRow("connect-to with three parts")
            << QStringList {"--connect-to", "a:443:b", ok} << "bad --connect-to a:443:b";
    QTest::newRow("connect-to with a bad port")
            << QStringList {"--connect-to", "a:x:b:1", ok} << "bad --connect-to a:x:b:1";
    QTest::newRow("max-tasks 0") << QStringList {"--max-tasks", "0", ok} << "bad --max-tasks 0";
    QTest::newRow("max-tasks not a number")
            << QStringList {"--max-tasks", "five", ok} << "bad --max-tasks five";
    QTest::newRow("platform") << QStringList {"--platform", "windows", ok}
                              << "bad --platform windows";
    QTest::newRow("base-version X.Y")
            << QStringList {"--base-version", "1.9", ok} << "bad --base-version 1.9";
    QTest::newRow("base-version not numeric")
            << QStringList {"--base-version", "a.b.c", ok} << "bad --base-version a.b.c";
    QTest::newRow("timeout 0") << QStringList {"--timeout", "0", ok} << "bad --timeout 0";
    QTest::newRow("timeout not a number")
            << QStringList {"--timeout", "soon", ok} << "bad --timeout soon";
    QTest::newRow("empty allow-domain")
            << QStringList {"--allow-domain", "", ok} << "bad --allow-domain";
    QTest::newRow("log-frames in a missing directory")
            << QStringList {"--log-frames", "/nonexistent-dir/frames.jsonl", ok}
            << "cannot write --log-frames /nonexistent-dir/frames.jsonl";
}

void tst_SwanRun::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString script
            = writeScript(QStringLiteral("ok.js"), QStringLiteral("console.log('ran');\n"));
    for (QString &argument : arguments) {
        if (argument == QLatin1String("ok.js"))
            argument = script;
    }
    const Run run = swanRun(arguments); // relative paths: the temporary directory

    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QStringList()); // the script never ran
    QVERIFY2(!run.err.isEmpty() && run.err.first().startsWith(QLatin1String("swan-run: "))
                     && run.err.first().contains(message),
             qPrintable(failureText(run)));
}

void tst_SwanRun::errorAtLoad_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("Error") << "console.log('before');\n\nthrow new Error('at load');\n"
                           << "swan-run: load.js:3: Error: at load";
    QTest::newRow("thrown string") << "console.log('before');\nthrow 'plain';\n"
                                   << "swan-run: load.js:2: plain";
    QTest::newRow("ReferenceError")
            << "console.log('before');\nnoSuchFunction();\n"
            << "swan-run: load.js:2: ReferenceError: noSuchFunction is not defined";
    QTest::newRow("syntax error") << "console.log('before');\nfunction (\n"
                                  << "swan-run: load.js:2: SyntaxError: ";
}

void tst_SwanRun::errorAtLoad()
{
    QFETCH(QString, source);
    QFETCH(QString, expectedError);
    const QString script = writeScript(QStringLiteral("load.js"), source);
    const Run run = swanRun({QStringLiteral("load.js")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.size(), 1);
    QVERIFY2(run.err.first().startsWith(expectedError), qPrintable(run.err.first()));
    // A syntax error stops everything; a throw stops the script where it was.
    QCOMPARE(run.out,
             source.contains(QLatin1String("function (")) ? QStringList()
                                                          : QStringList {QStringLiteral("before")});
}

// A throw in a callback is reported and the run goes on to its normal end.
void tst_SwanRun::errorInCallback()
{
    const QString script = writeScript(QStringLiteral("late.js"), QStringLiteral(R"(
setTimeout(function () {
    throw new Error('late');
}, 0);
setTimeout(function () { console.log('still running'); }, 20);
)"));
    const Run run = swanRun({QStringLiteral("late.js")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringList {QStringLiteral("still running")});
    QCOMPARE(run.err, QStringList {QStringLiteral("swan-run: uncaught late.js:3: Error: late")});
}

void tst_SwanRun::timeout_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("an interval that never stops") << "setInterval(function () {}, 10);\n";
    QTest::newRow("a script that never returns") << "while (true) {}\n";
    QTest::newRow("a callback that never returns")
            << "setTimeout(function () { for (;;) {} }, 0);\n";
}

void tst_SwanRun::timeout()
{
    QFETCH(QString, source);
    const QString script = writeScript(QStringLiteral("forever.js"), source);
    QElapsedTimer elapsed;
    elapsed.start();
    const Run run = swanRun({QStringLiteral("--timeout"), QStringLiteral("0.5"), script});
    QCOMPARE(run.exitCode, 124);
    QCOMPARE(run.err, QStringList {QStringLiteral("swan-run: timed out after 0.5 s")});
    QVERIFY(elapsed.elapsed() < WaitMs);
}

void tst_SwanRun::helpAndVersion()
{
    const Run help = swanRun({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const QString text = help.out.join(u'\n');
    for (const char *flag : {"--allow-domain", "--no-domain-check", "--ca-cert", "--connect-to",
                             "--base-version", "--max-tasks", "--timeout", "--log-frames",
                             "--platform", "--app-key", "--version", "SCRIPT.js"})
        QVERIFY2(text.contains(QLatin1String(flag)), flag);

    const Run version = swanRun({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.size(), 1);
    QVERIFY2(version.out.first().startsWith(QLatin1String("swan-run ")),
             qPrintable(version.out.first()));
}

QTEST_GUILESS_MAIN(tst_SwanRun)
#include "tst_swanrun.moc"
