#include "inspector.h"

#include "composer.h"
#include "consolemodel.h"
#include "demoserver.h"
#include "inspectorlogging.h"
#include "inspectorsettings.h"
#include "openconnectionsmodel.h"
#include "scriptrun.h"
#include "translations.h"

#include <SwanSocket/connectionmodel.h>
#include <SwanSocket/framefiltermodel.h>
#include <SwanSocket/framemodel.h>
#include <SwanSocket/framerecorder.h>
#include <SwanSocket/hararchive.h>
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTimer>

using namespace SwanSocket;

namespace {

constexpr int DemoScriptStaggerMs = 250;

ConsoleModel::Level consoleLevel(JsHost::ConsoleLevel level)
{
    switch (level) {
    case JsHost::ConsoleLevel::Log:
        return ConsoleModel::Log;
    case JsHost::ConsoleLevel::Info:
        return ConsoleModel::Info;
    case JsHost::ConsoleLevel::Warn:
        return ConsoleModel::Warn;
    case JsHost::ConsoleLevel::Error:
        return ConsoleModel::Error;
    case JsHost::ConsoleLevel::Debug:
        return ConsoleModel::Debug;
    }
    return ConsoleModel::Log;
}

Inspector *s_instance = nullptr;

} // namespace

class InspectorPrivate
{
public:
    explicit InspectorPrivate(Inspector *q);

    SocketApi *ownerOf(int taskId) const;
    ScriptRun *startRun(const QString &name, const QString &source, const QString &fileName);
    void runFinished(ScriptRun *run);
    void tell(const QString &text, bool isError);
    void startNextDemoScript();

    Inspector *const q;
    SimulatorSettings simulator;
    InspectorSettings settings {&simulator};
    FrameRecorder recorder;
    ConnectionModel connections;
    FrameModel frameModel;
    FrameFilterModel frames;
    OpenConnectionsModel openConnections;
    ConsoleModel console;
    SocketApi composerApi {&simulator};
    Composer composer;
    Translations translations;
    std::unique_ptr<DemoServer> demo;
    QList<QPointer<ScriptRun>> runs;
    QStringList pendingDemoScripts;
    QString harFile;
    QHash<int, QString> origins; // task id -> script or HAR file name
    int selectedTaskId = -1;
    QPointer<QQmlEngine> engine;
};

InspectorPrivate::InspectorPrivate(Inspector *q)
    : q(q), composer(&composerApi, &recorder, [this](int taskId) { return ownerOf(taskId); })
{
    connections.setRecorder(&recorder);
    frameModel.setRecorder(&recorder);
    frames.setSourceModel(&frameModel);
    openConnections.setSourceModel(&connections);
    recorder.watch(&composerApi);
}

SocketApi *InspectorPrivate::ownerOf(int taskId) const
{
    if (composerApi.task(taskId))
        return const_cast<SocketApi *>(&composerApi);
    for (const QPointer<ScriptRun> &run : runs) {
        if (run && run->api()->task(taskId))
            return run->api();
    }
    return nullptr;
}

void InspectorPrivate::tell(const QString &text, bool isError)
{
    console.append(isError ? ConsoleModel::Error : ConsoleModel::Inspector, {}, text);
    Q_EMIT q->notice(text, isError);
}

ScriptRun *InspectorPrivate::startRun(const QString &name, const QString &source,
                                      const QString &fileName)
{
    auto *run = new ScriptRun(name, &simulator, q);
    recorder.watch(run->api());
    QObject::connect(run->api(), &SocketApi::taskCreated, q,
                     [this, name](SocketTask *task) { origins.insert(task->taskId(), name); });
    QObject::connect(run, &ScriptRun::consoleMessage, q,
                     [this, name](JsHost::ConsoleLevel level, const QString &text) {
                         console.append(consoleLevel(level), name, text);
                     });
    QObject::connect(run, &ScriptRun::scriptError, q, [this, name](const QString &message) {
        console.append(ConsoleModel::Exception, name, message);
    });
    QObject::connect(run, &ScriptRun::finished, q, [this, run] { runFinished(run); });
    QObject::connect(run, &ScriptRun::idle, q, [this, run] {
        console.append(ConsoleModel::Inspector, run->name(),
                       Inspector::tr("%1 has finished: no open connection, no timer left.")
                               .arg(run->name()));
        runFinished(run);
    });
    runs.append(run);
    Q_EMIT q->activityChanged();

    QString error;
    if (!run->start(source, fileName, &error)) {
        console.append(ConsoleModel::Exception, name, error);
        tell(Inspector::tr("%1 threw while loading: %2").arg(name, error), true);
    }
    run->watchForIdle();
    return run;
}

void InspectorPrivate::runFinished(ScriptRun *run)
{
    if (!runs.removeAll(run))
        return;
    run->deleteLater();
    Q_EMIT q->activityChanged();
}

