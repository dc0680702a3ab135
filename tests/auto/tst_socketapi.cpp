// SocketApi, the swan.connectSocket façade, against real servers on loopback: the in-process
// SecureEchoServer with a throw-away CA, a plain QWebSocketServer for ws://, and the
// python3-websockets / node-ws peers where the server's own response headers matter.
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include "testsupport.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QWebSocketServer>

#include <memory>
#include <optional>

using namespace SwanSocket;
using SwanTest::closedPort;
using SwanTest::TestCertificates;

namespace {

/// Which call a row of the errCode table makes.
/// TaskSendText: SocketApi::sendText() with the row's `data` (the task: the one set up, if any).
enum class Call { Connect, SendGlobal, CloseGlobal, TaskSend, TaskSendText, TaskClose };

/// What is live before the call of a row of the errCode table is made.
enum class Setup {
    Nothing,
    ConnectingTarget, ///< one task, still Connecting
    OpenTarget, ///< one task, Open
    ClosingTask, ///< one task that close() was already called on
    FullWithOneLive, ///< maxTasks 1 and one live task
};

/// Which server a development-switch row talks to.
enum class ServerKind { PlainWs, ValidWss, UntrustedWss };

} // namespace

Q_DECLARE_METATYPE(Call)
Q_DECLARE_METATYPE(Setup)
Q_DECLARE_METATYPE(ServerKind)
Q_DECLARE_METATYPE(TestCertificates::Kind)
Q_DECLARE_METATYPE(SwanTest::PeerServer::Kind)

namespace {

constexpr SocketApi::Event allEvents[] = {SocketApi::Event::Open, SocketApi::Event::Message,
                                          SocketApi::Event::Error, SocketApi::Event::Close};

/// Every ResultHandler it hands out records its call's label, in delivery order.
class ResultLog
{
public:
    ResultHandler handler(const QString &label)
    {
        return [this, label](const CallResult &result) {
            order << label;
            results.insert(label, result);
        };
    }
    bool delivered(const QString &label) const { return order.contains(label); }
    CallResult result(const QString &label) const { return results.value(label); }
    QString errMsg(const QString &label) const
    {
        return results.value(label).res.value(QStringLiteral("errMsg")).toString();
    }

    QStringList order;
    QHash<QString, CallResult> results;
};

/// Events of per-task and global listeners as one log of "<who>:<event>" lines.
class EventLog
{
public:
    EventHandler handler(const QString &who, SocketApi::Event event)
    {
        return [this, who, event](const QVariantMap &res) {
            lines << who + QLatin1Char(':') + describe(event, res);
            results << res;
        };
    }
    void listenTo(SocketApi &api, SocketTask *task, const QString &who)
    {
        for (SocketApi::Event event : allEvents)
            api.addTaskListener(task, event, handler(who, event));
    }
    void listenGlobally(SocketApi &api, const QString &who = QStringLiteral("global"))
    {
        for (SocketApi::Event event : allEvents)
            api.setGlobalListener(event, handler(who, event));
    }
    QStringList linesOf(const QString &who) const
    {
        QStringList mine;
        for (const QString &line : lines) {
            if (line.startsWith(who + QLatin1Char(':')))
                mine << line.mid(who.size() + 1);
        }
        return mine;
    }
    /// The res of the first "<who>:<eventPrefix>..." line.
    QVariantMap resOf(const QString &who, const QString &eventPrefix) const
    {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines.at(i).startsWith(who + QLatin1Char(':') + eventPrefix))
                return results.at(i);
        }
        return {};
    }

    QStringList lines;
    QList<QVariantMap> results;

private:
    static QString describe(SocketApi::Event event, const QVariantMap &res)
    {
        switch (event) {
        case SocketApi::Event::Open:
            return QStringLiteral("open");
        case SocketApi::Event::Message: {
            const QVariant data = res.value(QStringLiteral("data"));
            if (data.typeId() == QMetaType::QByteArray)
                return QStringLiteral("binary:%1").arg(data.toByteArray().size());
            return QStringLiteral("text:") + data.toString();
        }
        case SocketApi::Event::Error:
            return QStringLiteral("error");
        case SocketApi::Event::Close:
            return QStringLiteral("close:%1:%2")
                    .arg(res.value(QStringLiteral("code")).toInt())
                    .arg(res.value(QStringLiteral("reason")).toString());
        }
        return {};
    }
};

/// Settings that reach our servers: the test CA trusted, localhost allowed, checks on.
std::unique_ptr<SimulatorSettings> secureSettings()
{
    auto settings = std::make_unique<SimulatorSettings>();
    settings->addCaCertificates({TestCertificates::instance().caCertificate()});
    settings->setAllowedDomains({QStringLiteral("localhost")});
    return settings;
}

QVariantMap urlOption(const QUrl &url) { return {{QStringLiteral("url"), url.toString()}}; }

QString errMsgOf(const QVariantMap &res) { return res.value(QStringLiteral("errMsg")).toString(); }

} // namespace

class TestSocketApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void resultsAreAsynchronousExactlyOnceInCallOrder();
    void errorCodes_data();
    void errorCodes();
    void failedConnectReturnsSilentClosedTask_data();
    void failedConnectReturnsSilentClosedTask();
    void globalListenersAndSendFollowTheTarget();
    void taskListenersAddUpAndRunBeforeGlobal();
    void maxTasksLimitsLiveConnections();
    void singleConnectionMode_data();
    void singleConnectionMode();
    void closeSocketClosesEveryLiveTask_data();
    void closeSocketClosesEveryLiveTask();
    void requestTheServerSees_data();
    void requestTheServerSees();
    void connectToKeepsUrlHostForTls_data();
    void connectToKeepsUrlHostForTls();
    void developmentSwitch_data();
    void developmentSwitch();
    void openMessageAndCloseResults_data();
    void openMessageAndCloseResults();
    void errorResultPerPlatform_data();
    void errorResultPerPlatform();
    void messageListenersOfBothKinds_data();
    void messageListenersOfBothKinds();
    void becomesIdleAfterLastResult();
    void deliveryLeavesOutUnwantedOutcomes();
    void listenerMayDeleteTheApi_data();
    void listenerMayDeleteTheApi();
    void messageResIsEachListenersOwn_data();
    void messageResIsEachListenersOwn();

private:
    SwanTest::SecureEchoServer *m_server = nullptr;
};

void TestSocketApi::initTestCase()
{
    QVERIFY2(TestCertificates::instance().isValid(),
             qPrintable(TestCertificates::instance().errorString()));
    m_server = new SwanTest::SecureEchoServer(this);
    QVERIFY2(m_server->isListening(), qPrintable(m_server->errorString()));
}

void TestSocketApi::init()
{
    // Connections a failed test left behind must not show up in the next one's counts.
    QTRY_VERIFY(m_server->openConnections().isEmpty());
}

