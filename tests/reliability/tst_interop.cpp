// The interop matrix: the swan API (what a script sees) against independent servers,
// python3-websockets and node-ws (tests/peers), over wss with the throw-away test CA. Each
// test runs once per peer. tst_peers already covers the SocketTask side of response headers,
// subprotocols, handshake statuses and 4 MiB binary echo; this adds the script's view of the
// handshake, server close codes, server pings, 16 MiB messages and fragmented messages.
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include "scriptview.h"
#include "testsupport.h"

#include <QTest>

#include <memory>

using namespace SwanSocket;
using SwanTest::Opcode;
using SwanTest::PeerServer;
using SwanTest::ScriptView;
using SwanTest::TestCertificates;

Q_DECLARE_METATYPE(PeerServer::Kind)

namespace {

constexpr int WaitMs = 20000;

void addPeerColumn() { QTest::addColumn<PeerServer::Kind>("peer"); }

template<typename... Values>
void addPeerRows(const char *name, Values... values)
{
    for (const PeerServer::Kind kind : {PeerServer::Kind::Python, PeerServer::Kind::Node}) {
        const QByteArray row = (kind == PeerServer::Kind::Python ? QByteArray("python3-websockets")
                                                                 : QByteArray("node-ws"))
                + (*name ? QByteArray(": ") + name : QByteArray());
        ((QTest::newRow(row.constData()) << kind) << ... << values);
    }
}

/// Text of @p size characters, most of them three UTF-8 bytes, and a check pattern.
QString bigText(qsizetype size)
{
    const QString pattern = QStringLiteral("中文ab😀");
    QString text;
    text.reserve(size);
    while (text.size() + pattern.size() <= size)
        text += pattern;
    text += QString(size - text.size(), QLatin1Char('z'));
    return text;
}

QByteArray bigBinary(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((i * 31) >> 3);
    return bytes;
}

} // namespace

class TestInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void handshake_data();
    void handshake();
    void serverCloseCodes_data();
    void serverCloseCodes();
    void serverPings_data();
    void serverPings();
    void bigMessages_data();
    void bigMessages();
    void fragmentedMessages_data();
    void fragmentedMessages();
    void qtServerCutsTextInsideCharacters();

private:
    /// Opens a task on @p kind's peer and waits for onOpen.
    SocketTask *open(PeerServer::Kind kind, ScriptView *view, const QVariantMap &extra = {});
    void closeNormally(SocketTask *task, ScriptView *view);

    PeerServer m_python;
    PeerServer m_node;
    std::unique_ptr<SimulatorSettings> m_settings;
    std::unique_ptr<SocketApi> m_api;
};

void TestInterop::initTestCase()
{
    QVERIFY2(TestCertificates::instance().isValid(),
             qPrintable(TestCertificates::instance().errorString()));
    const QStringList arguments = PeerServer::tlsArguments()
            + QStringList {
                    QStringLiteral("--subprotocol"), QStringLiteral("chat"),
                    QStringLiteral("--header"),      QStringLiteral("X-Custom-Header: hello"),
                    QStringLiteral("--header"),      QStringLiteral("x-lower-case: kept")};
    QVERIFY2(m_python.start(PeerServer::Kind::Python, arguments),
             qPrintable(m_python.errorString()));
    QVERIFY2(m_node.start(PeerServer::Kind::Node, arguments), qPrintable(m_node.errorString()));
}

void TestInterop::init()
{
    m_settings = std::make_unique<SimulatorSettings>();
    m_settings->addCaCertificates({TestCertificates::instance().caCertificate()});
    m_settings->setAllowedDomains({QStringLiteral("localhost")});
    m_api = std::make_unique<SocketApi>(m_settings.get());
}

void TestInterop::cleanup()
{
    if (m_api) {
        m_api->closeSocket({});
        QTRY_VERIFY(m_api->isIdle());
    }
    m_api.reset();
    m_settings.reset();
}

SocketTask *TestInterop::open(PeerServer::Kind kind, ScriptView *view, const QVariantMap &extra)
{
    QVariantMap options = extra;
    const PeerServer &peer = kind == PeerServer::Kind::Python ? m_python : m_node;
    options.insert(QStringLiteral("url"), peer.url().toString());
    SocketTask *task = m_api->connectSocket(options);
    view->listen(*m_api, task);
    return task;
}

