#include <SwanSocket/sockettask.h>
#include <SwanSocket/validation.h>

#include "framereader.h"
#include "logging.h"
#include "transporttap.h"

#include <QDateTime>
#include <QMetaEnum>
#include <QSslSocket>
#include <QStringEncoder>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <deque>
#include <optional>

namespace SwanSocket {

namespace {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QByteArray stateName(SocketTask::ReadyState state)
{
    switch (state) {
    case SocketTask::Connecting:
        return "CONNECTING";
    case SocketTask::Open:
        return "OPEN";
    case SocketTask::Closing:
        return "CLOSING";
    case SocketTask::Closed:
        return "CLOSED";
    }
    return "CLOSED";
}

Outcome notOpen(SocketTask::ReadyState state)
{
    return Outcome::failure(ErrorClass::State,
                            QStringLiteral("SocketTask.readyState is not OPEN (%1)")
                                    .arg(QLatin1String(stateName(state))));
}

QAtomicInt lastTaskId;

/// How long we wait for the server's close frame after sending ours (Chrome waits about 2 s).
constexpr int CloseHandshakeTimeoutMs = 3000;

/// Messages waiting in the task's own queue; one of the two payloads is set.
struct QueuedMessage
{
    QString text;
    QByteArray binary;
    bool isBinary = false;
    qint64 size() const { return isBinary ? binary.size() : text.size() * 2; }
};

/// The message being written, one frame at a time as the socket drains (see writeFrames()).
struct OutgoingMessage
{
    QueuedMessage message;
    QByteArray payload; // the bytes on the wire: UTF-8 for text
    qint64 offset = 0;
    bool active = false;
};

} // namespace

class SocketTaskPrivate
{
public:
    explicit SocketTaskPrivate(SocketTask *task, const QUrl &url)
        : q(task), taskId(lastTaskId.fetchAndAddRelaxed(1) + 1), url(url)
    {
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, q, [this] {
            if (!opened) {
                fail(QStringLiteral("timeout: the opening handshake took longer than %1 ms")
                             .arg(options.timeoutMs));
            } else if (state == SocketTask::Closing || serverClose) {
                // No answer to our close frame in time, no progress towards sending it (a
                // server that stopped reading), or TCP not closed after the close frames.
                // Not through QWebSocket::close(): that would wait for the stuck bytes too.
                finishClosing(closeFrameSent && tap && tap->pendingWriteBytes() == 0);
            }
        });
    }

    void setState(SocketTask::ReadyState next)
    {
        if (state == next)
            return;
        state = next;
        Q_EMIT q->readyStateChanged(state);
    }

    void startOpening();
    void handleConnected();
    void handleDisconnected();
    void readFrames();
    void dispatch(const ServerFrame &frame);
    void handleCloseFrame(int code, const QString &reason);
    void failConnection(int code, const QString &reason);
    void endConnection(int code, const QString &reason);
    void finishClosing(bool closeFrameLeft);
    void handleError(QAbstractSocket::SocketError error);
    QString describeError(QAbstractSocket::SocketError error) const;
    Outcome send(QueuedMessage message);
    void schedulePump();
    void pump();
    void start(QueuedMessage &&message);
    bool writeShortText(const QString &text);
    bool writeFrames();
    void closeWhenDrained();
    void dropUnsent();
    void fail(const QString &message);
    void finish(int code, const QString &reason);
    void releaseSocket();

    SocketTask *const q;
    const int taskId;
    const QUrl url;
    SocketTask::ReadyState state = SocketTask::Connecting;
    SocketTask::Options options;
    QWebSocket *webSocket = nullptr;
    TransportTap *tap = nullptr;
    HandshakeResponse response;
    QString protocol;
    SocketTaskProfile profile;
    QString sslErrorText;
    QTimer timeout;

    std::deque<QueuedMessage> queue;
    OutgoingMessage outgoing; // written frame by frame, before anything in the queue
    qint64 queuedBytes = 0;
    bool pumpScheduled = false;
    bool closeRequested = false;
    int closeCode = 1000;
    QString closeReason;
    bool closeFrameSent = false; // we sent ours through the tap
    std::optional<FrameReader> reader; // reads the socket once the task is open
    std::vector<ServerFrame> received; // what one read found, reused
    bool readingFrames = false;
    bool disconnectedWhileReading = false;
    int socketCallDepth = 0; // slots the socket called that have not returned (SocketCall)
    QWebSocket *retiredSocket = nullptr; // released meanwhile: deleted when they have
    bool closeReported = false; // finishClosing() ran: one onError, one onClose
    std::optional<ServerFrame> serverClose; // the server's close frame, once it came
    std::optional<ServerFrame> violation; // what the server did wrong: we fail the connection
    bool opened = false;
    bool finished = false;
    int callDepth = 0; // > 0 while inside open()/send()/close(): events must wait
};