void TestSocketApi::resultsAreAsynchronousExactlyOnceInCallOrder()
{
    auto settings = secureSettings();
    SocketApi api(settings.get());
    ResultLog log;
    const QVariantMap valid = urlOption(m_server->url());

    // One tick, a mix of successes and failures of every call: nothing may be delivered inside
    // a call, and the results must come back in exactly this order.
    SocketTask *first = api.connectSocket(valid, log.handler(QStringLiteral("connect-ok")));
    QCOMPARE(log.order.size(), 0);
    api.sendSocketMessage({{QStringLiteral("data"), QStringLiteral("too early")}},
                          log.handler(QStringLiteral("send-fail")));
    QCOMPARE(log.order.size(), 0);
    api.closeSocket({{QStringLiteral("code"), 999}}, log.handler(QStringLiteral("close-fail")));
    QCOMPARE(log.order.size(), 0);
    api.connectSocket({{QStringLiteral("url"), QStringLiteral("http://localhost/")}},
                      log.handler(QStringLiteral("connect-fail")));
    QCOMPARE(log.order.size(), 0);
    api.send(first, {{QStringLiteral("data"), 42}}, log.handler(QStringLiteral("task-send-fail")));
    QCOMPARE(log.order.size(), 0);
    SocketTask *second = api.connectSocket(valid, log.handler(QStringLiteral("connect-ok-2")));
    QCOMPARE(log.order.size(), 0);
    api.closeSocket({}, log.handler(QStringLiteral("close-ok")));
    QCOMPARE(log.order.size(), 0);
    api.close(first, {}, log.handler(QStringLiteral("task-close-fail")));
    QCOMPARE(log.order.size(), 0);
    QVERIFY(api.pendingResults() > 0);

    const QStringList callOrder {
            QStringLiteral("connect-ok"),     QStringLiteral("send-fail"),
            QStringLiteral("close-fail"),     QStringLiteral("connect-fail"),
            QStringLiteral("task-send-fail"), QStringLiteral("connect-ok-2"),
            QStringLiteral("close-ok"),       QStringLiteral("task-close-fail"),
    };
    QTRY_COMPARE(log.order, callOrder);

    const QHash<QString, QString> exactOk {
            {QStringLiteral("connect-ok"), QStringLiteral("connectSocket:ok")},
            {QStringLiteral("connect-ok-2"), QStringLiteral("connectSocket:ok")},
            {QStringLiteral("close-ok"), QStringLiteral("closeSocket:ok")},
    };
    const QHash<QString, QString> failPrefix {
            {QStringLiteral("send-fail"), QStringLiteral("sendSocketMessage:fail ")},
            {QStringLiteral("close-fail"), QStringLiteral("closeSocket:fail ")},
            {QStringLiteral("connect-fail"), QStringLiteral("connectSocket:fail ")},
            {QStringLiteral("task-send-fail"), QStringLiteral("sendSocketMessage:fail ")},
            {QStringLiteral("task-close-fail"), QStringLiteral("closeSocket:fail ")},
    };
    for (auto it = exactOk.cbegin(); it != exactOk.cend(); ++it) {
        const CallResult result = log.result(it.key());
        QVERIFY2(result.ok, qPrintable(it.key()));
        QCOMPARE(log.errMsg(it.key()), it.value());
    }
    for (auto it = failPrefix.cbegin(); it != failPrefix.cend(); ++it) {
        const CallResult result = log.result(it.key());
        QVERIFY2(!result.ok, qPrintable(it.key()));
        const QString errMsg = log.errMsg(it.key());
        QVERIFY2(errMsg.startsWith(it.value()) && errMsg.size() > it.value().size(),
                 qPrintable(it.key() + QStringLiteral(": ") + errMsg));
        QVERIFY2(result.res.value(QStringLiteral("errCode")).typeId() == QMetaType::Int,
                 qPrintable(it.key()));
        QVERIFY(result.res.value(QStringLiteral("errCode")).toInt() > 0);
    }
    QCOMPARE(log.errMsg(QStringLiteral("send-fail")),
             QStringLiteral(
                     "sendSocketMessage:fail SocketTask.readyState is not OPEN (CONNECTING)"));
    QCOMPARE(log.result(QStringLiteral("connect-ok"))
                     .res.value(QStringLiteral("socketTaskId"))
                     .toInt(),
             first->taskId());
    QCOMPARE(log.result(QStringLiteral("connect-ok-2"))
                     .res.value(QStringLiteral("socketTaskId"))
                     .toInt(),
             second->taskId());

    // Exactly once: a later call's result is queued behind any duplicate of the earlier ones.
    QTRY_VERIFY(api.isIdle());
    api.closeSocket({}, log.handler(QStringLiteral("probe")));
    QTRY_VERIFY(log.delivered(QStringLiteral("probe")));
    QCOMPARE(log.order, callOrder + QStringList {QStringLiteral("probe")});
}

void TestSocketApi::errorCodes_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<Call>("call");
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("errMsg"); // a prefix when it ends in a space, else exact
    QTest::addColumn<int>("errCode");

    const QString valid = m_server->url().toString();
    const QVariantMap validOnly = {{QStringLiteral("url"), valid}};
    const auto with = [&](const QString &key, const QVariant &value) {
        QVariantMap options = validOnly;
        options.insert(key, value);
        return options;
    };
    const QString connectFail = QStringLiteral("connectSocket:fail ");
    const QString sendFail = QStringLiteral("sendSocketMessage:fail ");
    const QString closeFail = QStringLiteral("closeSocket:fail ");
    enum Class { Parameter, Url, Security, MaxTasks, State };
    const QHash<QString, QList<int>> codes {
            {QStringLiteral("ios"), {4, 2, 7, 1, 1001}},
            {QStringLiteral("android"), {202, 202, 1001, 1001, 1001}},
    };

    struct Row
    {
        const char *name;
        Setup setup;
        Call call;
        QVariantMap options;
        QString errMsg;
        Class errorClass;
    };
    const QList<Row> rows {
            {"url missing", Setup::Nothing, Call::Connect, {}, connectFail, Parameter},
            {"url a number",
             Setup::Nothing,
             Call::Connect,
             {{QStringLiteral("url"), 443}},
             connectFail,
             Parameter},
            {"header Referer", Setup::Nothing, Call::Connect,
             with(QStringLiteral("header"),
                  QVariantMap {{QStringLiteral("referer"), QStringLiteral("https://evil.test/")}}),
             connectFail, Parameter},
            {"header value with CRLF", Setup::Nothing, Call::Connect,
             with(QStringLiteral("header"),
                  QVariantMap {{QStringLiteral("X-Trace"), QStringLiteral("a\r\nX-Injected: 1")}}),
             connectFail, Parameter},
            {"protocols not an array", Setup::Nothing, Call::Connect,
             with(QStringLiteral("protocols"), QStringLiteral("chat")), connectFail, Parameter},
            {"success not a function", Setup::Nothing, Call::Connect,
             with(QStringLiteral("success"), QStringLiteral("x")), connectFail, Parameter},
            {"header Sec-WebSocket-Key", Setup::Nothing, Call::Connect,
             with(QStringLiteral("header"),
                  QVariantMap {{QStringLiteral("Sec-WebSocket-Key"), QStringLiteral("x")}}),
             connectFail, Parameter},
            {"sendSocketMessage fail not a function", Setup::OpenTarget, Call::SendGlobal,
             QVariantMap {{QStringLiteral("data"), QStringLiteral("hi")},
                          {QStringLiteral("fail"), 1}},
             sendFail, Parameter},
            {"closeSocket complete not a function", Setup::OpenTarget, Call::CloseGlobal,
             QVariantMap {{QStringLiteral("complete"), true}}, closeFail, Parameter},
            {"sendSocketMessage data a number",
             Setup::OpenTarget,
             Call::SendGlobal,
             {{QStringLiteral("data"), 42}},
             sendFail,
             Parameter},
            {"task.send data a number",
             Setup::OpenTarget,
             Call::TaskSend,
             {{QStringLiteral("data"), 42}},
             sendFail,
             Parameter},
            {"closeSocket code 999",
             Setup::OpenTarget,
             Call::CloseGlobal,
             {{QStringLiteral("code"), 999}},
             closeFail,
             Parameter},
            {"task.close reason 124 bytes",
             Setup::OpenTarget,
             Call::TaskClose,
             {{QStringLiteral("reason"), QString(124, QLatin1Char('r'))}},
             closeFail,
             Parameter},
            {"http url",
             Setup::Nothing,
             Call::Connect,
             {{QStringLiteral("url"),
               QStringLiteral("http://localhost:%1/").arg(m_server->port())}},
             connectFail,
             Url},
            {"ws url without the development switch",
             Setup::Nothing,
             Call::Connect,
             {{QStringLiteral("url"), QStringLiteral("ws://localhost:%1/").arg(m_server->port())}},
             connectFail,
             Url},
            {"subprotocol not a token", Setup::Nothing, Call::Connect,
             with(QStringLiteral("protocols"),
                  QVariantList {QStringLiteral("chat"), QStringLiteral("a b")}),
             connectFail, Url},
            {"host not on the allow-list",
             Setup::Nothing,
             Call::Connect,
             {{QStringLiteral("url"), QStringLiteral("wss://example.org/")}},
             connectFail,
             Security},
            {"more live tasks than maxTasks", Setup::FullWithOneLive, Call::Connect, validOnly,
             connectFail, MaxTasks},
            {"sendSocketMessage before open",
             Setup::ConnectingTarget,
             Call::SendGlobal,
             {{QStringLiteral("data"), QStringLiteral("hi")}},
             QStringLiteral(
                     "sendSocketMessage:fail SocketTask.readyState is not OPEN (CONNECTING)"),
             State},
            {"task.sendText before open",
             Setup::ConnectingTarget,
             Call::TaskSendText,
             {{QStringLiteral("data"), QStringLiteral("hi")}},
             QStringLiteral(
                     "sendSocketMessage:fail SocketTask.readyState is not OPEN (CONNECTING)"),
             State},
            {"sendText without a task",
             Setup::Nothing,
             Call::TaskSendText,
             {{QStringLiteral("data"), QStringLiteral("hi")}},
             QStringLiteral("sendSocketMessage:fail no SocketTask: call connectSocket first"),
             State},
            {"closeSocket without a live task",
             Setup::Nothing,
             Call::CloseGlobal,
             {},
             closeFail,
             State},
            {"task.close twice", Setup::ClosingTask, Call::TaskClose, {}, closeFail, State},
    };
    for (const QString &platform : {QStringLiteral("ios"), QStringLiteral("android")}) {
        for (const Row &row : rows) {
            QTest::addRow("%s: %s", qPrintable(platform), row.name)
                    << row.setup << row.call << row.options << platform << row.errMsg
                    << codes.value(platform).at(row.errorClass);
        }
    }
}

