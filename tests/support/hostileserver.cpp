#include "hostileserver.h"

#include <QCryptographicHash>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QtEndian>

#include <sys/socket.h>

namespace SwanTest {

HostileConnection::HostileConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent), m_socket(socket)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, [this] { readAvailable(); });
    connect(socket, &QTcpSocket::disconnected, this, &HostileConnection::disconnected);
    // A client that gives up on us is no error of the server's.
    connect(socket, &QAbstractSocket::errorOccurred, this, [] {});
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        connect(ssl, &QSslSocket::sslErrors, this, [] {});
}

HostileConnection::~HostileConnection()
{
    if (m_socket)
        m_socket->abort();
}

QByteArray HostileConnection::requestHeader(const QByteArray &name) const
{
    const QList<QByteArray> lines = m_request.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray HostileConnection::acceptKey() const
{
    return QCryptographicHash::hash(requestHeader("Sec-WebSocket-Key")
                                            + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                    QCryptographicHash::Sha1)
            .toBase64();
}

QByteArray HostileConnection::switchingProtocols(const QList<QByteArray> &extraHeaderLines) const
{
    QByteArray head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Accept: "
            + acceptKey() + "\r\n";
    for (const QByteArray &line : extraHeaderLines)
        head += line + "\r\n";
    return head + "\r\n";
}

void HostileConnection::write(const QByteArray &bytes)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(bytes);
}

void HostileConnection::writeInPieces(const QByteArray &bytes, qsizetype pieceSize, int intervalMs)
{
    if (bytes.isEmpty() || pieceSize <= 0)
        return;
    write(bytes.left(pieceSize));
    if (m_socket)
        m_socket->flush();
    if (bytes.size() > pieceSize) {
        QTimer::singleShot(intervalMs, this,
                           [this, rest = bytes.mid(pieceSize), pieceSize, intervalMs] {
                               writeInPieces(rest, pieceSize, intervalMs);
                           });
    }
}

void HostileConnection::closeTcp()
{
    if (m_socket)
        m_socket->disconnectFromHost();
}

