#pragma once

#include <SwanSocket/jshost.h>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>

#include <memory>

namespace SwanSocket {
class SimulatorSettings;
class SocketApi;
} // namespace SwanSocket

/**
 * One mini-program script at work: its own SocketApi (so its global target task and global
 * listeners are its own, as in a separate mini-program) and the JsHost that runs it.
 */
class ScriptRun : public QObject
{
    Q_OBJECT

public:
    ScriptRun(const QString &name, SwanSocket::SimulatorSettings *settings,
              QObject *parent = nullptr);
    ~ScriptRun() override;

    /// The script's file name, as the console shows it.
    QString name() const;
    SwanSocket::SocketApi *api() const;
    bool isStopping() const;

    /// Runs the script's top level; false (with @p error) when it threw.
    bool start(const QString &source, const QString &fileName, QString *error);
    /**
     * Ends the run: no more of its JavaScript runs (its engine is interrupted, its output
     * ignored) and its live tasks are closed with 1000. finished() follows once they are
     * closed, or after a few seconds when a server does not answer.
     */
    void stop();
    /// Emits idle() once the script has nothing left to do (maybe at once).
    void watchForIdle();

Q_SIGNALS:
    void consoleMessage(SwanSocket::JsHost::ConsoleLevel level, const QString &text);
    void scriptError(const QString &message);
    /// No live task, no timer, no pending result: nothing of the script can run any more.
    void idle();
    /// After stop(): the run may be deleted.
    void finished();

private:
    void finishOnce();

    QString m_name;
    // Declared in this order so that the host (which holds listeners in the api) goes first.
    std::unique_ptr<SwanSocket::SocketApi> m_api;
    std::unique_ptr<SwanSocket::JsHost> m_host;
    bool m_stopping = false;
    bool m_finished = false;
};