void TestInterop::closeNormally(SocketTask *task, ScriptView *view)
{
    m_api->close(task, {{QStringLiteral("code"), 4000}, {QStringLiteral("reason"), "done"}});
    QTRY_VERIFY_WITH_TIMEOUT(view->closed(), WaitMs);
    QCOMPARE(view->lines.last(), QStringLiteral("close:4000:done"));
}

void TestInterop::handshake_data()
{
    addPeerColumn();
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QString>("chosen");
    addPeerRows("chat offered second", QStringList {QStringLiteral("v2"), QStringLiteral("chat")},
                QStringLiteral("chat"));
    addPeerRows("nothing it supports", QStringList {QStringLiteral("v2")}, QString());
    addPeerRows("none offered", QStringList(), QString());
}

void TestInterop::handshake()
{
    QFETCH(PeerServer::Kind, peer);
    QFETCH(QStringList, offered);
    QFETCH(QString, chosen);
    ScriptView view;
    QVariantMap options;
    if (!offered.isEmpty())
        options.insert(QStringLiteral("protocols"), offered);
    SocketTask *task = open(peer, &view, options);
    QTRY_COMPARE_WITH_TIMEOUT(view.lines, QStringList {QStringLiteral("open")}, WaitMs);
    // res.header: the server's own headers, spelled as sent; res.protocol: what it chose.
    const QVariantMap header = view.openRes.value(QStringLiteral("header")).toMap();
    QCOMPARE(header.value(QStringLiteral("X-Custom-Header")).toString(), QStringLiteral("hello"));
    QCOMPARE(header.value(QStringLiteral("x-lower-case")).toString(), QStringLiteral("kept"));
    QVERIFY(header.contains(QStringLiteral("Sec-WebSocket-Accept"))
            || header.contains(QStringLiteral("sec-websocket-accept")));
    QCOMPARE(view.openRes.value(QStringLiteral("protocol")).toString(), chosen);
    closeNormally(task, &view);
}

void TestInterop::serverCloseCodes_data()
{
    addPeerColumn();
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    addPeerRows("1000", 1000, QString());
    addPeerRows("1001 going away", 1001, QStringLiteral("going away"));
    addPeerRows("1003 unsupported data", 1003, QStringLiteral("no binary"));
    addPeerRows("1008 policy", 1008, QStringLiteral("policy"));
    addPeerRows("1011 server error", 1011, QStringLiteral("oops"));
    addPeerRows("3000", 3000, QStringLiteral("unauthorized"));
    addPeerRows("4999, 123-byte reason", 4999, QString(41, QChar(0x4E2D)));
}

void TestInterop::serverCloseCodes()
{
    QFETCH(PeerServer::Kind, peer);
    QFETCH(int, code);
    QFETCH(QString, reason);
    ScriptView view;
    SocketTask *task = open(peer, &view);
    QTRY_COMPARE_WITH_TIMEOUT(view.lines, QStringList {QStringLiteral("open")}, WaitMs);
    m_api->send(task, {{QStringLiteral("data"), SwanTest::closeCommand(code, reason)}});
    QTRY_VERIFY_WITH_TIMEOUT(view.closed(), WaitMs);
    QCOMPARE(view.lines,
             (QStringList {QStringLiteral("open"),
                           QStringLiteral("close:%1:%2").arg(code).arg(reason)}));
}

void TestInterop::serverPings_data()
{
    addPeerColumn();
    addPeerRows("");
}

void TestInterop::serverPings()
{
    // SocketTask answers pings itself; the script sees nothing of them, and the connection
    // goes on.
    QFETCH(PeerServer::Kind, peer);
    ScriptView view;
    SocketTask *task = open(peer, &view);
    QTRY_COMPARE_WITH_TIMEOUT(view.lines, QStringList {QStringLiteral("open")}, WaitMs);
    for (int i = 0; i < 20; ++i)
        m_api->send(task, {{QStringLiteral("data"), QStringLiteral("cmd:ping:p%1").arg(i)}});
    m_api->send(task, {{QStringLiteral("data"), QStringLiteral("after the pings")}});
    QTRY_COMPARE_WITH_TIMEOUT(view.lines.size(), 2, WaitMs);
    QCOMPARE(view.lines.last(), QStringLiteral("text:after the pings"));
    closeNormally(task, &view);
    QCOMPARE(view.lines.size(), 3);
}

void TestInterop::bigMessages_data()
{
    addPeerColumn();
    QTest::addColumn<bool>("binary");
    addPeerRows("16 MiB text", false);
    addPeerRows("16 MiB binary", true);
}

