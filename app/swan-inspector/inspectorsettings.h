#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

namespace SwanSocket {
class SimulatorSettings;
}

/**
 * The settings pane's model: everything swan-run takes as a flag, remembered with QSettings
 * and applied to the SimulatorSettings every connection uses.
 *
 * What the user set is kept apart from what this session added on its own (the demo's
 * allow-list entry, host redirection and CA): session additions apply but are never stored.
 * Mutators check their input and return "" or a translated reason why it was refused.
 */
class InspectorSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Inspector owns the settings")
    Q_PROPERTY(QStringList allowedDomains READ allowedDomains NOTIFY changed)
    Q_PROPERTY(bool developmentMode READ developmentMode WRITE setDevelopmentMode NOTIFY changed)
    Q_PROPERTY(QStringList caCertificateFiles READ caCertificateFiles NOTIFY changed)
    Q_PROPERTY(QString baseVersion READ baseVersion NOTIFY changed)
    Q_PROPERTY(int maxTasks READ maxTasks WRITE setMaxTasks NOTIFY changed)
    Q_PROPERTY(QStringList connectTo READ connectTo NOTIFY changed)
    /// "ios" or "android": which error-code table scripts see.
    Q_PROPERTY(QString platform READ platform WRITE setPlatform NOTIFY changed)
    Q_PROPERTY(QString appKey READ appKey WRITE setAppKey NOTIFY changed)
    /// The Referer every handshake carries (follows appKey).
    Q_PROPERTY(QString referer READ referer NOTIFY changed)
    /// "" (follow the system), "en" or "zh_CN".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QStringList sessionAllowedDomains READ sessionAllowedDomains NOTIFY changed)
    Q_PROPERTY(QStringList sessionConnectTo READ sessionConnectTo NOTIFY changed)
    Q_PROPERTY(int sessionCaCertificateCount READ sessionCaCertificateCount NOTIFY changed)
    /// A CA file was removed: the running simulator keeps trusting it until restart.
    Q_PROPERTY(bool restartNeeded READ restartNeeded NOTIFY changed)
    Q_PROPERTY(int minMaxTasks READ minMaxTasks CONSTANT)
    Q_PROPERTY(int maxMaxTasks READ maxMaxTasks CONSTANT)

public:
    explicit InspectorSettings(SwanSocket::SimulatorSettings *simulator, QObject *parent = nullptr);
    ~InspectorSettings() override;

    /// Reads what was stored and applies it. Stored values that are no longer valid are skipped.
    void load();
    /// Whether changes are written to QSettings (off for throw-away runs such as --screenshot).
    void setPersistent(bool persistent);

    QStringList allowedDomains() const;
    bool developmentMode() const;
    void setDevelopmentMode(bool on);
    QStringList caCertificateFiles() const;
    QString baseVersion() const;
    int maxTasks() const;
    void setMaxTasks(int maxTasks);
    QStringList connectTo() const;
    QString platform() const;
    void setPlatform(const QString &platform);
    QString appKey() const;
    void setAppKey(const QString &appKey);
    QString referer() const;
    QString language() const;
    void setLanguage(const QString &language);
    QStringList sessionAllowedDomains() const;
    QStringList sessionConnectTo() const;
    int sessionCaCertificateCount() const;
    bool restartNeeded() const;
    int minMaxTasks() const { return 1; }
    int maxMaxTasks() const { return 64; }

    Q_INVOKABLE QString addAllowedDomain(const QString &entry);
    Q_INVOKABLE void removeAllowedDomain(int index);
    /// curl's --connect-to form HOST1:PORT1:HOST2:PORT2.
    Q_INVOKABLE QString addConnectTo(const QString &rule);
    Q_INVOKABLE void removeConnectTo(int index);
    /// A PEM file of CA certificates (a local file url or a path).
    Q_INVOKABLE QString addCaCertificateFile(const QUrl &file);
    Q_INVOKABLE void removeCaCertificateFile(int index);
    /// "X.Y.Z", or "" for the newest base library.
    Q_INVOKABLE QString setBaseVersion(const QString &version);

    // This session only (never stored).
    void addSessionAllowedDomain(const QString &domain);
    void addSessionConnectTo(const QString &rule);
    void addSessionCaCertificates(int count);

Q_SIGNALS:
    void changed();
    void languageChanged();

private:
    void apply();
    void store() const;

    SwanSocket::SimulatorSettings *const m_simulator;
    bool m_persistent = true;
    QStringList m_allowedDomains;
    bool m_developmentMode = false;
    QStringList m_caFiles;
    QString m_baseVersion;
    int m_maxTasks;
    QStringList m_connectTo;
    QString m_platform = QStringLiteral("ios");
    QString m_appKey;
    QString m_language;
    QStringList m_sessionDomains;
    QStringList m_sessionConnectTo;
    int m_sessionCaCount = 0;
    bool m_restartNeeded = false;
};
