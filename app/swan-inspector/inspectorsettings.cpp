#include "inspectorsettings.h"

#include "inspectorlogging.h"

#include <SwanSocket/connectto.h>
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/validation.h>

#include <QRegularExpression>
#include <QSettings>
#include <QUrl>

using namespace SwanSocket;

namespace {

const QString domainsKey = QStringLiteral("simulator/allowedDomains");
const QString developmentKey = QStringLiteral("simulator/developmentMode");
const QString caFilesKey = QStringLiteral("simulator/caCertificateFiles");
const QString baseVersionKey = QStringLiteral("simulator/baseVersion");
const QString maxTasksKey = QStringLiteral("simulator/maxTasks");
const QString connectToKey = QStringLiteral("simulator/connectTo");
const QString platformKey = QStringLiteral("simulator/platform");
const QString appKeyKey = QStringLiteral("simulator/appKey");
const QString languageKey = QStringLiteral("ui/language");

bool isVersion(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"));
    return pattern.match(text).hasMatch();
}

QString localPath(const QUrl &file)
{
    return file.isLocalFile() ? file.toLocalFile() : file.toString();
}

} // namespace

InspectorSettings::InspectorSettings(SimulatorSettings *simulator, QObject *parent)
    : QObject(parent), m_simulator(simulator), m_maxTasks(SimulatorSettings::DefaultMaxTasks)
{
}

InspectorSettings::~InspectorSettings() = default;

void InspectorSettings::load()
{
    const QSettings stored;
    for (const QString &domain : stored.value(domainsKey).toStringList()) {
        if (!Validation::normalizeAllowedDomain(domain).isEmpty()
            && !m_allowedDomains.contains(domain))
            m_allowedDomains.append(domain);
    }
    m_developmentMode = stored.value(developmentKey, false).toBool();
    for (const QString &file : stored.value(caFilesKey).toStringList()) {
        QString error;
        if (m_simulator->addCaCertificateFile(file, &error))
            m_caFiles.append(file);
        else
            qCWarning(lcInspector, "stored CA file skipped: %s", qPrintable(error));
    }
    const QString version = stored.value(baseVersionKey).toString();
    m_baseVersion = isVersion(version) ? version : QString();
    const int maxTasks = stored.value(maxTasksKey, SimulatorSettings::DefaultMaxTasks).toInt();
    m_maxTasks = qBound(minMaxTasks(), maxTasks, maxMaxTasks());
    for (const QString &rule : stored.value(connectToKey).toStringList()) {
        if (ConnectToRule::parse(rule))
            m_connectTo.append(rule);
    }
    const QString platform = stored.value(platformKey).toString();
    m_platform = platform == QLatin1String("android") ? platform : QStringLiteral("ios");
    m_appKey = stored.value(appKeyKey).toString();
    const QString language = stored.value(languageKey).toString();
    m_language = language == QLatin1String("en") || language == QLatin1String("zh_CN") ? language
                                                                                       : QString();
    apply();
    Q_EMIT changed();
    Q_EMIT languageChanged();
}

void InspectorSettings::setPersistent(bool persistent) { m_persistent = persistent; }

void InspectorSettings::apply()
{
    m_simulator->setAllowedDomains(m_allowedDomains + m_sessionDomains);
    m_simulator->setConnectTo(m_connectTo + m_sessionConnectTo);
    m_simulator->setBaseVersion(m_baseVersion);
    m_simulator->setMaxTasks(m_maxTasks);
    m_simulator->setPlatformName(m_platform);
    m_simulator->setAppKey(m_appKey);
    // Last: turning it on makes the simulator warn, and the warning should see the rest.
    m_simulator->setDevelopmentMode(m_developmentMode);
}

void InspectorSettings::store() const
{
    if (!m_persistent)
        return;
    QSettings stored;
    stored.setValue(domainsKey, m_allowedDomains);
    stored.setValue(developmentKey, m_developmentMode);
    stored.setValue(caFilesKey, m_caFiles);
    stored.setValue(baseVersionKey, m_baseVersion);
    stored.setValue(maxTasksKey, m_maxTasks);
    stored.setValue(connectToKey, m_connectTo);
    stored.setValue(platformKey, m_platform);
    stored.setValue(appKeyKey, m_appKey);
    stored.setValue(languageKey, m_language);
}

QStringList InspectorSettings::allowedDomains() const { return m_allowedDomains; }

bool InspectorSettings::developmentMode() const { return m_developmentMode; }

void InspectorSettings::setDevelopmentMode(bool on)
{
    if (on == m_developmentMode)
        return;
    m_developmentMode = on;
    apply();
    store();
    Q_EMIT changed();
}

QStringList InspectorSettings::caCertificateFiles() const { return m_caFiles; }

QString InspectorSettings::baseVersion() const { return m_baseVersion; }

int InspectorSettings::maxTasks() const { return m_maxTasks; }