/// Held by every slot the socket (or QWebSocket) calls, see releaseSocket().
class SocketCall
{
public:
    explicit SocketCall(SocketTaskPrivate *d) : d(d) { ++d->socketCallDepth; }
    ~SocketCall()
    {
        if (--d->socketCallDepth == 0)
            if (QWebSocket *socket = std::exchange(d->retiredSocket, nullptr))
                socket->deleteLater();
    }
    Q_DISABLE_COPY_MOVE(SocketCall)

private:
    SocketTaskPrivate *const d;
};

void SocketTaskPrivate::startOpening()
{
    if (state != SocketTask::Connecting || finished)
        return; // cancelled before we got here
    profile.connectStart = nowMs();

    webSocket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, q);
    QSslConfiguration ssl = options.sslConfiguration;
    ssl.setPeerVerifyMode(options.verifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    webSocket->setSslConfiguration(ssl);
    webSocket->setProxy(options.proxy);

    // Every slot the socket calls holds a SocketCall: see releaseSocket().
    QObject::connect(webSocket, &QWebSocket::connected, q, [this] {
        SocketCall call(this);
        handleConnected();
    });
    QObject::connect(webSocket, &QWebSocket::disconnected, q, [this] {
        SocketCall call(this);
        handleDisconnected();
    });
    // Qt 6.4: the signal is error(); errorOccurred() arrived in 6.5.
    QObject::connect(webSocket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), q,
                     [this](QAbstractSocket::SocketError error) {
                         SocketCall call(this);
                         handleError(error);
                     });
    QObject::connect(webSocket, &QWebSocket::sslErrors, q, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        sslErrorText = texts.join(QStringLiteral("; "));
    });
    QObject::connect(webSocket, &QWebSocket::bytesWritten, q, [this] {
        SocketCall call(this);
        if (state == SocketTask::Closing && !closeFrameSent)
            timeout.start(CloseHandshakeTimeoutMs); // progress: the close frame is on its way
        pump();
    });

    QNetworkRequest request(options.url);
    for (const auto &[name, value] : std::as_const(options.headers))
        request.setRawHeader(name, value);
    QWebSocketHandshakeOptions handshakeOptions;
    handshakeOptions.setSubprotocols(options.protocols);

    tap = new TransportTap(webSocket);
    QObject::connect(tap, &TransportTap::tcpConnected, q, [this] { profile.connectEnd = nowMs(); });
    QObject::connect(tap, &TransportTap::tlsDone, q, [this] { profile.tlsDone = nowMs(); });
    QObject::connect(tap, &TransportTap::readyRead, q, [this] {
        SocketCall call(this);
        readFrames();
    });
    timeout.start(options.timeoutMs);
    webSocket->open(request, handshakeOptions);
    if (webSocket && !finished)
        tap->attach(options.tcpNoDelay);
}

void SocketTaskPrivate::handleConnected()
{
    if (state != SocketTask::Connecting || finished)
        return;
    timeout.stop();
    response = tap->captureResponse();
    profile.handshakeDone = nowMs();
    // Browsers fail the connection when the server picks a subprotocol that was not offered.
    const QString chosen = webSocket->subprotocol();
    if (!chosen.isEmpty() && !options.protocols.contains(chosen)) {
        fail(QStringLiteral("the server chose subprotocol \"%1\", which was not offered")
                     .arg(chosen));
        return;
    }
    protocol = chosen;
    opened = true;
    // QWebSocket's own limits no longer apply (it reads no frames): its default is ours.
    const qint64 limit = options.maxIncomingMessageSize > 0
            ? qint64(qMin<quint64>(options.maxIncomingMessageSize, quint64(INT_MAX)))
            : qint64(QWebSocket::maxIncomingMessageSize());
    reader.emplace(limit);
    tap->takeOverReading(options.readBufferSize);
    setState(SocketTask::Open);
    Q_EMIT q->opened();
    // Frames that came with the 101 response: read them now, or QWebSocket would, as soon as
    // this returns into its handshake code.
    if (!finished)
        readFrames();
}

