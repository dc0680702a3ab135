// STUB
#include <SwanSocket/simulatorsettings.h>
namespace SwanSocket {
struct SimulatorSettings::Data {};
SimulatorSettings::SimulatorSettings(QObject *parent) : QObject(parent), d(new Data) {}
SimulatorSettings::~SimulatorSettings() = default;
QStringList SimulatorSettings::allowedDomains() const { return {}; }
void SimulatorSettings::setAllowedDomains(const QStringList &) {}
void SimulatorSettings::addAllowedDomain(const QString &) {}
bool SimulatorSettings::developmentMode() const { return false; }
void SimulatorSettings::setDevelopmentMode(bool) {}
QList<QSslCertificate> SimulatorSettings::caCertificates() const { return {}; }
bool SimulatorSettings::addCaCertificateFile(const QString &, QString *) { return true; }
void SimulatorSettings::addCaCertificates(const QList<QSslCertificate> &) {}
QString SimulatorSettings::baseVersion() const { return {}; }
void SimulatorSettings::setBaseVersion(const QString &) {}
bool SimulatorSettings::singleConnectionMode() const { return false; }
Platform SimulatorSettings::platform() const { return Platform::Ios; }
void SimulatorSettings::setPlatform(Platform) {}
QString SimulatorSettings::platformName() const { return {}; }
void SimulatorSettings::setPlatformName(const QString &) {}
QString SimulatorSettings::appKey() const { return {}; }
void SimulatorSettings::setAppKey(const QString &) {}
QByteArray SimulatorSettings::referer() const { return {}; }
int SimulatorSettings::maxTasks() const { return 5; }
void SimulatorSettings::setMaxTasks(int) {}
QStringList SimulatorSettings::connectTo() const { return {}; }
void SimulatorSettings::setConnectTo(const QStringList &) {}
bool SimulatorSettings::addConnectTo(const QString &) { return true; }
QList<ConnectToRule> SimulatorSettings::connectToRules() const { return {}; }
qint64 SimulatorSettings::sendWindow() const { return 0; }
void SimulatorSettings::setSendWindow(qint64) {}
} // namespace SwanSocket
