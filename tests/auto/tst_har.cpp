// HarArchive: HAR 1.2 as Chrome writes it for WebSocket connections, export and import, and the
// round trip through both.
#include <SwanSocket/framerecorder.h>
#include <SwanSocket/hararchive.h>
#include <SwanSocket/sockettask.h>

#include "taskoptions.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SwanSocket;

namespace {

constexpr qint64 Start = 1772658000000000; // 2026-03-04T21:00:00Z in µs

RecordedFrame frame(int taskId, qint64 timeUs, FrameRecorder::Direction direction,
                    FrameRecorder::FrameType type, const QString &text, const QByteArray &data = {},
                    quint16 closeCode = 0)
{
    RecordedFrame f;
    f.taskId = taskId;
    f.timeUs = timeUs;
    f.direction = direction;
    f.type = type;
    f.text = text;
    f.data = data;
    f.closeCode = closeCode;
    f.size = type == FrameRecorder::Text || type == FrameRecorder::Close
            ? text.toUtf8().size() + (closeCode ? 2 : 0)
            : data.size();
    return f;
}

/// A connection with every field set, and frames of every type.
void fillRecorder(FrameRecorder &recorder)
{
    RecordedConnection c;
    c.url = QUrl(QStringLiteral("wss://echo.test/chat?room=1&x=%C3%A9"));
    c.state = SocketTask::Closed;
    c.protocol = QStringLiteral("chat");
    c.createdAtUs = Start + 123;
    c.openedAtUs = Start + 250456;
    c.closedAtUs = Start + 10250789;
    c.closeCode = 4000;
    c.closeReason = QStringLiteral("bye ✓");
    c.closeDirection = FrameRecorder::Send;
    c.lastError = QStringLiteral("nothing really");
    c.requestHeaders = {{"X-Token", "abc"}, {"X-Token", "def"}};
    c.response.statusCode = 101;
    c.response.reasonPhrase = "Switching Protocols";
    c.response.headers = {{"upgrade", "websocket"}, {"Sec-WebSocket-Protocol", "chat"}};
    c.profile = {Start / 1000, Start / 1000 + 100, Start / 1000 + 200, Start / 1000 + 250};
    const int id = recorder.addConnection(c);

    using R = FrameRecorder;
    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte.append(char(i));
    recorder.addFrame(frame(id, Start + 300001, R::Send, R::Text, QStringLiteral("héllo 🦢")));
    recorder.addFrame(
            frame(id, Start + 300999, R::Receive, R::Text, QStringLiteral("héllo 🦢")));
    recorder.addFrame(frame(id, Start + 400000, R::Send, R::Binary, {}, everyByte));
    recorder.addFrame(frame(id, Start + 500000, R::Receive, R::Binary, {}, QByteArray()));
    recorder.addFrame(frame(id, Start + 600000, R::Receive, R::Pong, {}, QByteArray("p")));
    recorder.addFrame(frame(id, Start + 700000, R::Receive, R::Text, QString()));
    recorder.addFrame(
            frame(id, Start + 10250789, R::Send, R::Close, QStringLiteral("bye ✓"), {}, 4000));

    RecordedConnection failed;
    failed.url = QUrl(QStringLiteral("wss://refused.test/"));
    failed.state = SocketTask::Closed;
    failed.createdAtUs = Start + 20000000;
    failed.closedAtUs = Start + 20000500;
    failed.closeCode = 1006;
    failed.lastError = QStringLiteral("Connection refused");
    recorder.addConnection(failed);
}

/// Every fact of a connection but its id and offline flag, for comparing round trips.
QVariantList facts(const RecordedConnection &c)
{
    QVariantList headers;
    for (const auto &[name, value] : c.requestHeaders)
        headers << name << value;
    headers << QByteArray("|");
    for (const auto &[name, value] : c.response.headers)
        headers << name << value;
    return {c.url,
            int(c.state),
            c.protocol,
            c.createdAtUs,
            c.openedAtUs,
            c.closedAtUs,
            c.framesSent,
            c.framesReceived,
            c.bytesSent,
            c.bytesReceived,
            c.closeCode,
            c.closeReason,
            int(c.closeDirection),
            c.lastError,
            c.method,
            c.response.statusCode,
            c.response.reasonPhrase,
            headers,
            c.profile.connectStart,
            c.profile.connectEnd,
            c.profile.tlsDone,
            c.profile.handshakeDone};
}

QVariantList facts(const RecordedFrame &f)
{
    return {f.timeUs, f.size, int(f.direction), int(f.type), int(f.closeCode), f.text, f.data};
}

void compareRecorders(const FrameRecorder &a, const FrameRecorder &b)
{
    QCOMPARE(b.connectionCount(), a.connectionCount());
    QHash<int, int> idOf; // a's id -> b's id
    for (int i = 0; i < a.connectionCount(); ++i) {
        QCOMPARE(facts(b.connectionAt(i)), facts(a.connectionAt(i)));
        idOf.insert(a.connectionAt(i).taskId, b.connectionAt(i).taskId);
    }
    QCOMPARE(b.frameCount(), a.frameCount());
    for (int i = 0; i < a.frameCount(); ++i) {
        QCOMPARE(facts(b.frameAt(i)), facts(a.frameAt(i)));
        QCOMPARE(b.frameAt(i).taskId, idOf.value(a.frameAt(i).taskId));
    }
}

QJsonArray entriesOf(const QJsonObject &har)
{
    return har.value(QLatin1String("log")).toObject().value(QLatin1String("entries")).toArray();
}

} // namespace