/// Reads what the server sent (see FrameReader) and acts on it in order. Not re-entered from
/// a slot that spins an event loop: that would deliver later messages before earlier ones.
void SocketTaskPrivate::readFrames()
{
    if (readingFrames || !reader || !tap || finished)
        return;
    readingFrames = true;
    const auto ended = [this] { return finished || violation || serverClose; };
    do {
        reader->read(tap->socket(), &received);
        // Nothing after the close frame or a violation counts; and QWebSocket, when we are
        // inside its handshake code, would read on from where the reader stopped.
        if (reader->isFinished())
            tap->socket()->skip(tap->socket()->bytesAvailable());
        for (size_t i = 0; i < received.size() && !ended(); ++i)
            dispatch(received[i]);
        received.clear();
    } while (!ended() && tap->socket()->bytesAvailable() > 0);
    readingFrames = false;
    if (std::exchange(disconnectedWhileReading, false))
        handleDisconnected();
}

void SocketTaskPrivate::dispatch(const ServerFrame &frame)
{
    switch (frame.kind) {
    case ServerFrame::Text:
        Q_EMIT q->textMessageReceived(frame.text);
        break;
    case ServerFrame::Binary:
        Q_EMIT q->binaryMessageReceived(frame.data);
        break;
    case ServerFrame::Ping:
        if (!closeFrameSent)
            tap->writeControlFrame(0xA, frame.data);
        Q_EMIT q->pingReceived(frame.data);
        break;
    case ServerFrame::Pong:
        Q_EMIT q->pongReceived(frame.data);
        break;
    case ServerFrame::Close:
        handleCloseFrame(frame.code, frame.text);
        break;
    case ServerFrame::ProtocolError:
        failConnection(frame.code, frame.text);
        break;
    }
}

/// The server's close frame: answer it (unless we started the close) and let TCP close;
/// handleDisconnected() reports the server's code and reason.
void SocketTaskPrivate::handleCloseFrame(int code, const QString &reason)
{
    serverClose = ServerFrame {ServerFrame::Close, reason, {}, code};
    // readyState stays OPEN until closed(), as it did with QWebSocket (which closed in the
    // same call): Open -> Closed tells observers the server started the close. send() fails.
    endConnection(code, reason); // echo the code, as browsers do
}

/// Drops what waits to be sent (RFC 6455 5.5.1: no data after a close frame), sends our close
/// frame unless it went already, and closes TCP once it is written; handleDisconnected() or
/// the close timeout finishes the task.
void SocketTaskPrivate::endConnection(int code, const QString &reason)
{
    dropUnsent();
    closeRequested = false;
    if (!closeFrameSent) {
        tap->writeCloseFrame(code, reason);
        closeFrameSent = true;
    }
    tap->socket()->disconnectFromHost();
    timeout.start(CloseHandshakeTimeoutMs);
}

/// The server broke the protocol: send our close frame with @p code and close TCP, as
/// browsers do; onError and onClose(code, reason) follow once the socket is closed.
void SocketTaskPrivate::failConnection(int code, const QString &reason)
{
    qCDebug(lcSocket) << "task" << taskId << "protocol error:" << code << reason;
    violation = ServerFrame {ServerFrame::ProtocolError, reason, {}, code};
    setState(SocketTask::Closing);
    endConnection(code, reason);
}

/// The end of an open connection: what the close frames said, or 1006 without them.
void SocketTaskPrivate::finishClosing(bool closeFrameLeft)
{
    // Once: a slot of errorOccurred() may spin an event loop in which TCP closes too.
    if (std::exchange(closeReported, true))
        return;
    timeout.stop();
    if (violation) {
        const ServerFrame failure = *violation;
        setState(SocketTask::Closed);
        Q_EMIT q->errorOccurred(QStringLiteral("protocol error: %1").arg(failure.text));
        finish(failure.code, failure.text);
    } else if (serverClose) {
        finish(serverClose->code, serverClose->text);
    } else if (closeFrameLeft) {
        finish(closeCode, closeReason); // the server never answered ours
    } else {
        finish(1006, QString()); // no close frame went either way
    }
}

