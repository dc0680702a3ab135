#include "connecttorelay.h"

#include "logging.h"

#include <QTcpSocket>
#include <QUrl>

namespace SwanSocket {

namespace {

/// One CONNECT tunnel: reads the request line, connects to the rule's target, then pipes bytes
/// both ways until either side closes. Owned by the client socket.
class Tunnel : public QObject
{
public:
    Tunnel(QTcpSocket *client, std::function<std::optional<ConnectToRule>(QString, int)> ruleFor)
        : QObject(client), m_client(client), m_ruleFor(std::move(ruleFor))
    {
        connect(client, &QTcpSocket::readyRead, this, &Tunnel::clientReadyRead);
        connect(client, &QTcpSocket::disconnected, this, [this] {
            if (m_upstream.state() != QAbstractSocket::UnconnectedState)
                m_upstream.disconnectFromHost();
            m_client->deleteLater();
        });
        connect(&m_upstream, &QTcpSocket::connected, this, [this] {
            m_client->write("HTTP/1.1 200 Connection established\r\n\r\n");
            m_established = true;
            if (!m_pending.isEmpty())
                m_upstream.write(std::exchange(m_pending, {}));
        });
        connect(&m_upstream, &QTcpSocket::readyRead, this,
                [this] { m_client->write(m_upstream.readAll()); });
        connect(&m_upstream, &QTcpSocket::disconnected, m_client, &QTcpSocket::disconnectFromHost);
        connect(&m_upstream, &QTcpSocket::errorOccurred, this, [this] {
            if (!m_established)
                refuse("502 Bad Gateway");
        });
    }

private:
    void clientReadyRead()
    {
        if (m_established) {
            m_upstream.write(m_client->readAll());
            return;
        }
        m_pending += m_client->readAll();
        if (m_upstream.state() != QAbstractSocket::UnconnectedState)
            return;
        const qsizetype headEnd = m_pending.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_pending.size() > 8192)
                refuse("431 Request Header Fields Too Large");
            return;
        }
        // "CONNECT host:port HTTP/1.1"
        const QList<QByteArray> requestLine = m_pending.left(m_pending.indexOf("\r\n")).split(' ');
        m_pending.remove(0, headEnd + 4);
        if (requestLine.size() != 3 || requestLine.at(0) != "CONNECT")
            return refuse("405 Method Not Allowed");
        const QUrl authority(QStringLiteral("//") + QString::fromLatin1(requestLine.at(1)));
        const auto rule = m_ruleFor(authority.host(), authority.port());
        if (!rule)
            return refuse("403 Forbidden");
        const QString host = rule->targetHost(authority.host());
        const int port = rule->targetPort(authority.port());
        qCDebug(lcSocket) << "connect-to:" << requestLine.at(1) << "->" << host << port;
        m_upstream.connectToHost(host, quint16(port));
    }

    void refuse(const char *status)
    {
        m_client->write(QByteArray("HTTP/1.1 ") + status + "\r\nContent-Length: 0\r\n\r\n");
        m_client->disconnectFromHost();
    }

    QTcpSocket *m_client;
    QTcpSocket m_upstream;
    QByteArray m_pending;
    bool m_established = false;
    std::function<std::optional<ConnectToRule>(QString, int)> m_ruleFor;
};

} // namespace

ConnectToRelay::ConnectToRelay(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *client = m_server.nextPendingConnection())
            startTunnel(client);
    });
}

void ConnectToRelay::setRules(const QList<ConnectToRule> &rules) { m_rules = rules; }

std::optional<ConnectToRule> ConnectToRelay::ruleFor(const QString &host, int port) const
{
    // curl applies the first matching rule.
    for (const ConnectToRule &rule : m_rules) {
        if (rule.matches(host, port))
            return rule;
    }
    return std::nullopt;
}

std::optional<QNetworkProxy> ConnectToRelay::proxyFor(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("ws") ? 80 : 443;
    if (!ruleFor(url.host(QUrl::FullyEncoded), url.port(defaultPort)))
        return std::nullopt;
    if (!m_server.isListening() && !m_server.listen(QHostAddress::LocalHost)) {
        qCWarning(lcSocket) << "connect-to relay cannot listen:" << m_server.errorString();
        return std::nullopt;
    }
    return QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"),
                         m_server.serverPort());
}

void ConnectToRelay::startTunnel(QTcpSocket *client)
{
    new Tunnel(client, [this](const QString &host, int port) { return ruleFor(host, port); });
}

} // namespace SwanSocket
