#include <SwanSocket/framemodel.h>

#include <SwanSocket/framerecorder.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>

#include <algorithm>
#include <deque>
#include <vector>

namespace SwanSocket {

namespace {

/// Hex dumps stop here: a detail pane cannot show megabytes of hex anyway.
constexpr qsizetype MaxHexDumpBytes = 64 * 1024;

QString hexBytes(const QByteArray &bytes, qsizetype count)
{
    return QString::fromLatin1(bytes.left(count).toHex(' '));
}

} // namespace

class FrameModelPrivate
{
public:
    explicit FrameModelPrivate(FrameModel *q) : q(q) { }

    bool showsAll() const { return taskId < 0; }
    qint64 serialAt(int row) const { return showsAll() ? first + row : serials[size_t(row)]; }
    int rows() const { return showsAll() ? int(end - first) : int(serials.size()); }

    void attach();
    void detach();
    /// Takes in what the recorder did since the last batch: drops first, then new frames.
    void catchUp();
    void rebuild();

    FrameModel *const q;
    QPointer<FrameRecorder> recorder;
    int taskId = -1;
    // All frames: rows are the serials [first, end).
    qint64 first = 0;
    qint64 end = 0;
    // One connection's frames: their serials, and how far the recorder has been looked at.
    std::deque<qint64> serials;
    qint64 scanned = 0;
};

void FrameModelPrivate::attach()
{
    if (!recorder)
        return;
    QObject::connect(recorder, &FrameRecorder::framesRecorded, q, [this] { catchUp(); });
    QObject::connect(recorder, &FrameRecorder::cleared, q, [this] {
        q->beginResetModel();
        rebuild();
        q->endResetModel();
        Q_EMIT q->countChanged();
    });
    QObject::connect(recorder, &QObject::destroyed, q, [this] {
        q->beginResetModel();
        first = end = scanned = 0;
        serials.clear();
        q->endResetModel();
        Q_EMIT q->countChanged();
    });
    rebuild();
}

void FrameModelPrivate::detach()
{
    if (recorder)
        QObject::disconnect(recorder, nullptr, q, nullptr);
    first = end = scanned = 0;
    serials.clear();
}

void FrameModelPrivate::rebuild()
{
    serials.clear();
    first = end = scanned = 0;
    if (!recorder)
        return;
    if (showsAll()) {
        first = recorder->firstSerial();
        end = recorder->endSerial();
        return;
    }
    for (int i = 0, n = recorder->frameCount(); i < n; ++i) {
        const RecordedFrame &frame = recorder->frameAt(i);
        if (frame.taskId == taskId)
            serials.push_back(frame.serial);
    }
    scanned = recorder->endSerial();
}

void FrameModelPrivate::catchUp()
{
    if (!recorder)
        return;
    const int before = rows();
    const qint64 recorderFirst = recorder->firstSerial();
    const qint64 recorderEnd = recorder->endSerial();

    if (showsAll()) {
        if (recorderFirst > first) {
            const qint64 gone = std::min(recorderFirst, end) - first;
            if (gone > 0) {
                q->beginRemoveRows({}, 0, int(gone - 1));
                first += gone;
                q->endRemoveRows();
            }
            // Frames recorded and dropped between two batches were never rows.
            first = std::max(first, recorderFirst);
            end = std::max(end, first);
        }
        if (recorderEnd > end) {
            q->beginInsertRows({}, int(end - first), int(recorderEnd - first - 1));
            end = recorderEnd;
            q->endInsertRows();
        }
    } else {
        size_t gone = 0;
        while (gone < serials.size() && serials[gone] < recorderFirst)
            ++gone;
        if (gone > 0) {
            q->beginRemoveRows({}, 0, int(gone - 1));
            serials.erase(serials.begin(), serials.begin() + std::ptrdiff_t(gone));
            q->endRemoveRows();
        }
        std::vector<qint64> added;
        for (qint64 serial = std::max(scanned, recorderFirst); serial < recorderEnd; ++serial) {
            if (recorder->frame(serial)->taskId == taskId)
                added.push_back(serial);
        }
        scanned = recorderEnd;
        if (!added.empty()) {
            const int row = int(serials.size());
            q->beginInsertRows({}, row, row + int(added.size()) - 1);
            serials.insert(serials.end(), added.begin(), added.end());
            q->endInsertRows();
        }
    }
    if (rows() != before)
        Q_EMIT q->countChanged();
}

FrameModel::FrameModel(QObject *parent)
    : QAbstractListModel(parent), d(std::make_unique<FrameModelPrivate>(this))
{
}

FrameModel::~FrameModel() = default;

FrameRecorder *FrameModel::recorder() const { return d->recorder; }

void FrameModel::setRecorder(FrameRecorder *recorder)
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

int FrameModel::taskId() const { return d->taskId; }

void FrameModel::setTaskId(int taskId)
{
    taskId = std::max(taskId, -1);
    if (d->taskId == taskId)
        return;
    beginResetModel();
    d->taskId = taskId;
    d->rebuild();
    endResetModel();
    Q_EMIT taskIdChanged();
    Q_EMIT countChanged();
}

int FrameModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : d->rows();
}

const RecordedFrame *FrameModel::frameAt(int row) const
{
    if (!d->recorder || row < 0 || row >= d->rows())
        return nullptr;
    return d->recorder->frame(d->serialAt(row));
}

