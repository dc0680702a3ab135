#include "secureechoserver.h"
#include "peercommands.h"

#include <QHash>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace SwanTest {

namespace {

struct RawRequest
{
    QByteArray line;
    RawHeaderList headers;
};

RawRequest parseRequest(const QByteArray &head)
{
    RawRequest request;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (i == 0) {
            request.line = line;
        } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
            request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
    }
    return request;
}

} // namespace

struct SecureEchoServer::Data
{
    SecureEchoServer *const q;
    QSslServer tlsServer;
    QWebSocketServer webSocketServer {QStringLiteral("SwanTest"), QWebSocketServer::SecureMode};
    QString error;

    // Each TLS connection handed to webSocketServer, with its raw request once seen, until
    // webSocketServer accepts it (or drops it: then the QPointer goes null).
    struct Handover
    {
        QPointer<QSslSocket> socket;
        RawRequest request;
    };
    QList<Handover> handovers;
    QList<QPointer<QWebSocket>> open;
    QHash<QWebSocket *, QPointer<QSslSocket>> transports;

    int connectionCount = 0;
    int tlsFailureCount = 0;
    QNetworkRequest lastRequest;
    RawRequest lastRawRequest;
    QVariantList received;
    int pongCount = 0;
    int lastCloseCode = 0;
    QString lastCloseReason;

    explicit Data(SecureEchoServer *server) : q(server) { }

    void handOver(QSslSocket *socket)
    {
        // Our direct readyRead handler runs before QWebSocketServer's queued one, and both only
        // peek, so we see the request exactly as the client sent it.
        auto capture = std::make_shared<QMetaObject::Connection>();
        *capture = QObject::connect(socket, &QSslSocket::readyRead, q, [this, socket, capture] {
            const QByteArray head = socket->peek(socket->bytesAvailable());
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            for (Handover &handover : handovers) {
                if (handover.socket == socket)
                    handover.request = parseRequest(head.left(end));
            }
            QObject::disconnect(*capture);
        });
        handovers.removeIf([](const Handover &handover) { return !handover.socket; });
        handovers.append(Handover {socket, RawRequest()});
        webSocketServer.handleConnection(socket);
    }

    void accept(QWebSocket *socket)
    {
        socket->setParent(q);
        ++connectionCount;
        lastRequest = socket->request();
        // QWebSocket does not show its transport; the client's port tells which one it is.
        for (qsizetype i = 0; i < handovers.size(); ++i) {
            if (handovers.at(i).socket
                && handovers.at(i).socket->peerPort() == socket->peerPort()) {
                const Handover handover = handovers.takeAt(i);
                lastRawRequest = handover.request;
                transports.insert(socket, handover.socket);
                break;
            }
        }
        open.append(socket);

        QObject::connect(socket, &QWebSocket::textMessageReceived, q,
                         [this, socket](const QString &message) {
                             received.append(message);
                             Q_EMIT q->messageReceived(message);
                             if (message.startsWith(QLatin1String("cmd:")))
                                 runCommand(socket, message);
                             else
                                 socket->sendTextMessage(message);
                         });
        QObject::connect(socket, &QWebSocket::binaryMessageReceived, q,
                         [this, socket](const QByteArray &message) {
                             received.append(message);
                             Q_EMIT q->messageReceived(message);
                             socket->sendBinaryMessage(message);
                         });
        QObject::connect(socket, &QWebSocket::pong, q, [this] {
            ++pongCount;
            Q_EMIT q->pongReceived();
        });
        // Qt 6.4 reports 1000 for a connection that ended without a close frame; aboutToClose
        // fires only when one was sent or received, so without it the truth is 1006.
        QObject::connect(socket, &QWebSocket::aboutToClose, q,
                         [socket] { socket->setProperty("swantest-close-frame", true); });
        QObject::connect(socket, &QWebSocket::disconnected, q, [this, socket] {
            const bool closeFrame = socket->property("swantest-close-frame").toBool();
            lastCloseCode = closeFrame ? int(socket->closeCode()) : 1006;
            lastCloseReason = closeFrame ? socket->closeReason() : QString();
            open.removeAll(socket);
            transports.remove(socket);
            socket->deleteLater();
            Q_EMIT q->clientDisconnected(lastCloseCode, lastCloseReason);
        });
        Q_EMIT q->clientConnected(socket);
    }