void InspectorPrivate::startNextDemoScript()
{
    if (pendingDemoScripts.isEmpty())
        return;
    const QString path = pendingDemoScripts.takeFirst();
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QString name = QFileInfo(path).fileName();
        startRun(name, QString::fromUtf8(file.readAll()), name);
    }
    if (!pendingDemoScripts.isEmpty())
        QTimer::singleShot(DemoScriptStaggerMs, q, [this] { startNextDemoScript(); });
}

Inspector::Inspector(QObject *parent) : QObject(parent), d(new InspectorPrivate(this))
{
    if (!s_instance)
        s_instance = this;
    connect(&d->recorder, &FrameRecorder::cleared, this, [this] {
        if (d->selectedTaskId >= 0 && !d->recorder.connection(d->selectedTaskId))
            setSelectedTaskId(-1);
    });
    connect(&d->settings, &InspectorSettings::languageChanged, this, [this] {
        if (Translations::resolve(d->settings.language()) != d->translations.current())
            applyLanguage(d->settings.language(), false);
    });
}

Inspector::~Inspector()
{
    // Scripts first: their tasks must not outlive the recorder that watches them.
    for (const QPointer<ScriptRun> &run : std::as_const(d->runs))
        delete run.data();
    d->runs.clear();
    if (s_instance == this)
        s_instance = nullptr;
}

Inspector *Inspector::create(QQmlEngine *qmlEngine, QJSEngine *)
{
    if (!s_instance)
        new Inspector(qmlEngine);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    if (!s_instance->d->engine)
        s_instance->setEngine(qmlEngine);
    return s_instance;
}

FrameRecorder *Inspector::recorder() const { return &d->recorder; }

ConnectionModel *Inspector::connections() const { return &d->connections; }

FrameModel *Inspector::frameModel() const { return &d->frameModel; }

FrameFilterModel *Inspector::frames() const { return &d->frames; }

OpenConnectionsModel *Inspector::openConnections() const { return &d->openConnections; }

ConsoleModel *Inspector::console() const { return &d->console; }

InspectorSettings *Inspector::settings() const { return &d->settings; }

Composer *Inspector::composer() const { return &d->composer; }

int Inspector::selectedTaskId() const { return d->selectedTaskId; }

void Inspector::setSelectedTaskId(int taskId)
{
    if (taskId == d->selectedTaskId)
        return;
    d->selectedTaskId = taskId;
    d->frameModel.setTaskId(taskId);
    Q_EMIT selectedTaskIdChanged();
}

bool Inspector::isDemoRunning() const { return d->demo && d->demo->isListening(); }

QString Inspector::demoServerAddress() const
{
    return isDemoRunning() ? QStringLiteral("127.0.0.1:%1").arg(d->demo->port()) : QString();
}

QString Inspector::demoHost() const { return DemoServer::demoHost(); }

QStringList Inspector::runningScripts() const
{
    QStringList names;
    for (const QPointer<ScriptRun> &run : d->runs) {
        if (run && !run->isStopping())
            names.append(run->name());
    }
    return names;
}

QString Inspector::harFile() const { return d->harFile; }

QString Inspector::language() const { return d->translations.current(); }

QString Inspector::version() const { return QCoreApplication::applicationVersion(); }

void Inspector::setEngine(QQmlEngine *engine) { d->engine = engine; }

void Inspector::applyLanguage(const QString &language, bool remember)
{
    if (remember)
        d->settings.setLanguage(language);
    const QString before = d->translations.current();
    d->translations.install(language);
    if (d->engine)
        d->engine->retranslate();
    if (before != d->translations.current())
        Q_EMIT languageChanged();
}

void Inspector::setLanguage(const QString &language) { applyLanguage(language, true); }

bool Inspector::startDemo()
{
    if (isDemoRunning())
        return true;
    d->demo = std::make_unique<DemoServer>();
    if (!d->demo->start()) {
        const QString error = d->demo->errorString();
        d->demo.reset();
        d->tell(tr("The demo server could not start: %1").arg(error), true);
        return false;
    }
    const QString host = DemoServer::demoHost();
    const QString rule = QStringLiteral("%1:443:127.0.0.1:%2").arg(host).arg(d->demo->port());
    d->settings.addSessionAllowedDomain(host);
    d->settings.addSessionConnectTo(rule);
    d->simulator.addCaCertificates({d->demo->caCertificate()});
    d->settings.addSessionCaCertificates(1);
    d->console.append(ConsoleModel::Inspector, {},
                      tr("Demo: a wss echo server on 127.0.0.1:%1 stands in for %2 (a CA made "
                         "just now, trusted by this process only). Running the API examples "
                         "and a chat.")
                              .arg(d->demo->port())
                              .arg(host));

    const QDir examples(QStringLiteral(":/demo/examples"));
    for (const QString &name :
         examples.entryList({QStringLiteral("0*.js")}, QDir::Files, QDir::Name))
        d->pendingDemoScripts.append(examples.filePath(name));
    d->pendingDemoScripts.append(QStringLiteral(":/demo/chat.js"));
    d->startNextDemoScript();
    Q_EMIT activityChanged();
    return true;
}

