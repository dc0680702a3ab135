#include "scriptrun.h"

#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include <QJSEngine>
#include <QJSValueIterator>
#include <QTimer>

using namespace SwanSocket;

namespace {
constexpr int StopGraceMs = 3000;
}

ScriptRun::ScriptRun(const QString &name, SimulatorSettings *settings, QObject *parent)
    : QObject(parent), m_name(name), m_api(std::make_unique<SocketApi>(settings)),
      m_host(std::make_unique<JsHost>(m_api.get()))
{
    connect(m_host.get(), &JsHost::consoleMessage, this, &ScriptRun::consoleMessage);
    connect(m_host.get(), &JsHost::scriptError, this, &ScriptRun::scriptError);
    // taskCreated comes from inside connectSocket, right after noteConnectOptions(). Told
    // from the event loop, so that every observer of taskCreated knows the task by then.
    connect(m_api.get(), &SocketApi::taskCreated, this, [this](SocketTask *task) {
        if (!m_pendingRequestHeaders)
            return;
        QTimer::singleShot(0, this,
                           [this, taskId = task->taskId(), headers = *m_pendingRequestHeaders] {
                               Q_EMIT requestHeadersKnown(taskId, headers);
                           });
        m_pendingRequestHeaders.reset();
    });
}

ScriptRun::~ScriptRun() = default;

QString ScriptRun::name() const { return m_name; }

SocketApi *ScriptRun::api() const { return m_api.get(); }

bool ScriptRun::isStopping() const { return m_stopping; }

bool ScriptRun::start(const QString &source, const QString &fileName, QString *error)
{
    probeConnectSocket();
    return m_host->evaluate(source, fileName, error);
}

/*
 * SocketApi does not tell which request headers a task was given, and the handshake pane
 * should show them. So swan.connectSocket is wrapped, before the script runs, in a function
 * that shows the options to noteConnectOptions() and then calls the original unchanged.
 * Delete this once the library reports a task's request headers itself.
 */
void ScriptRun::probeConnectSocket()
{
    QJSEngine *engine = m_host->engine();
    QJSEngine::setObjectOwnership(this, QJSEngine::CppOwnership);
    const QJSValue wrap = engine->evaluate(QStringLiteral(R"((function (swan, probe) {
    var connectSocket = swan.connectSocket;
    swan.connectSocket = function (options) {
        probe.noteConnectOptions(options);
        return connectSocket.apply(this, arguments);
    };
}))"));
    wrap.call({engine->globalObject().property(QStringLiteral("swan")), engine->newQObject(this)});
}

void ScriptRun::noteConnectOptions(const QJSValue &options)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    const QJSValue header = options.property(QStringLiteral("header"));
    if (header.isObject()) {
        QJSValueIterator it(header);
        while (it.hasNext()) {
            it.next();
            headers.append({it.name().toUtf8(), it.value().toString().toUtf8()});
        }
    }
    const QJSValue protocols = options.property(QStringLiteral("protocols"));
    if (protocols.isArray()) {
        QStringList offered;
        const int length = protocols.property(QStringLiteral("length")).toInt();
        for (int i = 0; i < length; ++i)
            offered.append(protocols.property(quint32(i)).toString());
        if (!offered.isEmpty())
            headers.append({QByteArrayLiteral("Sec-WebSocket-Protocol"),
                            offered.join(QStringLiteral(", ")).toUtf8()});
    }
    headers.append({QByteArrayLiteral("Referer"), m_api->settings()->referer()});
    m_pendingRequestHeaders = headers;
}

void ScriptRun::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_host->disconnect(this);
    m_host->engine()->setInterrupted(true);
    for (SocketTask *task : m_api->liveTasks())
        task->close(1000, QStringLiteral("stopped by the inspector"));
    if (m_api->liveTasks().isEmpty()) {
        QTimer::singleShot(0, this, &ScriptRun::finishOnce);
        return;
    }
    connect(m_api.get(), &SocketApi::becameIdle, this, &ScriptRun::finishOnce);
    QTimer::singleShot(StopGraceMs, this, &ScriptRun::finishOnce);
}

void ScriptRun::watchForIdle()
{
    connect(m_host.get(), &JsHost::becameIdle, this, [this] {
        if (!m_stopping)
            Q_EMIT idle();
    });
    if (m_host->isIdle()) {
        QTimer::singleShot(0, this, [this] {
            if (!m_stopping && m_host->isIdle())
                Q_EMIT idle();
        });
    }
}

void ScriptRun::finishOnce()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
}
