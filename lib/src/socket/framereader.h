#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

class QIODevice;

namespace SwanSocket {

/// One thing the server said, as FrameReader found it.
struct ServerFrame
{
    enum Kind { Text, Binary, Ping, Pong, Close, ProtocolError };
    Kind kind = Binary;
    QString text; ///< Text message; Close and ProtocolError: the reason
    QByteArray data; ///< Binary message, Ping/Pong payload
    int code = 0; ///< Close: the server's code (1005 when it sent none); ProtocolError: ours
};

/**
 * Reads server-to-client WebSocket frames (RFC 6455) from a socket and assembles messages.
 *
 * Why not QWebSocket's own reader: Qt 6.4 decodes each text frame on its own, so a character
 * split across fragments (valid, and what browsers, node-ws and python-websockets accept)
 * fails the connection with 1007 (QTBUG-75665); it appends every frame to the message without
 * reserving, keeping the old and the new buffer at each growth (a 64 MiB message peaks at
 * ~3× its size); it accepts masked server frames and reports 1000 for a close frame without a
 * code. Here a message's bytes are read from the socket straight into a buffer that grows by
 * realloc (no copy for large blocks), and text is decoded once, when the message is complete.
 *
 * Protocol errors use Qt's words, so a script sees what it saw before. After a close frame or
 * an error the reader stops: the connection is over.
 */
class FrameReader
{
public:
    /// @p maxMessageSize bounds every frame and every assembled message (close code 1009).
    explicit FrameReader(qint64 maxMessageSize);

    /// Reads what @p device has and appends what it completed to @p out; a partial frame waits
    /// for the next call.
    void read(QIODevice *device, std::vector<ServerFrame> *out);

    bool isFinished() const { return m_finished; }

private:
    bool readHeader(QIODevice *device, std::vector<ServerFrame> *out);
    void frameComplete(std::vector<ServerFrame> *out);
    void fail(int code, const QString &reason, std::vector<ServerFrame> *out);

    const qint64 m_maxMessageSize;
    bool m_finished = false;

    // The frame being read.
    char m_header[14];
    int m_headerSize = 0; // bytes of m_header read so far
    bool m_inPayload = false;
    bool m_fin = false;
    int m_opcode = 0;
    qint64 m_remaining = 0;
    QByteArray m_control; // a control frame's payload (≤ 125 bytes)

    // The message being assembled (opcode 1 or 2 in its first frame).
    int m_messageOpcode = 0; // 0: none in progress
    QByteArray m_message; // binary bytes, or the UTF-8 of a text message
};

/// Decodes a complete text message; false when it is not valid UTF-8 (including a message
/// that ends inside a character).
bool decodeUtf8Message(const QByteArray &utf8, QString *text);

} // namespace SwanSocket
