#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

namespace SwanSocket {
class FrameFilterModel;
struct RecordedFrame;
} // namespace SwanSocket

/**
 * The detail pane's view of one frame of the frame list: its facts and its payload as text,
 * pretty JSON, hex + ASCII dump and base64. What it shows is cut to displayLimit payload
 * bytes, so a 64 MiB message does not become a 300 MiB string; copy() always copies the whole.
 * Follows the frame, not the row: when rows come and go, it re-reads what is at row.
 */
class FrameDetail : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE(<SwanSocket / framefiltermodel.h>)
    QML_ELEMENT
    Q_PROPERTY(
            SwanSocket::FrameFilterModel *frames READ frames WRITE setFrames NOTIFY framesChanged)
    /// A row of frames; -1 for none.
    Q_PROPERTY(int row READ row WRITE setRow NOTIFY rowChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY frameChanged)
    Q_PROPERTY(qint64 serial READ serial NOTIFY frameChanged)
    Q_PROPERTY(int taskId READ taskId NOTIFY frameChanged)
    /// Wire.Direction
    Q_PROPERTY(int direction READ direction NOTIFY frameChanged)
    /// Wire.FrameType
    Q_PROPERTY(int type READ type NOTIFY frameChanged)
    Q_PROPERTY(qint64 size READ size NOTIFY frameChanged)
    Q_PROPERTY(QString timeText READ timeText NOTIFY frameChanged)
    Q_PROPERTY(int closeCode READ closeCode NOTIFY frameChanged)
    Q_PROPERTY(bool isBinary READ isBinary NOTIFY frameChanged)
    /// The payload is a JSON object or array.
    Q_PROPERTY(bool isJson READ isJson NOTIFY frameChanged)
    /// The displayed parts stop at displayLimit bytes of payload.
    Q_PROPERTY(bool truncated READ isTruncated NOTIFY frameChanged)
    Q_PROPERTY(int displayLimit READ displayLimit CONSTANT)
    /// Text frames: the message; close frames: the reason; binary: read as UTF-8 (lossy).
    Q_PROPERTY(QString text READ text NOTIFY frameChanged)
    /// The whole payload text when isJson (for JsonTreeModel), "" otherwise.
    Q_PROPERTY(QString json READ json NOTIFY frameChanged)
    Q_PROPERTY(QString prettyJson READ prettyJson NOTIFY frameChanged)
    /// Bytes per line of hexDump: 16, or 8 for a narrow pane.
    Q_PROPERTY(int bytesPerLine READ bytesPerLine WRITE setBytesPerLine NOTIFY bytesPerLineChanged)
    /// Offset, hex bytes and ASCII per line ("00000000  53 57 41 4e  |SWAN|").
    Q_PROPERTY(QString hexDump READ hexDump NOTIFY hexDumpChanged)
    Q_PROPERTY(QString base64 READ base64 NOTIFY frameChanged)

public:
    enum Part { Text, PrettyJson, HexDump, Base64 };
    Q_ENUM(Part)

    static constexpr int DisplayLimit = 64 * 1024;

    explicit FrameDetail(QObject *parent = nullptr);
    ~FrameDetail() override;

    SwanSocket::FrameFilterModel *frames() const;
    void setFrames(SwanSocket::FrameFilterModel *frames);
    int row() const;
    void setRow(int row);
    int bytesPerLine() const;
    void setBytesPerLine(int bytes);

    bool isValid() const;
    qint64 serial() const;
    int taskId() const;
    int direction() const;
    int type() const;
    qint64 size() const;
    QString timeText() const;
    int closeCode() const;
    bool isBinary() const;
    bool isJson() const;
    bool isTruncated() const;
    int displayLimit() const { return DisplayLimit; }
    QString text() const;
    QString json() const;
    QString prettyJson() const;
    QString hexDump() const;
    QString base64() const;

    /// Copies @p part of the whole payload to the clipboard.
    Q_INVOKABLE void copy(Part part) const;

Q_SIGNALS:
    void framesChanged();
    void rowChanged();
    void frameChanged();
    void bytesPerLineChanged();
    void hexDumpChanged();

private:
    const SwanSocket::RecordedFrame *currentFrame() const;
    void refresh();

    QPointer<SwanSocket::FrameFilterModel> m_frames;
    int m_row = -1;
    int m_bytesPerLine = 16;
    qint64 m_serial = -1;
    QByteArray m_shown; // the payload, cut to DisplayLimit
    qint64 m_size = 0;
    int m_taskId = 0;
    int m_direction = 0;
    int m_type = 0;
    int m_closeCode = 0;
    qint64 m_timeUs = 0;
    bool m_isJson = false;
    QString m_text;
    QString m_json;
};