class TestHar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportLooksLikeChrome();
    void exportOneConnection();
    void roundTripIsEqual();
    void roundTripOfRealTask();
    void importChrome_data();
    void importChrome();
    void importChromeFrames();
    void importFirefox();
    void rejectsWhatIsNotHar_data();
    void rejectsWhatIsNotHar();
    void importKeepsTimesInRange_data();
    void importKeepsTimesInRange();
    void saveAndLoadFiles();
};

void TestHar::exportLooksLikeChrome()
{
    FrameRecorder recorder;
    fillRecorder(recorder);
    const QJsonObject har = HarArchive::toJson(recorder);
    const QJsonObject log = har.value(QLatin1String("log")).toObject();
    QCOMPARE(log.value(QLatin1String("version")).toString(), QStringLiteral("1.2"));
    QVERIFY(log.value(QLatin1String("creator")).isObject());
    const QJsonArray entries = entriesOf(har);
    QCOMPARE(entries.size(), 2);

    const QJsonObject entry = entries.at(0).toObject();
    QCOMPARE(entry.value(QLatin1String("_resourceType")).toString(), QStringLiteral("websocket"));
    QCOMPARE(entry.value(QLatin1String("startedDateTime")).toString(),
             QStringLiteral("2026-03-04T21:00:00.000Z"));
    const QJsonObject request = entry.value(QLatin1String("request")).toObject();
    QCOMPARE(request.value(QLatin1String("method")).toString(), QStringLiteral("GET"));
    QCOMPARE(request.value(QLatin1String("url")).toString(),
             QStringLiteral("wss://echo.test/chat?room=1&x=%C3%A9"));
    QCOMPARE(request.value(QLatin1String("queryString")).toArray().size(), 2);
    QCOMPARE(request.value(QLatin1String("headers")).toArray().size(), 2);
    const QJsonObject response = entry.value(QLatin1String("response")).toObject();
    QCOMPARE(response.value(QLatin1String("status")).toInt(), 101);
    QCOMPARE(response.value(QLatin1String("headers"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("name")),
             QStringLiteral("Sec-WebSocket-Protocol"));
    for (const char *field : {"blocked", "dns", "connect", "send", "wait", "receive"})
        QVERIFY2(entry.value(QLatin1String("timings")).toObject().contains(QLatin1String(field)),
                 field);
    QVERIFY(entry.value(QLatin1String("time")).toDouble() > 10000); // spans the lifetime

    const QJsonArray messages = entry.value(QLatin1String("_webSocketMessages")).toArray();
    QCOMPARE(messages.size(), 7);
    const QJsonObject text = messages.at(0).toObject();
    QCOMPARE(text.value(QLatin1String("type")).toString(), QStringLiteral("send"));
    QCOMPARE(text.value(QLatin1String("opcode")).toInt(), 1);
    QCOMPARE(text.value(QLatin1String("data")).toString(), QStringLiteral("héllo 🦢"));
    // Epoch seconds with the fraction, not milliseconds.
    QCOMPARE(text.value(QLatin1String("time")).toDouble(), 1772658000.300001);
    const QJsonObject binary = messages.at(2).toObject();
    QCOMPARE(binary.value(QLatin1String("type")).toString(), QStringLiteral("send"));
    QCOMPARE(binary.value(QLatin1String("opcode")).toInt(), 2);
    QCOMPARE(QByteArray::fromBase64(binary.value(QLatin1String("data")).toString().toLatin1())
                     .size(),
             256);
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("receive"));
    QCOMPARE(messages.at(4).toObject().value(QLatin1String("opcode")).toInt(), 10);
    const QJsonObject close = messages.at(6).toObject();
    QCOMPARE(close.value(QLatin1String("opcode")).toInt(), 8);
    QCOMPARE(close.value(QLatin1String("data")).toString(), QStringLiteral("bye ✓"));
    QCOMPARE(close.value(QLatin1String("_closeCode")).toInt(), 4000);
    // Chrome's importer reads type, time, opcode and data, all of the right JSON types.
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        QVERIFY(message.value(QLatin1String("type")).isString());
        QVERIFY(message.value(QLatin1String("time")).isDouble());
        QVERIFY(message.value(QLatin1String("opcode")).isDouble());
        QVERIFY(message.value(QLatin1String("data")).isString());
    }

    const QJsonObject failed = entries.at(1).toObject();
    QCOMPARE(failed.value(QLatin1String("response")).toObject().value(QLatin1String("status")), 0);
    QCOMPARE(failed.value(QLatin1String("_webSocketMessages")).toArray().size(), 0);
}