void SocketTaskPrivate::handleDisconnected()
{
    if (finished)
        return;
    if (!opened) {
        // Qt emits disconnected before error() for a refused or failed connection: give the
        // specific error a turn of the event loop to win over this generic one.
        QMetaObject::invokeMethod(
                q,
                [this] {
                    fail(QStringLiteral("the connection closed during the opening handshake"));
                },
                Qt::QueuedConnection);
        return;
    }
    if (readingFrames) {
        // A slot of ours spins an event loop: deliver what came before the end first, and
        // keep the socket (it is emitting readyRead further up the stack) until then.
        disconnectedWhileReading = true;
        return;
    }
    readFrames(); // whatever came just before the end
    // Without the server's close frame (a drop, or no answer to ours) browsers say 1006;
    // Qt 6.4's closeCode() would be a stale 1000.
    finishClosing(false);
}

void SocketTaskPrivate::handleError(QAbstractSocket::SocketError error)
{
    if (finished)
        return;
    if (callDepth > 0) { // e.g. a write failed inside send(): report from the event loop
        QMetaObject::invokeMethod(
                q, [this, error] { handleError(error); }, Qt::QueuedConnection);
        return;
    }
    if (opened) {
        // After open, a drop without a close frame is reported by handleDisconnected (1006,
        // no onError: the WHATWG rule); errors after a closing handshake are its noise.
        if (!closeFrameSent)
            qCDebug(lcSocket) << "task" << taskId << "socket error after open:" << error;
        return;
    }
    if (tap)
        response = tap->captureResponse(); // a failed handshake's status and headers, if any
    fail(describeError(error));
}

QString SocketTaskPrivate::describeError(QAbstractSocket::SocketError error) const
{
    const QString endpoint = QStringLiteral("%1:%2")
                                     .arg(url.host())
                                     .arg(url.port(url.scheme() == QLatin1String("ws") ? 80 : 443));
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        return QStringLiteral("DNS lookup failed for %1").arg(url.host());
    case QAbstractSocket::SslHandshakeFailedError:
        return QStringLiteral("TLS handshake failed: %1")
                .arg(sslErrorText.isEmpty() ? webSocket->errorString() : sslErrorText);
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
        return QStringLiteral("connection to %1 (redirected by connect-to) failed: %2")
                .arg(endpoint, webSocket->errorString());
    case QAbstractSocket::ConnectionRefusedError:
        if (profile.connectEnd == 0)
            return QStringLiteral("connection refused by %1").arg(endpoint);
        break; // QWebSocket also says "refused" for a failed handshake: see below
    case QAbstractSocket::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection during the opening handshake");
    default:
        break;
    }
    if (profile.connectEnd != 0) {
        // Qt 6.4 refuses an unoffered subprotocol itself, in words of its own.
        for (const auto &[name, value] : std::as_const(response.headers)) {
            if (response.statusCode == 101
                && name.compare("Sec-WebSocket-Protocol", Qt::CaseInsensitive) == 0
                && !options.protocols.contains(QString::fromLatin1(value)))
                return QStringLiteral("the server chose subprotocol \"%1\", which was not offered")
                        .arg(QString::fromLatin1(value));
        }
        if (response.statusCode != 0 && response.statusCode != 101)
            return QStringLiteral("Error during WebSocket handshake: Unexpected response code: %1")
                    .arg(response.statusCode);
        return QStringLiteral("Error during WebSocket handshake: %1").arg(webSocket->errorString());
    }
    return webSocket->errorString();
}

Outcome SocketTaskPrivate::send(QueuedMessage message)
{
    if (state != SocketTask::Open)
        return notOpen(state);
    if (serverClose) // the closing handshake has started: only its end is to come
        return notOpen(SocketTask::Closing);
    ++callDepth;
    if (queue.empty() && !outgoing.active && tap->pendingWriteBytes() < options.sendWindow) {
        start(std::move(message)); // the common case: no queue, no extra event-loop turn
    } else {
        queuedBytes += message.size();
        queue.push_back(std::move(message));
        schedulePump();
    }
    --callDepth;
    return Outcome::success();
}

void SocketTaskPrivate::schedulePump()
{
    if (pumpScheduled)
        return;
    pumpScheduled = true;
    QMetaObject::invokeMethod(
            q,
            [this] {
                pumpScheduled = false;
                pump();
            },
            Qt::QueuedConnection);
}

void SocketTaskPrivate::pump()
{
    if (finished || !opened)
        return;
    for (;;) {
        if (outgoing.active && !writeFrames())
            return; // the window is full: bytesWritten brings us back
        if (finished)
            return;
        if (queue.empty() || tap->pendingWriteBytes() >= options.sendWindow)
            break;
        QueuedMessage message = std::move(queue.front());
        queue.pop_front();
        queuedBytes -= message.size();
        start(std::move(message));
    }
    if (queue.empty() && !outgoing.active && closeRequested)
        closeWhenDrained();
}