void TestSocketApi::errorCodes()
{
    QFETCH(Setup, setup);
    QFETCH(Call, call);
    QFETCH(QVariantMap, options);
    QFETCH(QString, platform);
    QFETCH(QString, errMsg);
    QFETCH(int, errCode);

    auto settings = secureSettings();
    settings->setPlatformName(platform);
    SocketApi api(settings.get());
    ResultLog log;

    SocketTask *existing = nullptr;
    if (setup != Setup::Nothing) {
        if (setup == Setup::FullWithOneLive)
            settings->setMaxTasks(1);
        existing = api.connectSocket(urlOption(m_server->url()),
                                     log.handler(QStringLiteral("setup")));
        QVERIFY(existing);
        if (setup == Setup::OpenTarget)
            QTRY_COMPARE(existing->readyState(), SocketTask::Open);
        if (setup == Setup::ClosingTask)
            api.close(existing, {}, log.handler(QStringLiteral("first close")));
    }

    const ResultHandler done = log.handler(QStringLiteral("call"));
    switch (call) {
    case Call::Connect:
        QVERIFY(api.connectSocket(options, done));
        break;
    case Call::SendGlobal:
        api.sendSocketMessage(options, done);
        break;
    case Call::CloseGlobal:
        api.closeSocket(options, done);
        break;
    case Call::TaskSend:
        api.send(existing, options, done);
        break;
    case Call::TaskSendText:
        api.sendText(existing, options.value(QStringLiteral("data")).toString(), done);
        break;
    case Call::TaskClose:
        api.close(existing, options, done);
        break;
    }
    QVERIFY(!log.delivered(QStringLiteral("call")));
    QTRY_VERIFY(log.delivered(QStringLiteral("call")));

    const CallResult result = log.result(QStringLiteral("call"));
    QVERIFY(!result.ok);
    const QString message = errMsgOf(result.res);
    if (errMsg.endsWith(QLatin1Char(' ')))
        QVERIFY2(message.startsWith(errMsg) && message.size() > errMsg.size(), qPrintable(message));
    else
        QCOMPARE(message, errMsg);
    QVERIFY2(result.res.contains(QStringLiteral("errCode")), qPrintable(message));
    QCOMPARE(result.res.value(QStringLiteral("errCode")).toInt(), errCode);
    if (setup == Setup::OpenTarget) // a failed call changes nothing
        QCOMPARE(existing->readyState(), SocketTask::Open);

    if (!api.liveTasks().isEmpty())
        api.closeSocket({});
    QTRY_VERIFY(api.isIdle());
}

void TestSocketApi::failedConnectReturnsSilentClosedTask_data()
{
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<int>("errCode");

    const QString valid = m_server->url().toString();
    QTest::newRow("parameter: Referer header")
            << QVariantMap {{QStringLiteral("url"), valid},
                            {QStringLiteral("header"),
                             QVariantMap {{QStringLiteral("Referer"), QStringLiteral("x")}}}}
            << 4;
    QTest::newRow("url: ws://")
            << QVariantMap {{QStringLiteral("url"),
                             QStringLiteral("ws://localhost:%1/").arg(m_server->port())}}
            << 2;
    // Would reach our server if the task were opened anyway: it resolves to loopback.
    QTest::newRow("security: 127.0.0.1 not allowed")
            << QVariantMap {{QStringLiteral("url"),
                             m_server->url(QStringLiteral("127.0.0.1")).toString()}}
            << 7;
}

void TestSocketApi::failedConnectReturnsSilentClosedTask()
{
    QFETCH(QVariantMap, options);
    QFETCH(int, errCode);

    auto settings = secureSettings();
    settings->setMaxTasks(1);
    SocketApi api(settings.get());
    EventLog events;
    events.listenGlobally(api);
    const int connectionsBefore = m_server->connectionCount();

    SocketTask::ReadyState stateWhenFailed = SocketTask::Connecting;
    bool failed = false;
    SocketTask *doomed = nullptr;
    doomed = api.connectSocket(options, [&](const CallResult &result) {
        failed = true;
        stateWhenFailed = doomed->readyState();
        QCOMPARE(result.ok, false);
        QCOMPARE(result.res.value(QStringLiteral("errCode")).toInt(), errCode);
    });
    QVERIFY(doomed);
    QCOMPARE(doomed->readyState(), SocketTask::Connecting);
    QVERIFY(!api.liveTasks().contains(doomed));
    QVERIFY(api.currentTask() != doomed);
    events.listenTo(api, doomed, QStringLiteral("doomed"));

    // maxTasks is 1: this connect succeeds only if the failed task is not counted as live, and
    // it becomes the target only if the failed one never was.
    ResultLog log;
    SocketTask *good
            = api.connectSocket(urlOption(m_server->url()), log.handler(QStringLiteral("good")));
    QCOMPARE(api.currentTask(), good);
    events.listenTo(api, good, QStringLiteral("good"));

    QTRY_VERIFY(failed);
    QCOMPARE(stateWhenFailed, SocketTask::Closed);
    QCOMPARE(api.currentTask(), good);
    QTRY_COMPARE(good->readyState(), SocketTask::Open);
    QVERIFY(log.result(QStringLiteral("good")).ok);
    api.sendSocketMessage({{QStringLiteral("data"), QStringLiteral("ping")}});
    QTRY_COMPARE(events.linesOf(QStringLiteral("good")),
                 (QStringList {QStringLiteral("open"), QStringLiteral("text:ping")}));
    api.closeSocket({});
    QTRY_VERIFY(api.isIdle());

    QCOMPARE(events.linesOf(QStringLiteral("doomed")), QStringList());
    QCOMPARE(events.linesOf(QStringLiteral("global")),
             (QStringList {QStringLiteral("open"), QStringLiteral("text:ping"),
                           QStringLiteral("close:1000:")}));
    QCOMPARE(doomed->readyState(), SocketTask::Closed);
    QCOMPARE(m_server->connectionCount(), connectionsBefore + 1); // only the good one
}

void TestSocketApi::globalListenersAndSendFollowTheTarget()
{
    auto settings = secureSettings();
    SocketApi api(settings.get());
    EventLog events;
    events.listenGlobally(api);

    SocketTask *t1 = api.connectSocket(urlOption(m_server->url()));
    SocketTask *t2 = api.connectSocket(urlOption(m_server->url()));
    events.listenTo(api, t1, QStringLiteral("t1"));
    events.listenTo(api, t2, QStringLiteral("t2"));
    QCOMPARE(api.currentTask(), t1);
    QTRY_COMPARE(t1->readyState(), SocketTask::Open);
    QTRY_COMPARE(t2->readyState(), SocketTask::Open);

    api.send(t2, {{QStringLiteral("data"), QStringLiteral("to-t2")}});
    api.sendSocketMessage({{QStringLiteral("data"), QStringLiteral("via-global")}});
    QTRY_COMPARE(events.linesOf(QStringLiteral("t2")),
                 (QStringList {QStringLiteral("open"), QStringLiteral("text:to-t2")}));
    QTRY_COMPARE(events.linesOf(QStringLiteral("t1")),
                 (QStringList {QStringLiteral("open"), QStringLiteral("text:via-global")}));
    // The global listener ran right after t1's own ones, never for t2.
    QCOMPARE(events.linesOf(QStringLiteral("global")),
             (QStringList {QStringLiteral("open"), QStringLiteral("text:via-global")}));
    QCOMPARE(events.lines.indexOf(QStringLiteral("global:open")),
             events.lines.indexOf(QStringLiteral("t1:open")) + 1);

    // Closing the target: global onClose fires; the closed target stays the target (sending
    // fails) although t2 is still open, until the next connectSocket.
    ResultLog log;
    api.close(t1,
              {{QStringLiteral("code"), 4001},
               {QStringLiteral("reason"), QStringLiteral("t1 done")}});
    QTRY_COMPARE(t1->readyState(), SocketTask::Closed);
    QTRY_COMPARE(events.linesOf(QStringLiteral("global")).size(), 3);
    QCOMPARE(events.linesOf(QStringLiteral("global")).last(), QStringLiteral("close:4001:t1 done"));
    QCOMPARE(api.currentTask(), t1);
    api.sendSocketMessage({{QStringLiteral("data"), QStringLiteral("lost")}},
                          log.handler(QStringLiteral("send to closed target")));
    QTRY_VERIFY(log.delivered(QStringLiteral("send to closed target")));
    QCOMPARE(log.errMsg(QStringLiteral("send to closed target")),
             QStringLiteral("sendSocketMessage:fail SocketTask.readyState is not OPEN (CLOSED)"));

    SocketTask *t3 = api.connectSocket(urlOption(m_server->url()));
    events.listenTo(api, t3, QStringLiteral("t3"));
    QCOMPARE(api.currentTask(), t3);
    QTRY_COMPARE(t3->readyState(), SocketTask::Open);

    // A later setGlobalListener replaces the earlier one.
    QStringList replaced;
    api.setGlobalListener(SocketApi::Event::Message, [&](const QVariantMap &res) {
        replaced << res.value(QStringLiteral("data")).toString();
    });
    api.sendSocketMessage({{QStringLiteral("data"), QStringLiteral("to-t3")}});
    api.send(t2, {{QStringLiteral("data"), QStringLiteral("t2-again")}});
    QTRY_COMPARE(events.linesOf(QStringLiteral("t3")),
                 (QStringList {QStringLiteral("open"), QStringLiteral("text:to-t3")}));
    QTRY_COMPARE(events.linesOf(QStringLiteral("t2")).size(), 3);
    QCOMPARE(replaced, QStringList {QStringLiteral("to-t3")});

    // Closing t2 (not the target) reaches no global listener.
    api.close(t2, {});
    QTRY_COMPARE(t2->readyState(), SocketTask::Closed);
    QTRY_COMPARE(events.linesOf(QStringLiteral("t2")).last(), QStringLiteral("close:1000:"));
    api.closeSocket({});
    QTRY_VERIFY(api.isIdle());
    QCOMPARE(events.linesOf(QStringLiteral("global")),
             (QStringList {QStringLiteral("open"), QStringLiteral("text:via-global"),
                           QStringLiteral("close:4001:t1 done"), QStringLiteral("open"),
                           QStringLiteral("close:1000:")}));
}

