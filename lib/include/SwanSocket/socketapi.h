#pragma once

#include <SwanSocket/outcome.h>
#include <SwanSocket/swansocket_export.h>

#include <QList>
#include <QObject>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace SwanSocket {

class SimulatorSettings;
class SocketTask;
class SocketApiPrivate;

/// How one API call ended: `res` is the object a script's success/fail/complete receive
/// ({errMsg: "connectSocket:ok", socketTaskId: 1} or {errMsg: "…:fail <reason>", errCode: 4}).
struct CallResult
{
    bool ok = false;
    QVariantMap res;
};
using ResultHandler = std::function<void(const CallResult &)>;
using EventHandler = std::function<void(const QVariantMap &res)>;

/// A received message as a MessageHandler gets it: what a message event's res says
/// ({data, dataType}), without a map built per message.
struct SWANSOCKET_EXPORT ReceivedMessage
{
    QString text; ///< the data of a text message
    QByteArray bytes; ///< the data of a binary message
    bool binary = false;

    /// res.dataType: "string" or "arrayBuffer".
    QString dataType() const;
};
using MessageHandler = std::function<void(const ReceivedMessage &)>;

/**
 * The smart-program WebSocket API (swan.connectSocket and its family) in plain C++/Qt: option
 * checks, the global target task, global and per-task listeners, the task limit and the
 * single-connection mode of old base libraries. The JS host adapts it to JavaScript.
 *
 * Guarantees (behaviour.md, "Calls and callbacks"):
 * - Every call's ResultHandler runs exactly once, never inside the call, and results of calls
 *   made one after another are delivered in call order.
 * - Options are what a script passed, converted to QVariant: strings, numbers, bools, lists,
 *   maps, QByteArray for binary data. A key that a script gave a callback of the wrong type
 *   (success/fail/complete not a function) must be present with its non-function value, so it
 *   fails as a parameter error; absent or null callbacks are simply not there.
 * - For an event, a task's own listeners run (in the order they were added) before the global
 *   one, and the global one runs only for the current target task.
 */
class SWANSOCKET_EXPORT SocketApi : public QObject
{
    Q_OBJECT

public:
    enum class Event { Open, Message, Error, Close };

    /// The outcomes a call's ResultHandler is for. An outcome it is not for is not posted at
    /// all (no queued call, not counted in pendingResults()): a script's `send({data, fail})`
    /// that succeeds has nobody to tell. The default delivers every result.
    enum Delivery {
        DeliverNothing = 0x0,
        DeliverSuccess = 0x1,
        DeliverFailure = 0x2,
        DeliverAll = DeliverSuccess | DeliverFailure
    };
    Q_DECLARE_FLAGS(Deliveries, Delivery)

    explicit SocketApi(SimulatorSettings *settings, QObject *parent = nullptr);
    ~SocketApi() override;

    SimulatorSettings *settings() const;

    /// swan.connectSocket. Returns a task whenever the arguments could be read (also when the
    /// call fails: that task is Closed before the failure is delivered and fires no events).
    SocketTask *connectSocket(const QVariantMap &options, ResultHandler done = {});
    // The calls below return whether @p done will run: false when their outcome is not one of
    // @p deliver.
    /// swan.sendSocketMessage: sends on the current target task.
    bool sendSocketMessage(const QVariantMap &options, ResultHandler done = {},
                           Deliveries deliver = DeliverAll);
    /// swan.closeSocket: closes every live task; one result for the whole call.
    bool closeSocket(const QVariantMap &options, ResultHandler done = {},
                     Deliveries deliver = DeliverAll);
    /// SocketTask.send; its errMsg says "sendSocketMessage:…" like the global twin.
    bool send(SocketTask *task, const QVariantMap &options, ResultHandler done = {},
              Deliveries deliver = DeliverAll);
    /// send() with options that are `{data: text}` and callbacks only, without building and
    /// reading a map per message (the JS host's `send({data: '…'})`; @p task as for send(),
    /// currentTask() for sendSocketMessage).
    bool sendText(SocketTask *task, const QString &text, ResultHandler done = {},
                  Deliveries deliver = DeliverAll);
    /// SocketTask.close; its errMsg says "closeSocket:…" like the global twin.
    bool close(SocketTask *task, const QVariantMap &options, ResultHandler done = {},
               Deliveries deliver = DeliverAll);

    /// swan.onSocketOpen & co.: one listener per event; a later call replaces it.
    void setGlobalListener(Event event, EventHandler handler);
    /// SocketTask.onOpen & co.: listeners add up and run in the order they were added.
    void addTaskListener(SocketTask *task, Event event, EventHandler handler);
    /// setGlobalListener() and addTaskListener() for Event::Message, with the message typed:
    /// what a host that converts every message itself wants (the JS host). Listeners of both
    /// kinds share one order, and a global one of either kind replaces the other.
    void setGlobalMessageListener(MessageHandler handler);
    void addTaskMessageListener(SocketTask *task, MessageHandler handler);

    /// The task that global functions and listeners act on (may be Closed), or nullptr.
    SocketTask *currentTask() const;
    /// Tasks that are Connecting, Open or Closing.
    QList<SocketTask *> liveTasks() const;
    /// Every task this API created and still owns, in creation order.
    QList<SocketTask *> tasks() const;
    SocketTask *task(int taskId) const;
    /// Results posted but not delivered yet.
    int pendingResults() const;
    /// No live task and no undelivered result.
    bool isIdle() const;

Q_SIGNALS:
    /// A task was created by connectSocket (whether or not the call succeeded).
    void taskCreated(SwanSocket::SocketTask *task);
    /// A task emitted closed(); its last event has been dispatched.
    void taskFinished(SwanSocket::SocketTask *task);
    /// isIdle() turned true.
    void becameIdle();

private:
    friend class SocketApiPrivate;
    std::unique_ptr<SocketApiPrivate> const d;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(SocketApi::Deliveries)

} // namespace SwanSocket