namespace {
QStringEncoder textEncoder()
{
    return QStringEncoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
}
} // namespace

QByteArray SocketTask::encodeText(QStringView text) { return textEncoder().encode(text); }

/// Short text, what most messages are, is encoded on the stack and written as one frame: no heap
/// block for its UTF-8 (w1: ~0.35k instructions per message of 4.6k). Kept out of start(), so
/// that the buffer is not on the stack while signals run. False: not short, nothing written.
Q_NEVER_INLINE bool SocketTaskPrivate::writeShortText(const QString &text)
{
    constexpr qsizetype ShortText = 1024; // UTF-16 units: at most 3 KiB of UTF-8
    if (text.size() > ShortText || text.size() * 3 > qint64(webSocket->outgoingFrameSize()))
        return false;
    char bytes[3 * ShortText];
    const char *end = textEncoder().appendToBuffer(bytes, text); // as encodeText()
    tap->writeDataFrame(0x1, true, bytes, end - bytes);
    return true;
}

void SocketTaskPrivate::start(QueuedMessage &&message)
{
    if (!message.isBinary && writeShortText(message.text)) {
        Q_EMIT q->textMessageSent(message.text);
        return;
    }
    outgoing.payload = message.isBinary ? message.binary : SocketTask::encodeText(message.text);
    outgoing.message = std::move(message);
    outgoing.offset = 0;
    outgoing.active = true;
    writeFrames();
}

/// Writes the outgoing message's frames (QWebSocket's outgoingFrameSize(), 512 KiB by default)
/// while less than sendWindow bytes wait in the socket; true once its last frame is written.
/// Qt 6.4's QWebSocket::send*Message() copies and masks a whole message byte by byte and
/// writes it at once (a 64 MiB message costs 4× its size); here one frame at a time is masked a
/// word at a time (TransportTap::writeDataFrame), so a large message streams at the pace of
/// the socket. QWebSocket holds no state about the data frames we send; our pongs and close
/// frame (TransportTap::writeControlFrame) fall between frames, never inside one.
bool SocketTaskPrivate::writeFrames()
{
    const qint64 total = outgoing.payload.size();
    const qint64 frameSize = qMax<qint64>(1, webSocket->outgoingFrameSize());
    do {
        qint64 size = qMin(frameSize, total - outgoing.offset);
        const char *payload = outgoing.payload.constData() + outgoing.offset;
        // A text frame ends on a character boundary: Qt 6.4 (and any stateless decoder)
        // rejects fragments that split a UTF-8 character with 1007, legal as they are.
        if (!outgoing.message.isBinary && size < total - outgoing.offset) {
            qint64 cut = size;
            while (cut > 0 && (uchar(payload[cut]) & 0xC0) == 0x80)
                --cut;
            if (cut > 0)
                size = cut;
        }
        const bool first = outgoing.offset == 0;
        const bool last = outgoing.offset + size == total;
        tap->writeDataFrame(first ? (outgoing.message.isBinary ? 0x2 : 0x1) : 0x0, last, payload,
                            size);
        outgoing.offset += size;
        if (last) {
            const QueuedMessage sent = std::move(outgoing.message);
            outgoing = OutgoingMessage();
            if (sent.isBinary)
                Q_EMIT q->binaryMessageSent(sent.binary);
            else
                Q_EMIT q->textMessageSent(sent.text);
            return true;
        }
    } while (tap->pendingWriteBytes() < options.sendWindow);
    return false;
}

void SocketTaskPrivate::closeWhenDrained()
{
    closeRequested = false;
    if (closeFrameSent)
        return; // the server's close frame came first and was answered
    // Send our close frame and keep reading until the server answers with its own
    // (handleCloseFrame). A server that never answers gets the close timeout.
    tap->writeCloseFrame(closeCode, closeReason);
    closeFrameSent = true;
    timeout.start(CloseHandshakeTimeoutMs);
}

/// Forgets the messages not written yet, the one being written included.
void SocketTaskPrivate::dropUnsent()
{
    queue.clear();
    queuedBytes = 0;
    outgoing = OutgoingMessage();
}