void TestSocketApi::taskListenersAddUpAndRunBeforeGlobal()
{
    auto settings = secureSettings();
    SocketApi api(settings.get());
    EventLog events;
    // The global listeners first, so that running in registration order would be wrong.
    events.listenGlobally(api);
    SocketTask *task = api.connectSocket(urlOption(m_server->url()));
    events.listenTo(api, task, QStringLiteral("a"));
    events.listenTo(api, task, QStringLiteral("b"));
    events.listenTo(api, task, QStringLiteral("c"));

    QTRY_COMPARE(task->readyState(), SocketTask::Open);
    api.send(task, {{QStringLiteral("data"), QStringLiteral("cmd:close:4100:bye")}});
    QTRY_VERIFY(api.isIdle());

    QStringList expected;
    for (const QString &event : {QStringLiteral("open"), QStringLiteral("close:4100:bye")}) {
        for (const QString &who : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                   QStringLiteral("global")})
            expected << who + QLatin1Char(':') + event;
    }
    QCOMPARE(events.lines, expected);
}

void TestSocketApi::maxTasksLimitsLiveConnections()
{
    auto settings = secureSettings();
    settings->setMaxTasks(2);
    SocketApi api(settings.get());
    ResultLog log;
    const int connectionsBefore = m_server->connectionCount();

    // In one tick: Connecting tasks count as live.
    SocketTask *t1
            = api.connectSocket(urlOption(m_server->url()), log.handler(QStringLiteral("t1")));
    SocketTask *t2
            = api.connectSocket(urlOption(m_server->url()), log.handler(QStringLiteral("t2")));
    SocketTask *t3
            = api.connectSocket(urlOption(m_server->url()), log.handler(QStringLiteral("t3")));
    QVERIFY(t3);
    QTRY_COMPARE(log.order.size(), 3);
    QVERIFY(log.result(QStringLiteral("t1")).ok);
    QVERIFY(log.result(QStringLiteral("t2")).ok);
    QVERIFY(!log.result(QStringLiteral("t3")).ok);
    QVERIFY2(log.errMsg(QStringLiteral("t3")).startsWith(QLatin1String("connectSocket:fail ")),
             qPrintable(log.errMsg(QStringLiteral("t3"))));
    QCOMPARE(log.result(QStringLiteral("t3")).res.value(QStringLiteral("errCode")).toInt(), 1);
    QCOMPARE(t3->readyState(), SocketTask::Closed);
    QTRY_COMPARE(t1->readyState(), SocketTask::Open);
    QTRY_COMPARE(t2->readyState(), SocketTask::Open);
    QCOMPARE(api.liveTasks(), (QList<SocketTask *> {t1, t2}));

    // Still full once open.
    api.connectSocket(urlOption(m_server->url()), log.handler(QStringLiteral("t4")));
    QTRY_VERIFY(log.delivered(QStringLiteral("t4")));
    QCOMPARE(log.result(QStringLiteral("t4")).res.value(QStringLiteral("errCode")).toInt(), 1);

    api.close(t1, {});
    QTRY_COMPARE(t1->readyState(), SocketTask::Closed);
    SocketTask *t5
            = api.connectSocket(urlOption(m_server->url()), log.handler(QStringLiteral("t5")));
    QTRY_VERIFY(log.delivered(QStringLiteral("t5")));
    QVERIFY(log.result(QStringLiteral("t5")).ok);
    QTRY_COMPARE(t5->readyState(), SocketTask::Open);
    // The refused attempts opened nothing: the server saw t1, t2 and t5 only.
    QCOMPARE(m_server->connectionCount(), connectionsBefore + 3);

    api.closeSocket({});
    QTRY_VERIFY(api.isIdle());
    QCOMPARE(m_server->connectionCount(), connectionsBefore + 3);
}

void TestSocketApi::singleConnectionMode_data()
{
    QTest::addColumn<QString>("baseVersion");
    QTest::addColumn<bool>("single");

    QTest::newRow("1.9.3: one connection at a time") << QStringLiteral("1.9.3") << true;
    QTest::newRow("1.9.4: several connections") << QStringLiteral("1.9.4") << false;
    QTest::newRow("newest (empty): several connections") << QString() << false;
}

void TestSocketApi::singleConnectionMode()
{
    QFETCH(QString, baseVersion);
    QFETCH(bool, single);

    auto settings = secureSettings();
    settings->setBaseVersion(baseVersion);
    QCOMPARE(settings->singleConnectionMode(), single);
    SocketApi api(settings.get());
    EventLog events;
    QSignalSpy serverClosed(m_server, &SwanTest::SecureEchoServer::clientDisconnected);
    // Scripts of old base libraries listen globally: the replaced connection's close must
    // reach them too.
    QStringList global;
    api.setGlobalListener(SocketApi::Event::Open,
                          [&global](const QVariantMap &) { global << QStringLiteral("open"); });
    api.setGlobalListener(SocketApi::Event::Close, [&global](const QVariantMap &res) {
        global << QStringLiteral("close:%1").arg(res.value(QStringLiteral("code")).toInt());
    });

    SocketTask *first = api.connectSocket(urlOption(m_server->url()));
    events.listenTo(api, first, QStringLiteral("first"));
    QTRY_COMPARE(first->readyState(), SocketTask::Open);

    ResultLog log;
    SocketTask *second
            = api.connectSocket(urlOption(m_server->url()), log.handler(QStringLiteral("second")));
    events.listenTo(api, second, QStringLiteral("second"));
    QTRY_COMPARE(second->readyState(), SocketTask::Open);
    QVERIFY(log.result(QStringLiteral("second")).ok);

    if (single) {
        QTRY_COMPARE(events.linesOf(QStringLiteral("first")),
                     (QStringList {QStringLiteral("open"), QStringLiteral("close:1000:")}));
        QCOMPARE(api.currentTask(), second);
        QTRY_COMPARE(serverClosed.size(), 1);
        QCOMPARE(serverClosed.first().at(0).toInt(), 1000);
        QCOMPARE(api.liveTasks(), QList<SocketTask *> {second});
        QCOMPARE(global.count(QStringLiteral("close:1000")), 1);
        QCOMPARE(global.count(QStringLiteral("open")), 2);
    } else {
        // A round trip on the second proves the first had every chance to be closed.
        api.send(second, {{QStringLiteral("data"), QStringLiteral("still there?")}});
        QTRY_COMPARE(events.linesOf(QStringLiteral("second")).size(), 2);
        QCOMPARE(first->readyState(), SocketTask::Open);
        QCOMPARE(events.linesOf(QStringLiteral("first")), QStringList {QStringLiteral("open")});
        QCOMPARE(api.currentTask(), first);
        QCOMPARE(serverClosed.size(), 0);
        QCOMPARE(api.liveTasks(), (QList<SocketTask *> {first, second}));
        QCOMPARE(global, QStringList {QStringLiteral("open")}); // only the target's
    }
    api.closeSocket({});
    QTRY_VERIFY(api.isIdle());
}

void TestSocketApi::closeSocketClosesEveryLiveTask_data()
{
    QTest::addColumn<QVariant>("code");
    QTest::addColumn<int>("expectedCode");
    QTest::addColumn<QString>("reason");

    QTest::newRow("default code") << QVariant() << 1000 << QString();
    QTest::newRow("number and reason") << QVariant(4001) << 4001 << QStringLiteral("bye all");
    QTest::newRow("numeric string")
            << QVariant(QStringLiteral("3007")) << 3007 << QStringLiteral("über");
}

