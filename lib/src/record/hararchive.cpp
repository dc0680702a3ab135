#include <SwanSocket/hararchive.h>

#include "payloadsize.h"

#include <SwanSocket/framerecorder.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QUrlQuery>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace SwanSocket {

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// Chrome's opcodes (RFC 6455); Chrome itself writes only 1 and 2, and -1 for errors.
enum Opcode { TextOpcode = 1, BinaryOpcode = 2, CloseOpcode = 8, PingOpcode = 9, PongOpcode = 10 };

/// Below this a message time cannot be epoch seconds (2001-09-09): Chrome wrote monotonic time.
constexpr double EarliestEpochSeconds = 1e9;

qint64 nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

QString isoDate(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString stateKey(SocketTask::ReadyState state)
{
    switch (state) {
    case SocketTask::Connecting:
        return QStringLiteral("CONNECTING");
    case SocketTask::Open:
        return QStringLiteral("OPEN");
    case SocketTask::Closing:
        return QStringLiteral("CLOSING");
    case SocketTask::Closed:
        break;
    }
    return QStringLiteral("CLOSED");
}

SocketTask::ReadyState stateFromKey(const QString &key)
{
    if (key == QLatin1String("CONNECTING"))
        return SocketTask::Connecting;
    if (key == QLatin1String("OPEN"))
        return SocketTask::Open;
    if (key == QLatin1String("CLOSING"))
        return SocketTask::Closing;
    return SocketTask::Closed;
}

QString directionKey(FrameRecorder::Direction direction)
{
    return direction == FrameRecorder::Send ? QStringLiteral("send") : QStringLiteral("receive");
}

QJsonArray headersToJson(const Headers &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonObject {{QStringLiteral("name"), QString::fromLatin1(name)},
                                  {QStringLiteral("value"), QString::fromLatin1(value)}});
    return array;
}

Headers headersFromJson(const QJsonValue &value)
{
    Headers headers;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &header : array) {
        const QJsonObject object = header.toObject();
        headers.append({object.value(QLatin1String("name")).toString().toLatin1(),
                        object.value(QLatin1String("value")).toString().toLatin1()});
    }
    return headers;
}