void TestInterop::bigMessages()
{
    QFETCH(PeerServer::Kind, peer);
    QFETCH(bool, binary);
    constexpr qsizetype size = 16 * 1024 * 1024;
    ScriptView view;
    SocketTask *task = open(peer, &view);
    QTRY_COMPARE_WITH_TIMEOUT(view.lines, QStringList {QStringLiteral("open")}, WaitMs);
    // Text: 16 Mi characters, most of them 3 bytes in UTF-8 (about 40 MiB on the wire).
    const QVariant data = binary ? QVariant(bigBinary(size)) : QVariant(bigText(size));
    bool sent = false;
    m_api->send(task, {{QStringLiteral("data"), data}},
                [&sent](const CallResult &result) { sent = result.ok; });
    QTRY_VERIFY_WITH_TIMEOUT(view.messages.size() == 1, 60000);
    QVERIFY(sent);
    QCOMPARE(view.lines.last(),
             binary ? QStringLiteral("binary:%1").arg(size)
                    : QStringLiteral("text:%1 chars").arg(size));
    QVERIFY(view.messages.first() == data);
    closeNormally(task, &view);
}

void TestInterop::fragmentedMessages_data()
{
    addPeerColumn();
    QTest::addColumn<QByteArray>("frames");
    QTest::addColumn<QString>("expected");
    const QByteArray zhong = QStringLiteral("中").toUtf8();
    addPeerRows("text in three fragments",
                SwanTest::textFrame("ab" + zhong, false)
                        + SwanTest::continuationFrame(zhong + "cd", false)
                        + SwanTest::continuationFrame("ef"),
                QStringLiteral("text:ab中中cdef"));
    addPeerRows("text fragments, pings between",
                SwanTest::textFrame("one ", false) + SwanTest::serverFrame(Opcode::Ping, "1")
                        + SwanTest::continuationFrame("two ", false)
                        + SwanTest::serverFrame(Opcode::Ping, "2")
                        + SwanTest::continuationFrame("three"),
                QStringLiteral("text:one two three"));
    addPeerRows("binary in fragments, empty one among them",
                SwanTest::serverFrame(Opcode::Binary, QByteArray(100, 'a'), false)
                        + SwanTest::continuationFrame({}, false)
                        + SwanTest::continuationFrame(QByteArray(70000, 'b')),
                QStringLiteral("binary:70100"));
    addPeerRows("text split inside a character",
                SwanTest::textFrame("ab" + zhong.left(2), false)
                        + SwanTest::continuationFrame(zhong.mid(2) + "cd"),
                QStringLiteral("text:ab中cd"));
}

void TestInterop::fragmentedMessages()
{
    // The peers write the hand-made frames as they are (cmd:raw), after their own traffic.
    QFETCH(PeerServer::Kind, peer);
    QFETCH(QByteArray, frames);
    QFETCH(QString, expected);
    ScriptView view;
    SocketTask *task = open(peer, &view);
    QTRY_COMPARE_WITH_TIMEOUT(view.lines, QStringList {QStringLiteral("open")}, WaitMs);
    m_api->send(task, {{QStringLiteral("data"), SwanTest::rawCommand(frames)}});
    QTRY_VERIFY_WITH_TIMEOUT(view.lines.size() >= 2, WaitMs);
    QCOMPARE(view.lines.at(1), expected);
    closeNormally(task, &view);
}

void TestInterop::qtServerCutsTextInsideCharacters()
{
    // Qt itself as the server (SecureEchoServer is a QWebSocketServer): it cuts text into
    // 512 KiB frames wherever the bytes fall, and a Qt 6.4 client rejected its own server's
    // message (1007). 300,000 x U+4E2D = 900,000 bytes of UTF-8: two frames, cut inside a
    // character; SocketTask's own reader delivers it whole.
    SwanTest::SecureEchoServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    ScriptView view;
    SocketTask *task = m_api->connectSocket({{QStringLiteral("url"), server.url().toString()}});
    view.listen(*m_api, task);
    QTRY_COMPARE_WITH_TIMEOUT(view.lines, QStringList {QStringLiteral("open")}, WaitMs);
    const QString text(300000, QChar(0x4E2D));
    m_api->send(task, {{QStringLiteral("data"), text}});
    QTRY_VERIFY_WITH_TIMEOUT(view.lines.size() >= 2, WaitMs);
    QCOMPARE(view.lines.at(1), QStringLiteral("text:300000 chars"));
    closeNormally(task, &view);
}

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
