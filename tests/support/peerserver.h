#pragma once

#include "testcertificates.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace SwanTest {

/**
 * An independent WebSocket server in its own process: tests/peers/python_server.py
 * (python3-websockets) or tests/peers/node_server.js (node-ws), both with the command line and
 * "cmd:" commands described in tests/peers/README.md. The scripts are found through the
 * environment variable SWAN_PEERS_DIR (ctest sets it), else in the source tree.
 *
 *     PeerServer peer;
 *     QVERIFY2(peer.start(PeerServer::Kind::Node, PeerServer::tlsArguments()),
 *              qPrintable(peer.errorString()));
 *     socket.open(peer.url());
 *
 * A missing interpreter or module makes start() fail with the apt package to install: a test
 * must FAIL then, never skip. The process is stopped (SIGTERM, then SIGKILL) by stop() and
 * the destructor, and exits by itself when the test process dies.
 */
class PeerServer : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Python, Node };

    explicit PeerServer(QObject *parent = nullptr);
    ~PeerServer() override;

    /// Whether the interpreter can load its WebSocket module; checked once per process.
    static bool available(Kind kind);
    /// What is missing and which apt package brings it; empty when available().
    static QString missingMessage(Kind kind);
    static QString kindName(Kind kind); ///< "python" or "node"
    static QString scriptPath(Kind kind);
    /// "--tls-cert <file> --tls-key <file>" of TestCertificates' @p certificate.
    static QStringList tlsArguments(TestCertificates::Kind certificate
                                    = TestCertificates::Kind::Valid);

    /// Runs the peer with @p arguments (the peers' own flags) and waits up to 10 s for it to
    /// listen. False, with errorString(), if it does not; a running peer is stopped first.
    bool start(Kind kind, const QStringList &arguments = {});
    void stop();
    bool isRunning() const;
    QString errorString() const;

    Kind kind() const;
    quint16 port() const;
    /// Whether it was started with --tls-cert, i.e. speaks wss.
    bool isSecure() const;
    /// wss://host:port/path (ws:// without TLS arguments).
    QUrl url(const QString &host = QStringLiteral("localhost"),
             const QString &path = QStringLiteral("/")) const;

    /// What the peer reported since start(), oldest first, optionally only of one "event":
    ///   {"event":"request","path":"/p?q=1","headers":[["Host","localhost:1234"],...]}
    ///   {"event":"close","code":1000,"reason":"bye"}  (1006 when no close frame came)
    QList<QJsonObject> events(const QString &event = {}) const;
    /// The headers of the last "request" event as [name, value] pairs, spelled as received.
    QList<QPair<QString, QString>> lastRequestHeaders() const;
    /// Everything the peer wrote on stderr (also logged to swan.test.peer).
    QString standardError() const;

Q_SIGNALS:
    void eventReceived(const QJsonObject &event);

private:
    struct Data;
    std::unique_ptr<Data> const d;
};

} // namespace SwanTest
