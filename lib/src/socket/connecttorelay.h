#pragma once

#include <SwanSocket/connectto.h>

#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QTcpServer>

#include <optional>

class QUrl;

namespace SwanSocket {

/**
 * Carries out --connect-to rules as a loopback HTTP CONNECT proxy. A task whose host:port
 * matches a rule connects through it: QSslSocket then still uses the URL's host for SNI,
 * certificate verification and the Host header (as curl --connect-to does), while the bytes go
 * to the rule's target. Chosen over rewriting the URL because QWebSocket takes the TLS peer
 * name and Host header from the URL, and over DNS tricks because Qt offers no resolver hook.
 */
class ConnectToRelay : public QObject
{
    Q_OBJECT

public:
    explicit ConnectToRelay(QObject *parent = nullptr);

    void setRules(const QList<ConnectToRule> &rules);
    /// The proxy a task for @p url must use, or nullopt when no rule matches. Starts listening
    /// on first use.
    std::optional<QNetworkProxy> proxyFor(const QUrl &url);

private:
    void startTunnel(QTcpSocket *client);
    std::optional<ConnectToRule> ruleFor(const QString &host, int port) const;

    QList<ConnectToRule> m_rules;
    QTcpServer m_server;
};

} // namespace SwanSocket