QByteArray headerValue(const Headers &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

/// HAR timings (ms) from a handshake profile (epoch ms) and the connection's end.
QJsonObject timings(const RecordedConnection &c, qint64 endMs, double *total)
{
    const SocketTaskProfile &p = c.profile;
    double connect = -1;
    double ssl = -1;
    if (p.connectStart && p.connectEnd) {
        // HAR's connect includes ssl.
        connect = double((p.tlsDone ? p.tlsDone : p.connectEnd) - p.connectStart);
        if (p.tlsDone)
            ssl = double(p.tlsDone - p.connectEnd);
    }
    // As Chrome: wait spans the connection's lifetime after the connection was made.
    const qint64 waitStart = p.tlsDone ? p.tlsDone
            : p.connectEnd             ? p.connectEnd
            : p.connectStart           ? p.connectStart
                                       : c.createdAtUs / 1000;
    const double wait = double(std::max<qint64>(0, endMs - waitStart));
    *total = std::max(0.0, connect) + wait;
    return {
            {QStringLiteral("blocked"), -1}, {QStringLiteral("dns"), -1},
            {QStringLiteral("ssl"), ssl},    {QStringLiteral("connect"), connect},
            {QStringLiteral("send"), 0},     {QStringLiteral("wait"), wait},
            {QStringLiteral("receive"), 0},
    };
}

QJsonObject messageToJson(const RecordedFrame &frame)
{
    QJsonObject message {
            {QStringLiteral("type"), directionKey(frame.direction)},
            {QStringLiteral("time"), double(frame.timeUs) / 1e6},
    };
    switch (frame.type) {
    case FrameRecorder::Text:
        message.insert(QStringLiteral("opcode"), TextOpcode);
        message.insert(QStringLiteral("data"), frame.text);
        break;
    case FrameRecorder::Binary:
        message.insert(QStringLiteral("opcode"), BinaryOpcode);
        message.insert(QStringLiteral("data"), QString::fromLatin1(frame.data.toBase64()));
        break;
    case FrameRecorder::Close:
        message.insert(QStringLiteral("opcode"), CloseOpcode);
        message.insert(QStringLiteral("data"), frame.text);
        if (frame.closeCode)
            message.insert(QStringLiteral("_closeCode"), frame.closeCode);
        break;
    case FrameRecorder::Ping:
    case FrameRecorder::Pong:
        message.insert(QStringLiteral("opcode"),
                       frame.type == FrameRecorder::Ping ? PingOpcode : PongOpcode);
        message.insert(QStringLiteral("data"), QString::fromLatin1(frame.data.toBase64()));
        break;
    }
    return message;
}

QJsonObject entryToJson(const RecordedConnection &c, const QJsonArray &messages)
{
    const qint64 endUs = c.closedAtUs ? c.closedAtUs : nowUs();
    double total = 0;
    const QJsonObject timing = timings(c, endUs / 1000, &total);

    QJsonArray query;
    const auto items = QUrlQuery(c.url).queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items)
        query.append(
                QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});

    QJsonObject response {
            {QStringLiteral("status"), c.response.statusCode},
            {QStringLiteral("statusText"), QString::fromLatin1(c.response.reasonPhrase)},
            {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
            {QStringLiteral("headers"), headersToJson(c.response.headers)},
            {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("content"),
             QJsonObject {{QStringLiteral("size"), 0},
                          {QStringLiteral("mimeType"), QStringLiteral("x-unknown")}}},
            {QStringLiteral("redirectURL"), QString()},
            {QStringLiteral("headersSize"), -1},
            {QStringLiteral("bodySize"), 0},
    };
    if (!c.lastError.isEmpty())
        response.insert(QStringLiteral("_error"), c.lastError);

    const QJsonObject swan {
            {QStringLiteral("state"), stateKey(c.state)},
            {QStringLiteral("protocol"), c.protocol},
            {QStringLiteral("createdAt"), double(c.createdAtUs)},
            {QStringLiteral("openedAt"), double(c.openedAtUs)},
            {QStringLiteral("closedAt"), double(c.closedAtUs)},
            {QStringLiteral("closeCode"), c.closeCode},
            {QStringLiteral("closeReason"), c.closeReason},
            {QStringLiteral("closeDirection"), directionKey(c.closeDirection)},
            {QStringLiteral("lastError"), c.lastError},
            {QStringLiteral("framesSent"), double(c.framesSent)},
            {QStringLiteral("framesReceived"), double(c.framesReceived)},
            {QStringLiteral("bytesSent"), double(c.bytesSent)},
            {QStringLiteral("bytesReceived"), double(c.bytesReceived)},
            {QStringLiteral("profile"),
             QJsonObject {{QStringLiteral("connectStart"), double(c.profile.connectStart)},
                          {QStringLiteral("connectEnd"), double(c.profile.connectEnd)},
                          {QStringLiteral("tlsDone"), double(c.profile.tlsDone)},
                          {QStringLiteral("handshakeDone"), double(c.profile.handshakeDone)}}},
    };

    return {
            {QStringLiteral("startedDateTime"), isoDate(c.createdAtUs)},
            {QStringLiteral("time"), total},
            {QStringLiteral("request"),
             QJsonObject {
                     {QStringLiteral("method"), QString::fromLatin1(c.method)},
                     {QStringLiteral("url"), c.url.toString(QUrl::FullyEncoded)},
                     {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                     {QStringLiteral("headers"), headersToJson(c.requestHeaders)},
                     {QStringLiteral("queryString"), query},
                     {QStringLiteral("cookies"), QJsonArray()},
                     {QStringLiteral("headersSize"), -1},
                     {QStringLiteral("bodySize"), 0},
             }},
            {QStringLiteral("response"), response},
            {QStringLiteral("cache"), QJsonObject()},
            {QStringLiteral("timings"), timing},
            {QStringLiteral("_resourceType"), QStringLiteral("websocket")},
            {QStringLiteral("_webSocketMessages"), messages},
            {QStringLiteral("_swan"), swan},
    };
}

bool isWebSocketEntry(const QJsonObject &entry)
{
    if (entry.value(QLatin1String("_resourceType")).toString() == QLatin1String("websocket")
        || entry.contains(QLatin1String("_webSocketMessages")))
        return true;
    const QJsonObject request = entry.value(QLatin1String("request")).toObject();
    const QString scheme = QUrl(request.value(QLatin1String("url")).toString()).scheme();
    if (scheme == QLatin1String("ws") || scheme == QLatin1String("wss"))
        return true;
    return entry.value(QLatin1String("response")).toObject().value(QLatin1String("status")).toInt()
            == 101;
}

/// A number from the file as a whole number of microseconds (or milliseconds), kept within
/// ±1e18 (±31,000 years in µs): a file may hold any double, and the times read from it are
/// added together (start + offset), which must not overflow. NaN cannot come from JSON.
qint64 wholeFromNumber(double value)
{
    constexpr double Limit = 1e18;
    return std::llround(std::clamp(value, -Limit, Limit));
}

/// @p object's number at @p key as wholeFromNumber() reads it (0 when there is none).
qint64 wholeAt(const QJsonObject &object, const char *key)
{
    return wholeFromNumber(object.value(QLatin1String(key)).toDouble());
}

qint64 usFromIsoDate(const QString &text)
{
    const QDateTime date = QDateTime::fromString(text, Qt::ISODateWithMs);
    // Chrome writes 1969-12-31T23:59:59Z when it had no wall clock: keep such times at 0.
    return date.isValid() ? std::max<qint64>(0, date.toMSecsSinceEpoch() * 1000) : 0;
}

QByteArray fromBase64(const QString &data)
{
    auto decoded = QByteArray::fromBase64Encoding(data.toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? *decoded : data.toUtf8();
}

/// One HAR entry as a connection and its frames; frames carry no task id yet.
struct ImportedEntry
{
    RecordedConnection connection;
    QList<RecordedFrame> frames;
    bool hasCounters = false;
};

ImportedEntry entryFromJson(const QJsonObject &entry)
{
    ImportedEntry imported;
    RecordedConnection &c = imported.connection;
    const QJsonObject request = entry.value(QLatin1String("request")).toObject();
    const QJsonObject response = entry.value(QLatin1String("response")).toObject();

    c.url = QUrl(request.value(QLatin1String("url")).toString());
    c.method = request.value(QLatin1String("method")).toString().toLatin1();
    c.requestHeaders = headersFromJson(request.value(QLatin1String("headers")));
    c.response.statusCode = response.value(QLatin1String("status")).toInt();
    c.response.reasonPhrase = response.value(QLatin1String("statusText")).toString().toLatin1();
    c.response.headers = headersFromJson(response.value(QLatin1String("headers")));
    c.protocol = QString::fromLatin1(headerValue(c.response.headers, "sec-websocket-protocol"));
    c.lastError = response.value(QLatin1String("_error")).toString();
    c.createdAtUs = usFromIsoDate(entry.value(QLatin1String("startedDateTime")).toString());
    c.state = SocketTask::Closed;
    if (c.response.statusCode == 101)
        c.openedAtUs = c.createdAtUs;

    const QJsonArray messages = entry.value(QLatin1String("_webSocketMessages")).toArray();
    double firstTime = -1;
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        const QString type = message.value(QLatin1String("type")).toString();
        const int opcode = message.value(QLatin1String("opcode")).toInt(TextOpcode);
        const QString data = message.value(QLatin1String("data")).toString();
        if (type == QLatin1String("error") || opcode == -1) {
            if (!data.isEmpty() || c.lastError.isEmpty())
                c.lastError = data.isEmpty() ? HarArchive::tr("WebSocket protocol error") : data;
            continue;
        }
        RecordedFrame frame;
        if (type == QLatin1String("send"))
            frame.direction = FrameRecorder::Send;
        else if (type == QLatin1String("receive"))
            frame.direction = FrameRecorder::Receive;
        else
            continue;

        const double time = message.value(QLatin1String("time")).toDouble();
        if (time >= EarliestEpochSeconds) {
            frame.timeUs = wholeFromNumber(time * 1e6);
        } else {
            // Monotonic seconds: keep the spacing and start at the entry's start; without a
            // wall-clock start, the monotonic seconds themselves are all there is.
            if (firstTime < 0)
                firstTime = c.createdAtUs ? time : 0;
            frame.timeUs = c.createdAtUs + wholeFromNumber((time - firstTime) * 1e6);
        }

        switch (opcode) {
        case BinaryOpcode:
            frame.type = FrameRecorder::Binary;
            frame.data = fromBase64(data);
            frame.size = frame.data.size();
            break;
        case CloseOpcode:
            frame.type = FrameRecorder::Close;
            frame.closeCode = quint16(message.value(QLatin1String("_closeCode")).toInt());
            frame.text = data;
            frame.size = PayloadSize::close(frame.closeCode, data);
            break;
        case PingOpcode:
        case PongOpcode:
            frame.type = opcode == PingOpcode ? FrameRecorder::Ping : FrameRecorder::Pong;
            frame.data = fromBase64(data);
            frame.size = frame.data.size();
            break;
        default: // 1, and anything Chrome may write in the future, as text
            frame.type = FrameRecorder::Text;
            frame.text = data;
            frame.size = PayloadSize::utf8(data);
            break;
        }
        if (frame.type == FrameRecorder::Close && !c.closeCode) {
            c.closeCode = frame.closeCode;
            c.closeReason = frame.text;
            c.closeDirection = frame.direction;
        }
        imported.frames.append(frame);
    }
    // Frames of one connection must be in time order for the recorder's rates.
    std::stable_sort(
            imported.frames.begin(), imported.frames.end(),
            [](const RecordedFrame &a, const RecordedFrame &b) { return a.timeUs < b.timeUs; });

    // No wall-clock start (Chrome's 1969): the connection began with its first frame.
    if (!c.createdAtUs && !imported.frames.isEmpty()) {
        c.createdAtUs = imported.frames.constFirst().timeUs;
        if (c.response.statusCode == 101)
            c.openedAtUs = c.createdAtUs;
    }
    const double entryMs = entry.value(QLatin1String("time")).toDouble();
    c.closedAtUs = c.createdAtUs + (entryMs > 0 ? wholeFromNumber(entryMs * 1000) : 0);
    if (!imported.frames.isEmpty())
        c.closedAtUs = std::max(c.closedAtUs, imported.frames.constLast().timeUs);

    // Our own exports say exactly what Chrome's format cannot.
    const QJsonValue swanValue = entry.value(QLatin1String("_swan"));
    if (swanValue.isObject()) {
        const QJsonObject swan = swanValue.toObject();
        c.state = stateFromKey(swan.value(QLatin1String("state")).toString());
        c.protocol = swan.value(QLatin1String("protocol")).toString();
        c.createdAtUs = wholeAt(swan, "createdAt");
        c.openedAtUs = wholeAt(swan, "openedAt");
        c.closedAtUs = wholeAt(swan, "closedAt");
        c.closeCode = swan.value(QLatin1String("closeCode")).toInt();
        c.closeReason = swan.value(QLatin1String("closeReason")).toString();
        c.closeDirection
                = swan.value(QLatin1String("closeDirection")).toString() == QLatin1String("send")
                ? FrameRecorder::Send
                : FrameRecorder::Receive;
        c.lastError = swan.value(QLatin1String("lastError")).toString();
        c.framesSent = wholeAt(swan, "framesSent");
        c.framesReceived = wholeAt(swan, "framesReceived");
        c.bytesSent = wholeAt(swan, "bytesSent");
        c.bytesReceived = wholeAt(swan, "bytesReceived");
        const QJsonObject profile = swan.value(QLatin1String("profile")).toObject();
        c.profile.connectStart = wholeAt(profile, "connectStart");
        c.profile.connectEnd = wholeAt(profile, "connectEnd");
        c.profile.tlsDone = wholeAt(profile, "tlsDone");
        c.profile.handshakeDone = wholeAt(profile, "handshakeDone");
        imported.hasCounters = true;
    }
    return imported;
}

} // namespace

