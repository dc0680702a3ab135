#pragma once

#include "testcertificates.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;

namespace SwanTest {

/// One frame a client sent, unmasked.
struct ClientFrame
{
    bool fin = true;
    quint8 opcode = 0;
    bool masked = true;
    QByteArray payload;
};

/**
 * One connection of a HostileServer: raw bytes, nothing done for the client unless a script
 * does it. A script breaks the protocol on purpose with these calls.
 */
class HostileConnection : public QObject
{
    Q_OBJECT

public:
    explicit HostileConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~HostileConnection() override;

    /// The request head ("GET / HTTP/1.1\r\n…\r\n\r\n") exactly as received.
    QByteArray request() const { return m_request; }
    /// The first value of request header @p name (any case), trimmed; empty if absent.
    QByteArray requestHeader(const QByteArray &name) const;
    /// The right Sec-WebSocket-Accept for this request's key.
    QByteArray acceptKey() const;
    /// A correct "101 Switching Protocols" head, with @p extraHeaderLines ("Name: value")
    /// added before the blank line.
    QByteArray switchingProtocols(const QList<QByteArray> &extraHeaderLines = {}) const;

    /// Writes @p bytes as they are.
    void write(const QByteArray &bytes);
    /// Writes @p bytes @p pieceSize at a time, @p intervalMs apart: frames split across reads.
    void writeInPieces(const QByteArray &bytes, qsizetype pieceSize, int intervalMs);
    /// Ends the connection with a FIN (and a TLS close_notify), no close frame.
    void closeTcp();
    /// Ends the connection with a TCP RST (SO_LINGER 0), no close frame.
    void reset();
    /// Stops reading: what the client sends piles up in the kernel until its window closes.
    void stopReading();
    /// Reads again, including what piled up meanwhile.
    void resumeReading();

    bool isOpen() const;
    /// Client frames received after the request, in order; messages() joins fragments.
    QList<ClientFrame> frames() const { return m_frames; }
    /// Complete data messages (text or binary) received, fragments joined.
    QList<QByteArray> messages() const { return m_messages; }
    /// Bytes received after the request head.
    qint64 bytesReceived() const { return m_bytesReceived; }

Q_SIGNALS:
    void requestReceived();
    void frameReceived(const SwanTest::ClientFrame &frame);
    void messageReceived(const QByteArray &message);
    void disconnected();

private:
    void readAvailable();
    void parseFrames();

    QPointer<QTcpSocket> m_socket;
    bool m_paused = false;
    bool m_haveRequest = false;
    QByteArray m_request;
    QByteArray m_pending; // after the request: bytes of frames not complete yet
    qint64 m_bytesReceived = 0;
    QList<ClientFrame> m_frames;
    QList<QByteArray> m_messages;
    QByteArray m_message; // fragments of the message in progress
};

/**
 * A scriptable misbehaving WebSocket server on 127.0.0.1 for tests: raw TCP, or TLS with
 * TestCertificates of a chosen kind, and no WebSocket implementation at all. Whatever the
 * server says is what its script writes, byte for byte.
 *
 *     HostileServer server;                       // TLS, valid certificate
 *     server.onRequest([](HostileConnection *c) { // the request head is complete
 *         c->write(c->switchingProtocols() + serverFrame(Opcode::Text, "\xC3\x28"));
 *     });
 *
 * Without a script, a connection is accepted and never answered. Connections (and their
 * sockets) belong to the server and are closed with it.
 */
class HostileServer : public QObject
{
    Q_OBJECT

public:
    enum class Transport { Plain, Tls };
    using Script = std::function<void(HostileConnection *)>;

    explicit HostileServer(Transport transport = Transport::Tls,
                           TestCertificates::Kind certificate = TestCertificates::Kind::Valid,
                           QObject *parent = nullptr);
    ~HostileServer() override;

    bool isListening() const;
    quint16 port() const;
    /// scheme://host:port/path; the scheme defaults to the transport's (wss or ws).
    QUrl url(const QString &host = QStringLiteral("localhost"), const QString &scheme = {}) const;

    /// Runs when a connection's request head is complete.
    void onRequest(Script script);
    /// Runs for every client frame received after the request.
    void onFrame(std::function<void(HostileConnection *, const ClientFrame &)> handler);
    /// TCP (and TLS, unless @p startTls is false) established; runs before any byte is read.
    void setStartTls(bool startTls);

    int connectionCount() const;
    /// Connections whose socket is still open.
    int openConnectionCount() const;
    QList<HostileConnection *> connections() const;
    HostileConnection *lastConnection() const;

Q_SIGNALS:
    void connectionAccepted(SwanTest::HostileConnection *connection);

private:
    struct Data;
    std::unique_ptr<Data> const d;
};

} // namespace SwanTest

Q_DECLARE_METATYPE(SwanTest::ClientFrame)
