// Security, end to end: whatever a script passes, nothing reaches the network unless the
// allow-list, the header rules and TLS allow it. Every host name below is redirected (a
// --connect-to rule that matches any host) to one HostileServer that counts connections, so a
// bypass would show up as a connection. The rules themselves are table-tested in
// tst_validation; the development switch in tst_socketapi and tst_swanrun.
#include <SwanSocket/jshost.h>
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include "hostileserver.h"
#include "testsupport.h"

#include <QJSEngine>
#include <QTest>

using namespace SwanSocket;
using SwanTest::HostileConnection;
using SwanTest::HostileServer;
using SwanTest::TestCertificates;

namespace {

constexpr int WaitMs = 10000;

/// A server that accepts the WebSocket handshake of anyone who gets through, then closes.
void acceptAndClose(HostileServer &server)
{
    server.onRequest([](HostileConnection *c) {
        c->write(c->switchingProtocols()
                 + SwanTest::serverFrame(SwanTest::Opcode::Close, QByteArray("\x03\xe8", 2)));
    });
}

} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void allowList_data();
    void allowList();
    void headerInjection_data();
    void headerInjection();
    void tlsVerifiedByDefault();
    void scriptsReachNothingButSwan();

private:
    /// connectSocket with @p options on settings allowing only example.baidu.com (any host goes
    /// to @p server); returns the result once the task has ended.
    CallResult tryConnect(HostileServer &server, const QVariantMap &options,
                          SimulatorSettings *settings = nullptr);
};

void TestSecurity::initTestCase()
{
    QVERIFY2(TestCertificates::instance().isValid(),
             qPrintable(TestCertificates::instance().errorString()));
}

CallResult TestSecurity::tryConnect(HostileServer &server, const QVariantMap &options,
                                    SimulatorSettings *settings)
{
    SimulatorSettings defaults;
    if (!settings) {
        settings = &defaults;
        settings->addCaCertificates({TestCertificates::instance().caCertificate()});
        settings->setAllowedDomains({QStringLiteral("example.baidu.com")});
    }
    // Any host, any port: to our counting server (its certificate names example.baidu.com,
    // localhost and 127.0.0.1, so TLS decides too; the counter counts TCP connections).
    settings->addConnectTo(QStringLiteral("::127.0.0.1:%1").arg(server.port()));
    SocketApi api(settings);
    CallResult result;
    bool delivered = false;
    SocketTask *task = api.connectSocket(options, [&](const CallResult &r) {
        result = r;
        delivered = true;
    });
    [&] { QTRY_VERIFY(delivered); }();
    if (result.ok)
        [&] { QTRY_VERIFY_WITH_TIMEOUT(task->readyState() == SocketTask::Closed, WaitMs); }();
    return result;
}

