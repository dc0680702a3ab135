#include <SwanSocket/framelogwriter.h>
#include <SwanSocket/sockettask.h>

#include <QFileDevice>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QPair>

#include <chrono>
#include <memory>

namespace SwanSocket {

namespace {

qint64 microsecondsSinceEpoch()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

/// One JSON object whose keys keep the documented order (QJsonObject would sort them), so a
/// log reads time first.
using Line = QList<QPair<QLatin1String, QJsonValue>>;

Line frameLine(const SocketTask *task, const char *direction, const char *type, qint64 size)
{
    return {{QLatin1String("time"), microsecondsSinceEpoch()},
            {QLatin1String("task"), task->taskId()},
            {QLatin1String("direction"), QLatin1String(direction)},
            {QLatin1String("type"), QLatin1String(type)},
            {QLatin1String("size"), size}};
}

void writeLine(QIODevice *device, const Line &line)
{
    QByteArray json = "{";
    for (const auto &[key, value] : line) {
        if (json.size() > 1)
            json += ',';
        // Keys are fixed identifiers; each value is serialised as a one-element array, brackets
        // cut.
        const QByteArray item = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        json += '"' + QByteArray(key.data(), key.size()) + "\":" + item.mid(1, item.size() - 2);
    }
    json += "}\n";
    device->write(json);
    // One line per frame, on disk at once: a run that is killed keeps what it saw.
    if (auto *file = qobject_cast<QFileDevice *>(device))
        file->flush();
}

} // namespace

FrameLogWriter::FrameLogWriter(QIODevice *device, QObject *parent)
    : QObject(parent), m_device(device)
{
}

FrameLogWriter::~FrameLogWriter() = default;

void FrameLogWriter::watch(SocketTask *task)
{
    connect(task, &SocketTask::textMessageReceived, this, [this, task](const QString &text) {
        write(task, "receive", "text", text.toUtf8(), false);
    });
    connect(task, &SocketTask::binaryMessageReceived, this, [this, task](const QByteArray &bytes) {
        write(task, "receive", "binary", bytes, true);
    });
    connect(task, &SocketTask::textMessageSent, this, [this, task](const QString &text) {
        write(task, "send", "text", SocketTask::encodeText(text), false); // as on the wire
    });
    connect(task, &SocketTask::binaryMessageSent, this,
            [this, task](const QByteArray &bytes) { write(task, "send", "binary", bytes, true); });

    // closed() does not say who closed. A task that went through Closing started the closing
    // handshake itself, so the code and reason are the ones it sent; otherwise they came from
    // the server (or, as 1006, from no close frame at all).
    auto closingSeen = std::make_shared<bool>(task->readyState() == SocketTask::Closing);
    connect(task, &SocketTask::readyStateChanged, this,
            [closingSeen](SocketTask::ReadyState state) {
                if (state == SocketTask::Closing)
                    *closingSeen = true;
            });
    connect(task, &SocketTask::closed, this,
            [this, task, closingSeen](int code, const QString &reason) {
                if (!m_device)
                    return;
                const QByteArray reasonBytes = reason.toUtf8();
                // A close frame carries the 2-byte code and the reason; 1006 means none came.
                const qint64 size = code == 1006 ? 0 : 2 + reasonBytes.size();
                Line line = frameLine(task, *closingSeen ? "send" : "receive", "close", size);
                line.append({QLatin1String("data"), reason});
                line.append({QLatin1String("code"), code});
                line.append({QLatin1String("reason"), reason});
                writeLine(m_device, line);
            });
}

void FrameLogWriter::write(const SocketTask *task, const char *direction, const char *type,
                           const QByteArray &payload, bool binary)
{
    if (!m_device)
        return;
    Line line = frameLine(task, direction, type, payload.size());
    line.append({QLatin1String("data"),
                 binary ? QString::fromLatin1(payload.toBase64()) : QString::fromUtf8(payload)});
    writeLine(m_device, line);
}

} // namespace SwanSocket
