#include "websockettask.h"

#include <SwanSocket/sockettask.h>
#include <SwanSocket/validation.h>

#include <QSslCertificate>

using namespace SwanSocket;

WebSocketTask::WebSocketTask(QObject *parent) : QObject(parent) { }

WebSocketTask::~WebSocketTask()
{
    if (!m_task)
        return;
    m_task->disconnect(this);
    // An open connection ends with a closing handshake, as when a browser leaves a page; the
    // task outlives this object until its closed(), which comes exactly once.
    if (m_task->readyState() == SocketTask::Open) {
        m_task->setParent(nullptr);
        connect(m_task, &SocketTask::closed, m_task, &QObject::deleteLater);
        m_task->close(1000);
    }
}

QUrl WebSocketTask::url() const { return m_url; }

void WebSocketTask::setUrl(const QUrl &url)
{
    if (url == m_url)
        return;
    m_url = url;
    Q_EMIT urlChanged();
}

QStringList WebSocketTask::protocols() const { return m_protocols; }

void WebSocketTask::setProtocols(const QStringList &protocols)
{
    if (protocols == m_protocols)
        return;
    m_protocols = protocols;
    Q_EMIT protocolsChanged();
}

QVariantMap WebSocketTask::headers() const { return m_headers; }

void WebSocketTask::setHeaders(const QVariantMap &headers)
{
    if (headers == m_headers)
        return;
    m_headers = headers;
    Q_EMIT headersChanged();
}

int WebSocketTask::timeout() const { return m_timeout; }

void WebSocketTask::setTimeout(int milliseconds)
{
    if (milliseconds == m_timeout || milliseconds <= 0)
        return;
    m_timeout = milliseconds;
    Q_EMIT timeoutChanged();
}

QList<QUrl> WebSocketTask::caCertificates() const { return m_caCertificates; }

void WebSocketTask::setCaCertificates(const QList<QUrl> &files)
{
    if (files == m_caCertificates)
        return;
    m_caCertificates = files;
    Q_EMIT caCertificatesChanged();
}

bool WebSocketTask::isActive() const { return m_active; }

void WebSocketTask::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (!m_complete)
        return;
    if (active)
        open();
    else if (m_task && m_task->readyState() <= SocketTask::Open)
        close();
}

WebSocketTask::ReadyState WebSocketTask::readyState() const
{
    return m_task ? ReadyState(m_task->readyState()) : Closed;
}

QString WebSocketTask::protocol() const { return m_task ? m_task->protocol() : QString(); }

QVariantMap WebSocketTask::responseHeaders() const
{
    QVariantMap headers;
    if (!m_task)
        return headers;
    for (const auto &[name, value] : m_task->handshakeResponse().headers) {
        const QString key = QString::fromLatin1(name);
        const QString text = QString::fromLatin1(value);
        headers.insert(key,
                       headers.contains(key)
                               ? headers.value(key).toString() + QStringLiteral(", ") + text
                               : text);
    }
    return headers;
}

QString WebSocketTask::errorString() const { return m_errorString; }

int WebSocketTask::taskId() const { return m_task ? m_task->taskId() : 0; }

void WebSocketTask::setErrorString(const QString &error)
{
    if (error == m_errorString)
        return;
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

bool WebSocketTask::open()
{
    if (m_task && m_task->readyState() != SocketTask::Closed) {
        setErrorString(tr("a connection is live already"));
        return false;
    }
    SocketTask::Options options;
    // Any ws:// or wss:// url: allow-lists are the mini-program simulator's business.
    Outcome check = Validation::normalizeUrl(m_url.toString(), true, &options.url);
    if (check.ok())
        check = Validation::validateHeaders(m_headers.isEmpty() ? QVariant() : QVariant(m_headers),
                                            &options.headers);
    if (check.ok())
        check = Validation::validateProtocols(
                m_protocols.isEmpty() ? QVariant() : QVariant(m_protocols), &options.protocols);
    if (!check.ok()) {
        setErrorString(check.reason);
        return false;
    }
    if (!m_caCertificates.isEmpty()) {
        QList<QSslCertificate> cas = options.sslConfiguration.caCertificates();
        for (const QUrl &file : std::as_const(m_caCertificates)) {
            const QList<QSslCertificate> read = QSslCertificate::fromPath(
                    file.isLocalFile() ? file.toLocalFile() : file.toString());
            if (read.isEmpty()) {
                setErrorString(tr("no certificate in %1").arg(file.toString()));
                return false;
            }
            cas += read;
        }
        options.sslConfiguration.setCaCertificates(cas);
    }
    options.timeoutMs = m_timeout;

    if (m_task)
        m_task->deleteLater();
    m_task = new SocketTask(options.url, this);
    connect(m_task, &SocketTask::readyStateChanged, this, &WebSocketTask::readyStateChanged);
    connect(m_task, &SocketTask::opened, this, &WebSocketTask::opened);
    connect(m_task, &SocketTask::textMessageReceived, this, &WebSocketTask::textMessageReceived);
    connect(m_task, &SocketTask::binaryMessageReceived, this,
            &WebSocketTask::binaryMessageReceived);
    connect(m_task, &SocketTask::errorOccurred, this, [this](const QString &message) {
        setErrorString(message);
        Q_EMIT errorOccurred(message);
    });
    connect(m_task, &SocketTask::closed, this, [this](int code, const QString &reason) {
        if (m_active) {
            m_active = false;
            Q_EMIT activeChanged();
        }
        Q_EMIT closed(code, reason);
    });
    setErrorString({});
    m_task->open(options);
    Q_EMIT readyStateChanged();
    if (!m_active) {
        m_active = true;
        Q_EMIT activeChanged();
    }
    return true;
}

bool WebSocketTask::send(const QVariant &message)
{
    if (!m_task) {
        setErrorString(tr("not connected"));
        return false;
    }
    Outcome sent;
    if (message.typeId() == QMetaType::QString)
        sent = m_task->send(message.toString());
    else if (message.typeId() == QMetaType::QByteArray)
        sent = m_task->send(message.toByteArray());
    else
        sent = Outcome::failure(ErrorClass::Parameter,
                                tr("a message is a string or an ArrayBuffer"));
    if (!sent.ok())
        setErrorString(sent.reason);
    return sent.ok();
}

bool WebSocketTask::close(int code, const QString &reason)
{
    if (!m_task) {
        setErrorString(tr("not connected"));
        return false;
    }
    const Outcome closing = m_task->close(code, reason);
    if (!closing.ok())
        setErrorString(closing.reason);
    return closing.ok();
}

void WebSocketTask::classBegin() { m_complete = false; }

void WebSocketTask::componentComplete()
{
    m_complete = true;
    if (m_active)
        open();
}
