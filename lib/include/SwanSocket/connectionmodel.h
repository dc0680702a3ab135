#pragma once

#include <SwanSocket/swansocket_export.h>

#include <QAbstractListModel>
#include <QVariantList>
#include <QVariantMap>

#include <memory>

namespace SwanSocket {

class FrameRecorder;
class ConnectionModelPrivate;

/**
 * The connections of a FrameRecorder, one row each, in the order the recorder first saw them.
 *
 * Rows are inserted when the recorder adds a connection; changes of state arrive as
 * dataChanged() at once, changes of counters in batches with FrameRecorder::framesRecorded()
 * (at most ~30 Hz). The model resets only when the recorder is cleared or replaced.
 */
class SWANSOCKET_EXPORT ConnectionModel : public QAbstractListModel
{
    Q_OBJECT
    Q_MOC_INCLUDE(<SwanSocket / framerecorder.h>)
    Q_PROPERTY(SwanSocket::FrameRecorder *recorder READ recorder WRITE setRecorder NOTIFY
                       recorderChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        TaskIdRole = Qt::UserRole + 1, ///< int
        UrlRole, ///< QUrl
        UrlStringRole, ///< QString, the url as shown
        StateRole, ///< int, SocketTask::ReadyState
        StateNameRole, ///< QString, translated ("Open", …)
        ProtocolRole, ///< QString, "" when none
        CreatedAtRole, ///< QDateTime
        OpenedAtRole, ///< QDateTime, invalid when it never opened
        ClosedAtRole, ///< QDateTime, invalid while not closed
        DurationRole, ///< qint64 ms from open to close (to now while open), -1 if never opened
        FramesSentRole, ///< qint64
        FramesReceivedRole, ///< qint64
        BytesSentRole, ///< qint64
        BytesReceivedRole, ///< qint64
        CloseCodeRole, ///< int, 0 until closed
        CloseReasonRole, ///< QString
        CloseDirectionRole, ///< int, FrameRecorder::Direction: who started the close
        LastErrorRole, ///< QString, "" when none
        StatusCodeRole, ///< int, handshake response status (101), 0 when none
        OfflineRole, ///< bool, imported from a HAR file
    };
    Q_ENUM(Role)

    explicit ConnectionModel(QObject *parent = nullptr);
    ~ConnectionModel() override;

    FrameRecorder *recorder() const;
    /// Does not take ownership.
    void setRecorder(FrameRecorder *recorder);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The row of task @p taskId, -1 when not there.
    Q_INVOKABLE int rowOfTask(int taskId) const;
    /// Every role of @p row by role name (as delegates see them), plus the handshake:
    /// requestHeaders / responseHeaders ([{name, value}], in order), reasonPhrase, and
    /// profile {connectStart, connectEnd, tlsDone, handshakeDone} (epoch ms, 0 when not done).
    Q_INVOKABLE QVariantMap details(int row) const;
    /// FrameRecorder::rates() of the connection at @p row, for a small live chart.
    Q_INVOKABLE QVariantList rates(int row, int seconds = 30) const;

    /// The translated name of a SocketTask::ReadyState ("Connecting", "Open", …).
    static QString stateName(int readyState);

Q_SIGNALS:
    void recorderChanged();
    void countChanged();

private:
    friend class ConnectionModelPrivate;
    std::unique_ptr<ConnectionModelPrivate> const d;
};

} // namespace SwanSocket
