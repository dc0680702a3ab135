#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

namespace SwanSocket {
class SocketTask;
}

/**
 * SwanSocket's SocketTask for QML (import SwanSocket): one WebSocket connection with the
 * task's guarantees — readyState only moves forward, opened() at most once, messages in
 * arrival order, closed() exactly once per opened connection and last of all its signals,
 * errorOccurred() right before closed(1006) when the connection failed, and no signal from
 * inside open(), send() or close().
 *
 * A SocketTask connects once; open() after a close starts a fresh one (readyState goes back
 * to Connecting). With active: true it opens as soon as the component is complete.
 */
class WebSocketTask : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    /// ws:// or wss:// url; read when open() is called.
    Q_PROPERTY(QUrl url READ url WRITE setUrl NOTIFY urlChanged)
    /// Subprotocols offered (Sec-WebSocket-Protocol), each an HTTP token.
    Q_PROPERTY(QStringList protocols READ protocols WRITE setProtocols NOTIFY protocolsChanged)
    /// Extra request headers {name: value}; the handshake's own names are refused.
    Q_PROPERTY(QVariantMap headers READ headers WRITE setHeaders NOTIFY headersChanged)
    /// Milliseconds for the whole opening handshake.
    Q_PROPERTY(int timeout READ timeout WRITE setTimeout NOTIFY timeoutChanged)
    /// PEM files of CA certificates trusted on top of the system's.
    Q_PROPERTY(QList<QUrl> caCertificates READ caCertificates WRITE setCaCertificates NOTIFY
                       caCertificatesChanged)
    /// true opens (now, or once the component is complete); false closes with 1000.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(ReadyState readyState READ readyState NOTIFY readyStateChanged)
    /// The subprotocol the server chose, "" when none.
    Q_PROPERTY(QString protocol READ protocol NOTIFY opened)
    /// The opening handshake's response headers {name: value} (a repeated name: "a, b").
    Q_PROPERTY(QVariantMap responseHeaders READ responseHeaders NOTIFY opened)
    /// Why the last open() or connection failed; "" when it did not.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(int taskId READ taskId NOTIFY readyStateChanged)

public:
    /// SocketTask::ReadyState's values.
    enum ReadyState { Connecting = 0, Open = 1, Closing = 2, Closed = 3 };
    Q_ENUM(ReadyState)

    explicit WebSocketTask(QObject *parent = nullptr);
    ~WebSocketTask() override;

    QUrl url() const;
    void setUrl(const QUrl &url);
    QStringList protocols() const;
    void setProtocols(const QStringList &protocols);
    QVariantMap headers() const;
    void setHeaders(const QVariantMap &headers);
    int timeout() const;
    void setTimeout(int milliseconds);
    QList<QUrl> caCertificates() const;
    void setCaCertificates(const QList<QUrl> &files);
    bool isActive() const;
    void setActive(bool active);
    ReadyState readyState() const;
    QString protocol() const;
    QVariantMap responseHeaders() const;
    QString errorString() const;
    int taskId() const;

    /// Starts connecting. False (and errorString) when url, headers or protocols are not
    /// acceptable or a connection is live already; no signal follows then.
    Q_INVOKABLE bool open();
    /// A string is sent as a text message, an ArrayBuffer as a binary one. False unless Open.
    Q_INVOKABLE bool send(const QVariant &message);
    /// Closes with @p code (1000 or 3000..4999) and @p reason (<= 123 UTF-8 bytes); while
    /// Connecting, cancels the attempt. False when the arguments are not valid or it is
    /// Closing/Closed already.
    Q_INVOKABLE bool close(int code = 1000, const QString &reason = {});

    void classBegin() override;
    void componentComplete() override;

Q_SIGNALS:
    void urlChanged();
    void protocolsChanged();
    void headersChanged();
    void timeoutChanged();
    void caCertificatesChanged();
    void activeChanged();
    void readyStateChanged();
    void errorStringChanged();
    void opened();
    void textMessageReceived(const QString &message);
    /// @p message reaches QML as an ArrayBuffer.
    void binaryMessageReceived(const QByteArray &message);
    void errorOccurred(const QString &message);
    void closed(int code, const QString &reason);

private:
    void setErrorString(const QString &error);

    QUrl m_url;
    QStringList m_protocols;
    QVariantMap m_headers;
    int m_timeout = 60000;
    QList<QUrl> m_caCertificates;
    bool m_active = false;
    bool m_complete = true;
    QString m_errorString;
    QPointer<SwanSocket::SocketTask> m_task;
};
