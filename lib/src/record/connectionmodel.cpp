#include <SwanSocket/connectionmodel.h>

#include <SwanSocket/framerecorder.h>

#include <QDateTime>
#include <QPointer>

#include <chrono>
#include <vector>

namespace SwanSocket {

namespace {

QDateTime dateTime(qint64 us)
{
    return us ? QDateTime::fromMSecsSinceEpoch(us / 1000) : QDateTime();
}

QVariantList headerList(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QVariantList list;
    list.reserve(headers.size());
    for (const auto &[name, value] : headers)
        list.append(QVariantMap {{QStringLiteral("name"), QString::fromLatin1(name)},
                                 {QStringLiteral("value"), QString::fromLatin1(value)}});
    return list;
}

} // namespace

class ConnectionModelPrivate
{
public:
    explicit ConnectionModelPrivate(ConnectionModel *q) : q(q) { }

    void attach();
    void detach();
    void onConnectionAdded(int index);
    void onCountersMaybeChanged();
    void onConnectionChanged(int taskId);
    qint64 frameTotal(int row) const
    {
        const RecordedConnection &c = recorder->connectionAt(row);
        return c.framesSent + c.framesReceived + c.bytesSent + c.bytesReceived;
    }

    ConnectionModel *const q;
    QPointer<FrameRecorder> recorder;
    /// The rows the model shows; the recorder may be ahead between notifications.
    int rows = 0;
    /// Per row, the counters last shown, to tell which rows changed in a batch.
    std::vector<qint64> shownTotals;
};

void ConnectionModelPrivate::attach()
{
    if (!recorder)
        return;
    QObject::connect(recorder, &FrameRecorder::connectionAdded, q,
                     [this](int, int index) { onConnectionAdded(index); });
    QObject::connect(recorder, &FrameRecorder::connectionChanged, q,
                     [this](int taskId) { onConnectionChanged(taskId); });
    QObject::connect(recorder, &FrameRecorder::framesRecorded, q,
                     [this] { onCountersMaybeChanged(); });
    QObject::connect(recorder, &FrameRecorder::cleared, q, [this] {
        q->beginResetModel();
        rows = recorder->connectionCount();
        shownTotals.assign(size_t(rows), 0);
        for (int row = 0; row < rows; ++row)
            shownTotals[size_t(row)] = frameTotal(row);
        q->endResetModel();
        Q_EMIT q->countChanged();
    });
    QObject::connect(recorder, &QObject::destroyed, q, [this] {
        q->beginResetModel();
        rows = 0;
        shownTotals.clear();
        q->endResetModel();
        Q_EMIT q->countChanged();
    });
    rows = recorder->connectionCount();
    shownTotals.resize(size_t(rows));
    for (int row = 0; row < rows; ++row)
        shownTotals[size_t(row)] = frameTotal(row);
}

void ConnectionModelPrivate::detach()
{
    if (recorder)
        QObject::disconnect(recorder, nullptr, q, nullptr);
    rows = 0;
    shownTotals.clear();
}

void ConnectionModelPrivate::onConnectionAdded(int index)
{
    // Connections are only ever appended; catch up with every one not shown yet.
    const int count = recorder->connectionCount();
    if (index < rows || count <= rows)
        return;
    q->beginInsertRows({}, rows, count - 1);
    for (int row = rows; row < count; ++row)
        shownTotals.push_back(frameTotal(row));
    rows = count;
    q->endInsertRows();
    Q_EMIT q->countChanged();
}

void ConnectionModelPrivate::onConnectionChanged(int taskId)
{
    const int row = recorder->indexOfConnection(taskId);
    if (row < 0 || row >= rows)
        return;
    const QModelIndex index = q->index(row);
    Q_EMIT q->dataChanged(index, index);
}

void ConnectionModelPrivate::onCountersMaybeChanged()
{
    int first = rows;
    int last = -1;
    for (int row = 0; row < rows; ++row) {
        const qint64 total = frameTotal(row);
        if (total != shownTotals[size_t(row)]) {
            shownTotals[size_t(row)] = total;
            first = std::min(first, row);
            last = row;
        }
    }
    if (last >= 0)
        Q_EMIT q->dataChanged(q->index(first), q->index(last),
                              {ConnectionModel::FramesSentRole, ConnectionModel::FramesReceivedRole,
                               ConnectionModel::BytesSentRole, ConnectionModel::BytesReceivedRole,
                               ConnectionModel::DurationRole});
}

ConnectionModel::ConnectionModel(QObject *parent)
    : QAbstractListModel(parent), d(std::make_unique<ConnectionModelPrivate>(this))
{
}

ConnectionModel::~ConnectionModel() = default;

FrameRecorder *ConnectionModel::recorder() const { return d->recorder; }

void ConnectionModel::setRecorder(FrameRecorder *recorder)
{
    if (d->recorder == recorder)
        return;
    beginResetModel();
    d->detach();
    d->recorder = recorder;
    d->attach();
    endResetModel();
    Q_EMIT recorderChanged();
    Q_EMIT countChanged();
}

int ConnectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : d->rows;
}

