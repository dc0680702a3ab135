#include <SwanSocket/jshost.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include "js/jsconvert.h"
#include "js/jstimers.h"
#include "logging.h"

#include <QFile>
#include <QHash>
#include <QJSEngine>
#include <QMutex>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <iterator>
#include <utility>

namespace SwanSocket {

namespace {

/// "file:s.js" / "file:///abs/s.js" (how V4 records file names) back to the name we were given.
QString displayFileName(QString fileName)
{
    if (fileName.startsWith(QLatin1String("file://")))
        return QUrl(fileName).toLocalFile();
    if (fileName.startsWith(QLatin1String("file:")))
        return fileName.mid(5);
    return fileName;
}

/// "<file>:<line>: <what>" for a thrown value; @p stackTrace (QJSEngine::evaluate's, frames as
/// "function:line:column:file") supplies the place when the value is not an Error object.
QString describeThrown(const QJSValue &thrown, const QStringList &stackTrace = {})
{
    QString file;
    int line = 0;
    if (thrown.isObject()) {
        const QJSValue fileName = thrown.property(QStringLiteral("fileName"));
        const QJSValue lineNumber = thrown.property(QStringLiteral("lineNumber"));
        if (fileName.isString())
            file = displayFileName(fileName.toString());
        if (lineNumber.isNumber())
            line = lineNumber.toInt();
    }
    if (file.isEmpty() && !stackTrace.isEmpty()) {
        const QStringList parts = stackTrace.first().split(QLatin1Char(':'));
        if (parts.size() >= 4) {
            line = parts.at(1).toInt();
            file = displayFileName(parts.mid(3).join(QLatin1Char(':')));
        }
    }
    const QString what = thrown.toString();
    if (file.isEmpty())
        return what;
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(what)
                    : QStringLiteral("%1: %2").arg(file, what);
}

} // namespace

/// One call from swan.js as it packs it into one int: id * 32 + flags.
struct PackedCall
{
    explicit PackedCall(int packed)
        : id(packed >> 5), deliver(SocketApi::Deliveries(packed & SocketApi::DeliverAll)),
          badCallbacks((packed >> 2) & 7)
    {
    }

    int id;
    SocketApi::Deliveries deliver; // the outcomes the script has a callback for
    int badCallbacks; // send: success 1, fail 2, complete 4 hold a non-function
};

/// The `native` object swan.js talks to: JS calls in, façade calls out. Reachable only from
/// swan.js's closure, never from scripts.
class JsNative : public QObject
{
    Q_OBJECT

public:
    explicit JsNative(JsHostPrivate *host) : m_host(host) { }

    // Calls. @p call packs the call's id and flags (see PackedCall); each argument of a
    // method called from script costs. True (a task id for connectSocket) when a result will
    // come to deliverResult.
    Q_INVOKABLE int connectSocket(const QJSValue &options, int call);
    Q_INVOKABLE bool closeSocket(const QJSValue &options, int call);
    /// SocketTask.send, or swan.sendSocketMessage for task 0.
    Q_INVOKABLE bool send(int taskId, const QJSValue &data, int call);
    /// send() of text with no callback of the wrong type: the common case, typed, so V4 hands
    /// the string over without a QJSValue, a conversion or an options map (SocketApi::sendText).
    Q_INVOKABLE bool sendText(int taskId, const QString &text, int call);
    Q_INVOKABLE bool close(int taskId, const QJSValue &options, int call);
    Q_INVOKABLE void setGlobalListener(int event);
    Q_INVOKABLE void addTaskListener(int taskId, int event, int listenerId);
    Q_INVOKABLE int readyState(int taskId) const;
    Q_INVOKABLE void console(int level, const QString &text);
    Q_INVOKABLE void reportError(const QJSValue &error);
    Q_INVOKABLE int addTimer(double ms, bool repeat);
    Q_INVOKABLE void removeTimer(int id);

private:
    bool sendOptions(int taskId, const QVariantMap &options, const PackedCall &packed);
    SocketTask *sendTarget(int taskId) const;

    JsHostPrivate *const m_host;
};

class JsHostPrivate
{
public:
    JsHostPrivate(JsHost *host, SocketApi *api);
    ~JsHostPrivate();