QVariant FrameModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    // Null for a frame the recorder dropped since the last batch: its row goes in the next.
    const RecordedFrame *frame = frameAt(index.row());
    if (!frame)
        return {};
    switch (role) {
    case SerialRole:
        return frame->serial;
    case TaskIdRole:
        return frame->taskId;
    case DirectionRole:
        return int(frame->direction);
    case DirectionNameRole:
        return directionName(frame->direction);
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(frame->timeUs / 1000);
    case TimeUsRole:
        return frame->timeUs;
    case TimeTextRole:
        return QDateTime::fromMSecsSinceEpoch(frame->timeUs / 1000)
                .toString(QStringLiteral("hh:mm:ss.zzz"));
    case TypeRole:
        return int(frame->type);
    case TypeNameRole:
        return typeName(frame->type);
    case SizeRole:
        return frame->size;
    case Qt::DisplayRole:
    case PreviewRole:
        return preview(*frame);
    case TextRole:
        return frame->text;
    case IsBinaryRole:
        return frame->isBinary();
    case IsControlRole:
        return frame->isControl();
    case CloseCodeRole:
        return int(frame->closeCode);
    case CloseReasonRole:
        return frame->type == FrameRecorder::Close ? frame->text : QString();
    }
    return {};
}

QHash<int, QByteArray> FrameModel::roleNames() const
{
    return {
            {SerialRole, "serial"},       {TaskIdRole, "taskId"},
            {DirectionRole, "direction"}, {DirectionNameRole, "directionName"},
            {TimeRole, "time"},           {TimeUsRole, "timeUs"},
            {TimeTextRole, "timeText"},   {TypeRole, "type"},
            {TypeNameRole, "typeName"},   {SizeRole, "size"},
            {PreviewRole, "preview"},     {TextRole, "text"},
            {IsBinaryRole, "isBinary"},   {IsControlRole, "isControl"},
            {CloseCodeRole, "closeCode"}, {CloseReasonRole, "closeReason"},
    };
}

QString FrameModel::payloadText(int row) const
{
    const RecordedFrame *frame = frameAt(row);
    if (!frame)
        return {};
    if (frame->type == FrameRecorder::Text || frame->type == FrameRecorder::Close)
        return frame->text;
    return QString::fromUtf8(frame->data);
}

QString FrameModel::prettyJson(int row) const
{
    const RecordedFrame *frame = frameAt(row);
    return frame ? prettyJson(frame->payload()) : QString();
}

QString FrameModel::hexDump(int row) const
{
    const RecordedFrame *frame = frameAt(row);
    return frame ? hexDump(frame->payload()) : QString();
}

QString FrameModel::base64(int row) const
{
    const RecordedFrame *frame = frameAt(row);
    return frame ? QString::fromLatin1(frame->payload().toBase64()) : QString();
}

QString FrameModel::preview(const RecordedFrame &frame, int length)
{
    switch (frame.type) {
    case FrameRecorder::Text: {
        QString text = frame.text.left(length);
        // One line per row: line breaks would make rows of different heights.
        for (QChar &c : text) {
            if (c == u'\n' || c == u'\r' || c == u'\t')
                c = u' ';
        }
        return text;
    }
    case FrameRecorder::Close:
        return frame.closeCode ? tr("%1 %2").arg(frame.closeCode).arg(frame.text).trimmed()
                               : frame.text;
    case FrameRecorder::Binary:
    case FrameRecorder::Ping:
    case FrameRecorder::Pong:
        // Three characters per byte ("7b ").
        return hexBytes(frame.data, (length + 1) / 3);
    }
    return {};
}

QString FrameModel::prettyJson(const QByteArray &payload)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return {};
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

QString FrameModel::hexDump(const QByteArray &payload)
{
    const qsizetype shown = std::min(payload.size(), MaxHexDumpBytes);
    QString dump;
    dump.reserve((shown / 16 + 1) * 78);
    for (qsizetype offset = 0; offset < shown; offset += 16) {
        const qsizetype n = std::min<qsizetype>(16, shown - offset);
        dump += QStringLiteral("%1 ").arg(offset, 8, 16, QLatin1Char('0'));
        for (qsizetype i = 0; i < 16; ++i) {
            if (i == 8)
                dump += u' ';
            if (i < n)
                dump += QStringLiteral(" %1").arg(uchar(payload[offset + i]), 2, 16,
                                                  QLatin1Char('0'));
            else
                dump += QLatin1String("   ");
        }
        dump += QLatin1String("  |");
        for (qsizetype i = 0; i < n; ++i) {
            const uchar c = uchar(payload[offset + i]);
            dump += (c >= 0x20 && c < 0x7f) ? QChar(c) : QChar(u'.');
        }
        dump += QLatin1String("|\n");
    }
    if (payload.size() > shown)
        dump += tr("… %n more bytes", nullptr, int(payload.size() - shown)) + u'\n';
    return dump;
}

QString FrameModel::directionName(int direction)
{
    switch (direction) {
    case FrameRecorder::Send:
        return tr("Sent");
    case FrameRecorder::Receive:
        return tr("Received");
    }
    return {};
}

QString FrameModel::typeName(int frameType)
{
    switch (frameType) {
    case FrameRecorder::Text:
        return tr("Text");
    case FrameRecorder::Binary:
        return tr("Binary");
    case FrameRecorder::Close:
        return tr("Close");
    case FrameRecorder::Ping:
        return tr("Ping");
    case FrameRecorder::Pong:
        return tr("Pong");
    }
    return {};
}

} // namespace SwanSocket
