#pragma once

#include <SwanSocket/sockettask.h>
#include <SwanSocket/swansocket_export.h>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QVariantList>

#include <memory>

namespace SwanSocket {

class SocketApi;
class FrameRecorderPrivate;
struct RecordedFrame;
struct RecordedConnection;

/**
 * Records the frames and the connection facts of the tasks it watches: an observer that
 * connects to a SocketTask's signals; tasks never know whether anyone records them.
 *
 * Frames are kept in arrival order in a ring bounded by maxFrames and maxBytes; when either
 * is exceeded the oldest frames go and droppedFrames counts them. Every frame carries a
 * serial number that increases by one per recorded frame and is never reused (not even by
 * clear()), so a reader can tell which frames it has seen: the frames held are exactly the
 * serials [firstSerial(), endSerial()).
 *
 * Cost: recording a frame appends one small struct (the payload is shared with the task's
 * QString/QByteArray, not copied) and emits nothing. Readers (models, HAR) are told in batches
 * by framesRecorded(), at most once per updateInterval milliseconds.
 *
 * What is recorded: text and binary messages each way (sent ones when SocketTask hands them to
 * the socket: its *MessageSent() signals), pings and pongs received (the task answers pings
 * itself; its pongs are not recorded), and one close frame per connection that opened and
 * closed with a close frame (not for 1006): "send" when the task went Closing before closed()
 * (we started the close), "receive" otherwise.
 *
 * Connection facts (url, state, protocol, times, counters, close code, last error, handshake)
 * are kept for every watched task and for imported (offline) connections until clear().
 *
 * Not thread-safe: lives in the thread of the tasks it watches.
 */
class SWANSOCKET_EXPORT FrameRecorder : public QObject
{
    Q_OBJECT
    /// Frames held at most (default 500000). Lowering it drops the oldest frames at once.
    Q_PROPERTY(int maxFrames READ maxFrames WRITE setMaxFrames NOTIFY maxFramesChanged)
    /// Payload bytes (as on the wire) held at most (default 128 MiB).
    Q_PROPERTY(qint64 maxBytes READ maxBytes WRITE setMaxBytes NOTIFY maxBytesChanged)
    /// Frames removed to stay within maxFrames/maxBytes since construction or clear().
    Q_PROPERTY(qint64 droppedFrames READ droppedFrames NOTIFY droppedFramesChanged)
    /// While paused, frames are not stored (connection state and counters still are).
    Q_PROPERTY(bool paused READ isPaused WRITE setPaused NOTIFY pausedChanged)
    /// The longest time between a recorded frame and framesRecorded() (default 33 ms).
    Q_PROPERTY(int updateInterval READ updateInterval WRITE setUpdateInterval NOTIFY
                       updateIntervalChanged)
    /// Frames and payload bytes held now; updated with framesRecorded(), not per frame.
    Q_PROPERTY(int frameCount READ frameCount NOTIFY framesRecorded)
    Q_PROPERTY(qint64 byteCount READ byteCount NOTIFY framesRecorded)
    Q_PROPERTY(int connectionCount READ connectionCount NOTIFY connectionCountChanged)

public:
    enum Direction : quint8 { Send, Receive };
    Q_ENUM(Direction)
    enum FrameType : quint8 { Text, Binary, Close, Ping, Pong };
    Q_ENUM(FrameType)

    /// Imported (offline) connections get ids from here up, far from live task ids.
    static constexpr int FirstOfflineId = 1 << 30;
    static constexpr int DefaultMaxFrames = 500000;
    static constexpr qint64 DefaultMaxBytes = qint64(128) * 1024 * 1024;

    explicit FrameRecorder(QObject *parent = nullptr);
    ~FrameRecorder() override;

    /// Records @p task from now on (its current state is taken as it is). Watching the same
    /// task twice does nothing. The recorder does not own the task; its record stays after
    /// the task is destroyed.
    void watch(SocketTask *task);
    /// Watches every task @p api creates from now on, and those it holds already.
    void watch(SocketApi *api);
    /// Request headers of a watched task's opening handshake, when the caller knows them
    /// (SocketTask does not tell).
    void setRequestHeaders(int taskId, const QList<QPair<QByteArray, QByteArray>> &headers);

    int maxFrames() const;
    void setMaxFrames(int maxFrames);
    qint64 maxBytes() const;
    void setMaxBytes(qint64 maxBytes);
    qint64 droppedFrames() const;
    bool isPaused() const;
    void setPaused(bool paused);
    int updateInterval() const;
    void setUpdateInterval(int milliseconds);

    // Frames, oldest first. References stay valid until the next frame is recorded or
    // dropped; do not keep them across returns to the event loop.
    int frameCount() const;
    qint64 byteCount() const;
    /// Serial of the oldest frame held (== endSerial() when none is held).
    qint64 firstSerial() const;
    /// Serial the next recorded frame will get.
    qint64 endSerial() const;
    /// @p index in [0, frameCount()): 0 is the oldest frame held.
    const RecordedFrame &frameAt(int index) const;
    /// The frame with @p serial, or nullptr when it is not held (dropped, or not yet recorded).
    const RecordedFrame *frame(qint64 serial) const;