void TestHar::exportOneConnection()
{
    FrameRecorder recorder;
    fillRecorder(recorder);
    const int second = recorder.connectionAt(1).taskId;
    const QJsonArray entries = entriesOf(HarArchive::toJson(recorder, {second}));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0)
                     .toObject()
                     .value(QLatin1String("request"))
                     .toObject()
                     .value(QLatin1String("url"))
                     .toString(),
             QStringLiteral("wss://refused.test/"));
}

void TestHar::roundTripIsEqual()
{
    FrameRecorder original;
    fillRecorder(original);
    const QByteArray har = HarArchive::toHar(original);

    FrameRecorder imported;
    QString error;
    const QList<int> ids = HarArchive::import(&imported, har, &error);
    QCOMPARE(error, QString());
    QCOMPARE(ids.size(), 2);
    QVERIFY(imported.connection(ids.first())->offline);
    compareRecorders(original, imported);
    // And the HAR written from the import is the HAR we read.
    QCOMPARE(QJsonDocument::fromJson(HarArchive::toHar(imported)), QJsonDocument::fromJson(har));
}

void TestHar::roundTripOfRealTask()
{
    QVERIFY(SwanTest::TestCertificates::instance().isValid());
    SwanTest::SecureEchoServer server;
    FrameRecorder recorder;
    SocketTask task(server.url());
    recorder.watch(&task);
    task.open(optionsFor(server.url()));
    QTRY_COMPARE(task.readyState(), SocketTask::Open);
    QVERIFY(task.send(QStringLiteral("{\"a\": [1, 2]}")).ok());
    QVERIFY(task.send(QByteArray("\x00\x01\xfe\xff", 4)).ok());
    QVERIFY(task.send(QStringLiteral("cmd:close:4000:done")).ok());
    QTRY_COMPARE(task.readyState(), SocketTask::Closed);
    QCOMPARE(recorder.frameCount(), 6); // 3 sent, 2 echoed, the server's close

    FrameRecorder imported;
    QCOMPARE(HarArchive::import(&imported, HarArchive::toHar(recorder)).size(), 1);
    compareRecorders(recorder, imported);
    const RecordedConnection &c = imported.connectionAt(0);
    QCOMPARE(c.response.statusCode, 101);
    QVERIFY(!c.response.headers.isEmpty());
    QCOMPARE(c.closeCode, 4000);
    QCOMPARE(c.closeDirection, FrameRecorder::Receive);
}

void TestHar::importChrome_data()
{
    QTest::addColumn<int>("entry");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<qint64>("createdAtUs");
    QTest::addColumn<bool>("opened");
    QTest::addColumn<QString>("lastError");
    QTest::addColumn<int>("frames");

    // The fixture's document entry is not a WebSocket: four connections come out of five.
    QTest::newRow("websocket") << 0 << "wss://echo.test/chat?room=1" << 101 << "GET"
                               << "chat" << (Start + 200000) << true << "WebSocket protocol error"
                               << 5;
    // No wall clock at all: the raw monotonic seconds of the first frame are the start.
    QTest::newRow("monotonic times, 1969") << 1 << "wss://echo.test/monotonic" << 101 << "GET"
                                           << "" << qint64(282411600000) << true << "" << 2;
    QTest::newRow("failed, status 0")
            << 2 << "wss://refused.test/" << 0 << ""
            << "" << (Start + 10000000) << false << "net::ERR_CONNECTION_REFUSED" << 0;
    QTest::newRow("fields missing") << 3 << "wss://sparse.test/" << 0 << ""
                                    << "" << (Start + 20000000) << false << "" << 0;
}