    void runCommand(QWebSocket *socket, const QString &message)
    {
        const PeerCommand command = PeerCommand::parse(message);
        switch (command.type) {
        case PeerCommand::Close:
            socket->close(QWebSocketProtocol::CloseCode(command.code), command.text);
            break;
        case PeerCommand::Drop:
            socket->abort();
            break;
        case PeerCommand::SendBinary:
            socket->sendBinaryMessage(countingBytes(command.count));
            break;
        case PeerCommand::SendText:
            for (int i = 0; i < command.count; ++i)
                socket->sendTextMessage(QStringLiteral("m%1").arg(i));
            break;
        case PeerCommand::Ping:
            socket->ping(command.text.toUtf8());
            break;
        case PeerCommand::Raw:
            // QWebSocket writes its frames straight into this socket, so these bytes follow them.
            if (QSslSocket *transport = transports.value(socket))
                transport->write(command.bytes);
            break;
        case PeerCommand::Invalid:
            socket->sendTextMessage(QStringLiteral("cmd-error:") + command.text);
            break;
        }
    }
};

SecureEchoServer::SecureEchoServer(QObject *parent)
    : SecureEchoServer(TestCertificates::Kind::Valid, parent)
{
}

SecureEchoServer::SecureEchoServer(TestCertificates::Kind kind, QObject *parent)
    : QObject(parent), d(new Data(this))
{
    // So that QSignalSpy can record clientConnected(QWebSocket *).
    qRegisterMetaType<QWebSocket *>();
    TestCertificates &certificates = TestCertificates::instance();
    if (!certificates.isValid()) {
        d->error = certificates.errorString();
        return;
    }
    d->tlsServer.setSslConfiguration(certificates.serverConfiguration(kind));
    connect(&d->tlsServer, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (d->tlsServer.hasPendingConnections()) {
            if (auto *socket = qobject_cast<QSslSocket *>(d->tlsServer.nextPendingConnection()))
                d->handOver(socket);
        }
    });
    connect(&d->tlsServer, &QSslServer::errorOccurred, this, [this] {
        ++d->tlsFailureCount;
        Q_EMIT tlsFailed();
    });
    connect(&d->webSocketServer, &QWebSocketServer::newConnection, this, [this] {
        while (d->webSocketServer.hasPendingConnections())
            d->accept(d->webSocketServer.nextPendingConnection());
    });
    if (!d->tlsServer.listen(QHostAddress::LocalHost))
        d->error = d->tlsServer.errorString();
}

SecureEchoServer::~SecureEchoServer()
{
    // The sockets live in tlsServer, the QWebSockets on them in us: those go first.
    for (const QPointer<QWebSocket> &socket : std::as_const(d->open)) {
        if (socket) {
            socket->disconnect(this);
            socket->abort();
            delete socket;
        }
    }
}

bool SecureEchoServer::isListening() const { return d->tlsServer.isListening(); }

QString SecureEchoServer::errorString() const { return d->error; }

quint16 SecureEchoServer::port() const { return d->tlsServer.serverPort(); }

QUrl SecureEchoServer::url(const QString &host, const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("wss"));
    url.setHost(host);
    url.setPort(port());
    url.setPath(path);
    return url;
}

void SecureEchoServer::setSupportedSubprotocols(const QStringList &protocols)
{
    d->webSocketServer.setSupportedSubprotocols(protocols);
}

QStringList SecureEchoServer::supportedSubprotocols() const
{
    return d->webSocketServer.supportedSubprotocols();
}

int SecureEchoServer::connectionCount() const { return d->connectionCount; }

QList<QWebSocket *> SecureEchoServer::openConnections() const
{
    QList<QWebSocket *> sockets;
    for (const QPointer<QWebSocket> &socket : d->open) {
        if (socket)
            sockets.append(socket);
    }
    return sockets;
}

int SecureEchoServer::tlsFailureCount() const { return d->tlsFailureCount; }

QNetworkRequest SecureEchoServer::lastRequest() const { return d->lastRequest; }

QByteArray SecureEchoServer::lastRequestLine() const { return d->lastRawRequest.line; }

RawHeaderList SecureEchoServer::lastRequestHeaders() const { return d->lastRawRequest.headers; }

QByteArray SecureEchoServer::lastRequestHeader(const QByteArray &name) const
{
    for (const auto &header : d->lastRawRequest.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QVariantList SecureEchoServer::receivedMessages() const { return d->received; }

int SecureEchoServer::pongCount() const { return d->pongCount; }

int SecureEchoServer::lastCloseCode() const { return d->lastCloseCode; }

QString SecureEchoServer::lastCloseReason() const { return d->lastCloseReason; }

} // namespace SwanTest