bool Inspector::runScript(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile script(path);
    if (!script.open(QIODevice::ReadOnly)) {
        d->tell(tr("Cannot read %1: %2").arg(path, script.errorString()), true);
        return false;
    }
    const QString name = QFileInfo(path).fileName();
    d->console.append(ConsoleModel::Inspector, name, tr("Running %1").arg(path));
    d->startRun(name, QString::fromUtf8(script.readAll()), path);
    return true;
}

void Inspector::stopScripts()
{
    d->pendingDemoScripts.clear();
    bool any = false;
    for (const QPointer<ScriptRun> &run : std::as_const(d->runs)) {
        if (run && !run->isStopping()) {
            run->stop();
            any = true;
        }
    }
    if (any)
        d->console.append(ConsoleModel::Inspector, {}, tr("Scripts stopped."));
    Q_EMIT activityChanged();
}

bool Inspector::openHar(const QUrl &file)
{
    HarArchive archive;
    archive.setRecorder(&d->recorder);
    const QUrl url = file.isRelative()
            ? QUrl::fromLocalFile(QFileInfo(file.toString()).absoluteFilePath())
            : file;
    const int before = d->recorder.connectionCount();
    const int added = archive.load(url);
    const QString name = QFileInfo(url.toLocalFile()).fileName();
    if (added < 0) {
        d->tell(tr("Cannot open %1: %2").arg(name, archive.errorString()), true);
        return false;
    }
    d->harFile = name;
    for (int i = before; i < d->recorder.connectionCount(); ++i)
        d->origins.insert(d->recorder.connectionAt(i).taskId, name);
    d->tell(tr("Opened %1: %n WebSocket connection(s).", nullptr, added).arg(name), false);
    Q_EMIT activityChanged();
    return true;
}

bool Inspector::saveHar(const QUrl &file, bool selectedOnly)
{
    HarArchive archive;
    archive.setRecorder(&d->recorder);
    const int taskId = selectedOnly ? d->selectedTaskId : -1;
    if (!archive.save(file, taskId)) {
        d->tell(tr("Cannot save: %1").arg(archive.errorString()), true);
        return false;
    }
    d->tell(tr("Saved %1.").arg(QFileInfo(file.toLocalFile()).fileName()), false);
    return true;
}

void Inspector::clearRecording() { d->recorder.clear(); }

void Inspector::copyText(const QString &text) const { QGuiApplication::clipboard()->setText(text); }

QVariantList Inspector::rates(int taskId, int seconds) const
{
    if (taskId >= 0)
        return d->recorder.rates(taskId, seconds);
    // All connections: the sum of those that may have moved within the window.
    const qint64 windowStartUs
            = (QDateTime::currentMSecsSinceEpoch() - qint64(seconds + 1) * 1000) * 1000;
    QVariantList total;
    for (int i = 0; i < d->recorder.connectionCount(); ++i) {
        const RecordedConnection &connection = d->recorder.connectionAt(i);
        if (connection.offline
            || (connection.closedAtUs != 0 && connection.closedAtUs < windowStartUs))
            continue;
        const QVariantList one = d->recorder.rates(connection.taskId, seconds);
        if (total.isEmpty()) {
            total = one;
            continue;
        }
        for (qsizetype s = 0; s < qMin(total.size(), one.size()); ++s) {
            QVariantMap sum = total.at(s).toMap();
            const QVariantMap add = one.at(s).toMap();
            for (const char *key :
                 {"messagesSent", "messagesReceived", "bytesSent", "bytesReceived"}) {
                const QString name = QLatin1String(key);
                sum[name] = sum.value(name).toLongLong() + add.value(name).toLongLong();
            }
            total[s] = sum;
        }
    }
    if (total.isEmpty()) {
        // Nothing live: a flat line over the window, so the chart keeps its time axis.
        const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        for (int s = seconds - 1; s >= 0; --s)
            total.append(QVariantMap {{QStringLiteral("time"), now - qint64(s) * 1000},
                                      {QStringLiteral("messagesSent"), 0},
                                      {QStringLiteral("messagesReceived"), 0},
                                      {QStringLiteral("bytesSent"), 0},
                                      {QStringLiteral("bytesReceived"), 0}});
    }
    return total;
}

QString Inspector::taskLabel(int taskId) const
{
    if (taskId >= FrameRecorder::FirstOfflineId)
        return QStringLiteral("H%1").arg(taskId - FrameRecorder::FirstOfflineId + 1);
    return QStringLiteral("#%1").arg(taskId);
}

QString Inspector::taskOrigin(int taskId) const { return d->origins.value(taskId); }

QVariantMap Inspector::connectionDetails(int taskId) const
{
    const int row = d->connections.rowOfTask(taskId);
    return row < 0 ? QVariantMap() : d->connections.details(row);
}
