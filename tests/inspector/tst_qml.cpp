// Quick Test runner for qml/tst_*.qml: the SwanSocket QML module (WebSocketTask) against an
// in-process ws echo server, and the inspector's UI components.
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(SwanInspectorPlugin)
Q_IMPORT_QML_PLUGIN(SwanInspector_UiPlugin)

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup() { QQuickStyle::setStyle(QStringLiteral("Fusion")); }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // SwanSocket is a plugin in the build tree; the inspector's modules are built in (and
        // Qt 6.4 does not search qrc:/ by itself).
        engine->addImportPath(QStringLiteral(SWAN_QML_IMPORT_DIR));
        engine->addImportPath(QStringLiteral("qrc:/"));
        if (!m_server.isListening()) {
            m_server.listen(QHostAddress::LocalHost);
            connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
                while (QWebSocket *socket = m_server.nextPendingConnection()) {
                    socket->setParent(this);
                    connect(socket, &QWebSocket::textMessageReceived, socket,
                            [socket](const QString &message) {
                                if (message == QLatin1String("close please"))
                                    socket->close(QWebSocketProtocol::CloseCode(4001),
                                                  QStringLiteral("as asked"));
                                else
                                    socket->sendTextMessage(message);
                            });
                    connect(socket, &QWebSocket::binaryMessageReceived, socket,
                            [socket](const QByteArray &message) {
                                socket->sendBinaryMessage(message);
                            });
                }
            });
        }
        engine->rootContext()->setContextProperty(
                QStringLiteral("echoServerUrl"),
                QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_server.serverPort()));
    }

private:
    QWebSocketServer m_server {QStringLiteral("tst_qml echo"), QWebSocketServer::NonSecureMode};
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
