// Proves the test support (tests/support, tests/peers) itself: a plain QWebSocket reaches every
// server over wss with the throw-away CA, gets its echo, and every "cmd:" and peer flag does
// what tests/peers/README.md says. Library tests build on these servers, so they must be right.
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <memory>

using namespace SwanTest;
using CertificateKind = TestCertificates::Kind;

// Which server a data row talks to: ours in-process, or one of the independent peers.
enum class Target { InProcess, Python, Node };
Q_DECLARE_METATYPE(Target)
Q_DECLARE_METATYPE(SwanTest::TestCertificates::Kind)

namespace {

const Target allTargets[] = {Target::InProcess, Target::Python, Target::Node};

const char *targetName(Target target)
{
    switch (target) {
    case Target::InProcess:
        return "in-process";
    case Target::Python:
        return "python";
    case Target::Node:
        return "node";
    }
    return "?";
}

PeerServer::Kind peerKind(Target target)
{
    return target == Target::Python ? PeerServer::Kind::Python : PeerServer::Kind::Node;
}

// One server of any Target, started with the same intent for each.
class AnyServer
{
public:
    bool start(Target target, CertificateKind certificate = CertificateKind::Valid,
               const QStringList &subprotocols = {}, const QStringList &peerArguments = {})
    {
        if (target == Target::InProcess) {
            echo = std::make_unique<SecureEchoServer>(certificate);
            echo->setSupportedSubprotocols(subprotocols);
            error = echo->errorString();
            return echo->isListening();
        }
        QStringList arguments = PeerServer::tlsArguments(certificate) + peerArguments;
        for (const QString &protocol : subprotocols)
            arguments << QStringLiteral("--subprotocol") << protocol;
        peer = std::make_unique<PeerServer>();
        const bool started = peer->start(peerKind(target), arguments);
        error = peer->errorString();
        return started;
    }

    QUrl url(const QString &host = QStringLiteral("localhost"),
             const QString &path = QStringLiteral("/")) const
    {
        return echo ? echo->url(host, path) : peer->url(host, path);
    }

    // How the server saw the last connection end, or -1 while it has not.
    int lastCloseCode(int closesBefore = 0) const
    {
        if (echo)
            return echo->lastCloseCode() ? echo->lastCloseCode() : -1;
        const QList<QJsonObject> closes = peer->events(QStringLiteral("close"));
        return closes.size() > closesBefore ? closes.last().value(QLatin1String("code")).toInt()
                                            : -1;
    }

    std::unique_ptr<SecureEchoServer> echo;
    std::unique_ptr<PeerServer> peer;
    QString error;
};

// A plain QWebSocket that trusts the test CA and verifies its peer, with spies on everything.
struct Client
{
    Client() { socket.setSslConfiguration(TestCertificates::instance().clientConfiguration()); }

    QWebSocket socket;
    QSignalSpy connected {&socket, &QWebSocket::connected};
    QSignalSpy disconnected {&socket, &QWebSocket::disconnected};
    QSignalSpy texts {&socket, &QWebSocket::textMessageReceived};
    QSignalSpy binaries {&socket, &QWebSocket::binaryMessageReceived};
    // Qt 6.4's error signal is error(), overloaded with the getter (errorOccurred came in 6.5).
    QSignalSpy errors {&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error)};
    QSignalSpy sslErrors {&socket, &QWebSocket::sslErrors};
};

// The status line and header lines of a handshake response, read with a bare TLS socket
// because QWebSocket shows neither.
struct RawHandshake
{
    QByteArray statusLine;
    QList<QByteArray> headerLines;
    QString error;
};

RawHandshake rawHandshake(quint16 port, const QByteArray &extraRequestHeaders)
{
    RawHandshake result;
    QSslSocket socket;
    socket.setSslConfiguration(TestCertificates::instance().clientConfiguration());
    socket.connectToHostEncrypted(QStringLiteral("localhost"), port);
    if (!socket.waitForEncrypted(5000)) {
        result.error = socket.errorString();
        return result;
    }
    socket.write("GET /raw HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n"
                 + extraRequestHeaders + "\r\n");
    QByteArray response;
    while (!response.contains("\r\n\r\n")) {
        if (!socket.waitForReadyRead(5000)) {
            result.error = QStringLiteral("no complete response: ") + QString::fromLatin1(response);
            return result;
        }
        response += socket.readAll();
    }
    QList<QByteArray> lines = response.left(response.indexOf("\r\n\r\n")).split('\n');
    for (QByteArray &line : lines)
        line = line.trimmed();
    result.statusLine = lines.takeFirst();
    result.headerLines = lines;
    return result;
}

} // namespace

