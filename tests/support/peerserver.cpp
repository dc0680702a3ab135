#include "peerserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcPeer, "swan.test.peer")

namespace SwanTest {

namespace {

// Debian's interpreter on purpose: a python3 earlier on PATH (pyenv, venv) lacks its modules.
const QString debianPython = QStringLiteral("/usr/bin/python3");
const QString debianNodePath = QStringLiteral("/usr/share/nodejs");
constexpr int startTimeoutMs = 10000;

QString nodeExecutable()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    return node.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("nodejs")) : node;
}

QString interpreter(PeerServer::Kind kind)
{
    return kind == PeerServer::Kind::Python ? debianPython : nodeExecutable();
}

// node-ws lives outside node's default search path on Debian.
QProcessEnvironment peerEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QStringList nodePath = environment.value(QStringLiteral("NODE_PATH"))
                                   .split(QDir::listSeparator(), Qt::SkipEmptyParts);
    if (!nodePath.contains(debianNodePath))
        nodePath.append(debianNodePath);
    environment.insert(QStringLiteral("NODE_PATH"), nodePath.join(QDir::listSeparator()));
    return environment;
}

} // namespace

struct PeerServer::Data
{
    PeerServer *const q;
    std::unique_ptr<QProcess> process;
    Kind kind = Kind::Python;
    bool secure = false;
    quint16 port = 0;
    QString error;
    QByteArray pendingOutput;
    QString standardError;
    QList<QJsonObject> events;

    explicit Data(PeerServer *server) : q(server) { }

    void readOutput()
    {
        pendingOutput += process->readAllStandardOutput();
        qsizetype end;
        while ((end = pendingOutput.indexOf('\n')) >= 0) {
            const QByteArray line = pendingOutput.left(end).trimmed();
            pendingOutput.remove(0, end + 1);
            if (port == 0 && line.startsWith("LISTENING ")) {
                port = line.mid(10).toUShort();
            } else if (line.startsWith("EVENT ")) {
                const QJsonObject event = QJsonDocument::fromJson(line.mid(6)).object();
                events.append(event);
                Q_EMIT q->eventReceived(event);
            } else if (!line.isEmpty()) {
                qCWarning(lcPeer).noquote() << kindName(kind) << "peer said:" << line;
            }
        }
    }

    void readError()
    {
        const QString text = QString::fromLocal8Bit(process->readAllStandardError());
        standardError += text;
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            qCInfo(lcPeer).noquote() << kindName(kind) << "peer:" << line;
    }

    QString exitDescription() const
    {
        if (process->exitStatus() == QProcess::CrashExit)
            return QStringLiteral("crashed");
        return QStringLiteral("exited with code %1").arg(process->exitCode());
    }
};

PeerServer::PeerServer(QObject *parent) : QObject(parent), d(new Data(this)) { }

PeerServer::~PeerServer() { stop(); }

bool PeerServer::available(Kind kind)
{
    static int known[2] = {-1, -1}; // per Kind: unknown, no, yes
    int &answer = known[kind == Kind::Python ? 0 : 1];
    if (answer < 0) {
        const QString program = interpreter(kind);
        QProcess probe;
        probe.setProcessEnvironment(peerEnvironment());
        probe.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        if (!program.isEmpty()) {
            probe.start(program,
                        kind == Kind::Python ? QStringList {QStringLiteral("-c"),
                                                            QStringLiteral("import websockets")}
                                             : QStringList {QStringLiteral("-e"),
                                                            QStringLiteral("require('ws')")});
        }
        answer = !program.isEmpty() && probe.waitForFinished(startTimeoutMs)
                && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0;
    }
    return answer == 1;
}

QString PeerServer::missingMessage(Kind kind)
{
    if (available(kind))
        return {};
    if (kind == Kind::Python) {
        return QStringLiteral("%1 cannot import websockets: apt-get install python3-websockets")
                .arg(debianPython);
    }
    return QStringLiteral("node cannot load ws (NODE_PATH=%1): apt-get install nodejs node-ws")
            .arg(debianNodePath);
}

QString PeerServer::kindName(Kind kind)
{
    return kind == Kind::Python ? QStringLiteral("python") : QStringLiteral("node");
}

QString PeerServer::scriptPath(Kind kind)
{
    QString directory = qEnvironmentVariable("SWAN_PEERS_DIR");
    if (directory.isEmpty())
        directory = QStringLiteral(SWAN_PEERS_SOURCE_DIR); // a test binary run by hand
    return QDir(directory).filePath(kind == Kind::Python ? QStringLiteral("python_server.py")
                                                         : QStringLiteral("node_server.js"));
}

