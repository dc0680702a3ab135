// SocketTask against servers nobody here wrote: python3-websockets and node-ws, over wss with
// the throw-away CA. They are the judges of interop: response headers, subprotocols, close
// codes both ways, handshake failures.
#include <SwanSocket/sockettask.h>

#include "taskoptions.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace SwanSocket;
using SwanTest::PeerServer;

Q_DECLARE_METATYPE(PeerServer::Kind)

namespace {

struct Outcomes
{
    explicit Outcomes(SocketTask *task)
    {
        QObject::connect(task, &SocketTask::errorOccurred, [this](const QString &m) { error = m; });
        QObject::connect(task, &SocketTask::closed, [this](int c, const QString &r) {
            ++closeCount;
            code = c;
            reason = r;
        });
    }
    QString error;
    int closeCount = 0;
    int code = 0;
    QString reason;
};

QByteArray headerValue(const HandshakeResponse &response, const QByteArray &name)
{
    for (const auto &[key, value] : response.headers) {
        if (key == name)
            return value;
    }
    return {};
}

void addPeerRows()
{
    QTest::addColumn<PeerServer::Kind>("kind");
    QTest::newRow("python3-websockets") << PeerServer::Kind::Python;
    QTest::newRow("node-ws") << PeerServer::Kind::Node;
}

} // namespace

class TestPeers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void responseHeadersAreTheServers_data() { addPeerRows(); }
    void responseHeadersAreTheServers();
    void subprotocolNegotiated_data() { addPeerRows(); }
    void subprotocolNegotiated();
    void unofferedSubprotocolFails_data() { addPeerRows(); }
    void unofferedSubprotocolFails();
    void handshakeStatusFails_data() { addPeerRows(); }
    void handshakeStatusFails();
    void closeCodesBothWays_data() { addPeerRows(); }
    void closeCodesBothWays();
    void largeBinaryEcho_data() { addPeerRows(); }
    void largeBinaryEcho();
};

void TestPeers::initTestCase()
{
    QVERIFY2(SwanTest::TestCertificates::instance().isValid(),
             qPrintable(SwanTest::TestCertificates::instance().errorString()));
    for (auto kind : {PeerServer::Kind::Python, PeerServer::Kind::Node})
        QVERIFY2(PeerServer::available(kind), qPrintable(PeerServer::missingMessage(kind)));
}

void TestPeers::responseHeadersAreTheServers()
{
    QFETCH(PeerServer::Kind, kind);
    PeerServer peer;
    QVERIFY2(peer.start(kind,
                        PeerServer::tlsArguments()
                                + QStringList {QStringLiteral("--header"),
                                               QStringLiteral("X-Custom-Header: hello"),
                                               QStringLiteral("--header"),
                                               QStringLiteral("x-trace-ID: abc 123")}),
             qPrintable(peer.errorString()));
    SocketTask task(peer.url());
    QSignalSpy opened(&task, &SocketTask::opened);
    task.open(optionsFor(peer.url()));
    QVERIFY(opened.wait(10000));
    const HandshakeResponse response = task.handshakeResponse();
    QCOMPARE(response.statusCode, 101);
    // Names exactly as the server spelled them, values as sent.
    QCOMPARE(headerValue(response, "X-Custom-Header"), QByteArray("hello"));
    QCOMPARE(headerValue(response, "x-trace-ID"), QByteArray("abc 123"));
    QVERIFY(!headerValue(response, "Sec-WebSocket-Accept").isEmpty()
            || !headerValue(response, "sec-websocket-accept").isEmpty());
    // The capture left QWebSocket's stream intact: messages still flow.
    QSignalSpy echoed(&task, &SocketTask::textMessageReceived);
    task.send(QStringLiteral("after the headers"));
    QVERIFY(echoed.wait(5000));
    QCOMPARE(echoed.first().first().toString(), QStringLiteral("after the headers"));
}

void TestPeers::subprotocolNegotiated()
{
    QFETCH(PeerServer::Kind, kind);
    PeerServer peer;
    QVERIFY2(peer.start(kind,
                        PeerServer::tlsArguments()
                                + QStringList {QStringLiteral("--subprotocol"),
                                               QStringLiteral("chat.v2")}),
             qPrintable(peer.errorString()));
    SocketTask task(peer.url());
    QSignalSpy opened(&task, &SocketTask::opened);
    task.open(optionsFor(peer.url(), {QStringLiteral("chat.v1"), QStringLiteral("chat.v2")}));
    QVERIFY(opened.wait(10000));
    QCOMPARE(task.protocol(), QStringLiteral("chat.v2"));
    bool offered = false;
    for (const auto &[name, value] : peer.lastRequestHeaders()) {
        if (name.compare(QLatin1String("Sec-WebSocket-Protocol"), Qt::CaseInsensitive) == 0)
            offered = value.contains(QLatin1String("chat.v1"))
                    && value.contains(QLatin1String("chat.v2"));
    }
    QVERIFY(offered);
}