void TestSocketApi::closeSocketClosesEveryLiveTask()
{
    QFETCH(QVariant, code);
    QFETCH(int, expectedCode);
    QFETCH(QString, reason);

    auto settings = secureSettings();
    SocketApi api(settings.get());
    EventLog events;
    QList<SocketTask *> tasks;
    for (int i = 0; i < 3; ++i) {
        tasks << api.connectSocket(urlOption(m_server->url()));
        events.listenTo(api, tasks.last(), QStringLiteral("t%1").arg(i));
    }
    for (SocketTask *task : std::as_const(tasks))
        QTRY_COMPARE(task->readyState(), SocketTask::Open);
    QTRY_COMPARE(m_server->openConnections().size(), 3);

    QSignalSpy serverClosed(m_server, &SwanTest::SecureEchoServer::clientDisconnected);
    QVariantMap options;
    if (code.isValid())
        options.insert(QStringLiteral("code"), code);
    if (!reason.isEmpty())
        options.insert(QStringLiteral("reason"), reason);
    ResultLog log;
    api.closeSocket(options, log.handler(QStringLiteral("close all")));
    QTRY_VERIFY(api.isIdle());
    QTRY_COMPARE(serverClosed.size(), 3);

    QCOMPARE(log.order, QStringList {QStringLiteral("close all")});
    QCOMPARE(log.errMsg(QStringLiteral("close all")), QStringLiteral("closeSocket:ok"));
    const QString closeLine = QStringLiteral("close:%1:%2").arg(expectedCode).arg(reason);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(events.linesOf(QStringLiteral("t%1").arg(i)),
                 (QStringList {QStringLiteral("open"), closeLine}));
    }
    for (const QList<QVariant> &closed : std::as_const(serverClosed)) {
        QCOMPARE(closed.at(0).toInt(), expectedCode);
        QCOMPARE(closed.at(1).toString(), reason);
    }

    // Nothing live any more: state class.
    api.closeSocket(options, log.handler(QStringLiteral("again")));
    QTRY_VERIFY(log.delivered(QStringLiteral("again")));
    QVERIFY(log.errMsg(QStringLiteral("again")).startsWith(QLatin1String("closeSocket:fail ")));
    QCOMPARE(log.result(QStringLiteral("again")).res.value(QStringLiteral("errCode")).toInt(),
             1001);
    QCOMPARE(log.order.size(), 2);
}

void TestSocketApi::requestTheServerSees_data()
{
    QTest::addColumn<QString>("url"); // %1 is the port
    QTest::addColumn<QVariantMap>("header");
    QTest::addColumn<QStringList>("protocols");
    QTest::addColumn<QString>("appKey");
    QTest::addColumn<QByteArray>("requestLine");
    QTest::addColumn<QString>("negotiated");

    QTest::newRow("empty path with query")
            << QStringLiteral("wss://localhost:%1?x=1") << QVariantMap() << QStringList()
            << QStringLiteral("4fecoAqgCIUtzIyA4FAPgoyrc4oUc25c")
            << QByteArray("GET /?x=1 HTTP/1.1") << QString();
    QTest::newRow("path and custom header")
            << QStringLiteral("wss://localhost:%1/chat/room?id=7")
            << QVariantMap {{QStringLiteral("X-Trace-Id"), QStringLiteral("abc-123")}}
            << QStringList() << QStringLiteral("myApp")
            << QByteArray("GET /chat/room?id=7 HTTP/1.1") << QString();
    QTest::newRow("subprotocols offered, second chosen")
            << QStringLiteral("wss://localhost:%1/") << QVariantMap()
            << QStringList {QStringLiteral("chat.v1"), QStringLiteral("chat.v2")}
            << QStringLiteral("key2") << QByteArray("GET / HTTP/1.1") << QStringLiteral("chat.v2");
    QTest::newRow("subprotocol offered, none chosen")
            << QStringLiteral("wss://localhost:%1/") << QVariantMap()
            << QStringList {QStringLiteral("other")} << QStringLiteral("key3")
            << QByteArray("GET / HTTP/1.1") << QString();
}

void TestSocketApi::requestTheServerSees()
{
    QFETCH(QString, url);
    QFETCH(QVariantMap, header);
    QFETCH(QStringList, protocols);
    QFETCH(QString, appKey);
    QFETCH(QByteArray, requestLine);
    QFETCH(QString, negotiated);

    SwanTest::SecureEchoServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setSupportedSubprotocols({QStringLiteral("chat.v2")});
    auto settings = secureSettings();
    settings->setAppKey(appKey);
    SocketApi api(settings.get());
    EventLog events;

    QVariantMap options {{QStringLiteral("url"), url.arg(server.port())}};
    if (!header.isEmpty())
        options.insert(QStringLiteral("header"), header);
    if (!protocols.isEmpty())
        options.insert(QStringLiteral("protocols"), protocols);
    ResultLog log;
    SocketTask *task = api.connectSocket(options, log.handler(QStringLiteral("connect")));
    events.listenTo(api, task, QStringLiteral("task"));
    QTRY_COMPARE(events.linesOf(QStringLiteral("task")), QStringList {QStringLiteral("open")});
    QCOMPARE(log.errMsg(QStringLiteral("connect")), QStringLiteral("connectSocket:ok"));
    QTRY_COMPARE(server.connectionCount(), 1);

    QCOMPARE(server.lastRequestLine(), requestLine);
    QCOMPARE(server.lastRequestHeader("Referer"),
             "https://smartapp.baidu.com/" + appKey.toUtf8() + "/devtools/page-frame.html");
    int referers = 0;
    for (const auto &[name, value] : server.lastRequestHeaders())
        referers += name.compare("referer", Qt::CaseInsensitive) == 0 ? 1 : 0;
    QCOMPARE(referers, 1);
    for (auto it = header.cbegin(); it != header.cend(); ++it)
        QCOMPARE(server.lastRequestHeader(it.key().toUtf8()), it.value().toString().toUtf8());

    QStringList offered;
    for (const QByteArray &entry : server.lastRequestHeader("Sec-WebSocket-Protocol").split(',')) {
        if (!entry.trimmed().isEmpty())
            offered << QString::fromLatin1(entry.trimmed());
    }
    QCOMPARE(offered, protocols);
    const QVariantMap openRes = events.resOf(QStringLiteral("task"), QStringLiteral("open"));
    QVERIFY(openRes.contains(QStringLiteral("protocol")));
    QCOMPARE(openRes.value(QStringLiteral("protocol")).toString(), negotiated);
    QCOMPARE(task->protocol(), negotiated);

    api.closeSocket({});
    QTRY_VERIFY(api.isIdle());
}

void TestSocketApi::connectToKeepsUrlHostForTls_data()
{
    QTest::addColumn<TestCertificates::Kind>("certificate");
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<bool>("opens");

    QTest::newRow("CA trusted: verified as example.baidu.com")
            << TestCertificates::Kind::Valid << true << true;
    QTest::newRow("CA not trusted") << TestCertificates::Kind::Valid << false << false;
    QTest::newRow("certificate for another host")
            << TestCertificates::Kind::WrongHost << true << false;
}

void TestSocketApi::connectToKeepsUrlHostForTls()
{
    QFETCH(TestCertificates::Kind, certificate);
    QFETCH(bool, trustCa);
    QFETCH(bool, opens);

    SwanTest::SecureEchoServer server(certificate);
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    SimulatorSettings settings;
    SocketApi api(&settings);
    // Settings changed after the façade exists still count, as in the inspector's settings pane.
    if (trustCa)
        settings.addCaCertificates({TestCertificates::instance().caCertificate()});
    settings.setAllowedDomains({QStringLiteral("example.baidu.com")});
    QVERIFY(settings.addConnectTo(
            QStringLiteral("example.baidu.com:443:127.0.0.1:%1").arg(server.port())));
    EventLog events;
    ResultLog log;

    SocketTask *task = api.connectSocket(
            {{QStringLiteral("url"), QStringLiteral("wss://example.baidu.com/")}},
            log.handler(QStringLiteral("connect")));
    events.listenTo(api, task, QStringLiteral("task"));
    QTRY_VERIFY(log.delivered(QStringLiteral("connect")));
    QCOMPARE(log.errMsg(QStringLiteral("connect")), QStringLiteral("connectSocket:ok"));

    if (opens) {
        QTRY_COMPARE(events.linesOf(QStringLiteral("task")), QStringList {QStringLiteral("open")});
        QCOMPARE(server.connectionCount(), 1);
        const QByteArray host = server.lastRequestHeader("Host");
        QVERIFY2(host == "example.baidu.com" || host == "example.baidu.com:443", host.constData());
        api.send(task, {{QStringLiteral("data"), QStringLiteral("through the relay")}});
        QTRY_COMPARE(events.linesOf(QStringLiteral("task")).size(), 2);
        QCOMPARE(events.linesOf(QStringLiteral("task")).last(),
                 QStringLiteral("text:through the relay"));
        api.closeSocket({});
        QTRY_VERIFY(api.isIdle());
    } else {
        QTRY_VERIFY(api.isIdle());
        QCOMPARE(events.linesOf(QStringLiteral("task")),
                 (QStringList {QStringLiteral("error"), QStringLiteral("close:1006:")}));
        const QString errMsg
                = errMsgOf(events.resOf(QStringLiteral("task"), QStringLiteral("error")));
        QVERIFY2(errMsg.startsWith(QLatin1String("TLS handshake failed")), qPrintable(errMsg));
        QCOMPARE(server.connectionCount(), 0);
    }
}