class tst_TestSupport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void certificates();
    void requestSeenByInProcessServer();
    void echo_data();
    void echo();
    void certificateKinds_data();
    void certificateKinds();
    void commands_data();
    void commands();
    void clientClose_data();
    void clientClose();
    void subprotocol_data();
    void subprotocol();
    void peerRequestEvent_data();
    void peerRequestEvent();
    void peerResponse_data();
    void peerResponse();
    void peerStatusFailsQWebSocket_data();
    void peerStatusFailsQWebSocket();
    void peerStartFailure_data();
    void peerStartFailure();
    void peerStop();
    void frames();

private:
    void addTargetRows();
};

void tst_TestSupport::initTestCase()
{
    const TestCertificates &certificates = TestCertificates::instance();
    QVERIFY2(certificates.isValid(), qPrintable(certificates.errorString()));
    // A missing peer is a broken test machine, not a reason to skip: say what to install.
    for (const auto kind : {PeerServer::Kind::Python, PeerServer::Kind::Node})
        QVERIFY2(PeerServer::available(kind), qPrintable(PeerServer::missingMessage(kind)));
}

void tst_TestSupport::addTargetRows()
{
    QTest::addColumn<Target>("target");
    for (const Target target : allTargets)
        QTest::newRow(targetName(target)) << target;
}

void tst_TestSupport::certificates()
{
    const TestCertificates &certificates = TestCertificates::instance();
    QVERIFY(QFile::exists(certificates.caCertificatePath()));
    QVERIFY(!certificates.caCertificate().isNull());
    QCOMPARE(QSslCertificate::fromPath(certificates.caCertificatePath()).value(0),
             certificates.caCertificate());

    for (const auto kind : {CertificateKind::Valid, CertificateKind::Untrusted,
                            CertificateKind::Expired, CertificateKind::WrongHost}) {
        const QSslCertificate server = certificates.serverCertificate(kind);
        QVERIFY2(QFile::exists(certificates.serverCertPath(kind)),
                 qPrintable(TestCertificates::kindName(kind)));
        QVERIFY(QFile::exists(certificates.serverKeyPath(kind)));
        QVERIFY(!certificates.serverConfiguration(kind).privateKey().isNull());
        QCOMPARE(certificates.serverConfiguration(kind).localCertificate(), server);
        const bool signedByCa = kind != CertificateKind::Untrusted;
        QCOMPARE(server.issuerDisplayName() == certificates.caCertificate().subjectDisplayName(),
                 signedByCa);
        const auto names = server.subjectAlternativeNames();
        if (kind == CertificateKind::WrongHost) {
            QCOMPARE(names.values(QSsl::DnsEntry), QStringList {QStringLiteral("wrong.test")});
            continue;
        }
        const QStringList dnsNames = names.values(QSsl::DnsEntry);
        QCOMPARE(QSet<QString>(dnsNames.cbegin(), dnsNames.cend()),
                 (QSet<QString> {QStringLiteral("localhost"), QStringLiteral("example.baidu.com"),
                                 QStringLiteral("echo.test")}));
        QCOMPARE(names.values(QSsl::IpAddressEntry).size(), 2);
    }
    QVERIFY(certificates.serverCertificate(CertificateKind::Expired).expiryDate()
            < QDateTime::currentDateTimeUtc());
}

