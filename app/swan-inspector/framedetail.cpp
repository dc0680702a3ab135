#include "framedetail.h"

#include <SwanSocket/framefiltermodel.h>
#include <SwanSocket/framemodel.h>
#include <SwanSocket/framerecorder.h>

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>

using namespace SwanSocket;

namespace {

/// Text frames carry their message, close frames their reason, as text.
bool hasText(const RecordedFrame &frame)
{
    return frame.type == FrameRecorder::Text || frame.type == FrameRecorder::Close;
}

} // namespace

FrameDetail::FrameDetail(QObject *parent) : QObject(parent) { }

FrameDetail::~FrameDetail() = default;

FrameFilterModel *FrameDetail::frames() const { return m_frames; }

void FrameDetail::setFrames(FrameFilterModel *frames)
{
    if (frames == m_frames)
        return;
    if (m_frames)
        m_frames->disconnect(this);
    m_frames = frames;
    if (frames) {
        // Rows shift when the filter changes or the recorder drops old frames.
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(frames, signal, this, &FrameDetail::refresh);
        connect(frames, &QAbstractItemModel::modelReset, this, &FrameDetail::refresh);
        connect(frames, &QAbstractItemModel::layoutChanged, this, &FrameDetail::refresh);
    }
    Q_EMIT framesChanged();
    refresh();
}

int FrameDetail::row() const { return m_row; }

int FrameDetail::bytesPerLine() const { return m_bytesPerLine; }

void FrameDetail::setBytesPerLine(int bytes)
{
    bytes = bytes <= 8 ? 8 : 16;
    if (bytes == m_bytesPerLine)
        return;
    m_bytesPerLine = bytes;
    Q_EMIT bytesPerLineChanged();
    Q_EMIT hexDumpChanged();
}

void FrameDetail::setRow(int row)
{
    if (row == m_row)
        return;
    m_row = row;
    Q_EMIT rowChanged();
    refresh();
}

const RecordedFrame *FrameDetail::currentFrame() const
{
    if (!m_frames || m_row < 0)
        return nullptr;
    const auto *source = qobject_cast<const FrameModel *>(m_frames->sourceModel());
    const int sourceRow = m_frames->sourceRow(m_row);
    return source && sourceRow >= 0 ? source->frameAt(sourceRow) : nullptr;
}

void FrameDetail::refresh()
{
    const RecordedFrame *frame = currentFrame();
    const qint64 serial = frame ? frame->serial : -1;
    if (serial == m_serial)
        return;
    m_serial = serial;
    m_shown.clear();
    m_text.clear();
    m_json.clear();
    m_isJson = false;
    m_size = 0;
    if (frame) {
        const QByteArray payload = frame->payload();
        m_shown = payload.left(DisplayLimit);
        m_size = frame->size;
        m_taskId = frame->taskId;
        m_direction = frame->direction;
        m_type = frame->type;
        m_closeCode = frame->closeCode;
        m_timeUs = frame->timeUs;
        m_text = hasText(*frame) ? frame->text : QString::fromUtf8(m_shown);
        if (m_text.size() > DisplayLimit)
            m_text.truncate(DisplayLimit);
        if (!frame->isBinary() && frame->type == FrameRecorder::Text) {
            const QString pretty = FrameModel::prettyJson(payload);
            m_isJson = !pretty.isEmpty();
            if (m_isJson)
                m_json = frame->text;
        }
    }
    Q_EMIT frameChanged();
    Q_EMIT hexDumpChanged();
}

bool FrameDetail::isValid() const { return m_serial >= 0; }

qint64 FrameDetail::serial() const { return m_serial; }

int FrameDetail::taskId() const { return m_taskId; }

int FrameDetail::direction() const { return m_direction; }

int FrameDetail::type() const { return m_type; }

qint64 FrameDetail::size() const { return m_size; }

QString FrameDetail::timeText() const
{
    if (!isValid())
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_timeUs / 1000)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

int FrameDetail::closeCode() const { return m_closeCode; }

bool FrameDetail::isBinary() const { return isValid() && m_type == FrameRecorder::Binary; }

bool FrameDetail::isJson() const { return m_isJson; }

bool FrameDetail::isTruncated() const { return m_size > DisplayLimit; }

QString FrameDetail::text() const { return m_text; }

QString FrameDetail::json() const { return m_json; }

QString FrameDetail::prettyJson() const
{
    if (!m_isJson)
        return {};
    QString pretty = FrameModel::prettyJson(m_json.toUtf8());
    if (pretty.size() > 4 * DisplayLimit)
        pretty.truncate(4 * DisplayLimit);
    return pretty;
}

QString FrameDetail::hexDump() const
{
    // FrameModel::hexDump()'s layout (what Copy gives), in lines of bytesPerLine bytes.
    QString dump;
    const int width = m_bytesPerLine;
    for (qsizetype offset = 0; offset < m_shown.size(); offset += width) {
        const qsizetype count = std::min<qsizetype>(width, m_shown.size() - offset);
        dump += QStringLiteral("%1 ").arg(offset, 8, 16, QLatin1Char('0'));
        for (qsizetype i = 0; i < width; ++i) {
            if (i == 8)
                dump += u' ';
            dump += i < count ? QStringLiteral(" %1").arg(uchar(m_shown.at(offset + i)), 2, 16,
                                                          QLatin1Char('0'))
                              : QStringLiteral("   ");
        }
        dump += QLatin1String("  |");
        for (qsizetype i = 0; i < count; ++i) {
            const uchar c = uchar(m_shown.at(offset + i));
            dump += c >= 0x20 && c < 0x7f ? QChar(c) : QChar(u'.');
        }
        dump += QLatin1String("|\n");
    }
    return dump;
}

QString FrameDetail::base64() const
{
    return isValid() ? QString::fromLatin1(m_shown.toBase64()) : QString();
}

void FrameDetail::copy(Part part) const
{
    const RecordedFrame *frame = currentFrame();
    if (!frame)
        return;
    const QByteArray payload = frame->payload();
    QString text;
    switch (part) {
    case Text:
        text = hasText(*frame) ? frame->text : QString::fromUtf8(payload);
        break;
    case PrettyJson:
        text = FrameModel::prettyJson(payload);
        break;
    case HexDump:
        text = FrameModel::hexDump(payload);
        break;
    case Base64:
        text = QString::fromLatin1(payload.toBase64());
        break;
    }
    QGuiApplication::clipboard()->setText(text);
}
