#include "framereader.h"

#include <QIODevice>
#include <QStringDecoder>
#include <QtEndian>

#include <cstring>

namespace SwanSocket {

namespace {

enum Opcode {
    Continuation = 0x0,
    TextFrame = 0x1,
    BinaryFrame = 0x2,
    CloseFrame = 0x8,
    PingFrame = 0x9,
    PongFrame = 0xA
};

bool isValidCloseCode(int code)
{
    // RFC 6455 7.4 and the IANA registry; 1004-1006 and 1015 must never be sent.
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
            || (code >= 3000 && code <= 4999);
}

bool isAscii(const char *data, qsizetype size)
{
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        if (word & 0x8080808080808080ULL)
            return false;
    }
    for (; i < size; ++i) {
        if (data[i] & 0x80)
            return false;
    }
    return true;
}

const QString invalidUtf8() { return QStringLiteral("Invalid UTF-8 code encountered."); }

} // namespace

bool decodeUtf8Message(const QByteArray &utf8, QString *text)
{
    if (utf8.isEmpty()) {
        *text = QString(); // null, whether or not the bytes were
        return true;
    }
    if (isAscii(utf8.constData(), utf8.size())) {
        *text = QString::fromLatin1(utf8);
        return true;
    }
    // Stateless: a message that ends inside a character is an error, not a pending state.
    // ConvertInitialBom: a leading U+FEFF is text like any other (QStringDecoder drops it).
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless
                                   | QStringDecoder::Flag::ConvertInitialBom);
    *text = decoder(utf8);
    return !decoder.hasError();
}

FrameReader::FrameReader(qint64 maxMessageSize) : m_maxMessageSize(maxMessageSize) { }

void FrameReader::read(QIODevice *device, std::vector<ServerFrame> *out)
{
    while (!m_finished) {
        if (!m_inPayload && !readHeader(device, out))
            return;
        if (m_finished)
            return;
        if (m_remaining > 0) {
            const qint64 available = device->bytesAvailable();
            if (available <= 0)
                return;
            const qint64 chunk = qMin(available, m_remaining);
            QByteArray &target = (m_opcode & 0x8) ? m_control : m_message;
            const qsizetype offset = target.size();
            // Grown by what arrived, never by what a header announced (a server could make us
            // reserve gigabytes with ten bytes), doubling through reserve(), which reallocs in
            // place (mremap for large blocks) rather than copying.
            if (offset + chunk > target.capacity())
                target.reserve(qMin(m_maxMessageSize,
                                    qMax(offset + chunk, 2 * qint64(target.capacity()))));
            target.resize(offset + chunk);
            const qint64 got = device->read(target.data() + offset, chunk);
            if (got <= 0) {
                target.resize(offset);
                return;
            }
            target.resize(offset + got);
            m_remaining -= got;
            if (m_remaining > 0)
                return; // the rest has not arrived yet
        }
        frameComplete(out);
    }
}

