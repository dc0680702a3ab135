// STUB
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>
namespace SwanSocket {
class SocketApiPrivate {};
SocketApi::SocketApi(SimulatorSettings *, QObject *parent) : QObject(parent), d(new SocketApiPrivate) {}
SocketApi::~SocketApi() = default;
SimulatorSettings *SocketApi::settings() const { return nullptr; }
SocketTask *SocketApi::connectSocket(const QVariantMap &, ResultHandler) { return nullptr; }
void SocketApi::sendSocketMessage(const QVariantMap &, ResultHandler) {}
void SocketApi::closeSocket(const QVariantMap &, ResultHandler) {}
void SocketApi::send(SocketTask *, const QVariantMap &, ResultHandler) {}
void SocketApi::close(SocketTask *, const QVariantMap &, ResultHandler) {}
void SocketApi::setGlobalListener(Event, EventHandler) {}
void SocketApi::addTaskListener(SocketTask *, Event, EventHandler) {}
SocketTask *SocketApi::currentTask() const { return nullptr; }
QList<SocketTask *> SocketApi::liveTasks() const { return {}; }
QList<SocketTask *> SocketApi::tasks() const { return {}; }
SocketTask *SocketApi::task(int) const { return nullptr; }
int SocketApi::pendingResults() const { return 0; }
bool SocketApi::isIdle() const { return true; }
} // namespace SwanSocket
