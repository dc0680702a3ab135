#pragma once

#include <SwanSocket/swansocket_export.h>

#include <QObject>

class QIODevice;

namespace SwanSocket {

class SocketTask;

/**
 * Writes every frame of the tasks it watches as one JSON line:
 * {"time": <µs since epoch>, "task": <id>, "direction": "send"|"receive",
 *  "type": "text"|"binary"|"close", "size": <bytes>, "data": <text, base64 for binary>}
 * (close lines also carry "code" and "reason"). An observer: tasks do not know about it.
 */
class SWANSOCKET_EXPORT FrameLogWriter : public QObject
{
    Q_OBJECT

public:
    /// Does not take ownership of @p device, which must be open for writing.
    explicit FrameLogWriter(QIODevice *device, QObject *parent = nullptr);
    ~FrameLogWriter() override;

    void watch(SocketTask *task);

private:
    void write(const SocketTask *task, const char *direction, const char *type,
               const QByteArray &payload, bool binary);
    QIODevice *m_device;
};

} // namespace SwanSocket