void tst_TestSupport::requestSeenByInProcessServer()
{
    SecureEchoServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    QSignalSpy connectedOnServer(&server, &SecureEchoServer::clientConnected);

    Client client;
    QNetworkRequest request(server.url(QStringLiteral("localhost"), QStringLiteral("/p")));
    request.setUrl(QUrl(request.url().toString() + QStringLiteral("?q=1")));
    request.setRawHeader("X-Custom-Header", "hello");
    request.setRawHeader("x-lower-case", "kept");
    client.socket.open(request);
    QTRY_COMPARE(client.connected.size(), 1);
    QTRY_COMPARE(connectedOnServer.size(), 1);

    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(server.openConnections().size(), 1);
    QCOMPARE(server.lastRequestLine(), QByteArray("GET /p?q=1 HTTP/1.1"));
    QVERIFY(server.lastRequestHeaders().contains(
            qMakePair(QByteArray("X-Custom-Header"), QByteArray("hello"))));
    QVERIFY(server.lastRequestHeaders().contains(
            qMakePair(QByteArray("x-lower-case"), QByteArray("kept"))));
    QCOMPARE(server.lastRequestHeader("x-custom-header"), QByteArray("hello"));
    QVERIFY(server.lastRequestHeader("X-Absent").isEmpty());
    QCOMPARE(server.lastRequest().url().path(), QStringLiteral("/p"));
    QCOMPARE(server.lastRequest().url().query(), QStringLiteral("q=1"));
    QCOMPARE(server.lastRequest().rawHeader("X-Custom-Header"), QByteArray("hello"));

    client.socket.sendTextMessage(QStringLiteral("cmd:ping:hi"));
    QTRY_COMPARE(server.pongCount(), 1);
    client.socket.sendTextMessage(QStringLiteral("text"));
    client.socket.sendBinaryMessage("binary");
    QTRY_COMPARE(server.receivedMessages().size(), 3);
    QCOMPARE(server.receivedMessages(),
             (QVariantList {QStringLiteral("cmd:ping:hi"), QStringLiteral("text"),
                            QByteArray("binary")}));
}

void tst_TestSupport::echo_data() { addTargetRows(); }

void tst_TestSupport::echo()
{
    QFETCH(Target, target);
    AnyServer server;
    QVERIFY2(server.start(target), qPrintable(server.error));

    Client client;
    client.socket.open(server.url());
    QTRY_COMPARE(client.connected.size(), 1);
    QVERIFY(client.sslErrors.isEmpty());

    const QString text = QStringLiteral("hello, ünïcødé € 😀");
    // Larger than python-websockets' default 1 MiB limit, which the peers lift.
    const QByteArray binary = countingBytes(3 * 1024 * 1024 + 7);
    client.socket.sendTextMessage(text);
    client.socket.sendBinaryMessage(binary);
    client.socket.sendTextMessage(QString());
    QTRY_COMPARE(client.texts.size(), 2);
    QTRY_COMPARE(client.binaries.size(), 1);
    QCOMPARE(client.texts.at(0).at(0).toString(), text);
    QCOMPARE(client.texts.at(1).at(0).toString(), QString());
    QCOMPARE(client.binaries.at(0).at(0).toByteArray(), binary);

    client.socket.close();
    QTRY_VERIFY(server.lastCloseCode() != -1);
    QVERIFY(client.errors.isEmpty());
}

void tst_TestSupport::certificateKinds_data()
{
    QTest::addColumn<Target>("target");
    QTest::addColumn<CertificateKind>("certificate");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QSslError::SslError>("expectedError");

    for (const Target target : allTargets) {
        const auto row = [target](const char *name) -> QTestData & {
            return QTest::addRow("%s, %s", targetName(target), name) << target;
        };
        row("valid") << CertificateKind::Valid << QStringLiteral("localhost") << QSslError::NoError;
        row("valid by IPv4 SAN") << CertificateKind::Valid << QStringLiteral("127.0.0.1")
                                 << QSslError::NoError;
        row("untrusted") << CertificateKind::Untrusted << QStringLiteral("localhost")
                         << QSslError::SelfSignedCertificate;
        row("expired") << CertificateKind::Expired << QStringLiteral("localhost")
                       << QSslError::CertificateExpired;
        row("wrong host") << CertificateKind::WrongHost << QStringLiteral("localhost")
                          << QSslError::HostNameMismatch;
    }
}