void TestHar::importChrome()
{
    QFETCH(int, entry);
    QFETCH(QString, url);
    QFETCH(int, status);
    QFETCH(QString, method);
    QFETCH(QString, protocol);
    QFETCH(qint64, createdAtUs);
    QFETCH(bool, opened);
    QFETCH(QString, lastError);
    QFETCH(int, frames);

    const QString path = QFINDTESTDATA("data/chrome-websocket.har");
    QVERIFY(!path.isEmpty());
    FrameRecorder recorder;
    HarArchive archive;
    archive.setRecorder(&recorder);
    QCOMPARE(archive.load(QUrl::fromLocalFile(path)), 4);
    QCOMPARE(archive.errorString(), QString());
    QCOMPARE(recorder.connectionCount(), 4);

    const RecordedConnection &c = recorder.connectionAt(entry);
    QVERIFY(c.offline);
    QCOMPARE(c.url.toString(), url);
    QCOMPARE(c.response.statusCode, status);
    QCOMPARE(QString::fromLatin1(c.method), method);
    QCOMPARE(c.protocol, protocol);
    QCOMPARE(c.createdAtUs, createdAtUs);
    QCOMPARE(c.openedAtUs != 0, opened);
    QCOMPARE(c.state, SocketTask::Closed);
    QCOMPARE(c.lastError, lastError);
    QCOMPARE(c.framesSent + c.framesReceived, qint64(frames));
    int held = 0;
    for (int i = 0; i < recorder.frameCount(); ++i)
        held += recorder.frameAt(i).taskId == c.taskId;
    QCOMPARE(held, frames);
    QVERIFY(c.closedAtUs >= c.createdAtUs);
}

