#include "composer.h"

#include <SwanSocket/framerecorder.h>
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include <QPointer>
#include <QRegularExpression>

using namespace SwanSocket;

Composer::Composer(SocketApi *api, FrameRecorder *recorder, TaskOwner owner, QObject *parent)
    : QObject(parent), m_api(api), m_recorder(recorder), m_owner(std::move(owner))
{
}

Composer::~Composer() = default;

QString Composer::status() const { return m_status; }

bool Composer::statusIsError() const { return m_statusIsError; }

void Composer::setStatus(const QString &status, bool isError)
{
    m_status = status;
    m_statusIsError = isError;
    Q_EMIT statusChanged();
}

std::function<void(const CallResult &)> Composer::reporter(int taskId)
{
    return [self = QPointer<Composer>(this), taskId](const CallResult &result) {
        if (!self)
            return;
        const QString errMsg = result.res.value(QStringLiteral("errMsg")).toString();
        self->setStatus(taskId > 0 ? QStringLiteral("#%1 %2").arg(taskId).arg(errMsg) : errMsg,
                        !result.ok);
    };
}

std::optional<QVariantMap> Composer::parseHeaders(const QString &headers, QString *error) const
{
    QVariantMap map;
    const QStringList lines = headers.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            *error = tr("Header line %1: expected “Name: value”.").arg(i + 1);
            return std::nullopt;
        }
        map.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    return map;
}

QString Composer::checkHeaders(const QString &headers) const
{
    QString error;
    parseHeaders(headers, &error);
    return error;
}

int Composer::connectTo(const QString &url, const QString &headers, const QString &protocols)
{
    QString error;
    const std::optional<QVariantMap> header = parseHeaders(headers, &error);
    if (!header) {
        setStatus(error, true);
        return -1;
    }
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    const QStringList protocolList = protocols.split(separators, Qt::SkipEmptyParts);

    QVariantMap options {{QStringLiteral("url"), url.trimmed()}};
    if (!header->isEmpty())
        options.insert(QStringLiteral("header"), *header);
    if (!protocolList.isEmpty())
        options.insert(QStringLiteral("protocols"), protocolList);

    // The id is known once the task exists; the result may only come later.
    auto taskId = std::make_shared<int>(0);
    SocketTask *task = m_api->connectSocket(
            options, [taskId, self = QPointer<Composer>(this)](const CallResult &result) {
                if (!self)
                    return;
                const QString errMsg = result.res.value(QStringLiteral("errMsg")).toString();
                self->setStatus(*taskId > 0 ? QStringLiteral("#%1 %2").arg(*taskId).arg(errMsg)
                                            : errMsg,
                                !result.ok);
            });
    if (!task) {
        setStatus(tr("The connection could not be created."), true);
        return -1;
    }
    *taskId = task->taskId();

    return task->taskId();
}

std::optional<QByteArray> Composer::parseHex(const QString &input)
{
    static const QRegularExpression prefix(QStringLiteral("0[xX]"));
    static const QRegularExpression separators(QStringLiteral("[\\s,:]"));
    QString digits = input;
    digits.remove(prefix).remove(separators);
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]*$"));
    if (digits.size() % 2 != 0 || !hex.match(digits).hasMatch())
        return std::nullopt;
    return QByteArray::fromHex(digits.toLatin1());
}

std::optional<QByteArray> Composer::parseBase64(const QString &input)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s"));
    QString compact = input;
    compact.remove(whitespace);
    const auto decoded = QByteArray::fromBase64Encoding(
            compact.toLatin1(),
            QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

int Composer::payloadSize(const QString &input, Encoding encoding) const
{
    switch (encoding) {
    case Text:
        return int(SocketTask::encodeText(input).size()); // as send() will
    case Hex: {
        const auto bytes = parseHex(input);
        return bytes ? int(bytes->size()) : -1;
    }
    case Base64: {
        const auto bytes = parseBase64(input);
        return bytes ? int(bytes->size()) : -1;
    }
    }
    return -1;
}

bool Composer::send(int taskId, const QString &input, Encoding encoding)
{
    SocketApi *owner = m_owner(taskId);
    SocketTask *task = owner ? owner->task(taskId) : nullptr;
    if (!task) {
        setStatus(tr("Connection #%1 is gone.").arg(taskId), true);
        return false;
    }
    QVariant data;
    if (encoding == Text) {
        data = input;
    } else {
        const auto bytes = encoding == Hex ? parseHex(input) : parseBase64(input);
        if (!bytes) {
            setStatus(encoding == Hex ? tr("That is not hex: use pairs of digits 0-9, a-f.")
                                      : tr("That is not base64."),
                      true);
            return false;
        }
        data = *bytes;
    }
    owner->send(task, {{QStringLiteral("data"), data}}, reporter(taskId));
    return true;
}

bool Composer::close(int taskId, int code, const QString &reason)
{
    SocketApi *owner = m_owner(taskId);
    SocketTask *task = owner ? owner->task(taskId) : nullptr;
    if (!task) {
        setStatus(tr("Connection #%1 is gone.").arg(taskId), true);
        return false;
    }
    owner->close(task, {{QStringLiteral("code"), code}, {QStringLiteral("reason"), reason}},
                 reporter(taskId));
    return true;
}