class HarArchivePrivate
{
public:
    void setError(HarArchive *q, const QString &error)
    {
        if (errorString == error)
            return;
        errorString = error;
        Q_EMIT q->errorStringChanged();
    }

    QPointer<FrameRecorder> recorder;
    QString errorString;
};

HarArchive::HarArchive(QObject *parent) : QObject(parent), d(std::make_unique<HarArchivePrivate>())
{
}

HarArchive::~HarArchive() = default;

FrameRecorder *HarArchive::recorder() const { return d->recorder; }

void HarArchive::setRecorder(FrameRecorder *recorder)
{
    if (d->recorder == recorder)
        return;
    d->recorder = recorder;
    Q_EMIT recorderChanged();
}

QString HarArchive::errorString() const { return d->errorString; }

static QString localPath(const QUrl &file)
{
    return file.isLocalFile() ? file.toLocalFile() : file.toString(QUrl::PreferLocalFile);
}

bool HarArchive::save(const QUrl &file, int taskId)
{
    if (!d->recorder) {
        d->setError(this, tr("There is no recording to save."));
        return false;
    }
    const QString path = localPath(file);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        d->setError(this, tr("Cannot write %1: %2").arg(path, out.errorString()));
        return false;
    }
    out.write(toHar(*d->recorder, taskId < 0 ? QList<int>() : QList<int> {taskId}));
    if (!out.commit()) {
        d->setError(this, tr("Cannot write %1: %2").arg(path, out.errorString()));
        return false;
    }
    d->setError(this, {});
    return true;
}

