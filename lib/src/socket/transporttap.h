#pragma once

#include <SwanSocket/sockettask.h>

#include <QObject>
#include <QPointer>
#include <QWebSocketProtocol>

class QAbstractSocket;
class QWebSocket;

namespace SwanSocket {

/**
 * The one place that reaches under QWebSocket into the QTcpSocket/QSslSocket it creates as a
 * child in open(). Qt 6.4 (and every version up to at least 6.8) exposes neither the opening
 * handshake's response headers nor how many encrypted bytes are still waiting to be written;
 * SocketTask needs both. Delete this class when Qt offers them.
 *
 * Response headers: QWebSocket reads the 101 response from its socket itself. We start a
 * QIODevice transaction as soon as TCP connects, before any response byte can be read. When
 * QWebSocket reports the handshake done (or failed), captureResponse() rolls the transaction
 * back, reads the response head itself and so leaves the socket exactly where QWebSocket left
 * it. QWebSocket connects readyRead queued, so nothing is consumed behind our back meanwhile.
 *
 * Protocol errors: QWebSocket fails the connection itself when the server breaks the protocol
 * (reserved opcode or bits, invalid UTF-8, a message over the limit, a control frame too big
 * …): it sends its close frame and closes, and says nothing else. Its internal frame parser, a
 * QWebSocketDataProcessor child, does signal errorEncountered(code, reason); connected through
 * the meta-object system before QWebSocket connects its own handler, protocolError() has it by
 * the time QWebSocket reports the close. (A broken close frame is not among them: Qt 6.4
 * answers it as if the server had sent 1002 or 1007.)
 *
 * Closing handshake: QWebSocket::close() closes TCP right after its close frame. With unread
 * data in our receive buffer the kernel then sends RST, and the server loses whatever it had
 * not read yet (messages sent just before close()). writeCloseFrame() sends the close frame
 * alone and leaves the socket open, so QWebSocket keeps reading until the server's close frame
 * arrives and then completes the close itself, as browsers do.
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

    /// Sends a masked close frame without closing the connection (see above).
    void writeCloseFrame(int code, const QString &reason);

    /// Writes one masked data frame (opcode 0x1 text, 0x2 binary, 0x0 continuation) in one
    /// write, masking a 64-bit word at a time.
    void writeDataFrame(int opcode, bool fin, const char *payload, qint64 size);

    /// Plain and encrypted bytes waiting in the socket: the measure SocketTask paces sends by.
    qint64 pendingWriteBytes() const;

    /// Why QWebSocket failed the connection because of what the server sent ("Used reserved
    /// opcode"); empty when it did not.
    QString protocolError() const { return m_protocolError; }

Q_SIGNALS:
    void tcpConnected();
    void tlsDone();

private Q_SLOTS:
    void recordProtocolError(QWebSocketProtocol::CloseCode code, const QString &reason);

private:
    QWebSocket *m_webSocket;
    QPointer<QAbstractSocket> m_socket;
    bool m_captured = false;
    HandshakeResponse m_response;
    QString m_protocolError;
};

/// Parses an HTTP/1.x response head ("HTTP/1.1 101 …\r\nName: value\r\n…\r\n\r\n").
/// Exposed for tests; header names are kept as spelled, values trimmed.
HandshakeResponse parseResponseHead(const QByteArray &head);

} // namespace SwanSocket