void tst_TestSupport::certificateKinds()
{
    QFETCH(Target, target);
    QFETCH(CertificateKind, certificate);
    QFETCH(QString, host);
    QFETCH(QSslError::SslError, expectedError);

    AnyServer server;
    QVERIFY2(server.start(target, certificate), qPrintable(server.error));
    Client client;
    client.socket.open(server.url(host));

    if (expectedError == QSslError::NoError) {
        QTRY_COMPARE(client.connected.size(), 1);
        QVERIFY(client.sslErrors.isEmpty());
        return;
    }
    QTRY_COMPARE(client.sslErrors.size(), 1);
    QList<QSslError::SslError> errors;
    QStringList descriptions;
    for (const QSslError &error : client.sslErrors.at(0).at(0).value<QList<QSslError>>()) {
        errors << error.error();
        descriptions << error.errorString();
    }
    QVERIFY2(errors.contains(expectedError), qPrintable(descriptions.join(QLatin1String("; "))));
    QTRY_VERIFY(!client.errors.isEmpty());
    QCOMPARE(client.connected.size(), 0);
    if (server.echo) {
        QTRY_VERIFY(server.echo->tlsFailureCount() > 0);
        QCOMPARE(server.echo->connectionCount(), 0);
    }
}

void tst_TestSupport::commands_data()
{
    QTest::addColumn<Target>("target");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("expectedTexts");
    QTest::addColumn<QByteArray>("expectedBinary");
    QTest::addColumn<int>("expectedCloseCode"); // 0: stays open; -1: ends without close frame
    QTest::addColumn<QString>("expectedCloseReason");

    const QByteArray fragmented = serverFrame(Opcode::Binary, "AB", false)
            + serverFrame(Opcode::Continuation, "CD", false)
            + serverFrame(Opcode::Continuation, "E", true);
    for (const Target target : allTargets) {
        const auto row = [target](const char *name, const QString &command) -> QTestData & {
            return QTest::addRow("%s, %s", targetName(target), name) << target << command;
        };
        row("send-text", QStringLiteral("cmd:send-text:3"))
                << QStringList {QStringLiteral("m0"), QStringLiteral("m1"), QStringLiteral("m2")}
                << QByteArray() << 0 << QString();
        row("send-binary", QStringLiteral("cmd:send-binary:300"))
                << QStringList() << countingBytes(300) << 0 << QString();
        row("send-binary 0", QStringLiteral("cmd:send-binary:0"))
                << QStringList() << QByteArray("") << 0 << QString();
        row("ping", QStringLiteral("cmd:ping:hi"))
                << QStringList() << QByteArray() << 0 << QString();
        row("raw fragments", rawCommand(fragmented))
                << QStringList() << QByteArray("ABCDE") << 0 << QString();
        row("raw 64 KiB frame", rawCommand(serverFrame(Opcode::Binary, countingBytes(70000))))
                << QStringList() << countingBytes(70000) << 0 << QString();
        row("close", closeCommand(4001, QStringLiteral("bye: now")))
                << QStringList() << QByteArray() << 4001 << QStringLiteral("bye: now");
        row("close without reason", QStringLiteral("cmd:close:1000"))
                << QStringList() << QByteArray() << 1000 << QString();
        row("drop", QStringLiteral("cmd:drop")) << QStringList() << QByteArray() << -1 << QString();
        row("unknown", QStringLiteral("cmd:nope"))
                << QStringList {QStringLiteral("cmd-error:unknown command cmd:nope")}
                << QByteArray() << 0 << QString();
        row("reserved close code", QStringLiteral("cmd:close:1005")) << QStringList {
                QStringLiteral("cmd-error:cannot close with 1005 (use cmd:raw for invalid close "
                               "frames)")} << QByteArray() << 0 << QString();
        row("bad count", QStringLiteral("cmd:send-text:-1"))
                << QStringList {QStringLiteral("cmd-error:send-text needs a count, got '-1'")}
                << QByteArray() << 0 << QString();
        row("bad raw", QStringLiteral("cmd:raw:0"))
                << QStringList {QStringLiteral("cmd-error:raw needs hex bytes")} << QByteArray()
                << 0 << QString();
    }
}