    // Connections, in the order they were first seen.
    int connectionCount() const;
    const RecordedConnection &connectionAt(int index) const;
    /// The connection of task @p taskId, or nullptr.
    const RecordedConnection *connection(int taskId) const;
    /// Index of task @p taskId's connection, -1 when unknown.
    int indexOfConnection(int taskId) const;

    /// Adds an offline connection (an imported one) and returns its new id (>= FirstOfflineId);
    /// its frames follow with addFrame(). Emits connectionAdded().
    int addConnection(const RecordedConnection &connection);
    /// Appends @p frame (its serial is assigned here) to a known connection, updating that
    /// connection's counters unless @p countFrame is false. Honours the budget, ignores paused.
    /// Frames must be appended in time order per connection.
    void addFrame(const RecordedFrame &frame, bool countFrame = true);

    /**
     * Messages and bytes per second of connection @p taskId for the last @p seconds whole
     * seconds (at most 120), oldest first, ending with the current second: a list of maps
     * {time: epoch ms of the second's start, messagesSent, messagesReceived, bytesSent,
     * bytesReceived}. Counts data frames (text, binary) only, whether or not they are held.
     */
    Q_INVOKABLE QVariantList rates(int taskId, int seconds = 30) const;

public Q_SLOTS:
    /// Forgets every frame and every connection that is Closed (offline ones included); live
    /// connections stay with their counters reset. droppedFrames goes back to 0.
    void clear();

Q_SIGNALS:
    void maxFramesChanged(int maxFrames);
    void maxBytesChanged(qint64 maxBytes);
    void droppedFramesChanged(qint64 droppedFrames);
    void pausedChanged(bool paused);
    void updateIntervalChanged(int updateInterval);
    /// Frames were recorded and/or dropped, or connection counters changed, since the last
    /// emission. At most once per updateInterval; never once per frame.
    void framesRecorded();
    /// A connection was added (at index @p index); emitted when it happens.
    void connectionAdded(int taskId, int index);
    /// A connection's state, protocol, handshake, close or error facts changed (counters
    /// changes are announced by framesRecorded() instead).
    void connectionChanged(int taskId);
    void connectionCountChanged(int connectionCount);
    /// clear() ran: readers must start over.
    void cleared();

private:
    friend class FrameRecorderPrivate;
    std::unique_ptr<FrameRecorderPrivate> const d;
};

/// One recorded frame: a few scalars plus the payload, shared with the sender/receiver.
struct RecordedFrame
{
    /// µs since the epoch. Live frames: the wall clock when the recorder was made plus a
    /// monotonic clock's progress since (a burst may share a read up to ~40 µs old), so they
    /// stay in order when the system clock is set.
    qint64 timeUs = 0;
    qint64 serial = -1; ///< assigned by the recorder
    qint64 size = 0; ///< payload bytes as on the wire (UTF-8 text; close: 2-byte code + reason)
    int taskId = 0;
    FrameRecorder::Direction direction = FrameRecorder::Receive;
    FrameRecorder::FrameType type = FrameRecorder::Text;
    quint16 closeCode = 0; ///< Close frames only; 0 when the close had no code
    QString text; ///< Text frames: the message; Close frames: the reason
    QByteArray data; ///< Binary, Ping and Pong frames: the payload

    bool isBinary() const { return type == FrameRecorder::Binary; }
    bool isControl() const { return type >= FrameRecorder::Close; }
    /// The payload as bytes: UTF-8 of text (or the close reason), the data otherwise.
    QByteArray payload() const
    {
        return type == FrameRecorder::Text || type == FrameRecorder::Close ? text.toUtf8() : data;
    }
};

/// What is known of one connection: a live task's or an imported one's.
struct RecordedConnection
{
    int taskId = 0;
    bool offline = false; ///< imported, not a live task
    QUrl url;
    SocketTask::ReadyState state = SocketTask::Connecting;
    QString protocol;
    qint64 createdAtUs = 0; ///< watched / started connecting (µs since epoch)
    qint64 openedAtUs = 0; ///< 0 when it never opened
    qint64 closedAtUs = 0; ///< 0 while not closed
    // Data messages (text and binary) each way, all that were seen: also those the budget
    // dropped or that came while paused. Control frames are not counted.
    qint64 framesSent = 0;
    qint64 framesReceived = 0;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    int closeCode = 0; ///< 0 until closed
    QString closeReason;
    /// Who started the close: Send when we did (the task went Closing first), else Receive.
    FrameRecorder::Direction closeDirection = FrameRecorder::Receive;
    QString lastError;
    QByteArray method = QByteArrayLiteral("GET"); ///< HAR imports may say otherwise (or nothing)
    QList<QPair<QByteArray, QByteArray>> requestHeaders; ///< when known
    HandshakeResponse response; ///< statusCode 0 when there was none
    SocketTaskProfile profile;
};

} // namespace SwanSocket
