// STUB: replaced by the real implementation shortly.
#include <SwanSocket/sockettask.h>
namespace SwanSocket {
class SocketTaskPrivate {};
SocketTask::SocketTask(const QUrl &, QObject *parent) : QObject(parent), d(new SocketTaskPrivate) {}
SocketTask::~SocketTask() = default;
int SocketTask::taskId() const { return 0; }
SocketTask::ReadyState SocketTask::readyState() const { return Closed; }
QUrl SocketTask::url() const { return {}; }
QString SocketTask::protocol() const { return {}; }
HandshakeResponse SocketTask::handshakeResponse() const { return {}; }
SocketTaskProfile SocketTask::profile() const { return {}; }
qint64 SocketTask::bufferedAmount() const { return 0; }
void SocketTask::open(const Options &) {}
Outcome SocketTask::send(const QString &) { return {}; }
Outcome SocketTask::send(const QByteArray &) { return {}; }
Outcome SocketTask::close(int, const QString &) { return {}; }
void SocketTask::discard() {}
} // namespace SwanSocket
