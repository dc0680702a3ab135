// STUB
#include <SwanSocket/jshost.h>
#include <QJSEngine>
namespace SwanSocket {
class JsHostPrivate {};
JsHost::JsHost(SocketApi *, QObject *parent) : QObject(parent), d(new JsHostPrivate) {}
JsHost::~JsHost() = default;
QJSEngine *JsHost::engine() const { return nullptr; }
SocketApi *JsHost::api() const { return nullptr; }
bool JsHost::evaluate(const QString &, const QString &, QString *) { return true; }
bool JsHost::evaluateFile(const QString &, QString *) { return true; }
bool JsHost::isIdle() const { return true; }
int JsHost::activeTimerCount() const { return 0; }
} // namespace SwanSocket
