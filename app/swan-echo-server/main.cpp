// swan-echo-server: a wss (or ws) echo server on loopback, for the demo and for trying scripts
// without an outside server. Prints "LISTENING <port>" once ready.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSslKey>
#include <QTextStream>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("swan-echo-server"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Echoes every WebSocket message back."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port (0: any free)."),
                                        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption certOption(QStringLiteral("cert"), QStringLiteral("PEM certificate (wss)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("key"), QStringLiteral("PEM private key (wss)."),
                                       QStringLiteral("FILE"));
    parser.addOptions({portOption, certOption, keyOption});
    parser.process(app);

    const bool secure = parser.isSet(certOption);
    QWebSocketServer server(QStringLiteral("swan-echo-server"),
                            secure ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode);
    if (secure) {
        QFile certFile(parser.value(certOption));
        QFile keyFile(parser.value(keyOption));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "swan-echo-server: cannot read --cert/--key\n");
            return 2;
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(QSslCertificate::fromData(certFile.readAll()));
        ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.setSslConfiguration(ssl);
    }
    if (!server.listen(QHostAddress::LocalHost, quint16(parser.value(portOption).toUInt()))) {
        std::fprintf(stderr, "swan-echo-server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&server] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                             [socket](const QString &m) { socket->sendTextMessage(m); });
            QObject::connect(socket, &QWebSocket::binaryMessageReceived, socket,
                             [socket](const QByteArray &m) { socket->sendBinaryMessage(m); });
            QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    std::printf("LISTENING %u\n", server.serverPort());
    std::fflush(stdout);
    return app.exec();
}