void TestSecurity::allowList_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("errCode"); // 0: allowed (and so it connects); 7 security, 2 url
    // U+0430, Cyrillic a: looks like the allowed host, is another one.
    const QString lookAlike
            = QStringLiteral("ex") + QChar(0x0430) + QStringLiteral("mple.baidu.com");
    QTest::newRow("exact") << "wss://example.baidu.com/" << 0;
    QTest::newRow("case") << "wss://EXAMPLE.Baidu.com/" << 0;
    QTest::newRow("port") << "wss://example.baidu.com:8443/" << 0;
    QTest::newRow("path and query") << "wss://example.baidu.com/a/../b?x=evil.com" << 0;
    QTest::newRow("suffix: evil-example.baidu.com") << "wss://evil-example.baidu.com/" << 7;
    QTest::newRow("subdomain") << "wss://a.example.baidu.com/" << 7;
    QTest::newRow("parent domain") << "wss://baidu.com/" << 7;
    QTest::newRow("entry as prefix: example.baidu.com.evil.com")
            << "wss://example.baidu.com.evil.com/" << 7;
    QTest::newRow("prefix: example.baidu.co") << "wss://example.baidu.co/" << 7;
    QTest::newRow("userinfo: example.baidu.com@evil.com")
            << "wss://example.baidu.com@evil.com/" << 2;
    QTest::newRow("userinfo: empty") << "wss://@example.baidu.com/" << 2;
    QTest::newRow("backslash trick") << "wss://evil.com\\@example.baidu.com/" << 2;
    QTest::newRow("fragment trick") << "wss://evil.com#@example.baidu.com" << 2;
    QTest::newRow("encoded dot") << "wss://example%2Ebaidu.com/" << 2;
    QTest::newRow("trailing dot") << "wss://example.baidu.com./" << 7;
    QTest::newRow("Cyrillic a look-alike") << QStringLiteral("wss://%1/").arg(lookAlike) << 7;
    QTest::newRow("look-alike as punycode")
            << QStringLiteral("wss://%1/").arg(QString::fromLatin1(QUrl::toAce(lookAlike))) << 7;
    QTest::newRow("IPv4 literal") << "wss://127.0.0.1/" << 7;
    QTest::newRow("IPv4 as one number") << "wss://2130706433/" << 7;
    QTest::newRow("IPv6 literal") << "wss://[::1]/" << 7;
    QTest::newRow("IPv4-mapped IPv6") << "wss://[::ffff:127.0.0.1]/" << 7;
    QTest::newRow("ws:// without the switch") << "ws://example.baidu.com/" << 2;
    QTest::newRow("CRLF in the path") << "wss://example.baidu.com/\r\nHost: evil.com" << 2;
    QTest::newRow("space in the host") << "wss://example.baidu.com /" << 2;
}

void TestSecurity::allowList()
{
    QFETCH(QString, url);
    QFETCH(int, errCode);
    HostileServer server;
    acceptAndClose(server);
    const CallResult result = tryConnect(server, {{QStringLiteral("url"), url}});
    if (errCode == 0) {
        QVERIFY2(result.ok, qPrintable(result.res.value(QStringLiteral("errMsg")).toString()));
        QCOMPARE(server.connectionCount(), 1);
        QCOMPARE(server.lastConnection()->requestHeader("Host").split(':').first(),
                 QByteArray("example.baidu.com"));
    } else {
        QVERIFY(!result.ok);
        QCOMPARE(result.res.value(QStringLiteral("errCode")).toInt(), errCode);
        QCOMPARE(server.connectionCount(), 0); // nothing reached the network
    }
}

void TestSecurity::headerInjection_data()
{
    QTest::addColumn<QVariantMap>("header");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("plain") << QVariantMap {{"X-Token", "abc"}} << true;
    QTest::newRow("CRLF + Host") << QVariantMap {{"X-A", "1\r\nHost: evil.com"}} << false;
    QTest::newRow("LF only") << QVariantMap {{"X-A", "1\nX-B: 2"}} << false;
    QTest::newRow("CR only") << QVariantMap {{"X-A", "1\rX-B: 2"}} << false;
    QTest::newRow("NUL") << QVariantMap {{"X-A", QStringLiteral("1") + QChar(0) + "2"}} << false;
    QTest::newRow("CRLF in a name") << QVariantMap {{"X-A\r\nHost", "evil.com"}} << false;
    QTest::newRow("Host") << QVariantMap {{"host", "evil.com"}} << false;
    QTest::newRow("Origin") << QVariantMap {{"Origin", "https://evil.com"}} << false;
    QTest::newRow("Referer") << QVariantMap {{"referer", "https://evil.com"}} << false;
    QTest::newRow("Sec-WebSocket-Key") << QVariantMap {{"Sec-WebSocket-Key", "x"}} << false;
    QTest::newRow("Upgrade") << QVariantMap {{"Upgrade", "h2c"}} << false;
    QTest::newRow("same name twice") << QVariantMap {{"X-A", "1"}, {"x-a", "2"}} << false;
}

