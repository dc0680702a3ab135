#include "demoserver.h"

#include "throwawaycertificates.h"

#include "inspectorlogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {

constexpr int PresenceIntervalMs = 5000;

} // namespace

class DemoServerPrivate
{
public:
    explicit DemoServerPrivate(DemoServer *q) : q(q) { }

    bool makeCertificates();
    void accept(QWebSocket *socket);
    void tellPresence();
    QByteArray readFile(const QString &name);

    DemoServer *const q;
    QTemporaryDir directory {QDir::tempPath() + QStringLiteral("/swan-inspector-XXXXXX")};
    QString error;
    QSslCertificate ca;
    QSslCertificate certificate;
    QSslKey key;
    QWebSocketServer server {QStringLiteral("SwanSocket Inspector demo"),
                             QWebSocketServer::SecureMode};
    QList<QWebSocket *> chatClients;
    QTimer presence;
};

QByteArray DemoServerPrivate::readFile(const QString &name)
{
    QFile file(directory.filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool DemoServerPrivate::makeCertificates()
{
    if (!directory.isValid()) {
        error = DemoServer::tr("cannot create a temporary directory: %1")
                        .arg(directory.errorString());
        return false;
    }
    const ThrowawayCertificates made {QStringLiteral("SwanSocket Inspector demo CA"),
                                      QStringLiteral("example.baidu.com"),
                                      {QStringLiteral("DNS:example.baidu.com"),
                                       QStringLiteral("DNS:localhost"),
                                       QStringLiteral("IP:127.0.0.1")}};
    QString detail;
    if (!made.make(directory.path(), &detail)) {
        error = DemoServer::tr("cannot make the demo's certificates: %1").arg(detail);
        return false;
    }
    const auto cas = QSslCertificate::fromData(readFile(QStringLiteral("ca.pem")));
    const auto certificates = QSslCertificate::fromData(readFile(QStringLiteral("server.pem")));
    key = QSslKey(readFile(QStringLiteral("server.key")), QSsl::Ec);
    if (cas.size() != 1 || certificates.size() != 1 || key.isNull()) {
        error = DemoServer::tr("openssl made certificates that cannot be read");
        return false;
    }
    ca = cas.constFirst();
    certificate = certificates.constFirst();
    return true;
}

void DemoServerPrivate::accept(QWebSocket *socket)
{
    socket->setParent(q);
    QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                     [socket](const QString &message) { socket->sendTextMessage(message); });
    QObject::connect(socket, &QWebSocket::binaryMessageReceived, socket,
                     [socket](const QByteArray &message) { socket->sendBinaryMessage(message); });
    QObject::connect(socket, &QWebSocket::disconnected, q, [this, socket] {
        chatClients.removeAll(socket);
        socket->deleteLater();
    });
    if (socket->requestUrl().path() != QLatin1String("/chat"))
        return;
    chatClients.append(socket);
    const QJsonObject welcome {
            {QStringLiteral("type"), QStringLiteral("welcome")},
            {QStringLiteral("text"), QStringLiteral("Welcome to the SwanSocket demo chat")},
            {QStringLiteral("subprotocol"), socket->subprotocol()},
            {QStringLiteral("online"), int(chatClients.size())},
    };
    socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(welcome).toJson(QJsonDocument::Compact)));
}

void DemoServerPrivate::tellPresence()
{
    const QJsonObject presenceMessage {
            {QStringLiteral("type"), QStringLiteral("presence")},
            {QStringLiteral("online"), int(chatClients.size())},
            {QStringLiteral("serverTime"),
             QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
    };
    const QString text
            = QString::fromUtf8(QJsonDocument(presenceMessage).toJson(QJsonDocument::Compact));
    for (QWebSocket *client : std::as_const(chatClients))
        client->sendTextMessage(text);
}

DemoServer::DemoServer(QObject *parent) : QObject(parent), d(new DemoServerPrivate(this)) { }

DemoServer::~DemoServer()
{
    // Clients go first, while the list their disconnected() handler edits still exists.
    const auto clients = findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly);
    for (QWebSocket *client : clients) {
        client->disconnect(this);
        delete client;
    }
}

bool DemoServer::start()
{
    if (d->server.isListening())
        return true;
    if (!d->makeCertificates())
        return false;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain({d->certificate});
    ssl.setPrivateKey(d->key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    d->server.setSslConfiguration(ssl);
    d->server.setSupportedSubprotocols({chatSubprotocol()});
    if (!d->server.listen(QHostAddress::LocalHost)) {
        d->error = tr("cannot listen on 127.0.0.1: %1").arg(d->server.errorString());
        return false;
    }
    connect(&d->server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = d->server.nextPendingConnection())
            d->accept(socket);
    });
    connect(&d->server, &QWebSocketServer::sslErrors, this, [](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            qCWarning(lcInspector, "demo server TLS: %s", qPrintable(error.errorString()));
    });
    d->presence.setInterval(PresenceIntervalMs);
    connect(&d->presence, &QTimer::timeout, this, [this] { d->tellPresence(); });
    d->presence.start();
    qCInfo(lcInspector, "demo server: wss on 127.0.0.1:%u for %s", d->server.serverPort(),
           qPrintable(demoHost()));
    return true;
}

bool DemoServer::isListening() const { return d->server.isListening(); }

quint16 DemoServer::port() const { return d->server.serverPort(); }

QSslCertificate DemoServer::caCertificate() const { return d->ca; }

QString DemoServer::errorString() const { return d->error; }
