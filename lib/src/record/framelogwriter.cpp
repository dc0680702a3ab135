// STUB
#include <SwanSocket/framelogwriter.h>
namespace SwanSocket {
FrameLogWriter::FrameLogWriter(QIODevice *device, QObject *parent) : QObject(parent), m_device(device) {}
FrameLogWriter::~FrameLogWriter() = default;
void FrameLogWriter::watch(SocketTask *) {}
void FrameLogWriter::write(const SocketTask *, const char *, const char *, const QByteArray &, bool) {}
} // namespace SwanSocket