bool FrameReader::readHeader(QIODevice *device, std::vector<ServerFrame> *out)
{
    // Every byte that arrived is consumed, a partial header included: QWebSocket reads the
    // same socket after us and must find nothing (see TransportTap::takeOverReading()).
    const auto fill = [&](int size) {
        if (m_headerSize < size) {
            const qint64 got = device->read(m_header + m_headerSize, size - m_headerSize);
            m_headerSize += int(qMax<qint64>(got, 0));
        }
        return m_headerSize >= size;
    };
    if (!fill(2))
        return false;
    const uchar *header = reinterpret_cast<const uchar *>(m_header);
    const int lengthCode = header[1] & 0x7f;
    const bool masked = header[1] & 0x80;
    if (!fill(2 + (lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0) + (masked ? 4 : 0)))
        return false;
    m_headerSize = 0;

    m_fin = header[0] & 0x80;
    m_opcode = header[0] & 0x0f;
    quint64 length = lengthCode;
    if (lengthCode == 126)
        length = qFromBigEndian<quint16>(header + 2);
    else if (lengthCode == 127)
        length = qFromBigEndian<quint64>(header + 2);

    const auto reject = [&](int code, const QString &reason) {
        fail(code, reason, out);
        return false;
    };
    if (header[0] & 0x70)
        return reject(1002, QStringLiteral("Rsv field is non-zero"));
    if ((m_opcode > BinaryFrame && m_opcode < CloseFrame) || m_opcode > PongFrame)
        return reject(1002, QStringLiteral("Used reserved opcode"));
    if (masked)
        return reject(1002, QStringLiteral("a server must not mask its frames"));
    if (length >> 63)
        return reject(1002, QStringLiteral("Highest bit of payload length is not 0."));
    // RFC 6455 5.2: the minimal number of bytes must be used (Qt's and Chromium's check too).
    if (lengthCode == 126 && length < 126)
        return reject(1002,
                      QStringLiteral("Lengths smaller than 126 must be expressed as one byte."));
    if (lengthCode == 127 && length <= 0xffff)
        return reject(1002,
                      QStringLiteral("Lengths smaller than 65536 (2^16) must be expressed as 2 "
                                     "bytes."));

    if (m_opcode & 0x8) {
        if (!m_fin)
            return reject(1002, QStringLiteral("Control frames cannot be fragmented"));
        if (length > 125)
            return reject(1002, QStringLiteral("Control frame is larger than 125 bytes"));
        m_control.clear();
    } else {
        if (m_opcode == Continuation && m_messageOpcode == 0)
            return reject(1002,
                          QStringLiteral("Received Continuation frame, while there is nothing "
                                         "to continue."));
        if (m_opcode != Continuation && m_messageOpcode != 0)
            return reject(1002,
                          QStringLiteral("All data frames after the initial data frame must "
                                         "have opcode 0 (continuation)."));
        if (qint64(length) > m_maxMessageSize)
            return reject(1009, QStringLiteral("Maximum framesize exceeded."));
        const qint64 needed = m_message.size() + qint64(length);
        if (needed > m_maxMessageSize)
            return reject(1009, QStringLiteral("Received message is too big."));
        if (m_opcode != Continuation) {
            m_messageOpcode = m_opcode;
            Q_ASSERT(m_message.isEmpty()); // frameComplete() left it so (maybe with a buffer)
        }
    }
    m_remaining = qint64(length);
    m_inPayload = true;
    return true;
}

void FrameReader::frameComplete(std::vector<ServerFrame> *out)
{
    m_inPayload = false;
    switch (m_opcode) {
    case PingFrame:
        out->push_back({ServerFrame::Ping, {}, m_control, 0});
        return;
    case PongFrame:
        out->push_back({ServerFrame::Pong, {}, m_control, 0});
        return;
    case CloseFrame: {
        if (m_control.size() == 1)
            return fail(1002, QStringLiteral("Payload of close frame is too small."), out);
        int code = 1005; // RFC 6455 7.1.5: no status code in the frame
        QString reason;
        if (m_control.size() >= 2) {
            code = qFromBigEndian<quint16>(m_control.constData());
            if (!isValidCloseCode(code))
                return fail(1002, QStringLiteral("Invalid close code %1 detected.").arg(code), out);
            if (!decodeUtf8Message(m_control.mid(2), &reason))
                return fail(1007, invalidUtf8(), out);
        }
        m_finished = true;
        out->push_back({ServerFrame::Close, reason, {}, code});
        return;
    }
    default:
        break;
    }
    if (!m_fin)
        return;
    const int opcode = std::exchange(m_messageOpcode, 0);
    if (opcode == BinaryFrame) {
        if (m_message.isEmpty()) { // null, as ever: not the buffer a text message left
            out->push_back({ServerFrame::Binary, {}, QByteArray(), 0});
            return;
        }
        if (m_message.capacity() > m_message.size() + m_message.size() / 4)
            m_message.squeeze(); // doubling left up to twice the message: give it back
        out->push_back({ServerFrame::Binary, {}, std::move(m_message), 0});
        m_message = QByteArray();
        return;
    }
    ServerFrame message {ServerFrame::Text, {}, {}, 0};
    const bool valid = decodeUtf8Message(m_message, &message.text);
    // The UTF-8 is decoded: its buffer serves the next message (no heap block per message, w1)
    // unless a large one made it large.
    constexpr qsizetype KeptBuffer = 64 * 1024;
    if (m_message.capacity() > KeptBuffer)
        m_message = QByteArray();
    else
        m_message.truncate(0);
    if (!valid)
        return fail(1007, invalidUtf8(), out);
    out->push_back(std::move(message));
}

void FrameReader::fail(int code, const QString &reason, std::vector<ServerFrame> *out)
{
    m_finished = true;
    m_message = QByteArray();
    out->push_back({ServerFrame::ProtocolError, reason, {}, code});
}

} // namespace SwanSocket
