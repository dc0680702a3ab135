#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>
#include <SwanSocket/validation.h>

#include "logging.h"
#include "socket/connecttorelay.h"

#include <QPointer>
#include <QSet>

#include <algorithm>
#include <map>
#include <optional>

namespace SwanSocket {

namespace {

constexpr int DefaultTimeoutMs = 60000; // the platforms' networkTimeout.connectSocket

bool isLive(const SocketTask *task) { return task && task->readyState() != SocketTask::Closed; }

Outcome noTask()
{
    return Outcome::failure(ErrorClass::State,
                            QStringLiteral("no SocketTask: call connectSocket first"));
}

/// A callback key a script gave a non-function value (the JS host leaves only those in).
Outcome checkCallbacks(const QVariantMap &options)
{
    // QStringLiteral keys: looking up a QLatin1String would allocate a QString on every call.
    for (const QString &key :
         {QStringLiteral("success"), QStringLiteral("fail"), QStringLiteral("complete")}) {
        if (options.contains(key))
            return Outcome::failure(ErrorClass::Parameter,
                                    QStringLiteral("%1 must be a function").arg(key));
    }
    return Outcome::success();
}

QVariantMap headerObject(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    // Names as the server sent them; a repeated name joins its values as fetch's Headers does.
    QVariantMap object;
    for (const auto &[name, value] : headers) {
        const QString key = QString::fromLatin1(name);
        const QString text = QString::fromUtf8(value);
        auto it = object.find(key);
        if (it == object.end())
            object.insert(key, text);
        else
            *it = it->toString() + QStringLiteral(", ") + text;
    }
    return object;
}

} // namespace

class SocketApiPrivate
{
public:
    SocketApiPrivate(SocketApi *api, SimulatorSettings *settings) : q(api), settings(settings) { }

    CallResult success(const char *api, QVariantMap res = {}) const
    {
        res.insert(QStringLiteral("errMsg"), QLatin1String(api) + QLatin1String(":ok"));
        return {true, res};
    }

    CallResult failure(const char *api, const Outcome &outcome) const
    {
        return {false,
                {{QStringLiteral("errMsg"),
                  QLatin1String(api) + QLatin1String(":fail ") + outcome.reason},
                 {QStringLiteral("errCode"), errorCode(outcome.errorClass, settings->platform())}}};
    }

    /// Delivers @p result from the event loop; queued calls keep call order.
    void post(ResultHandler done, CallResult result, SocketTask *discardFirst = nullptr)
    {
        ++pending;
        QPointer<SocketTask> discarded(discardFirst);
        QMetaObject::invokeMethod(
                q,
                [this, done = std::move(done), result = std::move(result), discarded] {
                    if (discarded) {
                        doomed.remove(discarded);
                        taskListeners.erase(
                                discarded); // it fires nothing: drop what a script added
                        discarded->discard();
                        Q_EMIT q->taskFinished(discarded);
                    }
                    --pending;
                    if (!result.ok)
                        qCDebug(lcApi) << result.res.value(QStringLiteral("errMsg")).toString();
                    if (done)
                        done(result);
                    checkIdle();
                },
                Qt::QueuedConnection);
    }

    /// Ends a call with @p check's outcome: posts its result if @p deliver asks for it.
    bool finish(const char *api, const Outcome &check, ResultHandler done,
                SocketApi::Deliveries deliver)
    {
        const auto outcome = check.ok() ? SocketApi::DeliverSuccess : SocketApi::DeliverFailure;
        if (!deliver.testFlag(outcome)) {
            if (!check.ok()) // logged now, as post() would have when delivering it
                qCDebug(lcApi) << QLatin1String(api) + QLatin1String(":fail ") + check.reason;
            return false;
        }
        post(std::move(done), check.ok() ? success(api) : failure(api, check));
        return true;
    }

    void checkIdle()
    {
        if (q->isIdle())
            Q_EMIT q->becameIdle();
    }

