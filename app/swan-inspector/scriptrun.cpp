#include "scriptrun.h"

#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include <QJSEngine>
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
}

ScriptRun::~ScriptRun() = default;

QString ScriptRun::name() const { return m_name; }

SocketApi *ScriptRun::api() const { return m_api.get(); }

bool ScriptRun::isStopping() const { return m_stopping; }

bool ScriptRun::start(const QString &source, const QString &fileName, QString *error)
{
    return m_host->evaluate(source, fileName, error);
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
