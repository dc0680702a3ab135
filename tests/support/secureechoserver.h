#pragma once

#include "testcertificates.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <memory>

class QWebSocket;

namespace SwanTest {

/// Request headers exactly as a client sent them: order, spelling and duplicates kept.
using RawHeaderList = QList<QPair<QByteArray, QByteArray>>;

/**
 * An in-process wss:// echo server on 127.0.0.1 (a QWebSocketServer in SecureMode behind a
 * QSslServer, so the raw request can be seen) with TestCertificates of a chosen Kind.
 *
 * Echoes text and binary messages. Text messages starting with "cmd:" are not echoed but
 * obeyed (the same commands as the peers in tests/peers, see README.md there):
 *   cmd:close:<code>[:<reason>]  close with that code and reason (only codes a peer may send:
 *                                1000-1003, 1007-1014, 3000-4999; reason <= 123 bytes)
 *   cmd:drop                     abort the TCP connection, no close frame
 *   cmd:send-binary:<n>          one binary message of n bytes 0, 1, ..., 255, 0, ...
 * (countingBytes) cmd:send-text:<n>            n text messages "m0", "m1", ... cmd:ping[:<payload>]
 * a ping cmd:raw:<hex>                these bytes as they are, after what was sent before
 * (rawFrame) Anything else, or a bad argument, is answered with a text "cmd-error:<what>".
 *
 * Starts listening in the constructor; check isListening(). All accessors are about the
 * connections of this server only; the server owns every QWebSocket it hands out.
 */
class SecureEchoServer : public QObject
{
    Q_OBJECT

public:
    explicit SecureEchoServer(QObject *parent = nullptr);
    explicit SecureEchoServer(TestCertificates::Kind kind, QObject *parent = nullptr);
    ~SecureEchoServer() override;

    bool isListening() const;
    QString errorString() const;
    quint16 port() const;
    /// wss://host:port/path
    QUrl url(const QString &host = QStringLiteral("localhost"),
             const QString &path = QStringLiteral("/")) const;

    /// Subprotocols the server accepts (QWebSocketServer picks among the client's offer).
    void setSupportedSubprotocols(const QStringList &protocols);
    QStringList supportedSubprotocols() const;

    /// WebSocket connections accepted so far (not counting failed TLS or HTTP handshakes).
    int connectionCount() const;
    /// The accepted connections still open, oldest first.
    QList<QWebSocket *> openConnections() const;
    /// TLS handshakes that failed, e.g. because the client rejected the certificate.
    int tlsFailureCount() const;

    /// The last accepted connection's request as QWebSocketServer parsed it (url, headers).
    QNetworkRequest lastRequest() const;
    /// The last accepted connection's request line ("GET /path HTTP/1.1") and headers as sent.
    QByteArray lastRequestLine() const;
    RawHeaderList lastRequestHeaders() const;
    /// The first value of header @p name (any case) in lastRequestHeaders(); empty if absent.
    QByteArray lastRequestHeader(const QByteArray &name) const;

    /// Every message received on any connection, in order: QString for text (commands
    /// included), QByteArray for binary.
    QVariantList receivedMessages() const;
    int pongCount() const;

    /// The code and reason of the last closed connection as its close frame said; 1006 and
    /// an empty reason when it ended without one (Qt 6.4 itself would say 1000).
    int lastCloseCode() const;
    QString lastCloseReason() const;

Q_SIGNALS:
    void clientConnected(QWebSocket *socket);
    void clientDisconnected(int closeCode, const QString &closeReason);
    void messageReceived(const QVariant &message);
    void pongReceived();
    void tlsFailed();

private:
    struct Data;
    std::unique_ptr<Data> const d;
};

} // namespace SwanTest
