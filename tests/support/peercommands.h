#pragma once

#include <QByteArray>
#include <QString>

namespace SwanTest {

/// WebSocket opcodes, for hand-made frames (QWebSocketProtocol keeps its own private).
enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

/// @p count bytes 0, 1, ..., 255, 0, 1, ...: what "cmd:send-binary:<count>" sends.
QByteArray countingBytes(qsizetype count);

/// One unmasked (server to client) frame, RSV bits clear; for rawCommand().
QByteArray serverFrame(Opcode opcode, const QByteArray &payload, bool fin = true);

/// "cmd:raw:<hex>": the server writes @p bytes to the connection as they are.
QString rawCommand(const QByteArray &bytes);
/// "cmd:close:<code>:<reason>"
QString closeCommand(int code, const QString &reason = {});

/// A "cmd:..." text message as every test server reads it (the peers in tests/peers agree).
struct PeerCommand
{
    enum Type { Invalid, Close, Drop, SendBinary, SendText, Ping, Raw };

    Type type = Invalid;
    int code = 0; ///< Close
    int count = 0; ///< SendBinary, SendText
    QString text; ///< Close: the reason; Ping: the payload; Invalid: what is wrong
    QByteArray bytes; ///< Raw

    static PeerCommand parse(const QString &message);
    /// The close codes a server may send: 1000-1003, 1007-1014 and 3000-4999.
    static bool isSendableCloseCode(int code);
};

} // namespace SwanTest