QStringList PeerServer::tlsArguments(TestCertificates::Kind certificate)
{
    const TestCertificates &certificates = TestCertificates::instance();
    return {QStringLiteral("--tls-cert"), certificates.serverCertPath(certificate),
            QStringLiteral("--tls-key"), certificates.serverKeyPath(certificate)};
}

bool PeerServer::start(Kind kind, const QStringList &arguments)
{
    stop();
    d->kind = kind;
    d->secure = arguments.contains(QStringLiteral("--tls-cert"));
    d->port = 0;
    d->error.clear();
    d->pendingOutput.clear();
    d->standardError.clear();
    d->events.clear();

    if (!available(kind)) {
        d->error = missingMessage(kind);
        return false;
    }
    const QString script = scriptPath(kind);
    if (!QFileInfo::exists(script)) {
        d->error = QStringLiteral("no peer script %1 (is SWAN_PEERS_DIR right?)").arg(script);
        return false;
    }
    if (d->secure && !TestCertificates::instance().isValid()) {
        d->error = TestCertificates::instance().errorString();
        return false;
    }

    d->process = std::make_unique<QProcess>();
    d->process->setProcessEnvironment(peerEnvironment());
    connect(d->process.get(), &QProcess::readyReadStandardOutput, this,
            [this] { d->readOutput(); });
    connect(d->process.get(), &QProcess::readyReadStandardError, this, [this] { d->readError(); });
    // Our end of its stdin stays open while we live: its EOF tells an orphaned peer to go.
    d->process->start(interpreter(kind),
                      QStringList {script} + arguments
                              + QStringList {QStringLiteral("--exit-on-stdin-eof")});

    const QDeadlineTimer deadline(startTimeoutMs);
    while (d->port == 0) {
        if (d->process->state() == QProcess::NotRunning) {
            d->readError();
            d->error = QStringLiteral("%1 peer %2 before listening (%3 %4): %5")
                               .arg(kindName(kind), d->exitDescription(), script,
                                    arguments.join(QLatin1Char(' ')), d->standardError.trimmed());
            stop();
            return false;
        }
        if (deadline.hasExpired()) {
            d->error = QStringLiteral("%1 peer did not print LISTENING within %2 ms: %3")
                               .arg(kindName(kind))
                               .arg(startTimeoutMs)
                               .arg(d->standardError.trimmed());
            stop();
            return false;
        }
        d->process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    return true;
}

void PeerServer::stop()
{
    if (!d->process)
        return;
    if (d->process->state() != QProcess::NotRunning) {
        d->process->terminate();
        if (!d->process->waitForFinished(3000)) {
            d->process->kill();
            d->process->waitForFinished(3000);
        }
    }
    d->process->disconnect(this);
    d->process.reset();
}

bool PeerServer::isRunning() const
{
    return d->process && d->process->state() == QProcess::Running;
}

QString PeerServer::errorString() const { return d->error; }

PeerServer::Kind PeerServer::kind() const { return d->kind; }

quint16 PeerServer::port() const { return d->port; }

bool PeerServer::isSecure() const { return d->secure; }

QUrl PeerServer::url(const QString &host, const QString &path) const
{
    QUrl url;
    url.setScheme(d->secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(host);
    url.setPort(d->port);
    url.setPath(path);
    return url;
}

QList<QJsonObject> PeerServer::events(const QString &event) const
{
    if (event.isEmpty())
        return d->events;
    QList<QJsonObject> matching;
    for (const QJsonObject &candidate : d->events) {
        if (candidate.value(QLatin1String("event")).toString() == event)
            matching.append(candidate);
    }
    return matching;
}

QList<QPair<QString, QString>> PeerServer::lastRequestHeaders() const
{
    const QList<QJsonObject> requests = events(QStringLiteral("request"));
    QList<QPair<QString, QString>> headers;
    if (requests.isEmpty())
        return headers;
    const QJsonArray pairs = requests.last().value(QLatin1String("headers")).toArray();
    for (const QJsonValue &pair : pairs) {
        const QJsonArray nameValue = pair.toArray();
        headers.append({nameValue.at(0).toString(), nameValue.at(1).toString()});
    }
    return headers;
}

QString PeerServer::standardError() const { return d->standardError; }

} // namespace SwanTest
