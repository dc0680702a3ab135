#pragma once

#include <SwanSocket/connectto.h>
#include <SwanSocket/outcome.h>
#include <SwanSocket/swansocket_export.h>

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QStringList>
#include <QVersionNumber>

namespace SwanSocket {

/**
 * What a developer sets in the simulator (behaviour.md, "Simulator settings"); shared by the
 * façade, swan-run's flags and the inspector's settings pane. Defaults are the secure ones:
 * wss only, allow-list enforced, TLS verified.
 */
class SWANSOCKET_EXPORT SimulatorSettings : public QObject
{
    Q_OBJECT
    Q_PROPERTY(
            QStringList allowedDomains READ allowedDomains WRITE setAllowedDomains NOTIFY changed)
    Q_PROPERTY(bool developmentMode READ developmentMode WRITE setDevelopmentMode NOTIFY changed)
    Q_PROPERTY(QString baseVersion READ baseVersion WRITE setBaseVersion NOTIFY changed)
    Q_PROPERTY(QString platform READ platformName WRITE setPlatformName NOTIFY changed)
    Q_PROPERTY(QString appKey READ appKey WRITE setAppKey NOTIFY changed)
    Q_PROPERTY(int maxTasks READ maxTasks WRITE setMaxTasks NOTIFY changed)
    Q_PROPERTY(QStringList connectTo READ connectTo WRITE setConnectTo NOTIFY changed)
    Q_PROPERTY(qint64 sendWindow READ sendWindow WRITE setSendWindow NOTIFY changed)

public:
    static constexpr int DefaultMaxTasks = 5;
    /// The base library version from which several connections may be live at once.
    static QVersionNumber multipleConnectionsVersion() { return {1, 9, 4}; }

    explicit SimulatorSettings(QObject *parent = nullptr);
    ~SimulatorSettings() override;

    QStringList allowedDomains() const;
    void setAllowedDomains(const QStringList &domains);
    void addAllowedDomain(const QString &domain);

    /// The development switch: skips the allow-list, permits ws:// and skips TLS certificate
    /// checks (the developer tools' "do not verify domain names, TLS versions and HTTPS
    /// certificates"). Off by default; a warning is logged once when it is turned on.
    bool developmentMode() const;
    void setDevelopmentMode(bool on);

    /// Extra CA certificates trusted on top of the system's.
    QList<QSslCertificate> caCertificates() const;
    /// Adds every certificate of a PEM file; false (and @p error) when none could be read.
    bool addCaCertificateFile(const QString &path, QString *error = nullptr);
    void addCaCertificates(const QList<QSslCertificate> &certificates);

    /// "X.Y.Z"; empty means the newest base library.
    QString baseVersion() const;
    void setBaseVersion(const QString &version);
    /// Below 1.9.4 one connection at a time: a new connectSocket closes the old one.
    bool singleConnectionMode() const;

    Platform platform() const;
    void setPlatform(Platform platform);
    QString platformName() const; ///< "ios" or "android"
    void setPlatformName(const QString &name);

    QString appKey() const;
    void setAppKey(const QString &appKey);
    /// The fixed Referer every handshake carries, as on a phone.
    QByteArray referer() const;

    int maxTasks() const;
    void setMaxTasks(int maxTasks);

    /// Redirections in curl's --connect-to form; invalid entries are kept out (see addConnectTo).
    QStringList connectTo() const;
    void setConnectTo(const QStringList &specs);
    /// Adds one "H1:P1:H2:P2" rule; false when it cannot be parsed.
    bool addConnectTo(const QString &spec);
    QList<ConnectToRule> connectToRules() const;

    /// Bytes a task lets wait in the socket before it holds further messages in its own queue.
    qint64 sendWindow() const;
    void setSendWindow(qint64 bytes);

Q_SIGNALS:
    void changed();

private:
    struct Data;
    std::unique_ptr<Data> const d;
};

} // namespace SwanSocket
