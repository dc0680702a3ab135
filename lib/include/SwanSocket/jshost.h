#pragma once

#include <SwanSocket/swansocket_export.h>

#include <QObject>
#include <QString>

#include <memory>

class QJSEngine;

namespace SwanSocket {

class SocketApi;
class JsHostPrivate;

/**
 * Runs a mini-program's script unchanged: a QJSEngine with a real `swan` global (the
 * WebSocket API of SocketApi, SocketTask objects, ArrayBuffer for binary data), `console` and
 * the timer functions. An adapter only: every rule lives in SocketApi.
 *
 * A callback that throws is reported through scriptError() and changes nothing else.
 */
class SWANSOCKET_EXPORT JsHost : public QObject
{
    Q_OBJECT

public:
    enum class ConsoleLevel { Log, Info, Warn, Error, Debug };
    Q_ENUM(ConsoleLevel)

    explicit JsHost(SocketApi *api, QObject *parent = nullptr);
    ~JsHost() override;

    QJSEngine *engine() const;
    SocketApi *api() const;

    /// Runs @p source at top level. False when it threw; @p error then says what and where.
    bool evaluate(const QString &source, const QString &fileName, QString *error = nullptr);
    /// Reads a UTF-8 file and evaluates it; false with @p error when unreadable or it threw.
    bool evaluateFile(const QString &path, QString *error = nullptr);

    /// Nothing left to do: no live task, no pending timer, no undelivered result.
    bool isIdle() const;
    int activeTimerCount() const;

Q_SIGNALS:
    /// One console.* call: arguments joined by one space, strings as they are, other values as
    /// JSON.
    void consoleMessage(SwanSocket::JsHost::ConsoleLevel level, const QString &text);
    /// A callback or timer threw (message with file:line when known).
    void scriptError(const QString &message);
    /// isIdle() turned true.
    void becameIdle();

private:
    friend class JsHostPrivate;
    std::unique_ptr<JsHostPrivate> const d;
};

} // namespace SwanSocket