void TestSocketApi::developmentSwitch_data()
{
    QTest::addColumn<bool>("development");
    QTest::addColumn<ServerKind>("serverKind");
    QTest::addColumn<bool>("allowLocalhost");
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<int>("connectErrCode"); // 0: connectSocket:ok
    QTest::addColumn<bool>("opens");

    QTest::newRow("off: ws:// rejected")
            << false << ServerKind::PlainWs << true << true << 2 << false;
    QTest::newRow("off by default: unknown host rejected")
            << false << ServerKind::ValidWss << false << true << 7 << false;
    QTest::newRow("off: untrusted certificate fails TLS")
            << false << ServerKind::UntrustedWss << true << true << 0 << false;
    QTest::newRow("on: ws:// allowed")
            << true << ServerKind::PlainWs << false << false << 0 << true;
    QTest::newRow("on: allow-list skipped")
            << true << ServerKind::ValidWss << false << true << 0 << true;
    QTest::newRow("on: untrusted certificate accepted")
            << true << ServerKind::UntrustedWss << false << false << 0 << true;
}

void TestSocketApi::developmentSwitch()
{
    QFETCH(bool, development);
    QFETCH(ServerKind, serverKind);
    QFETCH(bool, allowLocalhost);
    QFETCH(bool, trustCa);
    QFETCH(int, connectErrCode);
    QFETCH(bool, opens);

    QWebSocketServer plainServer(QStringLiteral("tst_socketapi"), QWebSocketServer::NonSecureMode);
    std::unique_ptr<SwanTest::SecureEchoServer> secureServer;
    QUrl url;
    if (serverKind == ServerKind::PlainWs) {
        QVERIFY(plainServer.listen(QHostAddress::LocalHost));
        url = QUrl(QStringLiteral("ws://localhost:%1/").arg(plainServer.serverPort()));
    } else {
        secureServer = std::make_unique<SwanTest::SecureEchoServer>(
                serverKind == ServerKind::ValidWss ? TestCertificates::Kind::Valid
                                                   : TestCertificates::Kind::Untrusted);
        QVERIFY2(secureServer->isListening(), qPrintable(secureServer->errorString()));
        url = secureServer->url();
    }
    QSignalSpy plainConnections(&plainServer, &QWebSocketServer::newConnection);
    const auto connections = [&] {
        return secureServer ? secureServer->connectionCount() : int(plainConnections.size());
    };

    // Start from the defaults and change only what the row says.
    SimulatorSettings settings;
    QCOMPARE(settings.developmentMode(), false);
    QCOMPARE(settings.allowedDomains(), QStringList());
    if (allowLocalhost)
        settings.setAllowedDomains({QStringLiteral("localhost")});
    if (trustCa)
        settings.addCaCertificates({TestCertificates::instance().caCertificate()});
    if (development) {
        // Said loudly, and once: turning it off and on again says nothing more.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("DEVELOPMENT SWITCH ON")));
        settings.setDevelopmentMode(true);
        QTest::failOnWarning(QRegularExpression(QStringLiteral("DEVELOPMENT SWITCH")));
        settings.setDevelopmentMode(false);
        settings.setDevelopmentMode(true);
    }
    SocketApi api(&settings);
    EventLog events;
    ResultLog log;

    SocketTask *task = api.connectSocket(urlOption(url), log.handler(QStringLiteral("connect")));
    events.listenTo(api, task, QStringLiteral("task"));
    QTRY_VERIFY(log.delivered(QStringLiteral("connect")));
    const CallResult connect = log.result(QStringLiteral("connect"));
    if (connectErrCode) {
        QVERIFY(!connect.ok);
        QCOMPARE(connect.res.value(QStringLiteral("errCode")).toInt(), connectErrCode);
    } else {
        QVERIFY2(connect.ok, qPrintable(errMsgOf(connect.res)));
    }

    if (opens) {
        QTRY_COMPARE(events.linesOf(QStringLiteral("task")), QStringList {QStringLiteral("open")});
        QTRY_COMPARE(connections(), 1);
        api.closeSocket({});
        QTRY_VERIFY(api.isIdle());
        QCOMPARE(events.linesOf(QStringLiteral("task")).last(), QStringLiteral("close:1000:"));
    } else {
        QTRY_VERIFY(api.isIdle());
        if (connectErrCode) {
            QCOMPARE(events.linesOf(QStringLiteral("task")), QStringList());
        } else {
            QCOMPARE(events.linesOf(QStringLiteral("task")),
                     (QStringList {QStringLiteral("error"), QStringLiteral("close:1006:")}));
            const QString errMsg
                    = errMsgOf(events.resOf(QStringLiteral("task"), QStringLiteral("error")));
            QVERIFY2(errMsg.startsWith(QLatin1String("TLS handshake failed")), qPrintable(errMsg));
        }
        QCOMPARE(connections(), 0);
    }
}

void TestSocketApi::openMessageAndCloseResults_data()
{
    QTest::addColumn<SwanTest::PeerServer::Kind>("peer");

    QTest::newRow("python3-websockets") << SwanTest::PeerServer::Kind::Python;
    QTest::newRow("node-ws") << SwanTest::PeerServer::Kind::Node;
}

void TestSocketApi::openMessageAndCloseResults()
{
    QFETCH(SwanTest::PeerServer::Kind, peer);

    SwanTest::PeerServer server;
    QVERIFY2(server.start(peer,
                          SwanTest::PeerServer::tlsArguments()
                                  + QStringList {QStringLiteral("--header"),
                                                 QStringLiteral("X-Custom-Header: hello"),
                                                 QStringLiteral("--subprotocol"),
                                                 QStringLiteral("chat")}),
             qPrintable(server.errorString()));
    auto settings = secureSettings();
    SocketApi api(settings.get());
    EventLog events;

    SocketTask *task = api.connectSocket(
            {{QStringLiteral("url"), server.url().toString()},
             {QStringLiteral("protocols"), QStringList {QStringLiteral("chat")}}});
    events.listenTo(api, task, QStringLiteral("task"));
    QTRY_COMPARE(events.linesOf(QStringLiteral("task")), QStringList {QStringLiteral("open")});

    const QVariantMap open = events.resOf(QStringLiteral("task"), QStringLiteral("open"));
    QCOMPARE(open.value(QStringLiteral("header")).typeId(), QMetaType::QVariantMap);
    const QVariantMap header = open.value(QStringLiteral("header")).toMap();
    QCOMPARE(header.value(QStringLiteral("X-Custom-Header")).toString(), QStringLiteral("hello"));
    bool upgrade = false;
    for (auto it = header.cbegin(); it != header.cend(); ++it) {
        if (it.key().compare(QLatin1String("Upgrade"), Qt::CaseInsensitive) == 0)
            upgrade = it.value().toString().compare(QLatin1String("websocket"), Qt::CaseInsensitive)
                    == 0;
    }
    QVERIFY2(upgrade, qPrintable(QStringList(header.keys()).join(QLatin1Char(','))));
    QCOMPARE(open.value(QStringLiteral("protocol")).toString(), QStringLiteral("chat"));
    const QVariantMap profile = open.value(QStringLiteral("profile")).toMap();
    qint64 previous = 0;
    for (const QString &key : {QStringLiteral("connectStart"), QStringLiteral("connectEnd"),
                               QStringLiteral("tlsDone"), QStringLiteral("handshakeDone")}) {
        const QVariant value = profile.value(key);
        QVERIFY2(value.canConvert<qint64>() && value.typeId() != QMetaType::QString,
                 qPrintable(key));
        QVERIFY2(value.toLongLong() >= previous && value.toLongLong() > 0, qPrintable(key));
        previous = value.toLongLong();
    }

    api.send(task, {{QStringLiteral("data"), QStringLiteral("héllo")}});
    api.send(task, {{QStringLiteral("data"), QStringLiteral("cmd:send-binary:300")}});
    // A QByteArray is an ArrayBuffer: it goes out as a binary frame and comes back as one.
    api.sendSocketMessage({{QStringLiteral("data"), QByteArray("\x00\x01\xff", 3)}});
    api.send(task, {{QStringLiteral("data"), QStringLiteral("cmd:close:4321:done here")}});
    QTRY_VERIFY(api.isIdle());
    QCOMPARE(events.linesOf(QStringLiteral("task")),
             (QStringList {QStringLiteral("open"), QStringLiteral("text:héllo"),
                           QStringLiteral("binary:300"), QStringLiteral("binary:3"),
                           QStringLiteral("close:4321:done here")}));

    const QVariantMap text = events.results.at(1);
    QCOMPARE(text.value(QStringLiteral("data")).typeId(), QMetaType::QString);
    QCOMPARE(text.value(QStringLiteral("dataType")).toString(), QStringLiteral("string"));
    const QVariantMap binary = events.results.at(2);
    QCOMPARE(binary.value(QStringLiteral("data")).typeId(), QMetaType::QByteArray);
    QCOMPARE(binary.value(QStringLiteral("data")).toByteArray(), SwanTest::countingBytes(300));
    QCOMPARE(binary.value(QStringLiteral("dataType")).toString(), QStringLiteral("arrayBuffer"));
    QCOMPARE(events.results.at(3).value(QStringLiteral("data")).toByteArray(),
             QByteArray("\x00\x01\xff", 3));
    const QVariantMap close = events.results.at(4);
    QCOMPARE(close.value(QStringLiteral("code")).toInt(), 4321);
    QCOMPARE(close.value(QStringLiteral("reason")).toString(), QStringLiteral("done here"));
}