void TestPeers::unofferedSubprotocolFails()
{
    QFETCH(PeerServer::Kind, kind);
    PeerServer peer;
    QVERIFY2(peer.start(kind,
                        PeerServer::tlsArguments()
                                + QStringList {QStringLiteral("--force-subprotocol"),
                                               QStringLiteral("evil")}),
             qPrintable(peer.errorString()));
    SocketTask task(peer.url());
    Outcomes outcomes(&task);
    QSignalSpy opened(&task, &SocketTask::opened);
    task.open(optionsFor(peer.url(), {QStringLiteral("chat")}));
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.closeCount, 1, 10000);
    QCOMPARE(opened.size(), 0);
    QVERIFY2(!outcomes.error.isEmpty(), "an error must precede the close");
    QCOMPARE(outcomes.code, 1006);
}

void TestPeers::handshakeStatusFails()
{
    QFETCH(PeerServer::Kind, kind);
    PeerServer peer;
    QVERIFY2(peer.start(kind,
                        PeerServer::tlsArguments()
                                + QStringList {QStringLiteral("--status"), QStringLiteral("403")}),
             qPrintable(peer.errorString()));
    SocketTask task(peer.url());
    Outcomes outcomes(&task);
    task.open(optionsFor(peer.url()));
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.closeCount, 1, 10000);
    QCOMPARE(outcomes.error,
             QStringLiteral("Error during WebSocket handshake: Unexpected response code: 403"));
    QCOMPARE(outcomes.code, 1006);
    QCOMPARE(task.handshakeResponse().statusCode, 403);
}

void TestPeers::closeCodesBothWays()
{
    QFETCH(PeerServer::Kind, kind);
    PeerServer peer;
    QVERIFY2(peer.start(kind, PeerServer::tlsArguments()), qPrintable(peer.errorString()));

    // The server closes: its code and reason reach the task.
    {
        SocketTask task(peer.url());
        Outcomes outcomes(&task);
        QSignalSpy opened(&task, &SocketTask::opened);
        task.open(optionsFor(peer.url()));
        QVERIFY(opened.wait(10000));
        task.send(QStringLiteral("cmd:close:4001:server says bye"));
        QTRY_COMPARE(outcomes.closeCount, 1);
        QCOMPARE(outcomes.code, 4001);
        QCOMPARE(outcomes.reason, QStringLiteral("server says bye"));
        QVERIFY(outcomes.error.isEmpty());
    }
    // We close: the server sees our close frame's code and reason, and answers it.
    {
        SocketTask task(peer.url());
        Outcomes outcomes(&task);
        QSignalSpy opened(&task, &SocketTask::opened);
        task.open(optionsFor(peer.url()));
        QVERIFY(opened.wait(10000));
        QVERIFY(task.close(4321, QStringLiteral("客户端再见")).ok());
        QTRY_COMPARE(outcomes.closeCount, 1);
        QCOMPARE(outcomes.code, 4321);
        QCOMPARE(outcomes.reason, QStringLiteral("客户端再见"));
        QTRY_COMPARE(peer.events(QStringLiteral("close")).size(), 2); // the first task's, then ours
        const QJsonObject seen = peer.events(QStringLiteral("close")).last();
        QCOMPARE(seen.value(QLatin1String("code")).toInt(), 4321);
        QCOMPARE(seen.value(QLatin1String("reason")).toString(), QStringLiteral("客户端再见"));
    }
}

void TestPeers::largeBinaryEcho()
{
    QFETCH(PeerServer::Kind, kind);
    PeerServer peer;
    QVERIFY2(peer.start(kind, PeerServer::tlsArguments()), qPrintable(peer.errorString()));
    SocketTask task(peer.url());
    QSignalSpy opened(&task, &SocketTask::opened);
    task.open(optionsFor(peer.url()));
    QVERIFY(opened.wait(10000));
    QByteArray payload(4 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(i * 7);
    QSignalSpy echoed(&task, &SocketTask::binaryMessageReceived);
    QVERIFY(task.send(payload).ok());
    QVERIFY(echoed.wait(20000));
    QCOMPARE(echoed.first().first().toByteArray(), payload);
}

QTEST_GUILESS_MAIN(TestPeers)
#include "tst_peers.moc"
