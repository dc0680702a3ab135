#pragma once

#include <SwanSocket/outcome.h>
#include <SwanSocket/swansocket_export.h>

#include <QByteArray>
#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace SwanSocket {

class SocketTaskPrivate;

/// Timestamps (ms since the epoch, 0 when the step did not happen) of an opening handshake.
struct SocketTaskProfile
{
    qint64 connectStart = 0; ///< open() was called
    qint64 connectEnd = 0; ///< TCP connected (to the proxy, when one is used)
    qint64 tlsDone = 0; ///< TLS handshake done (wss only)
    qint64 handshakeDone = 0; ///< 101 response accepted: the task is OPEN
};

/// The HTTP response to the opening handshake as the server sent it.
struct HandshakeResponse
{
    int statusCode = 0;
    QByteArray reasonPhrase;
    /// Names as the server spelled them, in the server's order, duplicates kept.
    QList<QPair<QByteArray, QByteArray>> headers;
};

/**
 * One WebSocket connection: a QWebSocket with the behaviour a mini-program relies on.
 *
 * Guarantees (each covered by tst_sockettask):
 * - readyState only moves forward: Connecting -> Open -> Closing -> Closed (steps may be skipped).
 * - opened() at most once; textMessageReceived()/binaryMessageReceived() only after opened(),
 *   in arrival order; closed() exactly once for a task that was opened, last of all its signals;
 *   errorOccurred(), when the connection failed, right before closed(code 1006).
 * - Events never fire from inside a call to open(), send() or close(): they arrive from the
 *   event loop (only readyStateChanged() and the *MessageSent() notifications may be emitted
 *   inside those calls).
 * - send() queues messages and feeds the socket while less than sendWindow bytes wait in it,
 *   so bulk data does not pile up in Qt's TLS buffers; messages leave in call order, and close()
 *   waits for what was queued before it.
 */
class SWANSOCKET_EXPORT SocketTask : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int taskId READ taskId CONSTANT)
    Q_PROPERTY(ReadyState readyState READ readyState NOTIFY readyStateChanged)
    Q_PROPERTY(QUrl url READ url CONSTANT)
    Q_PROPERTY(QString protocol READ protocol NOTIFY opened)
    Q_PROPERTY(qint64 bufferedAmount READ bufferedAmount)

public:
    enum ReadyState { Connecting = 0, Open = 1, Closing = 2, Closed = 3 };
    Q_ENUM(ReadyState)

    /// Default for Options::sendWindow: measured with swan-bench w3 (see BENCHMARKS.md).
    static constexpr qint64 DefaultSendWindow = 4 * 1024 * 1024;
    /// Default for Options::readBufferSize: measured with swan-bench w1, w3, w4 (BENCHMARKS.md).
    static constexpr qint64 DefaultReadBufferSize = 256 * 1024;

    /// What open() needs; the url and headers are expected to be validated already.
    struct Options
    {
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers;
        QStringList protocols;
        int timeoutMs = 60000; ///< for the whole opening handshake
        bool tcpNoDelay = true;
        QSslConfiguration sslConfiguration = QSslConfiguration::defaultConfiguration();
        bool verifyPeer = true; ///< false only with the development switch
        QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::DefaultProxy);
        qint64 sendWindow = DefaultSendWindow;
        /// How much the socket reads from the kernel ahead of us (QAbstractSocket's
        /// readBufferSize, 0 = no limit). Unlimited, Qt 6.4's TLS backend pulls everything the
        /// kernel holds into a growing OpenSSL memory buffer before decrypting it.
        qint64 readBufferSize = DefaultReadBufferSize;
        /// Largest message (and frame) accepted from the server, in bytes; a larger one fails
        /// the connection with close code 1009. 0: Qt's own limit (about 2 GiB).
        quint64 maxIncomingMessageSize = 0;
    };

    /// @p url is what url() reports; open() connects to Options::url.
    explicit SocketTask(const QUrl &url = {}, QObject *parent = nullptr);
    ~SocketTask() override;

    /// Unique within the process, increasing from 1.
    int taskId() const;
    ReadyState readyState() const;
    QUrl url() const;
    /// The negotiated subprotocol, empty when none (or not open yet).
    QString protocol() const;
    HandshakeResponse handshakeResponse() const;
    /// The headers this task adds to its opening handshake request, in wire order
    /// (Sec-WebSocket-Protocol when protocols are offered, then Options::headers); QWebSocket
    /// adds Host, Upgrade, Connection and Sec-WebSocket-Key/Version itself. Empty before open().
    QList<QPair<QByteArray, QByteArray>> requestHeaders() const;
    SocketTaskProfile profile() const;
    /// Bytes accepted by send() that have not reached the kernel yet.
    qint64 bufferedAmount() const;

    /// Starts connecting. Call once, on a task in Connecting state.
    void open(const Options &options);

    /// Queues a text (QString) or binary (QByteArray) message. Fails (ErrorClass::State) unless
    /// Open. Success means the message is queued and will be sent in order.
    Outcome send(const QString &text);
    Outcome send(const QByteArray &binary);
    /// The bytes send(@p text) puts on the wire: UTF-8, each lone surrogate as U+FFFD, as a
    /// browser's send() converts a USVString (QString::toUtf8() would write '?').
    static QByteArray encodeText(QStringView text);

    /// Validated close (code 1000 or 3000..4999, reason <= 123 UTF-8 bytes). While Open: sends
    /// what is queued, then starts the closing handshake; while Connecting: cancels the attempt
    /// (closed(1006) follows). Fails (ErrorClass::State) while Closing or Closed.
    Outcome close(int code = 1000, const QString &reason = {});

    /// Marks a task that never started connecting (its creation failed) as Closed, silently.
    void discard();

Q_SIGNALS:
    void readyStateChanged(SwanSocket::SocketTask::ReadyState readyState);
    void opened();
    void textMessageReceived(const QString &message);
    void binaryMessageReceived(const QByteArray &message);
    /// A message was handed to the socket (it has left the task's own queue).
    void textMessageSent(const QString &message);
    void binaryMessageSent(const QByteArray &message);
    /// A ping frame arrived; the task has answered it with a pong.
    void pingReceived(const QByteArray &payload);
    /// A pong frame arrived.
    void pongReceived(const QByteArray &payload);
    void errorOccurred(const QString &message);
    void closed(int code, const QString &reason);

private:
    friend class SocketTaskPrivate;
    std::unique_ptr<SocketTaskPrivate> const d;
};

} // namespace SwanSocket