void InspectorSettings::setMaxTasks(int maxTasks)
{
    maxTasks = qBound(minMaxTasks(), maxTasks, maxMaxTasks());
    if (maxTasks == m_maxTasks)
        return;
    m_maxTasks = maxTasks;
    apply();
    store();
    Q_EMIT changed();
}

QStringList InspectorSettings::connectTo() const { return m_connectTo; }

QString InspectorSettings::platform() const { return m_platform; }

void InspectorSettings::setPlatform(const QString &platform)
{
    if (platform == m_platform
        || (platform != QLatin1String("ios") && platform != QLatin1String("android")))
        return;
    m_platform = platform;
    apply();
    store();
    Q_EMIT changed();
}

QString InspectorSettings::appKey() const { return m_appKey; }

void InspectorSettings::setAppKey(const QString &appKey)
{
    const QString trimmed = appKey.trimmed();
    if (trimmed == m_appKey)
        return;
    m_appKey = trimmed;
    apply();
    store();
    Q_EMIT changed();
}

QString InspectorSettings::referer() const { return QString::fromUtf8(m_simulator->referer()); }

QString InspectorSettings::language() const { return m_language; }

void InspectorSettings::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    store();
    Q_EMIT languageChanged();
}

QStringList InspectorSettings::sessionAllowedDomains() const { return m_sessionDomains; }

QStringList InspectorSettings::sessionConnectTo() const { return m_sessionConnectTo; }

int InspectorSettings::sessionCaCertificateCount() const { return m_sessionCaCount; }

bool InspectorSettings::restartNeeded() const { return m_restartNeeded; }

QString InspectorSettings::addAllowedDomain(const QString &entry)
{
    const QString domain = entry.trimmed();
    if (domain.isEmpty())
        return tr("Enter a host name, such as example.baidu.com.");
    if (Validation::normalizeAllowedDomain(domain).isEmpty())
        return tr("“%1” is not a host name.").arg(domain);
    for (const QString &known : std::as_const(m_allowedDomains)) {
        if (Validation::normalizeAllowedDomain(known) == Validation::normalizeAllowedDomain(domain))
            return tr("%1 is on the list already.").arg(domain);
    }
    m_allowedDomains.append(domain);
    apply();
    store();
    Q_EMIT changed();
    return {};
}

void InspectorSettings::removeAllowedDomain(int index)
{
    if (index < 0 || index >= m_allowedDomains.size())
        return;
    m_allowedDomains.removeAt(index);
    apply();
    store();
    Q_EMIT changed();
}

QString InspectorSettings::addConnectTo(const QString &rule)
{
    const QString trimmed = rule.trimmed();
    if (!ConnectToRule::parse(trimmed))
        return tr(
                "Expected HOST1:PORT1:HOST2:PORT2, such as example.baidu.com:443:127.0.0.1:8443.");
    if (m_connectTo.contains(trimmed))
        return tr("This rule is on the list already.");
    m_connectTo.append(trimmed);
    apply();
    store();
    Q_EMIT changed();
    return {};
}

void InspectorSettings::removeConnectTo(int index)
{
    if (index < 0 || index >= m_connectTo.size())
        return;
    m_connectTo.removeAt(index);
    apply();
    store();
    Q_EMIT changed();
}

QString InspectorSettings::addCaCertificateFile(const QUrl &file)
{
    const QString path = localPath(file);
    if (m_caFiles.contains(path))
        return tr("This file is on the list already.");
    QString error;
    if (!m_simulator->addCaCertificateFile(path, &error))
        return tr("No certificate could be read from %1: %2").arg(path, error);
    m_caFiles.append(path);
    store();
    Q_EMIT changed();
    return {};
}

void InspectorSettings::removeCaCertificateFile(int index)
{
    if (index < 0 || index >= m_caFiles.size())
        return;
    m_caFiles.removeAt(index);
    // SimulatorSettings can add CAs but not take one back: the next start goes without it.
    m_restartNeeded = true;
    store();
    Q_EMIT changed();
}

QString InspectorSettings::setBaseVersion(const QString &version)
{
    const QString trimmed = version.trimmed();
    if (!trimmed.isEmpty() && !isVersion(trimmed))
        return tr("Expected a version such as 1.9.4, or nothing for the newest.");
    if (trimmed != m_baseVersion) {
        m_baseVersion = trimmed;
        apply();
        store();
        Q_EMIT changed();
    }
    return {};
}

void InspectorSettings::addSessionAllowedDomain(const QString &domain)
{
    m_sessionDomains.append(domain);
    apply();
    Q_EMIT changed();
}

void InspectorSettings::addSessionConnectTo(const QString &rule)
{
    m_sessionConnectTo.append(rule);
    apply();
    Q_EMIT changed();
}

void InspectorSettings::addSessionCaCertificates(int count)
{
    m_sessionCaCount += count;
    Q_EMIT changed();
}