void TestSocketApi::errorResultPerPlatform_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<bool>("hasErrCode");

    QTest::newRow("ios: no errCode") << QStringLiteral("ios") << false;
    QTest::newRow("android: errCode 0") << QStringLiteral("android") << true;
}

void TestSocketApi::errorResultPerPlatform()
{
    QFETCH(QString, platform);
    QFETCH(bool, hasErrCode);

    auto settings = secureSettings();
    settings->setPlatformName(platform);
    SocketApi api(settings.get());
    EventLog events;
    events.listenGlobally(api);

    SocketTask *task = api.connectSocket(
            {{QStringLiteral("url"), QStringLiteral("wss://localhost:%1/").arg(closedPort())}});
    events.listenTo(api, task, QStringLiteral("task"));
    QTRY_VERIFY(api.isIdle());
    QCOMPARE(events.linesOf(QStringLiteral("task")),
             (QStringList {QStringLiteral("error"), QStringLiteral("close:1006:")}));
    QCOMPARE(events.linesOf(QStringLiteral("global")),
             (QStringList {QStringLiteral("error"), QStringLiteral("close:1006:")}));
    for (const QString &who : {QStringLiteral("task"), QStringLiteral("global")}) {
        const QVariantMap error = events.resOf(who, QStringLiteral("error"));
        QVERIFY(!errMsgOf(error).isEmpty());
        QCOMPARE(error.contains(QStringLiteral("errCode")), hasErrCode);
        if (hasErrCode) {
            QCOMPARE(error.value(QStringLiteral("errCode")).typeId(), QMetaType::Int);
            QCOMPARE(error.value(QStringLiteral("errCode")).toInt(), 0);
        }
    }
}

void TestSocketApi::messageListenersOfBothKinds_data()
{
    // Kinds in the order they are added to the task; global ones are set in turn (the last one
    // set is the one that runs).
    QTest::addColumn<QString>("taskKinds");
    QTest::addColumn<QString>("globalKinds");
    QTest::addColumn<QVariant>("data");
    QTest::newRow("text, typed between maps") << "map typed map"
                                              << "typed" << QVariant(QStringLiteral("hello ✓"));
    QTest::newRow("binary, a map between typed")
            << "typed map typed"
            << "map" << QVariant(QByteArray("\x00\x01\xff", 3));
    QTest::newRow("typed global replaced by a map one")
            << "typed"
            << "typed map" << QVariant(QStringLiteral("x"));
    QTest::newRow("map global replaced by a typed one")
            << "map"
            << "map typed" << QVariant(QByteArray(70000, 'z'));
    QTest::newRow("empty text, typed only") << "typed typed"
                                            << "typed" << QVariant(QString(""));
}

void TestSocketApi::messageListenersOfBothKinds()
{
    QFETCH(QString, taskKinds);
    QFETCH(QString, globalKinds);
    QFETCH(QVariant, data);

    const auto describe = [](const QString &dataType, const QVariant &value) {
        const QString payload = value.typeId() == QMetaType::QByteArray
                ? QString::fromLatin1(
                        QCryptographicHash::hash(value.toByteArray(), QCryptographicHash::Sha1)
                                .toHex())
                : QLatin1Char('"') + value.toString() + QLatin1Char('"');
        return dataType + QLatin1Char(':') + payload;
    };
    QStringList seen;
    const auto mapListener = [&](const QString &who) -> EventHandler {
        return [&seen, &describe, who](const QVariantMap &res) {
            seen << who + QStringLiteral(":map:")
                            + describe(res.value(QStringLiteral("dataType")).toString(),
                                       res.value(QStringLiteral("data")));
        };
    };
    const auto typedListener = [&](const QString &who) -> MessageHandler {
        return [&seen, &describe, who](const ReceivedMessage &message) {
            seen << who + QStringLiteral(":typed:")
                            + describe(message.dataType(),
                                       message.binary ? QVariant(message.bytes)
                                                      : QVariant(message.text));
        };
    };

    auto settings = secureSettings();
    SocketApi api(settings.get());
    SocketTask *task = api.connectSocket(urlOption(m_server->url()));
    const QString sent
            = describe(data.typeId() == QMetaType::QByteArray ? QStringLiteral("arrayBuffer")
                                                              : QStringLiteral("string"),
                       data);
    QStringList expected;
    int number = 0;
    for (const QString &kind : taskKinds.split(QLatin1Char(' '))) {
        const QString who = QStringLiteral("task%1").arg(++number);
        if (kind == QLatin1String("map"))
            api.addTaskListener(task, SocketApi::Event::Message, mapListener(who));
        else
            api.addTaskMessageListener(task, typedListener(who));
        expected << who + QLatin1Char(':') + kind + QLatin1Char(':') + sent;
    }
    const QStringList globals = globalKinds.split(QLatin1Char(' '));
    for (const QString &kind : globals) {
        if (kind == QLatin1String("map"))
            api.setGlobalListener(SocketApi::Event::Message, mapListener(QStringLiteral("global")));
        else
            api.setGlobalMessageListener(typedListener(QStringLiteral("global")));
    }
    expected << QStringLiteral("global:") + globals.last() + QLatin1Char(':') + sent;

    QTRY_COMPARE(task->readyState(), SocketTask::Open);
    QVERIFY(api.send(task, {{QStringLiteral("data"), data}}));
    QTRY_COMPARE(seen.size(), expected.size());
    QCOMPARE(seen, expected);
    api.closeSocket({});
    QTRY_VERIFY(api.isIdle());
}

void TestSocketApi::becomesIdleAfterLastResult()
{
    ResultLog log;
    QList<QPair<bool, QStringList>> idleSeen; // isIdle() and the results delivered, per becameIdle
    auto settings = secureSettings();
    SocketApi api(settings.get());
    QVERIFY(api.isIdle());
    connect(&api, &SocketApi::becameIdle, this, [&] {
        idleSeen.append({api.isIdle(), log.order});
    });

    // No task is live, but a result is still owed.
    api.connectSocket({{QStringLiteral("url"), QStringLiteral("wss://example.org/")}},
                      log.handler(QStringLiteral("refused connect")));
    QVERIFY(!api.isIdle());
    QCOMPARE(api.pendingResults(), 1);
    QTRY_COMPARE(idleSeen.size(), 1);
    QCOMPARE(idleSeen.at(0), qMakePair(true, QStringList {QStringLiteral("refused connect")}));
    QCOMPARE(api.pendingResults(), 0);

    // The last task closes while a result (of a call made in its onClose) is still owed.
    SocketTask *task
            = api.connectSocket(urlOption(m_server->url()), log.handler(QStringLiteral("connect")));
    QVERIFY(!api.isIdle());
    api.addTaskListener(task, SocketApi::Event::Close, [&](const QVariantMap &) {
        api.sendSocketMessage({{QStringLiteral("data"), QStringLiteral("late")}},
                              log.handler(QStringLiteral("send from onClose")));
    });
    QTRY_COMPARE(task->readyState(), SocketTask::Open);
    QVERIFY(log.delivered(QStringLiteral("connect")));
    QVERIFY(!api.isIdle()); // every result delivered, but the task is live
    QCOMPARE(idleSeen.size(), 1);

    api.close(task, {}, log.handler(QStringLiteral("close")));
    QTRY_COMPARE(idleSeen.size(), 2);
    QCOMPARE(idleSeen.at(1).first, true);
    QCOMPARE(idleSeen.at(1).second.size(), 4);
    QCOMPARE(idleSeen.at(1).second.last(), QStringLiteral("send from onClose"));
    QCOMPARE(task->readyState(), SocketTask::Closed);
    QVERIFY(api.liveTasks().isEmpty());
    QCOMPARE(api.pendingResults(), 0);
}

