#pragma once

#include <QObject>
#include <QSslCertificate>

#include <memory>

class DemoServerPrivate;

/**
 * The embedded default's server: wss on 127.0.0.1 (a free port), with a certificate for
 * example.baidu.com from a throw-away CA made on the fly with the openssl command. Only this
 * process trusts that CA (it goes to SimulatorSettings, never to the system's store).
 *
 * Echoes every message. A client on /chat is also greeted, and told every few seconds how
 * many chat clients there are, so the demo shows frames the server starts.
 */
class DemoServer : public QObject
{
    Q_OBJECT

public:
    /// The host the demo scripts connect to; the simulator redirects it here.
    static QString demoHost() { return QStringLiteral("example.baidu.com"); }
    static QString chatSubprotocol() { return QStringLiteral("chat.v1"); }

    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    /// Makes the certificates and starts listening; false, with errorString(), when it cannot.
    bool start();
    bool isListening() const;
    quint16 port() const;
    QSslCertificate caCertificate() const;
    QString errorString() const;

private:
    friend class DemoServerPrivate;
    std::unique_ptr<DemoServerPrivate> const d;
};