void TestHar::importChromeFrames()
{
    FrameRecorder recorder;
    QFile file(QFINDTESTDATA("data/chrome-websocket.har"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(HarArchive::import(&recorder, file.readAll()).size(), 4);

    using R = FrameRecorder;
    const int id = recorder.connectionAt(0).taskId;
    const QList<QVariantList> expected {
            facts(frame(id, Start + 301234, R::Send, R::Text,
                        QStringLiteral("{\"hello\":\"wörld\"}"))),
            facts(frame(id, Start + 412345, R::Receive, R::Text,
                        QStringLiteral("{\"hello\":\"wörld\"}"))),
            facts(frame(id, Start + 1500000, R::Send, R::Binary, {},
                        QByteArray::fromHex("000102ff"))),
            // A Blob Chrome could not read: opcode 2, no data.
            facts(frame(id, Start + 1600000, R::Receive, R::Binary, {}, QByteArray())),
            facts(frame(id, Start + 2100000, R::Receive, R::Text, QStringLiteral("last"))),
    };
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(facts(recorder.frameAt(i)), expected.at(i));
    const RecordedConnection &c = recorder.connectionAt(0);
    QCOMPARE(c.framesSent, 2);
    QCOMPARE(c.bytesSent, 18 + 4);
    QCOMPARE(c.framesReceived, 3);
    QCOMPARE(c.requestHeaders.size(), 7);
    QCOMPARE(c.response.reasonPhrase, QByteArray("Switching Protocols"));

    // Monotonic seconds keep their spacing; with no wall-clock start they are kept as they are.
    const int monotonic = recorder.connectionAt(1).taskId;
    QCOMPARE(recorder.frameAt(5).taskId, monotonic);
    QCOMPARE(recorder.frameAt(5).timeUs, 282411600000);
    QCOMPARE(recorder.frameAt(6).timeUs, 282412850000);
    QCOMPARE(recorder.frameAt(6).text, QStringLiteral("pong!"));
}

void TestHar::importFirefox()
{
    FrameRecorder recorder;
    QFile file(QFINDTESTDATA("data/firefox-websocket.har"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const QList<int> ids = HarArchive::import(&recorder, file.readAll(), &error);
    QCOMPARE(error, QString());
    QCOMPARE(ids.size(), 1); // the script is not a WebSocket
    const RecordedConnection *c = recorder.connection(ids.first());
    QCOMPARE(c->url, QUrl(QStringLiteral("wss://echo.test/ff")));
    QCOMPARE(c->createdAtUs, Start + 500000); // +02:00 understood
    QCOMPARE(c->protocol, QStringLiteral("v2.chat"));
    QCOMPARE(c->response.statusCode, 101);
    QCOMPARE(c->closedAtUs, Start + 521000);
    QCOMPARE(recorder.frameCount(), 0);
}

void TestHar::rejectsWhatIsNotHar_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not JSON") << QByteArray("<html>");
    QTest::newRow("no log") << QByteArray("{\"entries\": []}");
    QTest::newRow("log without entries") << QByteArray("{\"log\": {\"version\": \"1.2\"}}");
    QTest::newRow("array") << QByteArray("[]");
}

void TestHar::rejectsWhatIsNotHar()
{
    QFETCH(QByteArray, json);
    FrameRecorder recorder;
    QString error;
    QVERIFY(HarArchive::import(&recorder, json, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QCOMPARE(recorder.connectionCount(), 0);
}

void TestHar::importKeepsTimesInRange_data()
{
    // Any double a file holds is read as a time within ±1e18 µs, so that start + offset cannot
    // overflow (the HAR fuzzer found 1e300 as a frame time and as the entry's duration).
    QTest::addColumn<QString>("entryTime");
    QTest::addColumn<QString>("frameTime");
    QTest::addColumn<QString>("swan"); // a _swan member, or empty

    QTest::newRow("huge epoch frame time, huge duration") << "1e300"
                                                          << "1e300" << QString();
    QTest::newRow("huge negative frame time") << "1e300"
                                              << "-1e300" << QString();
    QTest::newRow("monotonic time far from the first") << "5"
                                                       << "0.5, -1e300" << QString();
    QTest::newRow("huge times in our own fields")
            << "1"
            << "1"
            << "\"_swan\": {\"createdAt\": -1e300, \"closedAt\": 1e300, "
               "\"profile\": {\"connectStart\": 1e300, \"tlsDone\": -1e300}},";
}

void TestHar::importKeepsTimesInRange()
{
    QFETCH(QString, entryTime);
    QFETCH(QString, frameTime);
    QFETCH(QString, swan);
    QString messages;
    for (const QString &time : frameTime.split(QLatin1Char(','))) {
        messages += QStringLiteral("%1{\"type\": \"send\", \"time\": %2, \"opcode\": 1, "
                                   "\"data\": \"x\"}")
                            .arg(messages.isEmpty() ? QString() : QStringLiteral(","),
                                 time.trimmed());
    }
    const QString har
            = QStringLiteral(
                      "{\"log\": {\"version\": \"1.2\", \"entries\": [{%1 \"request\": "
                      "{\"method\": "
                      "\"GET\", \"url\": \"wss://h/\", \"headers\": []}, \"response\": "
                      "{\"status\": "
                      "101, \"headers\": []}, \"time\": %2, \"_webSocketMessages\": [%3]}]}}")
                      .arg(swan, entryTime, messages);
    FrameRecorder recorder;
    QString error;
    QCOMPARE(HarArchive::import(&recorder, har.toUtf8(), &error).size(), 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const RecordedConnection &c = recorder.connectionAt(0);
    constexpr qint64 Limit = 3'000'000'000'000'000'000LL; // three times ±1e18: never wrapped
    for (const qint64 us :
         {c.createdAtUs, c.openedAtUs, c.closedAtUs, c.profile.connectStart, c.profile.tlsDone})
        QVERIFY2(us > -Limit && us < Limit, QByteArray::number(us).constData());
    for (int i = 0; i < recorder.frameCount(); ++i)
        QVERIFY(recorder.frameAt(i).timeUs > -Limit && recorder.frameAt(i).timeUs < Limit);
}

void TestHar::saveAndLoadFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FrameRecorder recorder;
    fillRecorder(recorder);
    HarArchive archive;
    QSignalSpy errors(&archive, &HarArchive::errorStringChanged);
    QVERIFY(!archive.save(QUrl::fromLocalFile(dir.filePath(QStringLiteral("x.har")))));
    QVERIFY(!archive.errorString().isEmpty()); // no recorder
    archive.setRecorder(&recorder);
    const QUrl file = QUrl::fromLocalFile(dir.filePath(QStringLiteral("run.har")));
    QVERIFY(archive.save(file, recorder.connectionAt(0).taskId));
    QCOMPARE(archive.errorString(), QString());
    QVERIFY(!archive.save(QUrl::fromLocalFile(dir.filePath(QStringLiteral("no/such/dir.har")))));
    QVERIFY(archive.errorString().contains(QStringLiteral("dir.har")));
    QVERIFY(errors.size() >= 3);

    FrameRecorder loaded;
    HarArchive reader;
    reader.setRecorder(&loaded);
    QCOMPARE(reader.load(file), 1);
    QCOMPARE(loaded.frameCount(), 7);
    QCOMPARE(facts(loaded.connectionAt(0)), facts(recorder.connectionAt(0)));
    QCOMPARE(reader.load(QUrl::fromLocalFile(dir.filePath(QStringLiteral("missing.har")))), -1);
    QVERIFY(!reader.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestHar)
#include "tst_har.moc"