// A caller that has nobody to tell about an outcome (a script's send with only a fail
// callback) says so: that outcome is not posted; the others come as ever, in call order.
void TestSocketApi::deliveryLeavesOutUnwantedOutcomes()
{
    auto settings = secureSettings();
    SocketApi api(settings.get());
    ResultLog log;
    SocketTask *task
            = api.connectSocket(urlOption(m_server->url()), log.handler(QStringLiteral("connect")));
    QTRY_COMPARE(task->readyState(), SocketTask::Open);

    const QVariantMap text {{QStringLiteral("data"), QStringLiteral("x")}};
    const QVariantMap number {{QStringLiteral("data"), 42}};
    QVERIFY(!api.send(task, text, log.handler(QStringLiteral("ok, for failures")),
                      SocketApi::DeliverFailure));
    QVERIFY(!api.send(task, number, log.handler(QStringLiteral("fail, for successes")),
                      SocketApi::DeliverSuccess));
    QCOMPARE(api.pendingResults(), 0);
    QVERIFY(api.send(task, number, log.handler(QStringLiteral("fail, for failures")),
                     SocketApi::DeliverFailure));
    QVERIFY(api.sendSocketMessage(text, log.handler(QStringLiteral("ok, for successes")),
                                  SocketApi::DeliverSuccess));
    QVERIFY(!api.sendText(task, QStringLiteral("y"),
                          log.handler(QStringLiteral("text ok, for failures")),
                          SocketApi::DeliverFailure));
    QVERIFY(api.sendText(task, QStringLiteral("z"),
                         log.handler(QStringLiteral("text ok, for successes")),
                         SocketApi::DeliverSuccess));
    QStringList echoes;
    api.addTaskListener(task, SocketApi::Event::Message, [&](const QVariantMap &res) {
        echoes.append(res.value(QStringLiteral("data")).toString());
    });
    QVERIFY(!api.closeSocket({{QStringLiteral("code"), 999}},
                             log.handler(QStringLiteral("close fail, for nothing")),
                             SocketApi::DeliverNothing));
    QVERIFY(api.close(task, {}, log.handler(QStringLiteral("close")))); // default: every outcome
    QCOMPARE(api.pendingResults(), 4);
    QCOMPARE(log.order, QStringList {QStringLiteral("connect")});

    QTRY_VERIFY(api.isIdle());
    QCOMPARE(log.order,
             (QStringList {QStringLiteral("connect"), QStringLiteral("fail, for failures"),
                           QStringLiteral("ok, for successes"),
                           QStringLiteral("text ok, for successes"), QStringLiteral("close")}));
    QCOMPARE(log.errMsg(QStringLiteral("fail, for failures")),
             QStringLiteral("sendSocketMessage:fail data must be a String or an ArrayBuffer"));
    QCOMPARE(log.errMsg(QStringLiteral("text ok, for successes")),
             QStringLiteral("sendSocketMessage:ok"));
    // Every text sent went out, in call order, whichever way it was sent.
    QCOMPARE(echoes,
             (QStringList {QStringLiteral("x"), QStringLiteral("x"), QStringLiteral("y"),
                           QStringLiteral("z")}));
}

void TestSocketApi::listenerMayDeleteTheApi_data()
{
    // Listeners in the order added ("task:" or "global:", "map" or "typed"), and which of them
    // deletes the façade: no listener may run after it, and nothing of SocketApi may be read.
    // The task is moved out from under the façade, so only SocketApi's own code can reach
    // freed memory (ASan, or a glibc abort).
    QTest::addColumn<int>("event");
    QTest::addColumn<QStringList>("listeners");
    QTest::addColumn<int>("deleter");
    const int message = int(SocketApi::Event::Message);
    const int close = int(SocketApi::Event::Close);
    QTest::newRow("message: the global one, of maps")
            << message << QStringList {"task:map", "global:map"} << 1;
    QTest::newRow("message: the global one, typed")
            << message << QStringList {"task:typed", "global:typed"} << 1;
    QTest::newRow("message: a typed task listener, a map one after")
            << message << QStringList {"task:typed", "task:map", "global:map"} << 0;
    QTest::newRow("message: a task listener of maps, a typed one after")
            << message << QStringList {"task:map", "task:typed", "global:typed"} << 0;
    QTest::newRow("message: a task listener of maps, another after")
            << message << QStringList {"task:map", "task:map", "global:map"} << 0;
    QTest::newRow("close: a task listener, another after")
            << close << QStringList {"task:map", "task:map", "global:map"} << 0;
    QTest::newRow("close: the global one") << close << QStringList {"task:map", "global:map"} << 1;
}

void TestSocketApi::listenerMayDeleteTheApi()
{
    QFETCH(int, event);
    QFETCH(QStringList, listeners);
    QFETCH(int, deleter);

    auto settings = secureSettings();
    auto *api = new SocketApi(settings.get());
    std::unique_ptr<SocketTask> task(api->connectSocket(urlOption(m_server->url())));
    task->setParent(nullptr);
    QTRY_COMPARE(task->readyState(), SocketTask::Open);
    QList<int> ran;
    for (int i = 0; i < listeners.size(); ++i) {
        const auto run = [&ran, &api, i, deleter] {
            ran << i;
            if (i == deleter) {
                delete api;
                api = nullptr;
            }
        };
        const bool global = listeners.at(i).startsWith(QLatin1String("global"));
        if (listeners.at(i).endsWith(QLatin1String("typed"))) {
            MessageHandler handler = [run](const ReceivedMessage &) { run(); };
            if (global)
                api->setGlobalMessageListener(handler);
            else
                api->addTaskMessageListener(task.get(), handler);
        } else {
            EventHandler handler = [run](const QVariantMap &) { run(); };
            if (global)
                api->setGlobalListener(SocketApi::Event(event), handler);
            else
                api->addTaskListener(task.get(), SocketApi::Event(event), handler);
        }
    }
    if (SocketApi::Event(event) == SocketApi::Event::Message)
        task->send(QStringLiteral("hello"));
    else
        task->close(1000);
    QTRY_VERIFY(!api);
    QList<int> expected;
    for (int i = 0; i <= deleter; ++i)
        expected << i;
    QCOMPARE(ran, expected);
    task->close(1000);
    QTRY_COMPARE(task->readyState(), SocketTask::Closed);
}

void TestSocketApi::messageResIsEachListenersOwn_data()
{
    // Which listener of the first task spins an event loop: one of maps, or a typed one with a
    // listener of maps after it (whose res is built only after the nested dispatch).
    QTest::addColumn<bool>("typed");
    QTest::newRow("a listener of maps") << false;
    QTest::newRow("a typed listener, one of maps after it") << true;
}

void TestSocketApi::messageResIsEachListenersOwn()
{
    // A listener that keeps res keeps its message, even when an event loop spun inside a
    // listener dispatches another task's message (a task does not deliver its next message
    // inside its own listener); and SocketApi keeps no payload once the listeners are done.
    QFETCH(bool, typed);
    auto settings = secureSettings();
    SocketApi api(settings.get());
    SocketTask *first = api.connectSocket(urlOption(m_server->url()));
    SocketTask *second = api.connectSocket(urlOption(m_server->url()));
    QTRY_COMPARE(first->readyState(), SocketTask::Open);
    QTRY_COMPARE(second->readyState(), SocketTask::Open);
    std::optional<QVariantMap> firstRes, secondRes;
    api.addTaskListener(second, SocketApi::Event::Message,
                        [&](const QVariantMap &res) { secondRes = res; });
    QString seenAfterNestedLoop;
    const auto spinWhileSecondReceives = [&] {
        api.send(second, {{QStringLiteral("data"), QByteArray(100000, 'b')}});
        QEventLoop loop;
        QTimer check;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (secondRes)
                loop.quit();
        });
        check.start(1);
        loop.exec();
    };
    if (typed) {
        api.addTaskMessageListener(first, [&](const ReceivedMessage &message) {
            spinWhileSecondReceives();
            seenAfterNestedLoop = message.text;
        });
        api.addTaskListener(first, SocketApi::Event::Message,
                            [&](const QVariantMap &res) { firstRes = res; });
    } else {
        api.addTaskListener(first, SocketApi::Event::Message, [&](const QVariantMap &res) {
            firstRes = res;
            spinWhileSecondReceives();
            seenAfterNestedLoop = res.value(QStringLiteral("data")).toString();
        });
    }
    api.send(first, {{QStringLiteral("data"), QStringLiteral("a")}});
    QTRY_COMPARE(seenAfterNestedLoop, QStringLiteral("a"));
    QTRY_VERIFY(firstRes && secondRes);
    QCOMPARE(firstRes->value(QStringLiteral("data")).toString(), QStringLiteral("a"));
    const QByteArray echoed = secondRes->value(QStringLiteral("data")).toByteArray();
    QCOMPARE(echoed, QByteArray(100000, 'b'));
    secondRes.reset();
    QVERIFY2(echoed.isDetached(), "SocketApi still holds the payload");
    api.closeSocket({});
    api.close(first, {});
    api.close(second, {});
    QTRY_VERIFY(api.isIdle());
}

QTEST_GUILESS_MAIN(TestSocketApi)
#include "tst_socketapi.moc"
