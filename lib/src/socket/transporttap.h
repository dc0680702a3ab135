#pragma once

#include <SwanSocket/sockettask.h>

#include <QObject>
#include <QPointer>

class QAbstractSocket;
class QSslSocket;
class QWebSocket;

namespace SwanSocket {

/**
 * The one place that reaches under QWebSocket into the QTcpSocket/QSslSocket it creates as a
 * child in open(). Qt 6.4 (and every version up to at least 6.8) exposes neither the opening
 * handshake's response headers nor how many encrypted bytes are still waiting to be written,
 * and its frame handling has the bugs FrameReader lists; SocketTask needs the socket itself.
 *
 * Response headers: QWebSocket reads the 101 response from its socket itself. We start a
 * QIODevice transaction as soon as TCP connects, before any response byte can be read. When
 * QWebSocket reports the handshake done (or failed), captureResponse() rolls the transaction
 * back, reads the response head itself and so leaves the socket exactly where QWebSocket left
 * it: the transaction keeps every byte QWebSocket reads meanwhile.
 *
 * Reading: after the opening handshake, takeOverReading() disconnects QWebSocket's readyRead
 * handler and connects ours: QWebSocket's own frame parser (which Qt 6.4 gets wrong in ways
 * listed in FrameReader) never sees a byte after the 101 response; SocketTask parses what the
 * socket has. (QWebSocket still sees the socket's state, so disconnected() keeps working.)
 *
 * Closing handshake: QWebSocket::close() closes TCP right after its close frame. With unread
 * data in our receive buffer the kernel then sends RST, and the server loses whatever it had
 * not read yet (messages sent just before close()). writeCloseFrame() sends the close frame
 * alone and leaves the socket open, so we keep reading until the server's close frame arrives,
 * as browsers do.
 */
class TransportTap : public QObject
{
    Q_OBJECT

public:
    explicit TransportTap(QWebSocket *webSocket);

    /// Call right after QWebSocket::open(). False when no socket child was found.
    bool attach(bool tcpNoDelay);
    QAbstractSocket *socket() const { return m_socket; }

    /// Reads the response head of the opening handshake; call when QWebSocket reports the
    /// handshake done or failed. Returns what could be parsed (statusCode 0 when nothing).
    HandshakeResponse captureResponse();

    /// From now on readyRead() is ours and QWebSocket no longer reads (see above). Call once
    /// the handshake is done, from QWebSocket::connected. @p readBufferSize: see
    /// SocketTask::Options::readBufferSize.
    void takeOverReading(qint64 readBufferSize);

    /// Sends a masked control frame (0x8 close, 0x9 ping, 0xA pong; payload ≤ 125 bytes).
    void writeControlFrame(int opcode, const QByteArray &payload);
    /// Sends a masked close frame without closing the connection (see above); @p code 1005
    /// sends one without a status code.
    void writeCloseFrame(int code, const QString &reason);

    /// Writes one masked data frame (opcode 0x1 text, 0x2 binary, 0x0 continuation) in one
    /// write, masking a 64-bit word at a time.
    void writeDataFrame(int opcode, bool fin, const char *payload, qint64 size);

    /// Plain and encrypted bytes waiting in the socket: the measure SocketTask paces sends by.
    qint64 pendingWriteBytes() const;

Q_SIGNALS:
    void tcpConnected();
    void tlsDone();
    void readyRead();

private:
    QWebSocket *m_webSocket;
    QPointer<QAbstractSocket> m_socket;
    QSslSocket *m_sslSocket = nullptr; // m_socket when it is one: asked on every send
    bool m_captured = false;
    HandshakeResponse m_response;
};

/// Parses an HTTP/1.x response head ("HTTP/1.1 101 …\r\nName: value\r\n…\r\n\r\n").
/// Exposed for tests; header names are kept as spelled, values trimmed.
HandshakeResponse parseResponseHead(const QByteArray &head);

} // namespace SwanSocket