void HostileConnection::reset()
{
    if (!m_socket)
        return;
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    const linger hard {1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    m_socket->abort();
}

void HostileConnection::stopReading()
{
    m_paused = true;
    if (m_socket)
        m_socket->setReadBufferSize(1); // Qt stops taking bytes from the kernel once it is full
}

void HostileConnection::resumeReading()
{
    m_paused = false;
    if (!m_socket)
        return;
    m_socket->setReadBufferSize(0);
    readAvailable();
}

bool HostileConnection::isOpen() const
{
    return m_socket && m_socket->state() != QAbstractSocket::UnconnectedState;
}

void HostileConnection::readAvailable()
{
    if (m_paused || !m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    if (!m_haveRequest) {
        m_request += bytes;
        const qsizetype end = m_request.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_pending = m_request.mid(end + 4);
        m_request.truncate(end + 4);
        m_haveRequest = true;
        m_bytesReceived = m_pending.size();
        Q_EMIT requestReceived();
    } else {
        m_pending += bytes;
        m_bytesReceived += bytes.size();
    }
    parseFrames();
}

void HostileConnection::parseFrames()
{
    qsizetype at = 0;
    for (;;) {
        const qsizetype left = m_pending.size() - at;
        if (left < 2)
            break;
        const auto *head = reinterpret_cast<const uchar *>(m_pending.constData() + at);
        ClientFrame frame;
        frame.fin = head[0] & 0x80;
        frame.opcode = head[0] & 0x0F;
        frame.masked = head[1] & 0x80;
        quint64 length = head[1] & 0x7F;
        qsizetype headerSize = 2;
        if (length == 126) {
            if (left < 4)
                break;
            length = qFromBigEndian<quint16>(head + 2);
            headerSize = 4;
        } else if (length == 127) {
            if (left < 10)
                break;
            length = qFromBigEndian<quint64>(head + 2);
            headerSize = 10;
        }
        const qsizetype maskSize = frame.masked ? 4 : 0;
        if (quint64(left) < quint64(headerSize + maskSize) + length)
            break;
        frame.payload = m_pending.mid(at + headerSize + maskSize, qsizetype(length));
        if (frame.masked) {
            const uchar *mask = head + headerSize;
            for (qsizetype i = 0; i < frame.payload.size(); ++i)
                frame.payload[i] = char(frame.payload.at(i) ^ mask[i % 4]);
        }
        at += headerSize + maskSize + qsizetype(length);
        m_frames.append(frame);
        Q_EMIT frameReceived(frame);
        if (frame.opcode < 0x8) { // data: text, binary or continuation
            m_message += frame.payload;
            if (frame.fin) {
                m_messages.append(m_message);
                const QByteArray message = std::exchange(m_message, {});
                Q_EMIT messageReceived(message);
            }
        }
        if (!m_socket)
            return; // a handler closed us
    }
    m_pending.remove(0, at);
}

namespace {

/// Hands out sockets itself so TLS can be started, or not, by the server's choice.
class RawServer : public QTcpServer
{
public:
    std::function<void(qintptr)> incoming;

protected:
    void incomingConnection(qintptr descriptor) override { incoming(descriptor); }
};

} // namespace

struct HostileServer::Data
{
    Transport transport;
    TestCertificates::Kind certificate;
    RawServer server;
    bool startTls = true;
    Script requestScript;
    std::function<void(HostileConnection *, const ClientFrame &)> frameHandler;
    QList<QPointer<HostileConnection>> connections;
    int connectionCount = 0;
};

HostileServer::HostileServer(Transport transport, TestCertificates::Kind certificate,
                             QObject *parent)
    : QObject(parent), d(new Data {transport, certificate, {}, true, {}, {}, {}, 0})
{
    qRegisterMetaType<SwanTest::ClientFrame>();
    d->server.incoming = [this](qintptr descriptor) {
        QTcpSocket *socket = nullptr;
        if (d->transport == Transport::Tls) {
            auto *ssl = new QSslSocket;
            ssl->setSslConfiguration(
                    TestCertificates::instance().serverConfiguration(d->certificate));
            socket = ssl;
        } else {
            socket = new QTcpSocket;
        }
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        auto *connection = new HostileConnection(socket, this);
        ++d->connectionCount;
        d->connections.append(connection);
        connect(connection, &HostileConnection::requestReceived, this, [this, connection] {
            if (d->requestScript)
                d->requestScript(connection);
        });
        connect(connection, &HostileConnection::frameReceived, this,
                [this, connection](const ClientFrame &frame) {
                    if (d->frameHandler)
                        d->frameHandler(connection, frame);
                });
        if (auto *ssl = qobject_cast<QSslSocket *>(socket); ssl && d->startTls)
            ssl->startServerEncryption();
        Q_EMIT connectionAccepted(connection);
    };
    d->server.listen(QHostAddress::LocalHost);
}

HostileServer::~HostileServer() = default;

bool HostileServer::isListening() const { return d->server.isListening(); }

quint16 HostileServer::port() const { return d->server.serverPort(); }

QUrl HostileServer::url(const QString &host, const QString &scheme) const
{
    QUrl url;
    url.setScheme(!scheme.isEmpty()                        ? scheme
                          : d->transport == Transport::Tls ? QStringLiteral("wss")
                                                           : QStringLiteral("ws"));
    url.setHost(host);
    url.setPort(port());
    url.setPath(QStringLiteral("/"));
    return url;
}

void HostileServer::onRequest(Script script) { d->requestScript = std::move(script); }

void HostileServer::onFrame(std::function<void(HostileConnection *, const ClientFrame &)> handler)
{
    d->frameHandler = std::move(handler);
}

void HostileServer::setStartTls(bool startTls) { d->startTls = startTls; }

int HostileServer::connectionCount() const { return d->connectionCount; }

int HostileServer::openConnectionCount() const
{
    int open = 0;
    for (const auto &connection : d->connections)
        open += connection && connection->isOpen() ? 1 : 0;
    return open;
}

QList<HostileConnection *> HostileServer::connections() const
{
    QList<HostileConnection *> all;
    for (const auto &connection : d->connections) {
        if (connection)
            all.append(connection);
    }
    return all;
}

HostileConnection *HostileServer::lastConnection() const
{
    const QList<HostileConnection *> all = connections();
    return all.isEmpty() ? nullptr : all.last();
}

} // namespace SwanTest