int HarArchive::load(const QUrl &file)
{
    if (!d->recorder) {
        d->setError(this, tr("There is no recording to load into."));
        return -1;
    }
    const QString path = localPath(file);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        d->setError(this, tr("Cannot read %1: %2").arg(path, in.errorString()));
        return -1;
    }
    QString error;
    const QByteArray json = in.readAll();
    const QList<int> added = import(d->recorder, json, &error);
    d->setError(this, error.isEmpty() ? QString() : tr("%1: %2").arg(path, error));
    return error.isEmpty() ? int(added.size()) : -1;
}

QJsonObject HarArchive::toJson(const FrameRecorder &recorder, const QList<int> &taskIds)
{
    QHash<int, QJsonArray> messages;
    for (int i = 0, n = recorder.frameCount(); i < n; ++i) {
        const RecordedFrame &frame = recorder.frameAt(i);
        if (taskIds.isEmpty() || taskIds.contains(frame.taskId))
            messages[frame.taskId].append(messageToJson(frame));
    }
    QJsonArray entries;
    for (int i = 0, n = recorder.connectionCount(); i < n; ++i) {
        const RecordedConnection &connection = recorder.connectionAt(i);
        if (taskIds.isEmpty() || taskIds.contains(connection.taskId))
            entries.append(entryToJson(connection, messages.value(connection.taskId)));
    }
    const QString application = QCoreApplication::applicationName();
    return {{QStringLiteral("log"),
             QJsonObject {
                     {QStringLiteral("version"), QStringLiteral("1.2")},
                     {QStringLiteral("creator"),
                      QJsonObject {
                              {QStringLiteral("name"),
                               application.isEmpty() ? QStringLiteral("SwanSocket") : application},
                              {QStringLiteral("version"), QCoreApplication::applicationVersion()}}},
                     {QStringLiteral("pages"), QJsonArray()},
                     {QStringLiteral("entries"), entries},
             }}};
}

