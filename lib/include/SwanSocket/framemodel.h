#pragma once

#include <SwanSocket/swansocket_export.h>

#include <QAbstractListModel>

#include <memory>

namespace SwanSocket {

class FrameRecorder;
struct RecordedFrame;
class FrameModelPrivate;

/**
 * The frames of a FrameRecorder, oldest first: all of them (taskId -1) or one connection's.
 *
 * Updates are batched: new frames become rows in one beginInsertRows()/endInsertRows() per
 * FrameRecorder::framesRecorded() (at most ~30 Hz), frames dropped by the recorder's budget
 * leave in one beginRemoveRows()/endRemoveRows() at the top. The model resets only when the
 * recorder is cleared or replaced or taskId changes. A row's data never changes.
 */
class SWANSOCKET_EXPORT FrameModel : public QAbstractListModel
{
    Q_OBJECT
    Q_MOC_INCLUDE(<SwanSocket / framerecorder.h>)
    Q_PROPERTY(SwanSocket::FrameRecorder *recorder READ recorder WRITE setRecorder NOTIFY
                       recorderChanged)
    /// The connection whose frames are shown; -1 (the default) shows every frame.
    Q_PROPERTY(int taskId READ taskId WRITE setTaskId NOTIFY taskIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        SerialRole = Qt::UserRole + 1, ///< qint64, the recorder's serial of the frame
        TaskIdRole, ///< int
        DirectionRole, ///< int, FrameRecorder::Direction
        DirectionNameRole, ///< QString, translated ("Sent", "Received")
        TimeRole, ///< QDateTime (ms precision)
        TimeUsRole, ///< qint64 µs since the epoch
        TimeTextRole, ///< QString "hh:mm:ss.zzz" local time
        TypeRole, ///< int, FrameRecorder::FrameType
        TypeNameRole, ///< QString, translated ("Text", "Binary", "Close", "Ping", "Pong")
        SizeRole, ///< qint64 payload bytes as on the wire
        PreviewRole, ///< QString: first ~200 characters of text, binary as hex bytes
        TextRole, ///< QString: the whole text (text frames, close reason), "" for binary
        IsBinaryRole, ///< bool
        IsControlRole, ///< bool, close/ping/pong
        CloseCodeRole, ///< int, close frames only (0 otherwise)
        CloseReasonRole, ///< QString, close frames only
    };
    Q_ENUM(Role)

    static constexpr int PreviewLength = 200;

    explicit FrameModel(QObject *parent = nullptr);
    ~FrameModel() override;

    FrameRecorder *recorder() const;
    /// Does not take ownership.
    void setRecorder(FrameRecorder *recorder);
    int taskId() const;
    void setTaskId(int taskId);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The frame at @p row, or nullptr (see FrameRecorder::frame() for how long it lives).
    const RecordedFrame *frameAt(int row) const;

    // For the detail pane; all return "" for a row that is not there.
    /// The payload as text: the message, the close reason, binary decoded as UTF-8 (lossy).
    Q_INVOKABLE QString payloadText(int row) const;
    /// The payload as indented JSON, "" when it is not a JSON object or array.
    Q_INVOKABLE QString prettyJson(int row) const;
    /// "00000000  7b 22 61 22 …  |{"a"…|" lines of 16 bytes.
    Q_INVOKABLE QString hexDump(int row) const;
    Q_INVOKABLE QString base64(int row) const;

    // The formatting used above, for any payload.
    static QString preview(const RecordedFrame &frame, int length = PreviewLength);
    static QString prettyJson(const QByteArray &payload);
    static QString hexDump(const QByteArray &payload);
    static QString directionName(int direction);
    static QString typeName(int frameType);

Q_SIGNALS:
    void recorderChanged();
    void taskIdChanged();
    void countChanged();

private:
    friend class FrameModelPrivate;
    std::unique_ptr<FrameModelPrivate> const d;
};

} // namespace SwanSocket
