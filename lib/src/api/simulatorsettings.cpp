#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/sockettask.h>

#include "logging.h"

#include <QFile>

namespace SwanSocket {

struct SimulatorSettings::Data
{
    QStringList allowedDomains;
    bool developmentMode = false;
    bool developmentWarningShown = false;
    QList<QSslCertificate> caCertificates;
    QString baseVersion;
    Platform platform = Platform::Ios;
    QString appKey = QStringLiteral("swansocket");
    int maxTasks = DefaultMaxTasks;
    QStringList connectTo;
    QList<ConnectToRule> connectToRules;
    qint64 sendWindow = SocketTask::DefaultSendWindow;
};

SimulatorSettings::SimulatorSettings(QObject *parent) : QObject(parent), d(new Data) { }

SimulatorSettings::~SimulatorSettings() = default;

QStringList SimulatorSettings::allowedDomains() const { return d->allowedDomains; }

void SimulatorSettings::setAllowedDomains(const QStringList &domains)
{
    if (d->allowedDomains == domains)
        return;
    d->allowedDomains = domains;
    Q_EMIT changed();
}

void SimulatorSettings::addAllowedDomain(const QString &domain)
{
    setAllowedDomains(d->allowedDomains + QStringList {domain});
}

bool SimulatorSettings::developmentMode() const { return d->developmentMode; }

void SimulatorSettings::setDevelopmentMode(bool on)
{
    if (d->developmentMode == on)
        return;
    d->developmentMode = on;
    if (on && !d->developmentWarningShown) {
        d->developmentWarningShown = true;
        qCWarning(lcApi).noquote()
                << "DEVELOPMENT SWITCH ON: domain allow-list, wss-only and TLS certificate checks "
                   "are OFF. A phone will not behave like this.";
    }
    Q_EMIT changed();
}

QList<QSslCertificate> SimulatorSettings::caCertificates() const { return d->caCertificates; }

bool SimulatorSettings::addCaCertificateFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read CA file %1: %2").arg(path, file.errorString());
        return false;
    }
    const QList<QSslCertificate> certificates
            = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        if (error)
            *error = QStringLiteral("no PEM certificate in %1").arg(path);
        return false;
    }
    addCaCertificates(certificates);
    return true;
}

void SimulatorSettings::addCaCertificates(const QList<QSslCertificate> &certificates)
{
    d->caCertificates += certificates;
    Q_EMIT changed();
}

QString SimulatorSettings::baseVersion() const { return d->baseVersion; }

void SimulatorSettings::setBaseVersion(const QString &version)
{
    if (d->baseVersion == version)
        return;
    d->baseVersion = version;
    Q_EMIT changed();
}

bool SimulatorSettings::singleConnectionMode() const
{
    if (d->baseVersion.isEmpty())
        return false;
    return QVersionNumber::fromString(d->baseVersion) < multipleConnectionsVersion();
}

Platform SimulatorSettings::platform() const { return d->platform; }

void SimulatorSettings::setPlatform(Platform platform)
{
    if (d->platform == platform)
        return;
    d->platform = platform;
    Q_EMIT changed();
}

QString SimulatorSettings::platformName() const
{
    return d->platform == Platform::Android ? QStringLiteral("android") : QStringLiteral("ios");
}

void SimulatorSettings::setPlatformName(const QString &name)
{
    setPlatform(name.compare(QLatin1String("android"), Qt::CaseInsensitive) == 0 ? Platform::Android
                                                                                 : Platform::Ios);
}

QString SimulatorSettings::appKey() const { return d->appKey; }

void SimulatorSettings::setAppKey(const QString &appKey)
{
    if (d->appKey == appKey)
        return;
    d->appKey = appKey;
    Q_EMIT changed();
}

QByteArray SimulatorSettings::referer() const
{
    // What the base library sends from a phone; `devtools` stands for the version segment.
    return "https://smartapp.baidu.com/" + QUrl::toPercentEncoding(d->appKey)
            + "/devtools/page-frame.html";
}

int SimulatorSettings::maxTasks() const { return d->maxTasks; }

void SimulatorSettings::setMaxTasks(int maxTasks)
{
    maxTasks = qMax(1, maxTasks);
    if (d->maxTasks == maxTasks)
        return;
    d->maxTasks = maxTasks;
    Q_EMIT changed();
}

QStringList SimulatorSettings::connectTo() const { return d->connectTo; }

void SimulatorSettings::setConnectTo(const QStringList &specs)
{
    QStringList accepted;
    QList<ConnectToRule> rules;
    for (const QString &spec : specs) {
        if (auto rule = ConnectToRule::parse(spec)) {
            accepted << spec;
            rules << *rule;
        } else {
            qCWarning(lcApi) << "ignoring invalid connect-to rule" << spec;
        }
    }
    d->connectTo = accepted;
    d->connectToRules = rules;
    Q_EMIT changed();
}

bool SimulatorSettings::addConnectTo(const QString &spec)
{
    const auto rule = ConnectToRule::parse(spec);
    if (!rule)
        return false;
    d->connectTo << spec;
    d->connectToRules << *rule;
    Q_EMIT changed();
    return true;
}

QList<ConnectToRule> SimulatorSettings::connectToRules() const { return d->connectToRules; }

qint64 SimulatorSettings::sendWindow() const { return d->sendWindow; }

void SimulatorSettings::setSendWindow(qint64 bytes)
{
    bytes = qMax<qint64>(64 * 1024, bytes);
    if (d->sendWindow == bytes)
        return;
    d->sendWindow = bytes;
    Q_EMIT changed();
}

} // namespace SwanSocket