    Outcome validateConnect(const QVariantMap &options, SocketTask::Options *taskOptions) const;
    Outcome messageData(const QVariantMap &options, QVariant *data) const;
    Outcome sendOn(SocketTask *task, const QVariantMap &options);
    void watch(SocketTask *task);
    // These return false when a listener deleted the façade (this, then, is gone too).
    bool dispatch(SocketTask *task, SocketApi::Event event, const QVariantMap &res);
    bool dispatchMessage(SocketTask *task, const ReceivedMessage &message);
    /// Runs @p call for each of @p task's listeners of @p event, then for the global one.
    template<typename Call>
    bool forEachListener(SocketTask *task, SocketApi::Event event, const Call &call);
    QVariantMap openResult(const SocketTask *task) const;

    SocketApi *const q;
    SimulatorSettings *const settings;
    ConnectToRelay relay;
    QList<SocketTask *> tasks;
    QPointer<SocketTask> target;
    QSet<const SocketTask *> doomed; // failed connectSocket tasks: Connecting, never live

    /// What liveTasks() lists and isIdle() waits for.
    bool counts(const SocketTask *task) const { return isLive(task) && !doomed.contains(task); }
    QSet<const SocketTask *> retiredTargets; // replaced by single-connection mode, not closed yet
    /// One listener: of res maps, or (message events only) of typed messages.
    struct Listener
    {
        EventHandler onEvent;
        MessageHandler onMessage;
        explicit operator bool() const { return onEvent || onMessage; }
    };
    std::map<SocketApi::Event, Listener> globalListeners;
    std::map<const SocketTask *, std::map<SocketApi::Event, QList<Listener>>> taskListeners;
    void addTaskListener(SocketTask *task, SocketApi::Event event, Listener listener)
    {
        if (task && task->readyState() != SocketTask::Closed) // a closed task fires nothing more
            taskListeners[task][event].append(std::move(listener));
    }
    int pending = 0;
    // A message event's res, {data, dataType}, for listeners of maps: one per data type, reused
    // for every message (a fresh QVariantMap per message cost ~1.5k instructions in w1).
    QVariantMap textMessage {{QStringLiteral("data"), QString()},
                             {QStringLiteral("dataType"), ReceivedMessage {}.dataType()}};
    QVariantMap binaryMessage {
            {QStringLiteral("data"), QByteArray()},
            {QStringLiteral("dataType"), ReceivedMessage {{}, {}, true}.dataType()}};
};

Outcome SocketApiPrivate::validateConnect(const QVariantMap &options,
                                          SocketTask::Options *taskOptions) const
{
    if (Outcome check = checkCallbacks(options); !check.ok())
        return check;
    const bool development = settings->developmentMode();
    if (Outcome check = Validation::normalizeUrl(options.value(QStringLiteral("url")), development,
                                                 &taskOptions->url);
        !check.ok())
        return check;
    if (!development && !Validation::isHostAllowed(taskOptions->url, settings->allowedDomains()))
        return Outcome::failure(ErrorClass::Security,
                                QStringLiteral("url host %1 is not in the allowed domain list")
                                        .arg(taskOptions->url.host()));
    if (Outcome check = Validation::validateHeaders(options.value(QStringLiteral("header")),
                                                    &taskOptions->headers);
        !check.ok())
        return check;
    if (Outcome check = Validation::validateProtocols(options.value(QStringLiteral("protocols")),
                                                      &taskOptions->protocols);
        !check.ok())
        return check;
    if (Outcome check = Validation::validateTimeout(options.value(QStringLiteral("timeout")),
                                                    DefaultTimeoutMs, &taskOptions->timeoutMs);
        !check.ok())
        return check;
    const QVariant noDelay = options.value(QStringLiteral("tcpNoDelay"));
    if (!noDelay.isNull()) {
        if (noDelay.typeId() != QMetaType::Bool)
            return Outcome::failure(ErrorClass::Parameter,
                                    QStringLiteral("tcpNoDelay must be a boolean"));
        taskOptions->tcpNoDelay = noDelay.toBool();
    }
    // The platform's fixed Referer (a script may not set one: validateHeaders refused it).
    taskOptions->headers.append({QByteArrayLiteral("Referer"), settings->referer()});
    return Outcome::success();
}

Outcome SocketApiPrivate::messageData(const QVariantMap &options, QVariant *data) const
{
    const auto found = options.constFind(QStringLiteral("data"));
    const bool onlyData = found != options.constEnd() && options.size() == 1;
    if (!onlyData) { // the usual {data} has no callback keys to check (this runs per message)
        if (Outcome check = checkCallbacks(options); !check.ok())
            return check;
    }
    *data = found != options.constEnd() ? *found : QVariant();
    switch (data->typeId()) {
    case QMetaType::QString:
    case QMetaType::QByteArray:
        return Outcome::success();
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return Outcome::failure(ErrorClass::Parameter, QStringLiteral("data is required"));
    default:
        return Outcome::failure(ErrorClass::Parameter,
                                QStringLiteral("data must be a String or an ArrayBuffer"));
    }
}

Outcome SocketApiPrivate::sendOn(SocketTask *task, const QVariantMap &options)
{
    QVariant data;
    if (Outcome check = messageData(options, &data); !check.ok())
        return check;
    if (!task)
        return noTask();
    return data.typeId() == QMetaType::QString ? task->send(data.toString())
                                               : task->send(data.toByteArray());
}

QVariantMap SocketApiPrivate::openResult(const SocketTask *task) const
{
    const SocketTaskProfile profile = task->profile();
    return {{QStringLiteral("header"), headerObject(task->handshakeResponse().headers)},
            {QStringLiteral("protocol"), task->protocol()},
            {QStringLiteral("profile"),
             QVariantMap {{QStringLiteral("connectStart"), profile.connectStart},
                          {QStringLiteral("connectEnd"), profile.connectEnd},
                          {QStringLiteral("tlsDone"), profile.tlsDone},
                          {QStringLiteral("handshakeDone"), profile.handshakeDone}}}};
}

void SocketApiPrivate::watch(SocketTask *task)
{
    using Event = SocketApi::Event;
    QObject::connect(task, &SocketTask::opened, q,
                     [this, task] { dispatch(task, Event::Open, openResult(task)); });
    QObject::connect(task, &SocketTask::textMessageReceived, q, [this, task](const QString &text) {
        dispatchMessage(task, {text, {}, false});
    });
    QObject::connect(task, &SocketTask::binaryMessageReceived, q,
                     [this, task](const QByteArray &bytes) {
                         dispatchMessage(task, {{}, bytes, true});
                     });
    QObject::connect(task, &SocketTask::errorOccurred, q, [this, task](const QString &message) {
        QVariantMap res {{QStringLiteral("errMsg"), message}};
        if (settings->platform() == Platform::Android)
            res.insert(QStringLiteral("errCode"), 0); // "error happen"
        dispatch(task, Event::Error, res);
    });
    QObject::connect(task, &SocketTask::closed, q, [this, task](int code, const QString &reason) {
        if (!dispatch(task, Event::Close,
                      {{QStringLiteral("code"), code}, {QStringLiteral("reason"), reason}}))
            return;
        taskListeners.erase(task); // nothing fires after close
        Q_EMIT q->taskFinished(task);
        checkIdle();
    });
}

template<typename Call>
bool SocketApiPrivate::forEachListener(SocketTask *task, SocketApi::Event event, const Call &call)
{
    // A listener may delete the façade: no listener runs after that, and nothing of it is read.
    const QPointer<SocketApi> alive(q);
    // Copies: a listener may add listeners (or connect again) while we iterate.
    const auto perTask = taskListeners.find(task);
    if (perTask != taskListeners.end()) {
        const QList<Listener> listeners = perTask->second[event];
        for (const Listener &listener : listeners) {
            call(listener);
            if (!alive)
                return false;
        }
    }
    // A target replaced in single-connection mode still owes the global listener its close:
    // old base libraries had one connection, and its scripts only use global listeners.
    const bool retired = event == SocketApi::Event::Close && retiredTargets.remove(task);
    if (task == target || retired) {
        const auto global = globalListeners.find(event);
        if (global != globalListeners.end() && global->second) {
            const Listener listener = global->second;
            call(listener);
        }
    }
    return bool(alive);
}

bool SocketApiPrivate::dispatch(SocketTask *task, SocketApi::Event event, const QVariantMap &res)
{
    return forEachListener(task, event,
                           [&res](const Listener &listener) { listener.onEvent(res); });
}

bool SocketApiPrivate::dispatchMessage(SocketTask *task, const ReceivedMessage &message)
{
    static const QString dataKey = QStringLiteral("data");
    QVariantMap *reused = message.binary ? &binaryMessage : &textMessage;
    // Listeners of maps share one copy, made for the first of them: one that spins an event
    // loop may see the next message dispatched (the copy then keeps this one), and one that
    // keeps res keeps its own.
    std::optional<QVariantMap> res;
    const bool alive
            = forEachListener(task, SocketApi::Event::Message, [&](const Listener &listener) {
                  if (listener.onMessage)
                      return listener.onMessage(message);
                  if (!res) {
                      reused->insert(dataKey,
                                     message.binary ? QVariant(message.bytes)
                                                    : QVariant(message.text));
                      res = *reused;
                  }
                  listener.onEvent(*res);
              });
    if (res && alive) {
        res.reset(); // first, or the map would detach
        reused->insert(dataKey, QVariant()); // holds no payload between messages
    }
    return alive;
}

SocketApi::SocketApi(SimulatorSettings *settings, QObject *parent)
    : QObject(parent), d(new SocketApiPrivate(this, settings))
{
    Q_ASSERT(settings);
    d->relay.setRules(settings->connectToRules());
    connect(settings, &SimulatorSettings::changed, this,
            [this] { d->relay.setRules(d->settings->connectToRules()); });
}

SocketApi::~SocketApi() = default;

SimulatorSettings *SocketApi::settings() const { return d->settings; }

SocketTask *SocketApi::connectSocket(const QVariantMap &options, ResultHandler done)
{
    static const char api[] = "connectSocket";
    SocketTask::Options taskOptions;
    Outcome check = d->validateConnect(options, &taskOptions);
    const bool single = d->settings->singleConnectionMode();
    if (check.ok() && !single && liveTasks().size() >= d->settings->maxTasks())
        check = Outcome::failure(ErrorClass::MaxTasks,
                                 QStringLiteral("exceeded the maximum of %1 live SocketTasks")
                                         .arg(d->settings->maxTasks()));

    auto *task = new SocketTask(taskOptions.url.isValid()
                                        ? taskOptions.url
                                        : QUrl(options.value(QStringLiteral("url")).toString()),
                                this);
    d->tasks.append(task);
    Q_EMIT taskCreated(task);
    if (!check.ok()) {
        d->doomed.insert(task);
        d->post(std::move(done), d->failure(api, check), task);
        return task;
    }

    if (single) {
        // Base library < 1.9.4: one connection at a time; the old one closes normally first.
        for (SocketTask *old : liveTasks()) {
            if (old != task && old->readyState() != SocketTask::Closing)
                old->close(1000);
        }
    }
    if (single && d->target && d->target->readyState() != SocketTask::Closed)
        d->retiredTargets.insert(d->target);
    if (single || !d->target || d->target->readyState() == SocketTask::Closed)
        d->target = task;

    taskOptions.sslConfiguration.addCaCertificates(d->settings->caCertificates());
    taskOptions.verifyPeer = !d->settings->developmentMode();
    taskOptions.sendWindow = d->settings->sendWindow();
    if (auto proxy = d->relay.proxyFor(taskOptions.url))
        taskOptions.proxy = *proxy;
    d->watch(task);
    task->open(taskOptions);
    d->post(std::move(done), d->success(api, {{QStringLiteral("socketTaskId"), task->taskId()}}));
    return task;
}

bool SocketApi::sendSocketMessage(const QVariantMap &options, ResultHandler done,
                                  Deliveries deliver)
{
    return d->finish("sendSocketMessage", d->sendOn(d->target, options), std::move(done), deliver);
}

bool SocketApi::send(SocketTask *task, const QVariantMap &options, ResultHandler done,
                     Deliveries deliver)
{
    return d->finish("sendSocketMessage", d->sendOn(task, options), std::move(done), deliver);
}

bool SocketApi::sendText(SocketTask *task, const QString &text, ResultHandler done,
                         Deliveries deliver)
{
    return d->finish("sendSocketMessage", task ? task->send(text) : noTask(), std::move(done),
                     deliver);
}

namespace {
Outcome closeArguments(const QVariantMap &options, int *code, QString *reason)
{
    if (Outcome check = checkCallbacks(options); !check.ok())
        return check;
    if (Outcome check = Validation::validateCloseCode(options.value(QStringLiteral("code")), code);
        !check.ok())
        return check;
    return Validation::validateCloseReason(options.value(QStringLiteral("reason")), reason);
}
} // namespace

bool SocketApi::closeSocket(const QVariantMap &options, ResultHandler done, Deliveries deliver)
{
    int code = 1000;
    QString reason;
    Outcome check = closeArguments(options, &code, &reason);
    if (check.ok()) {
        const QList<SocketTask *> live = liveTasks();
        if (live.isEmpty())
            check = Outcome::failure(ErrorClass::State,
                                     QStringLiteral("no live SocketTask to close"));
        for (SocketTask *task : live) {
            if (task->readyState() != SocketTask::Closing)
                task->close(code, reason);
        }
    }
    return d->finish("closeSocket", check, std::move(done), deliver);
}

bool SocketApi::close(SocketTask *task, const QVariantMap &options, ResultHandler done,
                      Deliveries deliver)
{
    int code = 1000;
    QString reason;
    Outcome check = closeArguments(options, &code, &reason);
    if (check.ok())
        check = task ? task->close(code, reason)
                     : Outcome::failure(ErrorClass::State, QStringLiteral("no such SocketTask"));
    return d->finish("closeSocket", check, std::move(done), deliver);
}

void SocketApi::setGlobalListener(Event event, EventHandler handler)
{
    d->globalListeners[event] = {std::move(handler), {}};
}

void SocketApi::addTaskListener(SocketTask *task, Event event, EventHandler handler)
{
    if (handler)
        d->addTaskListener(task, event, {std::move(handler), {}});
}

void SocketApi::setGlobalMessageListener(MessageHandler handler)
{
    d->globalListeners[Event::Message] = {{}, std::move(handler)};
}

void SocketApi::addTaskMessageListener(SocketTask *task, MessageHandler handler)
{
    if (handler)
        d->addTaskListener(task, Event::Message, {{}, std::move(handler)});
}

QString ReceivedMessage::dataType() const
{
    return binary ? QStringLiteral("arrayBuffer") : QStringLiteral("string");
}

SocketTask *SocketApi::currentTask() const { return d->target; }

QList<SocketTask *> SocketApi::liveTasks() const
{
    QList<SocketTask *> live;
    for (SocketTask *task : d->tasks) {
        if (d->counts(task))
            live.append(task);
    }
    return live;
}

QList<SocketTask *> SocketApi::tasks() const { return d->tasks; }

SocketTask *SocketApi::task(int taskId) const
{
    for (SocketTask *task : d->tasks) {
        if (task->taskId() == taskId)
            return task;
    }
    return nullptr;
}

int SocketApi::pendingResults() const { return d->pending; }

bool SocketApi::isIdle() const
{
    // liveTasks() without building the list: this runs on every entry into script.
    return d->pending == 0
            && std::none_of(d->tasks.cbegin(), d->tasks.cend(),
                            [this](const SocketTask *task) { return d->counts(task); });
}

} // namespace SwanSocket