void SocketTaskPrivate::fail(const QString &message)
{
    if (finished)
        return;
    qCDebug(lcSocket) << "task" << taskId << "failed:" << message;
    timeout.stop();
    releaseSocket(); // a failed handshake leaves QWebSocket Connecting: abort it ourselves
    setState(SocketTask::Closed); // behaviour.md: already CLOSED inside onError
    Q_EMIT q->errorOccurred(message);
    finish(1006, QString());
}

void SocketTaskPrivate::finish(int code, const QString &reason)
{
    if (finished)
        return;
    finished = true;
    timeout.stop();
    dropUnsent();
    releaseSocket();
    setState(SocketTask::Closed);
    Q_EMIT q->closed(code, reason);
}

void SocketTaskPrivate::releaseSocket()
{
    if (!webSocket)
        return;
    QWebSocket *socket = std::exchange(webSocket, nullptr);
    socket->disconnect(q);
    if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->abort();
    // Inside a slot the socket called, the socket is emitting further up the stack, and a
    // nested event loop in one of our signals' slots would run a deleteLater() at once: the
    // outermost SocketCall deletes it when that slot returns.
    if (socketCallDepth > 0)
        retiredSocket = socket;
    else
        socket->deleteLater();
    tap = nullptr; // a child of the socket
}

SocketTask::SocketTask(const QUrl &url, QObject *parent)
    : QObject(parent), d(new SocketTaskPrivate(this, url))
{
}

SocketTask::~SocketTask()
{
    if (d->webSocket)
        d->webSocket->disconnect(this);
}

int SocketTask::taskId() const { return d->taskId; }

SocketTask::ReadyState SocketTask::readyState() const { return d->state; }

QUrl SocketTask::url() const { return d->url; }

QString SocketTask::protocol() const { return d->protocol; }

HandshakeResponse SocketTask::handshakeResponse() const { return d->response; }

QList<QPair<QByteArray, QByteArray>> SocketTask::requestHeaders() const
{
    // In the order QWebSocket writes them: the offered subprotocols before our own headers.
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!d->options.protocols.isEmpty())
        headers.append({QByteArrayLiteral("Sec-WebSocket-Protocol"),
                        d->options.protocols.join(QStringLiteral(", ")).toUtf8()});
    return headers + d->options.headers;
}

SocketTaskProfile SocketTask::profile() const { return d->profile; }

qint64 SocketTask::bufferedAmount() const
{
    const qint64 outgoing
            = d->outgoing.active ? d->outgoing.payload.size() - d->outgoing.offset : 0;
    return d->queuedBytes + outgoing + (d->tap ? d->tap->pendingWriteBytes() : 0);
}

void SocketTask::open(const Options &options)
{
    d->options = options;
    // Connect from the event loop so that no event can fire inside this call.
    QMetaObject::invokeMethod(
            this, [this] { d->startOpening(); }, Qt::QueuedConnection);
}

Outcome SocketTask::send(const QString &text) { return d->send({text, {}, false}); }

Outcome SocketTask::send(const QByteArray &binary) { return d->send({{}, binary, true}); }

Outcome SocketTask::close(int code, const QString &reason)
{
    int validCode = 1000;
    QString validReason;
    if (Outcome codeCheck = Validation::validateCloseCode(code, &validCode); !codeCheck.ok())
        return codeCheck;
    if (Outcome reasonCheck = Validation::validateCloseReason(reason, &validReason);
        !reasonCheck.ok())
        return reasonCheck;
    // After the server's close frame the task stays OPEN until closed(), but is closing.
    const ReadyState state = d->serverClose ? Closing : d->state;
    if (state == Closing || state == Closed)
        return Outcome::failure(
                ErrorClass::State,
                QStringLiteral("SocketTask.readyState is %1").arg(QLatin1String(stateName(state))));
    const bool wasOpen = d->state == Open;
    d->setState(Closing);
    if (wasOpen) {
        d->closeRequested = true;
        d->closeCode = validCode;
        d->closeReason = validReason;
        d->timeout.start(CloseHandshakeTimeoutMs); // restarted while the queue makes progress
        d->schedulePump(); // sends what is queued, then the close frame
    } else {
        // Cancel the attempt: onClose(1006) from the event loop, no error.
        QMetaObject::invokeMethod(
                this, [this] { d->finish(1006, QString()); }, Qt::QueuedConnection);
    }
    return Outcome::success();
}

void SocketTask::discard()
{
    if (d->finished)
        return;
    d->finished = true;
    d->setState(Closed);
}

} // namespace SwanSocket
