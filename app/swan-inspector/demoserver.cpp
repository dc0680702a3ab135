#include "demoserver.h"

#include "inspectorlogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {

constexpr int PresenceIntervalMs = 5000;

// Our own config, so neither the system's openssl.cnf nor OPENSSL_CONF changes what we get.
const char opensslConfig[] = R"([req]
distinguished_name = dn
prompt = no
[dn]
CN = placeholder

[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[server_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:example.baidu.com, DNS:localhost, IP:127.0.0.1
)";

QStringList ecKey()
{
    return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-noenc")};
}

} // namespace

class DemoServerPrivate
{
public:
    explicit DemoServerPrivate(DemoServer *q) : q(q) { }

    bool run(const QStringList &arguments);
    bool makeCertificates();
    void accept(QWebSocket *socket);
    void tellPresence();
    QByteArray readFile(const QString &name);

    DemoServer *const q;
    QTemporaryDir directory {QDir::tempPath() + QStringLiteral("/swan-inspector-XXXXXX")};
    QString openssl;
    QString error;
    QSslCertificate ca;
    QSslCertificate certificate;
    QSslKey key;
    QWebSocketServer server {QStringLiteral("SwanSocket Inspector demo"),
                             QWebSocketServer::SecureMode};
    QList<QWebSocket *> chatClients;
    QTimer presence;
};

bool DemoServerPrivate::run(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(directory.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl, arguments);
    const bool finished = process.waitForFinished(30000);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    error = DemoServer::tr("openssl %1 failed: %2")
                    .arg(arguments.constFirst(),
                         finished ? QString::fromLocal8Bit(process.readAll()).trimmed()
                                  : process.errorString());
    return false;
}

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
    openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        error = DemoServer::tr("the openssl command is missing (apt-get install openssl)");
        return false;
    }
    QFile config(directory.filePath(QStringLiteral("openssl.cnf")));
    if (!config.open(QIODevice::WriteOnly) || config.write(opensslConfig) < 0) {
        error = DemoServer::tr("cannot write %1").arg(config.fileName());
        return false;
    }
    config.close();
    const QString cnf = QStringLiteral("openssl.cnf");
    const bool made = run(QStringList {QStringLiteral("req"), QStringLiteral("-config"), cnf,
                                       QStringLiteral("-x509")}
                          + ecKey()
                          + QStringList {QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                                         QStringLiteral("-out"), QStringLiteral("ca.pem"),
                                         QStringLiteral("-subj"),
                                         QStringLiteral("/CN=SwanSocket Inspector demo CA"),
                                         QStringLiteral("-extensions"), QStringLiteral("ca_ext"),
                                         QStringLiteral("-days"), QStringLiteral("2")})
            && run(QStringList {QStringLiteral("req"), QStringLiteral("-config"), cnf,
                                QStringLiteral("-new")}
                   + ecKey()
                   + QStringList {QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                  QStringLiteral("-out"), QStringLiteral("server.csr"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=example.baidu.com")})
            && run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                    QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-extfile"), cnf, QStringLiteral("-extensions"),
                    QStringLiteral("server_ext"), QStringLiteral("-out"),
                    QStringLiteral("server.pem")});
    if (!made)
        return false;
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
