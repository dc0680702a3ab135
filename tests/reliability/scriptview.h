#pragma once

// What the reliability tests share: ScriptView (the events a script sees, one line each) and
// builders of hand-made server frames.
#include <SwanSocket/socketapi.h>

#include "peercommands.h"

#include <QByteArray>
#include <QStringList>
#include <QVariant>
#include <QtEndian>

namespace SwanTest {

/// A server frame with a free first byte (FIN, RSV bits, opcode), masked if asked.
inline QByteArray rawFrame(quint8 firstByte, const QByteArray &payload, bool masked = false)
{
    QByteArray frame(1, char(firstByte));
    const quint8 maskBit = masked ? 0x80 : 0x00;
    if (payload.size() < 126) {
        frame.append(char(maskBit | payload.size()));
    } else if (payload.size() <= 0xFFFF) {
        frame.append(char(maskBit | 126));
        const quint16 length = qToBigEndian(quint16(payload.size()));
        frame.append(reinterpret_cast<const char *>(&length), sizeof length);
    } else {
        frame.append(char(maskBit | 127));
        const quint64 length = qToBigEndian(quint64(payload.size()));
        frame.append(reinterpret_cast<const char *>(&length), sizeof length);
    }
    if (!masked)
        return frame + payload;
    const char mask[4] = {'\x12', '\x34', '\x56', '\x78'};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    return frame;
}

inline QByteArray textFrame(const QByteArray &utf8, bool fin = true)
{
    return serverFrame(Opcode::Text, utf8, fin);
}

inline QByteArray continuationFrame(const QByteArray &bytes, bool fin = true)
{
    return serverFrame(Opcode::Continuation, bytes, fin);
}

inline QByteArray closeFrame(int code, const QByteArray &reason = {})
{
    QByteArray payload;
    payload.append(char(code >> 8)).append(char(code & 0xFF)).append(reason);
    return serverFrame(Opcode::Close, payload);
}

/**
 * The events of one task as a script sees them through the swan API (the res objects JsHost
 * hands to the script's listeners), one line each: "open", "text:<data>" ("text:<n> chars"
 * past 64), "binary:<size>", "error:<errMsg>", "close:<code>:<reason>".
 */
class ScriptView
{
public:
    void listen(SwanSocket::SocketApi &api, SwanSocket::SocketTask *task)
    {
        using Event = SwanSocket::SocketApi::Event;
        api.addTaskListener(task, Event::Open, [this](const QVariantMap &res) {
            openRes = res;
            lines << QStringLiteral("open");
        });
        api.addTaskListener(task, Event::Message, [this](const QVariantMap &res) {
            const QVariant data = res.value(QStringLiteral("data"));
            messages << data;
            if (data.typeId() == QMetaType::QByteArray) {
                lines << QStringLiteral("binary:%1").arg(data.toByteArray().size());
            } else {
                const QString text = data.toString();
                lines << (text.size() > 64 ? QStringLiteral("text:%1 chars").arg(text.size())
                                           : QStringLiteral("text:") + text);
            }
        });
        api.addTaskListener(task, Event::Error, [this](const QVariantMap &res) {
            lines << QStringLiteral("error:") + res.value(QStringLiteral("errMsg")).toString();
        });
        api.addTaskListener(task, Event::Close, [this](const QVariantMap &res) {
            lines << QStringLiteral("close:%1:%2")
                             .arg(res.value(QStringLiteral("code")).toInt())
                             .arg(res.value(QStringLiteral("reason")).toString());
        });
    }

    bool closed() const
    {
        return !lines.isEmpty() && lines.last().startsWith(QLatin1String("close:"));
    }

    QStringList lines;
    QVariantList messages;
    QVariantMap openRes;
};

} // namespace SwanTest