void tst_TestSupport::commands()
{
    QFETCH(Target, target);
    QFETCH(QString, command);
    QFETCH(QStringList, expectedTexts);
    QFETCH(QByteArray, expectedBinary);
    QFETCH(int, expectedCloseCode);
    QFETCH(QString, expectedCloseReason);

    AnyServer server;
    QVERIFY2(server.start(target), qPrintable(server.error));
    Client client;
    client.socket.open(server.url());
    QTRY_COMPARE(client.connected.size(), 1);

    client.socket.sendTextMessage(command);
    if (expectedCloseCode != 0) {
        QTRY_COMPARE(client.disconnected.size(), 1);
        // Qt 6.4 reports 1000 for a connection dropped without a close frame; the servers
        // report what really happened.
        if (expectedCloseCode > 0) {
            QCOMPARE(int(client.socket.closeCode()), expectedCloseCode);
            QCOMPARE(client.socket.closeReason(), expectedCloseReason);
        }
        QTRY_COMPARE(server.lastCloseCode(), expectedCloseCode > 0 ? expectedCloseCode : 1006);
        QVERIFY(client.texts.isEmpty());
        return;
    }

    // A message after the command proves the connection is still fine, and that the
    // command's own messages all came before it.
    client.socket.sendTextMessage(QStringLiteral("after"));
    QTRY_COMPARE(client.texts.size(), expectedTexts.size() + 1);
    QStringList texts;
    for (const auto &arguments : std::as_const(client.texts))
        texts << arguments.at(0).toString();
    QCOMPARE(texts, expectedTexts + QStringList {QStringLiteral("after")});
    QCOMPARE(client.binaries.size(), expectedBinary.isNull() ? 0 : 1);
    if (!expectedBinary.isNull())
        QCOMPARE(client.binaries.at(0).at(0).toByteArray(), expectedBinary);
    QCOMPARE(client.disconnected.size(), 0);
    QVERIFY(client.errors.isEmpty());
}

void tst_TestSupport::clientClose_data()
{
    QTest::addColumn<Target>("target");
    QTest::addColumn<bool>("abort");
    for (const Target target : allTargets) {
        QTest::addRow("%s, close 4000", targetName(target)) << target << false;
        QTest::addRow("%s, abort", targetName(target)) << target << true;
    }
}

void tst_TestSupport::clientClose()
{
    QFETCH(Target, target);
    QFETCH(bool, abort);

    AnyServer server;
    QVERIFY2(server.start(target), qPrintable(server.error));
    Client client;
    client.socket.open(server.url());
    QTRY_COMPARE(client.connected.size(), 1);
    if (server.echo)
        QTRY_COMPARE(server.echo->openConnections().size(), 1);

    if (abort)
        client.socket.abort();
    else
        client.socket.close(QWebSocketProtocol::CloseCode(4000), QStringLiteral("client bye"));
    QTRY_COMPARE(server.lastCloseCode(), abort ? 1006 : 4000);
    if (server.echo) {
        QCOMPARE(server.echo->lastCloseReason(), abort ? QString() : QStringLiteral("client bye"));
        QTRY_VERIFY(server.echo->openConnections().isEmpty());
    } else {
        QCOMPARE(server.peer->events(QStringLiteral("close")).last().value(QLatin1String("reason")),
                 abort ? QString() : QStringLiteral("client bye"));
    }
}

void tst_TestSupport::subprotocol_data()
{
    QTest::addColumn<Target>("target");
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QString>("expected");
    for (const Target target : allTargets) {
        const auto row = [target](const char *name) -> QTestData & {
            return QTest::addRow("%s, %s", targetName(target), name) << target;
        };
        row("none offered") << QStringList() << QString();
        row("one supported") << QStringList {QStringLiteral("x"), QStringLiteral("chat")}
                             << QStringLiteral("chat");
        row("none supported") << QStringList {QStringLiteral("x")} << QString();
    }
    // Which of several supported ones wins is each server's own rule; the peers take the
    // client's first.
    for (const Target target : {Target::Python, Target::Node}) {
        QTest::addRow("%s, client order", targetName(target))
                << target << QStringList {QStringLiteral("superchat"), QStringLiteral("chat")}
                << QStringLiteral("superchat");
    }
}

void tst_TestSupport::subprotocol()
{
    QFETCH(Target, target);
    QFETCH(QStringList, offered);
    QFETCH(QString, expected);

    AnyServer server;
    QVERIFY2(server.start(target, CertificateKind::Valid,
                          {QStringLiteral("chat"), QStringLiteral("superchat")}),
             qPrintable(server.error));
    Client client;
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(offered);
    client.socket.open(server.url(), options);
    QTRY_COMPARE(client.connected.size(), 1);
    QCOMPARE(client.socket.subprotocol(), expected);
}

void tst_TestSupport::peerRequestEvent_data()
{
    QTest::addColumn<Target>("target");
    QTest::newRow("python") << Target::Python;
    QTest::newRow("node") << Target::Node;
}

