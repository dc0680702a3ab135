#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QUrl>
#include <QVariantList>

#include <memory>

namespace SwanSocket {
class ConnectionModel;
class FrameFilterModel;
class FrameModel;
class FrameRecorder;
class SocketApi;
} // namespace SwanSocket

class Composer;
class ConsoleModel;
class InspectorSettings;
class OpenConnectionsModel;
class InspectorPrivate;

/**
 * The inspector's one object behind the QML: it owns the simulator settings, the recorder and
 * its models, the scripts at work (each with its own SocketApi and JsHost), the composer and
 * the demo server, and does what the UI asks of them. QML reads models and calls invokables.
 *
 * Exactly one exists; main() makes it before the QML engine asks for it (Inspector in QML).
 */
class Inspector : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE(<SwanSocket / connectionmodel.h>)
    Q_MOC_INCLUDE(<SwanSocket / framefiltermodel.h>)
    Q_MOC_INCLUDE(<SwanSocket / framemodel.h>)
    Q_MOC_INCLUDE(<SwanSocket / framerecorder.h>)
    Q_MOC_INCLUDE("composer.h")
    Q_MOC_INCLUDE("consolemodel.h")
    Q_MOC_INCLUDE("inspectorsettings.h")
    Q_MOC_INCLUDE("openconnectionsmodel.h")
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(SwanSocket::FrameRecorder *recorder READ recorder CONSTANT)
    Q_PROPERTY(SwanSocket::ConnectionModel *connections READ connections CONSTANT)
    /// Every frame of the selected connection (or of all), before the frame filter.
    Q_PROPERTY(SwanSocket::FrameModel *frameModel READ frameModel CONSTANT)
    /// frameModel through the filter bar's filters: what the frame list shows.
    Q_PROPERTY(SwanSocket::FrameFilterModel *frames READ frames CONSTANT)
    Q_PROPERTY(OpenConnectionsModel *openConnections READ openConnections CONSTANT)
    Q_PROPERTY(ConsoleModel *console READ console CONSTANT)
    Q_PROPERTY(InspectorSettings *settings READ settings CONSTANT)
    Q_PROPERTY(Composer *composer READ composer CONSTANT)
    /// The connection whose frames are listed; -1 for all of them.
    Q_PROPERTY(int selectedTaskId READ selectedTaskId WRITE setSelectedTaskId NOTIFY
                       selectedTaskIdChanged)
    Q_PROPERTY(bool demoRunning READ isDemoRunning NOTIFY activityChanged)
    /// "127.0.0.1:<port>" while the demo server runs.
    Q_PROPERTY(QString demoServerAddress READ demoServerAddress NOTIFY activityChanged)
    Q_PROPERTY(QString demoHost READ demoHost CONSTANT)
    /// File names of the scripts at work.
    Q_PROPERTY(QStringList runningScripts READ runningScripts NOTIFY activityChanged)
    /// File name of the HAR file opened last, "" when none.
    Q_PROPERTY(QString harFile READ harFile NOTIFY activityChanged)
    /// "en" or "zh_CN": the language the UI speaks now.
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QString version READ version CONSTANT)

public:
    // Not default-constructible: Qt 6.4 would make QML's own instance instead of calling create().
    explicit Inspector(QObject *parent);
    ~Inspector() override;

    /// The QML engine's way to the one Inspector (made on first use when main() made none).
    static Inspector *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    SwanSocket::FrameRecorder *recorder() const;
    SwanSocket::ConnectionModel *connections() const;
    SwanSocket::FrameModel *frameModel() const;
    SwanSocket::FrameFilterModel *frames() const;
    OpenConnectionsModel *openConnections() const;
    ConsoleModel *console() const;
    InspectorSettings *settings() const;
    Composer *composer() const;
    int selectedTaskId() const;
    void setSelectedTaskId(int taskId);
    bool isDemoRunning() const;
    QString demoServerAddress() const;
    QString demoHost() const;
    QStringList runningScripts() const;
    QString harFile() const;
    QString language() const;
    QString version() const;

    /// The engine whose bindings follow language changes.
    void setEngine(QQmlEngine *engine);
    /// Switches the UI language ("" follows the system); @p remember stores the choice.
    void applyLanguage(const QString &language, bool remember);

    /// Starts the demo server and the bundled demo scripts (the spec's examples and a chat).
    Q_INVOKABLE bool startDemo();
    /// Runs a mini-program script file next to whatever runs already.
    Q_INVOKABLE bool runScript(const QUrl &file);
    /// Stops every script (the demo's too): their tasks are closed, their timers end.
    Q_INVOKABLE void stopScripts();
    /// Adds the WebSocket connections of a HAR file, for offline browsing.
    Q_INVOKABLE bool openHar(const QUrl &file);
    /// Writes every connection (or only the selected one) as HAR.
    Q_INVOKABLE bool saveHar(const QUrl &file, bool selectedOnly);
    /// Forgets every frame and every closed connection.
    Q_INVOKABLE void clearRecording();
    Q_INVOKABLE void copyText(const QString &text) const;
    /// Switches the UI language at once and remembers it: "", "en" or "zh_CN".
    Q_INVOKABLE void setLanguage(const QString &language);
    /**
     * Messages and bytes per second of connection @p taskId (-1: all connections together)
     * for the last @p seconds, oldest first: [{time, messagesSent, messagesReceived,
     * bytesSent, bytesReceived}].
     */
    Q_INVOKABLE QVariantList rates(int taskId, int seconds) const;
    /// How the UI names connection @p taskId: "#8" for a live task, "H3" for the third one
    /// imported from HAR files (their ids are far too long to show).
    Q_INVOKABLE QString taskLabel(int taskId) const;
    /// Where connection @p taskId came from: the script's or HAR file's name; "" for the composer.
    Q_INVOKABLE QString taskOrigin(int taskId) const;
    /// The connection's handshake and facts (ConnectionModel::details), {} when unknown.
    Q_INVOKABLE QVariantMap connectionDetails(int taskId) const;

Q_SIGNALS:
    void selectedTaskIdChanged();
    void activityChanged();
    void languageChanged();
    /// Something the user should see now (also written to the console).
    void notice(const QString &text, bool isError);

private:
    friend class InspectorPrivate;
    std::unique_ptr<InspectorPrivate> const d;
};