void TestSecurity::headerInjection()
{
    QFETCH(QVariantMap, header);
    QFETCH(bool, allowed);
    HostileServer server;
    acceptAndClose(server);
    const CallResult result = tryConnect(server,
                                         {{QStringLiteral("url"), "wss://example.baidu.com/"},
                                          {QStringLiteral("header"), header}});
    if (!allowed) {
        QVERIFY(!result.ok);
        QCOMPARE(result.res.value(QStringLiteral("errCode")).toInt(), 4); // parameter class
        QCOMPARE(server.connectionCount(), 0);
        return;
    }
    QVERIFY(result.ok);
    QCOMPARE(server.connectionCount(), 1);
    const QByteArray request = server.lastConnection()->request();
    QCOMPARE(request.count("\r\nHost:"), 1);
    QCOMPARE(request.count("\r\nReferer:"), 1);
    QVERIFY(request.contains("\r\nX-Token: abc\r\n"));
}

void TestSecurity::tlsVerifiedByDefault()
{
    // Fresh settings trust only the system's CAs: our test CA's certificate is refused.
    HostileServer server;
    acceptAndClose(server);
    SimulatorSettings settings;
    QCOMPARE(settings.developmentMode(), false);
    settings.setAllowedDomains({QStringLiteral("localhost")});
    SocketApi api(&settings);
    QStringList events;
    SocketTask *task = api.connectSocket({{QStringLiteral("url"), server.url().toString()}});
    api.addTaskListener(task, SocketApi::Event::Open,
                        [&events](const QVariantMap &) { events << QStringLiteral("open"); });
    api.addTaskListener(task, SocketApi::Event::Error, [&events](const QVariantMap &res) {
        events << res.value(QStringLiteral("errMsg")).toString();
    });
    QTRY_VERIFY_WITH_TIMEOUT(task->readyState() == SocketTask::Closed, WaitMs);
    QCOMPARE(events.size(), 1);
    QVERIFY2(events.first().startsWith(QLatin1String("TLS handshake failed: ")),
             qPrintable(events.first()));
    QVERIFY(server.lastConnection()->request().isEmpty()); // no HTTP byte went out
}

void TestSecurity::scriptsReachNothingButSwan()
{
    // The global object holds ECMAScript's built-ins and what swan.js installs, nothing of
    // Qt's (no Qt, print, XMLHttpRequest, import of files) and no native bridge.
    SimulatorSettings settings;
    SocketApi api(&settings);
    JsHost host(&api);
    const QString names
            = host.engine()
                      ->evaluate(QStringLiteral("Object.getOwnPropertyNames(this).sort().join()"))
                      .toString();
    const QStringList allowedExtras {
            QStringLiteral("swan"),         QStringLiteral("console"),
            QStringLiteral("setTimeout"),   QStringLiteral("setInterval"),
            QStringLiteral("clearTimeout"), QStringLiteral("clearInterval")};
    QJSEngine bare; // what a plain engine has: ECMAScript's own globals
    const QStringList builtIns
            = bare.evaluate(QStringLiteral("Object.getOwnPropertyNames(this).join()"))
                      .toString()
                      .split(QLatin1Char(','));
    QStringList unexpected;
    for (const QString &name : names.split(QLatin1Char(','))) {
        if (!builtIns.contains(name) && !allowedExtras.contains(name))
            unexpected << name;
    }
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1String(", "))));
    for (const char *probe :
         {"typeof Qt", "typeof print", "typeof XMLHttpRequest", "typeof require", "typeof native",
          "typeof swan.native", "typeof swan.connectSocket.native",
          "typeof (new Function('return this'))().native",
          "typeof Object.getPrototypeOf(swan).native"}) {
        QCOMPARE(host.engine()->evaluate(QLatin1String(probe)).toString(),
                 QStringLiteral("undefined"));
    }
    // A task exposes its documented members only.
    settings.setDevelopmentMode(false);
    const QString taskKeys = host.engine()
                                     ->evaluate(QStringLiteral(
                                             "Object.getOwnPropertyNames(swan.connectSocket({url:"
                                             " 'wss://nowhere.invalid/'})).sort().join()"))
                                     .toString();
    QCOMPARE(taskKeys,
             QStringLiteral("CLOSED,CLOSING,CONNECTING,OPEN,close,onClose,onError,onMessage,"
                            "onOpen,readyState,send,socketTaskId"));
    QTRY_VERIFY(api.isIdle());
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