void tst_TestSupport::peerRequestEvent()
{
    QFETCH(Target, target);
    AnyServer server;
    QVERIFY2(server.start(target), qPrintable(server.error));
    QSignalSpy events(server.peer.get(), &PeerServer::eventReceived);

    Client client;
    QNetworkRequest request(QUrl(server.url().toString() + QStringLiteral("p?q=1")));
    request.setRawHeader("X-Custom-Header", "hello");
    request.setRawHeader("x-lower-case", "kept");
    client.socket.open(request);
    QTRY_COMPARE(client.connected.size(), 1);

    QTRY_COMPARE(server.peer->events(QStringLiteral("request")).size(), 1);
    QCOMPARE(events.size(), 1);
    const QJsonObject event = server.peer->events().first();
    QCOMPARE(event.value(QLatin1String("path")).toString(), QStringLiteral("/p?q=1"));
    const auto headers = server.peer->lastRequestHeaders();
    QVERIFY(headers.contains(
            qMakePair(QStringLiteral("X-Custom-Header"), QStringLiteral("hello"))));
    QVERIFY(headers.contains(qMakePair(QStringLiteral("x-lower-case"), QStringLiteral("kept"))));
}

void tst_TestSupport::peerResponse_data()
{
    QTest::addColumn<Target>("target");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("requestHeaders");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QList<QByteArray>>("expectedLines");
    QTest::addColumn<QList<QByteArray>>("absentPrefixes");

    for (const Target target : {Target::Python, Target::Node}) {
        const auto row = [target](const char *name) -> QTestData & {
            return QTest::addRow("%s, %s", targetName(target), name) << target;
        };
        row("custom headers") << QStringList {QStringLiteral("--header"),
                                              QStringLiteral("X-Custom-Header: hello"),
                                              QStringLiteral("--header"),
                                              QStringLiteral("X-Trace-Id: abc")}
                              << QByteArray() << QByteArray("HTTP/1.1 101 Switching Protocols")
                              << QList<QByteArray> {"X-Custom-Header: hello", "X-Trace-Id: abc"}
                              << QList<QByteArray> {"Sec-WebSocket-Protocol"};
        row("status 403") << QStringList {QStringLiteral("--status"), QStringLiteral("403"),
                                          QStringLiteral("--header"),
                                          QStringLiteral("X-Custom-Header: hello")}
                          << QByteArray() << QByteArray("HTTP/1.1 403 Forbidden")
                          << QList<QByteArray> {"X-Custom-Header: hello"}
                          << QList<QByteArray> {"Sec-WebSocket-Accept"};
        row("forced subprotocol, none offered")
                << QStringList {QStringLiteral("--force-subprotocol"), QStringLiteral("other")}
                << QByteArray() << QByteArray("HTTP/1.1 101 Switching Protocols")
                << QList<QByteArray> {"Sec-WebSocket-Protocol: other"} << QList<QByteArray>();
        row("forced subprotocol, another offered")
                << QStringList {QStringLiteral("--subprotocol"), QStringLiteral("chat"),
                                QStringLiteral("--force-subprotocol"), QStringLiteral("other")}
                << QByteArray("Sec-WebSocket-Protocol: chat\r\n")
                << QByteArray("HTTP/1.1 101 Switching Protocols")
                << QList<QByteArray> {"Sec-WebSocket-Protocol: other"} << QList<QByteArray>();
    }
}

void tst_TestSupport::peerResponse()
{
    QFETCH(Target, target);
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, requestHeaders);
    QFETCH(QByteArray, statusLine);
    QFETCH(QList<QByteArray>, expectedLines);
    QFETCH(QList<QByteArray>, absentPrefixes);

    AnyServer server;
    QVERIFY2(server.start(target, CertificateKind::Valid, {}, arguments), qPrintable(server.error));
    const RawHandshake response = rawHandshake(server.peer->port(), requestHeaders);
    QVERIFY2(response.error.isEmpty(), qPrintable(response.error));
    QCOMPARE(response.statusLine, statusLine);
    for (const QByteArray &line : expectedLines)
        QVERIFY2(response.headerLines.contains(line), response.headerLines.join(" | ").constData());
    for (const QByteArray &prefix : absentPrefixes) {
        for (const QByteArray &line : response.headerLines)
            QVERIFY2(!line.startsWith(prefix), line.constData());
    }
    // Exactly one Sec-WebSocket-Protocol, even when a supported one was offered too.
    qsizetype protocolLines = 0;
    for (const QByteArray &line : response.headerLines)
        protocolLines += line.startsWith("Sec-WebSocket-Protocol:");
    QVERIFY(protocolLines <= 1);
}

