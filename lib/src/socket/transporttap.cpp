#include "transporttap.h"

#include "logging.h"

#include <QRandomGenerator>
#include <QSslSocket>
#include <QWebSocket>
#include <QtEndian>

#include <cstring>

namespace SwanSocket {

TransportTap::TransportTap(QWebSocket *webSocket) : QObject(webSocket), m_webSocket(webSocket) { }

bool TransportTap::attach(bool tcpNoDelay)
{
    m_socket = m_webSocket->findChild<QAbstractSocket *>(QString(), Qt::FindDirectChildrenOnly);
    if (!m_socket) {
        qCWarning(lcSocket) << "QWebSocket created no socket child: response headers unavailable";
        return false;
    }
    if (!tcpNoDelay)
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 0);
    // At TCP connect, before a byte of the response can have arrived: the transaction then
    // keeps everything QWebSocket reads.
    connect(m_socket, &QAbstractSocket::connected, this, [this] {
        if (!m_socket->isTransactionStarted())
            m_socket->startTransaction();
        Q_EMIT tcpConnected();
    });
    m_sslSocket = qobject_cast<QSslSocket *>(m_socket.data());
    if (m_sslSocket)
        connect(m_sslSocket, &QSslSocket::encrypted, this, &TransportTap::tlsDone);
    return true;
}

HandshakeResponse TransportTap::captureResponse()
{
    if (m_captured || !m_socket || !m_socket->isTransactionStarted())
        return m_response;
    m_captured = true;
    const qint64 leftUnreadByQt = m_socket->bytesAvailable();
    m_socket->rollbackTransaction();
    const QByteArray buffered = m_socket->peek(m_socket->bytesAvailable());
    const qint64 readByQt = buffered.size() - leftUnreadByQt;
    // On a failed handshake QWebSocket may have stopped early: parse the whole head we have.
    const qsizetype headEnd = buffered.indexOf("\r\n\r\n");
    m_response = parseResponseHead(headEnd < 0 ? buffered : buffered.left(headEnd + 4));
    // Leave the socket exactly where QWebSocket had it.
    if (readByQt > 0)
        m_socket->skip(readByQt);
    return m_response;
}

void TransportTap::takeOverReading(qint64 readBufferSize)
{
    if (!m_socket)
        return;
    // QWebSocket's own handler (its private processData) is the only readyRead connection
    // to the QWebSocket itself: cut it, so that QWebSocket never reads again.
    disconnect(m_socket, &QIODevice::readyRead, m_webSocket, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &TransportTap::readyRead);
    m_socket->setReadBufferSize(readBufferSize);
}

void TransportTap::writeControlFrame(int opcode, const QByteArray &payload)
{
    writeDataFrame(opcode, true, payload.constData(), payload.size());
}

void TransportTap::writeCloseFrame(int code, const QString &reason)
{
    QByteArray payload;
    if (code != 1005) // "no status code": an empty close frame
        payload.append(char(code >> 8)).append(char(code & 0xff)).append(reason.toUtf8());
    // Validation keeps the payload within a control frame's 125 bytes.
    writeControlFrame(0x8, payload);
}

namespace {
/// RFC 6455 5.3: @p payload xor the 4-byte @p key, into @p out; a 64-bit word at a time.
void mask(char *out, const char *payload, qint64 size, quint32 key)
{
    const quint64 wideKey = quint64(key) | (quint64(key) << 32);
    qint64 i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, payload + i, 8);
        word ^= wideKey;
        std::memcpy(out + i, &word, 8);
    }
    const auto *maskBytes = reinterpret_cast<const char *>(&key);
    for (; i < size; ++i)
        out[i] = char(payload[i] ^ maskBytes[i & 3]);
}
} // namespace

void TransportTap::writeDataFrame(int opcode, bool fin, const char *payload, qint64 size)
{
    if (!m_socket)
        return;
    char header[14];
    int headerSize = 2;
    header[0] = char((fin ? 0x80 : 0) | opcode);
    if (size < 126) {
        header[1] = char(0x80 | size);
    } else if (size <= 0xffff) {
        header[1] = char(0x80 | 126);
        qToBigEndian(quint16(size), header + 2);
        headerSize = 4;
    } else {
        header[1] = char(0x80 | 127);
        qToBigEndian(quint64(size), header + 2);
        headerSize = 10;
    }
    const quint32 key = QRandomGenerator::global()->generate();
    std::memcpy(header + headerSize, &key, 4); // the key's bytes in memory order are the mask
    headerSize += 4;

    // Small frames are masked on the stack and copied into the socket's write buffer, which
    // QIODevice does for a QByteArray below 4 KiB anyway: no heap block per frame (w1: ~0.24k
    // instructions per message). From 4 KiB on, a QByteArray is shared into the buffer as a
    // chunk of its own, not copied.
    constexpr qint64 CopiedFrameSize = 4096;
    if (size <= CopiedFrameSize) {
        char frame[14 + CopiedFrameSize];
        std::memcpy(frame, header, size_t(headerSize));
        mask(frame + headerSize, payload, size, key);
        m_socket->write(frame, headerSize + size);
        return;
    }
    QByteArray frame(headerSize + size, Qt::Uninitialized);
    std::memcpy(frame.data(), header, size_t(headerSize));
    mask(frame.data() + headerSize, payload, size, key);
    m_socket->write(frame); // shared into the socket's write buffer, not copied
}

qint64 TransportTap::pendingWriteBytes() const
{
    if (!m_socket)
        return 0;
    qint64 pending = m_socket->bytesToWrite();
    if (m_sslSocket)
        pending += m_sslSocket->encryptedBytesToWrite();
    return pending;
}

HandshakeResponse parseResponseHead(const QByteArray &head)
{
    HandshakeResponse response;
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty())
        return response;
    // "HTTP/1.1 101 Switching Protocols"
    const QByteArray statusLine = lines.first().trimmed();
    if (!statusLine.startsWith("HTTP/"))
        return response;
    const int firstSpace = statusLine.indexOf(' ');
    const int secondSpace = statusLine.indexOf(' ', firstSpace + 1);
    response.statusCode
            = statusLine.mid(firstSpace + 1, secondSpace < 0 ? -1 : secondSpace - firstSpace - 1)
                      .toInt();
    if (secondSpace > 0)
        response.reasonPhrase = statusLine.mid(secondSpace + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            break;
        const int colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return response;
}

} // namespace SwanSocket