    void bootstrap();
    SocketTask *task(int taskId) const;
    ResultHandler resultHandler(const PackedCall &call);
    /// @p dispatcher: the swan.js entry point for this listener kind; @p id its listener.
    EventHandler eventHandler(QJSValue JsHostPrivate::*dispatcher, int id);
    MessageHandler messageHandler(QJSValue JsHostPrivate::*dispatcher, int id);
    void dispatchMessage(const QJSValue &dispatcher, int id, const ReceivedMessage &message);

    /// Calls one of swan.js's entry points (they catch script errors themselves).
    void enterScript(const QJSValue &entry, const QJSValueList &args);
    void scriptRan();
    void scheduleIdleCheck();
    void checkIdle();

    JsHost *const q;
    QPointer<SocketApi> const api;
    quint64 const serial; // in liveHosts (0: none, made during static destruction)
    QJSEngine engine;
    JsConvert convert {&engine};
    JsTimers timers;
    JsNative native {this};
    // swan.js's entry points, looked up once: a property read by name costs on every call.
    QJSValue deliverResult;
    QJSValue dispatchListener;
    QJSValue dispatchListenerMessage;
    QJSValue dispatchGlobal;
    QJSValue dispatchGlobalMessage;
    QJSValue forgetTask;
    QJSValue fireTimer;
    /// Held for the engine's life, never given to a script: see makeGcBallast().
    QJSValue gcBallast;
    QHash<int, QPointer<SocketTask>> tasks;
    /// dispatchMessage()'s arguments to a message dispatcher, {listener id, data, dataType},
    /// kept between messages: a script value's copy costs ~0.3k instructions, a fresh list a
    /// heap block, and dataType repeats (a string converted once also spares the GC).
    struct MessageArgs
    {
        QJSValueList values;
        bool binary = false; // the dataType values[2] holds
    } messageArgs;
    QTimer idleCheck;
    bool idleReported = true; // a fresh host has nothing to report
};

namespace {
/// Every live host by serial. A result handler holds a serial, not a QPointer: trivially
/// copyable, it fits std::function's own buffer, so a call costs no heap block (~0.2k
/// instructions per send), and a result that comes after its host is gone finds nothing, even
/// if a new host took the old one's address. Serials are never reused. A Q_GLOBAL_STATIC, so a
/// host destroyed during static destruction, after the table, finds it gone and leaves it be.
struct LiveHosts
{
    QMutex mutex; // hosts may live in several threads (each with its façade)
    QHash<quint64, JsHostPrivate *> bySerial;
    quint64 lastSerial = 0;
};
Q_GLOBAL_STATIC(LiveHosts, liveHosts)

quint64 addLiveHost(JsHostPrivate *host)
{
    LiveHosts *hosts = liveHosts();
    if (!hosts)
        return 0; // static destruction: such a host gets no results
    const QMutexLocker lock(&hosts->mutex);
    hosts->bySerial.insert(++hosts->lastSerial, host);
    return hosts->lastSerial;
}

/// V4 collects garbage whenever the text of the strings it holds outgrows a limit that starts
/// at 128 KiB; after a collection the limit doubles if 3/4 of it is still held and halves (to
/// no less than 128 KiB) if under a quarter is. Received text makes strings that die young, so
/// the limit stays at its floor and every ~128 KiB of messages cost a full mark of the engine
/// (w1: ~0.5k instructions per 64-byte message). One 1 MiB string held for good keeps the limit
/// at 2 MiB: a collection per ~1 MiB of text, and at most that much dead text waiting (w1:
/// 0.55k instructions fewer per message, +3 % messages/s, peak RSS unchanged). Its characters
/// are a static array nobody reads or writes: zero pages never touched, no memory.
QJSValue makeGcBallast(QJSEngine *engine)
{
    static QChar characters[512 * 1024];
    return engine->toScriptValue(QString::fromRawData(characters, std::size(characters)));
}

JsHostPrivate *liveHost(quint64 serial)
{
    LiveHosts *hosts = liveHosts();
    if (!hosts)
        return nullptr;
    const QMutexLocker lock(&hosts->mutex);
    return hosts->bySerial.value(serial);
}
} // namespace

JsHostPrivate::JsHostPrivate(JsHost *host, SocketApi *api)
    : q(host), api(api), serial(addLiveHost(this))
{
    // Deliberately no installExtensions(): scripts get no print/Qt/require, nothing that
    // reaches files or processes; console and timers come from swan.js.
    QJSEngine::setObjectOwnership(&native, QJSEngine::CppOwnership);
    // A zero-time re-check: a result being delivered right now may start new work.
    idleCheck.setSingleShot(true);
    idleCheck.setInterval(0);
    QObject::connect(&idleCheck, &QTimer::timeout, q, [this] { checkIdle(); });
}

JsHostPrivate::~JsHostPrivate()
{
    if (LiveHosts *hosts = liveHosts()) {
        const QMutexLocker lock(&hosts->mutex);
        hosts->bySerial.remove(serial);
    }
}

void JsHostPrivate::bootstrap()
{
    // A module, not evaluate(): V4 compiles modules with its property lookup caches, and
    // evaluate()'s code without them (QML's scoping needs that), which made every property
    // read in swan.js a walk (w1: ~0.45k instructions per message). Scripts keep evaluate().
    // One quirk of 6.4's JIT: a throw inside a compiled module function reports line 1 (only
    // reachable when a script replaced a built-in swan.js uses, e.g. `Error`).
    const QJSValue module = engine.importModule(QStringLiteral(":/swansocket/swan.js"));
    const QJSValue factory = module.isError() ? module : module.property(QStringLiteral("default"));
    if (!factory.isCallable()) {
        qCCritical(lcJs) << "swan.js failed:"
                         << (factory.isError() ? describeThrown(factory)
                                               : QStringLiteral("it exports no default function"));
        return;
    }
    const QJSValue entries = factory.call({engine.newQObject(&native), engine.globalObject()});
    if (entries.isError() || !entries.isObject()) {
        qCCritical(lcJs) << "swan.js failed:" << describeThrown(entries);
        return;
    }
    deliverResult = entries.property(QStringLiteral("deliverResult"));
    dispatchListener = entries.property(QStringLiteral("dispatchListener"));
    dispatchListenerMessage = entries.property(QStringLiteral("dispatchListenerMessage"));
    dispatchGlobal = entries.property(QStringLiteral("dispatchGlobal"));
    dispatchGlobalMessage = entries.property(QStringLiteral("dispatchGlobalMessage"));
    forgetTask = entries.property(QStringLiteral("forgetTask"));
    fireTimer = entries.property(QStringLiteral("fireTimer"));
    gcBallast = makeGcBallast(&engine);
}

SocketTask *JsHostPrivate::task(int taskId) const
{
    if (SocketTask *known = tasks.value(taskId))
        return known;
    return api ? api->task(taskId) : nullptr;
}

// Handlers capture ids and a way to find the host that checks it is alive, never script values:
// the façade may outlive the engine. A call with no callback to run gets none.
ResultHandler JsHostPrivate::resultHandler(const PackedCall &call)
{
    if (call.deliver == SocketApi::DeliverNothing)
        return {};
    return [serial = serial, callId = call.id](const CallResult &result) {
        JsHostPrivate *d = liveHost(serial);
        if (!d)
            return;
        d->enterScript(d->deliverResult, {callId, result.ok, d->convert.toScript(result.res)});
    };
}

EventHandler JsHostPrivate::eventHandler(QJSValue JsHostPrivate::*dispatcher, int id)
{
    return [host = QPointer<JsHost>(q), dispatcher, id](const QVariantMap &res) {
        if (host)
            host->d->enterScript(host->d.get()->*dispatcher, {id, host->d->convert.toScript(res)});
    };
}

MessageHandler JsHostPrivate::messageHandler(QJSValue JsHostPrivate::*dispatcher, int id)
{
    return [host = QPointer<JsHost>(q), dispatcher, id](const ReceivedMessage &message) {
        if (host)
            host->d->dispatchMessage(host->d.get()->*dispatcher, id, message);
    };
}

// Every message: its two values go as they are and swan.js makes the res object.
void JsHostPrivate::dispatchMessage(const QJSValue &dispatcher, int id,
                                    const ReceivedMessage &message)
{
    // Taken out while in use: a listener that spins an event loop may see the next message
    // dispatched (it then gets a list of its own).
    MessageArgs args = std::exchange(messageArgs, {});
    if (args.values.size() != 3 || args.binary != message.binary) {
        args.values = {QJSValue(), QJSValue(), engine.toScriptValue(message.dataType())};
        args.binary = message.binary;
    }
    args.values[0] = id;
    args.values[1] = message.binary ? convert.toArrayBuffer(message.bytes)
                                    : QJSValue(message.text); // a third of toScriptValue()'s cost
    enterScript(dispatcher, args.values);
    args.values[1] = QJSValue(); // holds no payload between messages
    messageArgs = std::move(args);
}

void JsHostPrivate::enterScript(const QJSValue &entry, const QJSValueList &args)
{
    const QJSValue result = entry.call(args);
    if (result.isError() && !engine.isInterrupted()) // interrupted: the embedder stopped it
        qCWarning(lcJs) << "swan.js entry point failed:" << describeThrown(result);
    scriptRan();
}

void JsHostPrivate::scriptRan()
{
    // Script code may have started anything: the next idle moment is news again. While the host
    // is busy, whatever ends that work schedules the check (SocketApi::becameIdle,
    // JsTimers::timerFinished): a zero timer per entry into script cost ~1.3k instructions per
    // w2 round trip.
    idleReported = false;
    if (q->isIdle())
        scheduleIdleCheck();
}

void JsHostPrivate::scheduleIdleCheck()
{
    // One pending check is enough: it runs after the rest of this turn.
    if (!idleCheck.isActive())
        idleCheck.start();
}

void JsHostPrivate::checkIdle()
{
    if (idleReported || !q->isIdle())
        return;
    idleReported = true;
    qCDebug(lcJs) << "idle";
    Q_EMIT q->becameIdle();
}

int JsNative::connectSocket(const QJSValue &options, int call)
{
    if (!m_host->api)
        return 0;
    SocketTask *task = m_host->api->connectSocket(m_host->convert.toOptions(options),
                                                  m_host->resultHandler(PackedCall(call)));
    if (!task)
        return 0;
    m_host->tasks.insert(task->taskId(), task);
    return task->taskId();
}

bool JsNative::closeSocket(const QJSValue &options, int call)
{
    const PackedCall packed(call);
    return m_host->api
            && m_host->api->closeSocket(m_host->convert.toOptions(options),
                                        m_host->resultHandler(packed), packed.deliver);
}

bool JsNative::send(int taskId, const QJSValue &data, int call)
{
    const PackedCall packed(call);
    return sendOptions(taskId, m_host->convert.toMessageOptions(data, packed.badCallbacks), packed);
}

bool JsNative::sendText(int taskId, const QString &text, int call)
{
    if (!m_host->api)
        return false;
    const PackedCall packed(call);
    return m_host->api->sendText(sendTarget(taskId), text, m_host->resultHandler(packed),
                                 packed.deliver);
}

bool JsNative::sendOptions(int taskId, const QVariantMap &options, const PackedCall &packed)
{
    return m_host->api
            && m_host->api->send(sendTarget(taskId), options, m_host->resultHandler(packed),
                                 packed.deliver);
}

SocketTask *JsNative::sendTarget(int taskId) const
{
    // Task 0 is swan.sendSocketMessage: the façade's current target (what its own
    // sendSocketMessage() sends on). A task the façade no longer knows is nullptr: it fails that
    // as a state error.
    return taskId == 0 ? m_host->api->currentTask() : m_host->task(taskId);
}

bool JsNative::close(int taskId, const QJSValue &options, int call)
{
    const PackedCall packed(call);
    return m_host->api
            && m_host->api->close(m_host->task(taskId), m_host->convert.toOptions(options),
                                  m_host->resultHandler(packed), packed.deliver);
}

namespace {
bool isEvent(int event)
{
    return event >= int(SocketApi::Event::Open) && event <= int(SocketApi::Event::Close);
}
} // namespace

void JsNative::setGlobalListener(int event)
{
    if (!m_host->api || !isEvent(event))
        return;
    if (SocketApi::Event(event) == SocketApi::Event::Message)
        m_host->api->setGlobalMessageListener(
                m_host->messageHandler(&JsHostPrivate::dispatchGlobalMessage, event));
    else
        m_host->api->setGlobalListener(SocketApi::Event(event),
                                       m_host->eventHandler(&JsHostPrivate::dispatchGlobal, event));
}

void JsNative::addTaskListener(int taskId, int event, int listenerId)
{
    SocketTask *task = m_host->task(taskId);
    if (!m_host->api || !task || !isEvent(event))
        return;
    if (SocketApi::Event(event) == SocketApi::Event::Message)
        m_host->api->addTaskMessageListener(
                task, m_host->messageHandler(&JsHostPrivate::dispatchListenerMessage, listenerId));
    else
        m_host->api->addTaskListener(
                task, SocketApi::Event(event),
                m_host->eventHandler(&JsHostPrivate::dispatchListener, listenerId));
}

int JsNative::readyState(int taskId) const
{
    const SocketTask *task = m_host->task(taskId);
    return task ? int(task->readyState()) : int(SocketTask::Closed);
}

void JsNative::console(int level, const QString &text)
{
    const auto consoleLevel = JsHost::ConsoleLevel(
            qBound(int(JsHost::ConsoleLevel::Log), level, int(JsHost::ConsoleLevel::Debug)));
    Q_EMIT m_host->q->consoleMessage(consoleLevel, text);
}

void JsNative::reportError(const QJSValue &error)
{
    const QString message = describeThrown(error);
    qCDebug(lcJs) << "script error:" << message;
    Q_EMIT m_host->q->scriptError(message);
}

int JsNative::addTimer(double ms, bool repeat) { return m_host->timers.add(ms, repeat); }

void JsNative::removeTimer(int id) { m_host->timers.remove(id); }

JsHost::JsHost(SocketApi *api, QObject *parent) : QObject(parent), d(new JsHostPrivate(this, api))
{
    d->bootstrap();
    connect(&d->timers, &JsTimers::fired, this, [this](int id, bool finished) {
        d->enterScript(d->fireTimer, {id, finished});
    });
    connect(&d->timers, &JsTimers::timerFinished, this, [this] { d->scheduleIdleCheck(); });
    if (!api)
        return;
    // Work a C++ caller starts on the same façade also counts.
    connect(api, &SocketApi::taskCreated, this, [this] { d->scriptRan(); });
    connect(api, &SocketApi::becameIdle, this, [this] { d->scheduleIdleCheck(); });
    connect(api, &SocketApi::taskFinished, this,
            [this](SocketTask *task) { d->enterScript(d->forgetTask, {task->taskId()}); });
}

JsHost::~JsHost() = default;

QJSEngine *JsHost::engine() const { return &d->engine; }

SocketApi *JsHost::api() const { return d->api; }

bool JsHost::evaluate(const QString &source, const QString &fileName, QString *error)
{
    QStringList stackTrace;
    const QJSValue result = d->engine.evaluate(source, fileName, 1, &stackTrace);
    d->scriptRan();
    // A thrown non-Error (throw "x") is not isError(); the stack trace gives it away.
    if (!result.isError() && stackTrace.isEmpty())
        return true;
    const QString message = describeThrown(result, stackTrace);
    qCDebug(lcJs) << "evaluation failed:" << message;
    if (error)
        *error = message;
    return false;
}

bool JsHost::evaluateFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QString source = QString::fromUtf8(file.readAll());
    // A "#!" first line (an executable script) is not JavaScript in Qt 6.4's engine; blank it
    // but keep the line so error line numbers stay right.
    if (source.startsWith(QLatin1String("#!")))
        source = QStringLiteral("//") + source.mid(2);
    return evaluate(source, path, error);
}

bool JsHost::isIdle() const
{
    return (!d->api || d->api->isIdle()) && d->timers.activeCount() == 0;
}

int JsHost::activeTimerCount() const { return d->timers.activeCount(); }

} // namespace SwanSocket

#include "jshost.moc"