void tst_TestSupport::peerStatusFailsQWebSocket_data() { peerRequestEvent_data(); }

void tst_TestSupport::peerStatusFailsQWebSocket()
{
    QFETCH(Target, target);
    AnyServer server;
    QVERIFY2(server.start(target, CertificateKind::Valid, {},
                          {QStringLiteral("--status"), QStringLiteral("403")}),
             qPrintable(server.error));
    Client client;
    client.socket.open(server.url());
    QTRY_VERIFY(!client.errors.isEmpty());
    QCOMPARE(client.connected.size(), 0);
    QTRY_COMPARE(server.peer->events(QStringLiteral("request")).size(), 1);
    // Qt 6.4 leaves a socket whose handshake failed in ConnectingState: abort it ourselves.
    client.socket.abort();
}

void tst_TestSupport::peerStartFailure_data()
{
    QTest::addColumn<Target>("target");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("python") << Target::Python << QStringLiteral("unrecognized arguments: --bogus");
    QTest::newRow("node") << Target::Node << QStringLiteral("unknown argument '--bogus'");
}

void tst_TestSupport::peerStartFailure()
{
    QFETCH(Target, target);
    QFETCH(QString, expectedMessage);
    PeerServer peer;
    QVERIFY(!peer.start(peerKind(target), {QStringLiteral("--bogus")}));
    QVERIFY2(peer.errorString().contains(expectedMessage), qPrintable(peer.errorString()));
    QVERIFY(!peer.isRunning());
    QCOMPARE(peer.port(), quint16(0));
}

void tst_TestSupport::peerStop()
{
    for (const auto kind : {PeerServer::Kind::Python, PeerServer::Kind::Node}) {
        PeerServer peer;
        QVERIFY2(peer.start(kind, PeerServer::tlsArguments()), qPrintable(peer.errorString()));
        QVERIFY(peer.isRunning());
        QVERIFY(peer.isSecure());
        QCOMPARE(peer.url().scheme(), QStringLiteral("wss"));
        Client client;
        client.socket.open(peer.url());
        QTRY_COMPARE(client.connected.size(), 1);

        // Stopping must not wait for the client, which lives in this very (blocked) process.
        QElapsedTimer timer;
        timer.start();
        peer.stop();
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!peer.isRunning());
        QTRY_COMPARE(client.disconnected.size(), 1);
    }
}

void tst_TestSupport::frames()
{
    QCOMPARE(serverFrame(Opcode::Text, "Hi"), QByteArray("\x81\x02Hi"));
    QCOMPARE(serverFrame(Opcode::Binary, "", false), QByteArray("\x02\x00", 2));
    QCOMPARE(serverFrame(Opcode::Binary, QByteArray(126, 'x')).left(4),
             QByteArray("\x82\x7e\x00\x7e", 4));
    QCOMPARE(serverFrame(Opcode::Binary, QByteArray(65536, 'x')).left(10),
             QByteArray("\x82\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10));
    QCOMPARE(rawCommand(QByteArray("\x88\x00", 2)), QStringLiteral("cmd:raw:8800"));
    QCOMPARE(closeCommand(4000, QStringLiteral("a:b")), QStringLiteral("cmd:close:4000:a:b"));
    QCOMPARE(countingBytes(258).right(2), QByteArray("\x00\x01", 2));

    const PeerCommand close = PeerCommand::parse(QStringLiteral("cmd:close:4000:a:b"));
    QCOMPARE(close.type, PeerCommand::Close);
    QCOMPARE(close.code, 4000);
    QCOMPARE(close.text, QStringLiteral("a:b"));
    QCOMPARE(PeerCommand::parse(QStringLiteral("cmd:close:1000:") + QString(124, u'x')).type,
             PeerCommand::Invalid);
    QCOMPARE(PeerCommand::parse(QStringLiteral("cmd:raw:8800")).bytes, QByteArray("\x88\x00", 2));
}

QTEST_MAIN(tst_TestSupport)
#include "tst_testsupport.moc"
