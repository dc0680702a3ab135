#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace SwanSocket {
class FrameRecorder;
class SocketApi;
struct CallResult;
} // namespace SwanSocket

/**
 * The composer: opens connections by hand and sends into, or closes, any open task — also
 * one a running script created — through the same API calls a script makes, so the same
 * checks apply and the same errMsg comes back. Results arrive later (never inside a call) and
 * show in status.
 */
class Composer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Inspector owns the composer")
    /// The outcome of the last call, as the API words it ("sendSocketMessage:ok", …).
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool statusIsError READ statusIsError NOTIFY statusChanged)

public:
    enum Encoding { Text, Hex, Base64 };
    Q_ENUM(Encoding)

    /// Finds the API that owns task @p taskId (nullptr when none does any more).
    using TaskOwner = std::function<SwanSocket::SocketApi *(int taskId)>;

    Composer(SwanSocket::SocketApi *api, SwanSocket::FrameRecorder *recorder, TaskOwner owner,
             QObject *parent = nullptr);
    ~Composer() override;

    QString status() const;
    bool statusIsError() const;

    /**
     * swan.connectSocket({url, header, protocols}). @p headers holds "Name: value" lines,
     * @p protocols names separated by commas or spaces. Returns the new task's id, or -1 when
     * the input could not be read (status says why); the call's own result follows in status.
     */
    Q_INVOKABLE int connectTo(const QString &url, const QString &headers, const QString &protocols);
    /// "" when @p headers reads as "Name: value" lines, else what is wrong (translated).
    Q_INVOKABLE QString checkHeaders(const QString &headers) const;
    /// The byte count of @p input in @p encoding, or -1 when it is not valid hex/base64.
    Q_INVOKABLE int payloadSize(const QString &input, Encoding encoding) const;
    /// SocketTask.send({data}) on task @p taskId: a text frame for Text, else binary.
    Q_INVOKABLE bool send(int taskId, const QString &input, Encoding encoding);
    /// SocketTask.close({code, reason}) on task @p taskId.
    Q_INVOKABLE bool close(int taskId, int code, const QString &reason);

    /// Hex digits, optionally separated by spaces, commas or colons, with or without 0x.
    static std::optional<QByteArray> parseHex(const QString &input);
    static std::optional<QByteArray> parseBase64(const QString &input);

Q_SIGNALS:
    void statusChanged();

private:
    std::optional<QVariantMap> parseHeaders(const QString &headers, QString *error) const;
    void setStatus(const QString &status, bool isError);
    std::function<void(const SwanSocket::CallResult &)> reporter(int taskId);

    SwanSocket::SocketApi *const m_api;
    SwanSocket::FrameRecorder *const m_recorder;
    const TaskOwner m_owner;
    QString m_status;
    bool m_statusIsError = false;
};