QByteArray HarArchive::toHar(const FrameRecorder &recorder, const QList<int> &taskIds)
{
    return QJsonDocument(toJson(recorder, taskIds)).toJson(QJsonDocument::Indented);
}

QList<int> HarArchive::import(FrameRecorder *recorder, const QJsonObject &har, QString *errorString)
{
    const QJsonValue log = har.value(QLatin1String("log"));
    if (!recorder || !log.isObject() || !log.toObject().value(QLatin1String("entries")).isArray()) {
        if (errorString)
            *errorString = tr("Not a HAR file (no log.entries).");
        return {};
    }
    if (errorString)
        errorString->clear();
    QList<int> added;
    const QJsonArray entries = log.toObject().value(QLatin1String("entries")).toArray();
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        if (!isWebSocketEntry(entry))
            continue;
        const ImportedEntry imported = entryFromJson(entry);
        const int taskId = recorder->addConnection(imported.connection);
        for (RecordedFrame frame : imported.frames) {
            frame.taskId = taskId;
            recorder->addFrame(frame, !imported.hasCounters);
        }
        added.append(taskId);
    }
    return added;
}

QList<int> HarArchive::import(FrameRecorder *recorder, const QByteArray &json, QString *errorString)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        if (errorString)
            *errorString = tr("Not a HAR file: %1 at offset %2.")
                                   .arg(error.errorString())
                                   .arg(error.offset);
        return {};
    }
    return import(recorder, document.object(), errorString);
}

} // namespace SwanSocket