QVariant ConnectionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !d->recorder)
        return {};
    const RecordedConnection &c = d->recorder->connectionAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UrlStringRole:
        return c.url.toDisplayString();
    case TaskIdRole:
        return c.taskId;
    case UrlRole:
        return c.url;
    case StateRole:
        return int(c.state);
    case StateNameRole:
        return stateName(c.state);
    case ProtocolRole:
        return c.protocol;
    case CreatedAtRole:
        return dateTime(c.createdAtUs);
    case OpenedAtRole:
        return dateTime(c.openedAtUs);
    case ClosedAtRole:
        return dateTime(c.closedAtUs);
    case DurationRole: {
        if (!c.openedAtUs)
            return qint64(-1);
        qint64 endUs = c.closedAtUs;
        if (!endUs) {
            using namespace std::chrono;
            endUs = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
        }
        return std::max<qint64>(0, (endUs - c.openedAtUs) / 1000);
    }
    case FramesSentRole:
        return c.framesSent;
    case FramesReceivedRole:
        return c.framesReceived;
    case BytesSentRole:
        return c.bytesSent;
    case BytesReceivedRole:
        return c.bytesReceived;
    case CloseCodeRole:
        return c.closeCode;
    case CloseReasonRole:
        return c.closeReason;
    case CloseDirectionRole:
        return int(c.closeDirection);
    case LastErrorRole:
        return c.lastError;
    case StatusCodeRole:
        return c.response.statusCode;
    case OfflineRole:
        return c.offline;
    }
    return {};
}

QHash<int, QByteArray> ConnectionModel::roleNames() const
{
    return {
            {TaskIdRole, "taskId"},
            {UrlRole, "url"},
            {UrlStringRole, "urlString"},
            {StateRole, "state"},
            {StateNameRole, "stateName"},
            {ProtocolRole, "protocol"},
            {CreatedAtRole, "createdAt"},
            {OpenedAtRole, "openedAt"},
            {ClosedAtRole, "closedAt"},
            {DurationRole, "duration"},
            {FramesSentRole, "framesSent"},
            {FramesReceivedRole, "framesReceived"},
            {BytesSentRole, "bytesSent"},
            {BytesReceivedRole, "bytesReceived"},
            {CloseCodeRole, "closeCode"},
            {CloseReasonRole, "closeReason"},
            {CloseDirectionRole, "closeDirection"},
            {LastErrorRole, "lastError"},
            {StatusCodeRole, "statusCode"},
            {OfflineRole, "offline"},
    };
}

int ConnectionModel::rowOfTask(int taskId) const
{
    if (!d->recorder)
        return -1;
    const int row = d->recorder->indexOfConnection(taskId);
    return row < d->rows ? row : -1;
}

QVariantMap ConnectionModel::details(int row) const
{
    if (!d->recorder || row < 0 || row >= d->rows)
        return {};
    QVariantMap map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    const RecordedConnection &c = d->recorder->connectionAt(row);
    map.insert(QStringLiteral("requestHeaders"), headerList(c.requestHeaders));
    map.insert(QStringLiteral("responseHeaders"), headerList(c.response.headers));
    map.insert(QStringLiteral("reasonPhrase"), QString::fromLatin1(c.response.reasonPhrase));
    map.insert(QStringLiteral("method"), QString::fromLatin1(c.method));
    map.insert(QStringLiteral("profile"),
               QVariantMap {{QStringLiteral("connectStart"), c.profile.connectStart},
                            {QStringLiteral("connectEnd"), c.profile.connectEnd},
                            {QStringLiteral("tlsDone"), c.profile.tlsDone},
                            {QStringLiteral("handshakeDone"), c.profile.handshakeDone}});
    return map;
}

QVariantList ConnectionModel::rates(int row, int seconds) const
{
    if (!d->recorder || row < 0 || row >= d->rows)
        return {};
    return d->recorder->rates(d->recorder->connectionAt(row).taskId, seconds);
}

QString ConnectionModel::stateName(int readyState)
{
    static const char *const names[] = {
            QT_TR_NOOP("Connecting"),
            QT_TR_NOOP("Open"),
            QT_TR_NOOP("Closing"),
            QT_TR_NOOP("Closed"),
    };
    if (readyState < 0 || readyState >= int(std::size(names)))
        return {};
    return tr(names[readyState]);
}

} // namespace SwanSocket
