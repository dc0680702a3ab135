#include "peercommands.h"

#include <QtEndian>

#include <algorithm>

namespace SwanTest {

QByteArray countingBytes(qsizetype count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (qsizetype i = 0; i < count; ++i)
        bytes[i] = char(i % 256);
    return bytes;
}

QByteArray serverFrame(Opcode opcode, const QByteArray &payload, bool fin)
{
    QByteArray frame;
    frame.append(char((fin ? 0x80 : 0x00) | quint8(opcode)));
    const quint64 size = quint64(payload.size());
    if (size < 126) {
        frame.append(char(size));
    } else if (size <= 0xFFFF) {
        frame.append(char(126));
        const quint16 length = qToBigEndian(quint16(size));
        frame.append(reinterpret_cast<const char *>(&length), sizeof length);
    } else {
        frame.append(char(127));
        const quint64 length = qToBigEndian(size);
        frame.append(reinterpret_cast<const char *>(&length), sizeof length);
    }
    return frame + payload;
}

QString rawCommand(const QByteArray &bytes)
{
    return QStringLiteral("cmd:raw:") + QString::fromLatin1(bytes.toHex());
}

QString closeCommand(int code, const QString &reason)
{
    return QStringLiteral("cmd:close:%1:%2").arg(code).arg(reason);
}

bool PeerCommand::isSendableCloseCode(int code)
{
    return (code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006)
            || (code >= 3000 && code <= 4999);
}

PeerCommand PeerCommand::parse(const QString &message)
{
    PeerCommand command;
    const auto invalid = [&command](const QString &why) {
        command.type = Invalid;
        command.text = why;
        return command;
    };
    if (!message.startsWith(QLatin1String("cmd:")))
        return invalid(QStringLiteral("not a command: ") + message);

    const QString rest = message.mid(4);
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    const QString name = colon < 0 ? rest : rest.left(colon);
    const QString argument = colon < 0 ? QString() : rest.mid(colon + 1);
    // Digits only, as the peers accept: no sign, no spaces.
    const auto parseCount = [](const QString &text, int *value) {
        bool ok = !text.isEmpty();
        for (const QChar c : text)
            ok = ok && c >= u'0' && c <= u'9';
        *value = ok ? text.toInt(&ok) : 0;
        return ok;
    };

    if (name == QLatin1String("close")) {
        const qsizetype separator = argument.indexOf(QLatin1Char(':'));
        const QString reason = separator < 0 ? QString() : argument.mid(separator + 1);
        if (!parseCount(separator < 0 ? argument : argument.left(separator), &command.code)
            || !isSendableCloseCode(command.code) || reason.toUtf8().size() > 123) {
            return invalid(QStringLiteral("cannot close with %1 (use cmd:raw for invalid close "
                                          "frames)")
                                   .arg(argument));
        }
        command.type = Close;
        command.text = reason;
    } else if (name == QLatin1String("drop")) {
        command.type = Drop;
    } else if (name == QLatin1String("send-binary") || name == QLatin1String("send-text")) {
        if (!parseCount(argument, &command.count))
            return invalid(QStringLiteral("%1 needs a count, got '%2'").arg(name, argument));
        command.type = name == QLatin1String("send-text") ? SendText : SendBinary;
    } else if (name == QLatin1String("ping")) {
        command.type = Ping;
        command.text = argument;
    } else if (name == QLatin1String("raw")) {
        const QByteArray hex = argument.toLatin1();
        const auto isHex = [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        };
        if (hex.size() % 2 != 0 || !std::all_of(hex.cbegin(), hex.cend(), isHex))
            return invalid(QStringLiteral("raw needs hex bytes"));
        command.type = Raw;
        command.bytes = QByteArray::fromHex(hex);
    } else {
        return invalid(QStringLiteral("unknown command ") + message);
    }
    return command;
}

} // namespace SwanTest
