// FrameRecorder: what it keeps of the tasks it watches, within its budget, and what it costs.
#include <SwanSocket/framerecorder.h>
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include "taskoptions.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <chrono>

using namespace SwanSocket;

namespace {

qint64 nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

RecordedFrame textFrame(int taskId, const QString &text,
                        FrameRecorder::Direction direction = FrameRecorder::Receive,
                        qint64 timeUs = 0)
{
    RecordedFrame frame;
    frame.taskId = taskId;
    frame.direction = direction;
    frame.type = FrameRecorder::Text;
    frame.text = text;
    frame.size = text.toUtf8().size();
    frame.timeUs = timeUs ? timeUs : nowUs();
    return frame;
}

/// One line per frame of @p taskId: "send text hello", "receive close 4000 bye", …
QStringList frameLines(const FrameRecorder &recorder, int taskId)
{
    QStringList lines;
    for (int i = 0; i < recorder.frameCount(); ++i) {
        const RecordedFrame &f = recorder.frameAt(i);
        if (f.taskId != taskId)
            continue;
        const QString direction = f.direction == FrameRecorder::Send ? QStringLiteral("send")
                                                                     : QStringLiteral("receive");
        switch (f.type) {
        case FrameRecorder::Text:
            lines << QStringLiteral("%1 text %2").arg(direction, f.text);
            break;
        case FrameRecorder::Binary:
            lines << QStringLiteral("%1 binary %2").arg(direction).arg(f.data.size());
            break;
        case FrameRecorder::Close:
            lines << QStringLiteral("%1 close %2 %3").arg(direction).arg(f.closeCode).arg(f.text);
            break;
        case FrameRecorder::Ping:
        case FrameRecorder::Pong:
            lines << QStringLiteral("%1 control %2").arg(direction).arg(int(f.type));
            break;
        }
    }
    return lines;
}

} // namespace

class TestFrameRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void framesGetSerialsAndCounters();
    void utf8SizeOfText_data();
    void utf8SizeOfText();
    void budgetDropsOldestAndCounts_data();
    void budgetDropsOldestAndCounts();
    void loweringBudgetDropsAtOnce();
    void ringWrapsAtBudget();
    void notificationsAreBatched();
    void pausedKeepsCountingButStoresNothing();
    void clearForgetsFramesAndClosedConnections();
    void ratesPerSecond();
    void ratesOfFramesOutOfOrder();
    void frameTimesFollowWallClock();
    void recordsRealTask_data();
    void recordsRealTask();
    void failedConnectionHasErrorAndNoCloseFrame();
    void watchesEveryTaskOfApi();
    void payloadIsShared();
    void perFrameCost();

private:
    SwanTest::SecureEchoServer *m_server = nullptr;
};

void TestFrameRecorder::initTestCase()
{
    QVERIFY2(SwanTest::TestCertificates::instance().isValid(),
             qPrintable(SwanTest::TestCertificates::instance().errorString()));
    m_server = new SwanTest::SecureEchoServer(this);
    QVERIFY(m_server->port() > 0);
}

void TestFrameRecorder::framesGetSerialsAndCounters()
{
    FrameRecorder recorder;
    recorder.addFrame(textFrame(1, QStringLiteral("orphan")));
    QCOMPARE(recorder.frameCount(), 0); // no such connection: ignored

    QSignalSpy added(&recorder, &FrameRecorder::connectionAdded);
    const int id = recorder.addConnection({});
    QVERIFY(id >= FrameRecorder::FirstOfflineId);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().at(0).toInt(), id);
    QCOMPARE(added.first().at(1).toInt(), 0);
    QVERIFY(recorder.connection(id)->offline);

    recorder.addFrame(textFrame(id, QStringLiteral("hello"), FrameRecorder::Send));
    RecordedFrame binary;
    binary.taskId = id;
    binary.type = FrameRecorder::Binary;
    binary.data = QByteArray(10, '\1');
    binary.size = 10;
    binary.timeUs = nowUs();
    recorder.addFrame(binary);

    QCOMPARE(recorder.frameCount(), 2);
    QCOMPARE(recorder.byteCount(), 15);
    QCOMPARE(recorder.firstSerial(), 0);
    QCOMPARE(recorder.endSerial(), 2);
    QCOMPARE(recorder.frame(1)->data, binary.data);
    QCOMPARE(recorder.frame(2), nullptr);
    const RecordedConnection *c = recorder.connection(id);
    QCOMPARE(c->framesSent, 1);
    QCOMPARE(c->bytesSent, 5);
    QCOMPARE(c->framesReceived, 1);
    QCOMPARE(c->bytesReceived, 10);
}

void TestFrameRecorder::utf8SizeOfText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("ascii") << QStringLiteral("hello");
    QTest::newRow("two-byte") << QStringLiteral("grüße");
    QTest::newRow("three-byte") << QStringLiteral("✓ 中文");
    QTest::newRow("surrogate pair") << QStringLiteral("🦢 swan");
    QTest::newRow("ascii, one last") << QString(100, u'a') + QStringLiteral("é");
    // Longer than the counter's 16384-unit blocks, every kind of character in each.
    QTest::newRow("long mixed") << QStringLiteral("aü✓中🦢").repeated(10000);
    QTest::newRow("long three-byte") << QString(50000, u'中');
}

void TestFrameRecorder::utf8SizeOfText()
{
    QFETCH(QString, text);
    FrameRecorder recorder;
    SocketTask task;
    recorder.watch(&task);
    Q_EMIT task.textMessageReceived(text);
    QCOMPARE(recorder.frameAt(0).size, text.toUtf8().size());
}

void TestFrameRecorder::budgetDropsOldestAndCounts_data()
{
    QTest::addColumn<int>("maxFrames");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("expectHeld");

    // Every frame is 10 bytes.
    QTest::newRow("within both") << 100 << qint64(1000) << 50 << 50;
    QTest::newRow("frame count") << 10 << qint64(1000) << 50 << 10;
    QTest::newRow("bytes") << 100 << qint64(95) << 50 << 9;
    QTest::newRow("bytes exactly") << 100 << qint64(100) << 50 << 10;
    QTest::newRow("both, bytes first") << 20 << qint64(50) << 50 << 5;
    QTest::newRow("nothing kept") << 0 << qint64(1000) << 5 << 0;
}

void TestFrameRecorder::budgetDropsOldestAndCounts()
{
    QFETCH(int, maxFrames);
    QFETCH(qint64, maxBytes);
    QFETCH(int, frames);
    QFETCH(int, expectHeld);

    FrameRecorder recorder;
    recorder.setMaxFrames(maxFrames);
    recorder.setMaxBytes(maxBytes);
    QSignalSpy dropped(&recorder, &FrameRecorder::droppedFramesChanged);
    const int id = recorder.addConnection({});
    for (int i = 0; i < frames; ++i)
        recorder.addFrame(
                textFrame(id, QStringLiteral("frame %1").arg(i, 4, 10, QLatin1Char('0'))));

    QCOMPARE(recorder.frameCount(), expectHeld);
    QCOMPARE(recorder.droppedFrames(), frames - expectHeld);
    QCOMPARE(recorder.byteCount(), qint64(expectHeld) * 10);
    QCOMPARE(recorder.firstSerial(), frames - expectHeld);
    QCOMPARE(recorder.endSerial(), frames);
    if (expectHeld > 0) {
        // The newest stay.
        QCOMPARE(recorder.frameAt(expectHeld - 1).text,
                 QStringLiteral("frame %1").arg(frames - 1, 4, 10, QLatin1Char('0')));
        QCOMPARE(recorder.frameAt(0).serial, frames - expectHeld);
    }
    // Counters are about the connection, not about what the budget let us keep.
    QCOMPARE(recorder.connection(id)->framesReceived, frames);
    // The dropped counter is announced with the batch, once.
    if (frames > expectHeld) {
        QTRY_COMPARE(dropped.size(), 1);
        QCOMPARE(dropped.first().at(0).toLongLong(), qint64(frames - expectHeld));
    }
}

void TestFrameRecorder::loweringBudgetDropsAtOnce()
{
    FrameRecorder recorder;
    const int id = recorder.addConnection({});
    for (int i = 0; i < 100; ++i)
        recorder.addFrame(textFrame(id, QStringLiteral("0123456789")));
    QSignalSpy maxFrames(&recorder, &FrameRecorder::maxFramesChanged);
    recorder.setMaxFrames(30);
    QCOMPARE(maxFrames.size(), 1);
    QCOMPARE(recorder.frameCount(), 30);
    QCOMPARE(recorder.droppedFrames(), 70);
    recorder.setMaxBytes(100);
    QCOMPARE(recorder.frameCount(), 10);
    QCOMPARE(recorder.droppedFrames(), 90);
    QCOMPARE(recorder.byteCount(), 100);
}

void TestFrameRecorder::ringWrapsAtBudget()
{
    // Many times the budget, which is no round number: storage fills, wraps and is reused.
    // Every frame's text is its serial, so each one held shows whether it is the right one.
    FrameRecorder recorder;
    recorder.setMaxFrames(2500);
    int id = recorder.addConnection({});
    int recorded = 0;
    const auto recordUpTo = [&](int end) {
        for (; recorded < end; ++recorded)
            recorder.addFrame(textFrame(id, QString::number(recorded)));
    };
    // What is wrong with the frames held, when they are not the newest @p expectHeld.
    const auto heldProblem = [&](int expectHeld) -> QString {
        if (recorder.frameCount() != expectHeld || recorder.endSerial() != recorded
            || recorder.firstSerial() != recorded - expectHeld)
            return QStringLiteral("%1 held, serials [%2, %3)")
                    .arg(recorder.frameCount())
                    .arg(recorder.firstSerial())
                    .arg(recorder.endSerial());
        for (int i = 0; i < expectHeld; ++i) {
            const RecordedFrame &frame = recorder.frameAt(i);
            if (frame.serial != recorder.firstSerial() + i
                || frame.text != QString::number(frame.serial)
                || recorder.frame(frame.serial) != &frame)
                return QStringLiteral("frame %1: serial %2, text %3")
                        .arg(i)
                        .arg(frame.serial)
                        .arg(frame.text);
        }
        if (recorder.frame(recorder.firstSerial() - 1) || recorder.frame(recorder.endSerial()))
            return QStringLiteral("a frame outside [firstSerial, endSerial)");
        return {};
    };
#define CHECK_HELD(count) QVERIFY2(heldProblem(count).isEmpty(), qPrintable(heldProblem(count)))

    recordUpTo(10007);
    CHECK_HELD(2500);
    QCOMPARE(recorder.droppedFrames(), 10007 - 2500);
    recorder.setMaxFrames(3);
    CHECK_HELD(3);
    recorder.setMaxFrames(5000); // grows again from a nearly empty ring
    recordUpTo(16000);
    CHECK_HELD(5000);
    // By bytes too: "12345" and on are 5 bytes each.
    recorder.setMaxBytes(5 * 1234);
    CHECK_HELD(1234);
    recordUpTo(20000);
    CHECK_HELD(1234);
    recorder.clear(); // forgets the (offline) connection too
    CHECK_HELD(0);
    id = recorder.addConnection({});
    recordUpTo(20001);
    CHECK_HELD(1);
#undef CHECK_HELD
}

void TestFrameRecorder::notificationsAreBatched()
{
    FrameRecorder recorder;
    QSignalSpy recorded(&recorder, &FrameRecorder::framesRecorded);
    const int id = recorder.addConnection({});
    for (int i = 0; i < 10000; ++i)
        recorder.addFrame(textFrame(id, QStringLiteral("x")));
    QCOMPARE(recorded.size(), 0); // never from inside the recording
    QVERIFY(recorded.wait(1000));
    QCOMPARE(recorded.size(), 1);
    QVERIFY(!recorded.wait(100)); // nothing more to say
}

void TestFrameRecorder::pausedKeepsCountingButStoresNothing()
{
    FrameRecorder recorder;
    QSignalSpy paused(&recorder, &FrameRecorder::pausedChanged);
    SocketTask task;
    recorder.watch(&task);
    Q_EMIT task.textMessageReceived(QStringLiteral("before"));
    recorder.setPaused(true);
    QCOMPARE(paused.size(), 1);
    QVERIFY(recorder.isPaused());
    Q_EMIT task.textMessageReceived(QStringLiteral("while paused"));
    Q_EMIT task.binaryMessageSent(QByteArray(3, 'b'));
    recorder.setPaused(false);
    Q_EMIT task.textMessageReceived(QStringLiteral("after"));
    QCOMPARE(frameLines(recorder, task.taskId()),
             QStringList({QStringLiteral("receive text before"),
                          QStringLiteral("receive text after")}));
    const RecordedConnection *c = recorder.connection(task.taskId());
    QCOMPARE(c->framesReceived, 3);
    QCOMPARE(c->framesSent, 1);
    QCOMPARE(c->bytesSent, 3);

    // Imports are not what tasks do now: addFrame() ignores paused.
    recorder.setPaused(true);
    const int imported = recorder.addConnection({});
    recorder.addFrame(textFrame(imported, QStringLiteral("imported")));
    QCOMPARE(frameLines(recorder, imported),
             QStringList({QStringLiteral("receive text imported")}));
}

void TestFrameRecorder::clearForgetsFramesAndClosedConnections()
{
    FrameRecorder recorder;
    SocketTask live; // never opened: stays Connecting
    recorder.watch(&live);
    const int offline = recorder.addConnection({});
    Q_EMIT live.textMessageReceived(QStringLiteral("a"));
    recorder.addFrame(textFrame(offline, QStringLiteral("b")));
    recorder.setMaxFrames(1);
    QCOMPARE(recorder.droppedFrames(), 1);

    QSignalSpy cleared(&recorder, &FrameRecorder::cleared);
    QSignalSpy dropped(&recorder, &FrameRecorder::droppedFramesChanged);
    const qint64 end = recorder.endSerial();
    recorder.clear();
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(recorder.frameCount(), 0);
    QCOMPARE(recorder.droppedFrames(), 0);
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(recorder.connectionCount(), 1);
    QCOMPARE(recorder.connectionAt(0).taskId, live.taskId());
    QCOMPARE(recorder.connection(offline), nullptr);
    QCOMPARE(recorder.connection(live.taskId())->framesReceived, 0);
    // Serials go on: readers can still tell old frames from new ones.
    QCOMPARE(recorder.firstSerial(), end);
    Q_EMIT live.textMessageReceived(QStringLiteral("c"));
    QCOMPARE(recorder.frameAt(0).serial, end);
    QCOMPARE(recorder.connection(live.taskId())->framesReceived, 1);
}

void TestFrameRecorder::ratesPerSecond()
{
    FrameRecorder recorder;
    SocketTask task;
    recorder.watch(&task);
    // All in one second, unless the second turns while we record: then the sums still hold.
    for (int i = 0; i < 5; ++i)
        Q_EMIT task.textMessageReceived(QStringLiteral("12345"));
    Q_EMIT task.binaryMessageSent(QByteArray(100, 'x'));
    Q_EMIT task.pongReceived(QByteArray()); // control frames are not messages

    const QVariantList rates = recorder.rates(task.taskId(), 10);
    QCOMPARE(rates.size(), 10);
    qint64 received = 0, receivedBytes = 0, sent = 0, sentBytes = 0;
    for (const QVariant &second : rates) {
        const QVariantMap map = second.toMap();
        received += map.value(QStringLiteral("messagesReceived")).toLongLong();
        receivedBytes += map.value(QStringLiteral("bytesReceived")).toLongLong();
        sent += map.value(QStringLiteral("messagesSent")).toLongLong();
        sentBytes += map.value(QStringLiteral("bytesSent")).toLongLong();
    }
    QCOMPARE(received, 5);
    QCOMPARE(receivedBytes, 25);
    QCOMPARE(sent, 1);
    QCOMPARE(sentBytes, 100);
    const qint64 lastSecondMs = rates.last().toMap().value(QStringLiteral("time")).toLongLong();
    QVERIFY(qAbs(lastSecondMs - nowUs() / 1000) < 2000);
    QVERIFY(recorder.rates(12345678).isEmpty());
}

void TestFrameRecorder::ratesOfFramesOutOfOrder()
{
    // Imported frames: back and forth between seconds, and before 1970 (HAR allows it).
    FrameRecorder recorder;
    RecordedConnection closed;
    closed.state = SocketTask::Closed;
    closed.closedAtUs = 1000000007LL * 1000000;
    const int id = recorder.addConnection(closed);
    const qint64 s = 1000000005LL * 1000000;
    for (const qint64 timeUs : {s, s + 1500000, s + 999999, s + 2000000, s - 1, s + 1000000})
        recorder.addFrame(textFrame(id, QStringLiteral("x"), FrameRecorder::Receive, timeUs));
    const auto messagesPerSecond = [&](int taskId, int seconds) {
        QList<qint64> counts;
        for (const QVariant &second : recorder.rates(taskId, seconds))
            counts << second.toMap().value(QStringLiteral("messagesReceived")).toLongLong();
        return counts;
    };
    QCOMPARE(messagesPerSecond(id, 4), QList<qint64>({1, 2, 2, 1}));

    RecordedConnection early = closed;
    early.closedAtUs = 500000;
    const int earlyId = recorder.addConnection(early);
    // Division truncates: second 0 holds (-1 s, 1 s), as the chart always showed them.
    for (const qint64 timeUs : {-1500000LL, -500000LL, 300000LL, -2500000LL, -1000001LL})
        recorder.addFrame(textFrame(earlyId, QStringLiteral("y"), FrameRecorder::Receive, timeUs));
    QCOMPARE(messagesPerSecond(earlyId, 3), QList<qint64>({1, 2, 2}));
}

void TestFrameRecorder::frameTimesFollowWallClock()
{
    const qint64 before = nowUs();
    FrameRecorder recorder;
    SocketTask task;
    recorder.watch(&task);
    for (int i = 0; i < 1000; ++i)
        Q_EMIT task.textMessageReceived(QStringLiteral("x"));
    QTest::qSleep(20);
    Q_EMIT task.textMessageSent(QStringLiteral("y"));
    const qint64 after = nowUs();

    QCOMPARE(recorder.frameCount(), 1001);
    for (int i = 1; i < recorder.frameCount(); ++i)
        QVERIFY(recorder.frameAt(i - 1).timeUs <= recorder.frameAt(i).timeUs);
    // Wall-clock times (1 ms of slack for rounding), finer than the 20 ms slept.
    const qint64 first = recorder.frameAt(0).timeUs;
    const qint64 last = recorder.frameAt(1000).timeUs;
    QVERIFY2(first >= before - 1000, qPrintable(QString::number(first - before)));
    QVERIFY2(last <= after + 1000, qPrintable(QString::number(last - after)));
    QVERIFY2(last - recorder.frameAt(999).timeUs >= 19000,
             qPrintable(QString::number(last - recorder.frameAt(999).timeUs)));
    const RecordedConnection *c = recorder.connection(task.taskId());
    QVERIFY(c->createdAtUs >= before - 1000 && c->createdAtUs <= first);

    // Frames 200 µs apart: each time is fresh (between the wall clock just before and just
    // after, give or take 100 µs), not one kept from earlier in the burst.
    for (int i = 0; i < 50; ++i) {
        const qint64 start = nowUs();
        while (nowUs() - start < 200) { }
        const qint64 wallBefore = nowUs();
        Q_EMIT task.textMessageReceived(QStringLiteral("z"));
        const qint64 wallAfter = nowUs();
        const qint64 timeUs = recorder.frameAt(recorder.frameCount() - 1).timeUs;
        QVERIFY2(timeUs >= wallBefore - 100 && timeUs <= wallAfter + 100,
                 qPrintable(QStringLiteral("%1 µs after, %2 µs before")
                                    .arg(timeUs - wallBefore)
                                    .arg(wallAfter - timeUs)));
    }
}

void TestFrameRecorder::recordsRealTask_data()
{
    QTest::addColumn<bool>("weClose");
    QTest::addColumn<QString>("closeLine");
    QTest::addColumn<int>("closeDirection");

    QTest::newRow("server closes")
            << false << QStringLiteral("receive close 4000 bye") << int(FrameRecorder::Receive);
    QTest::newRow("we close") << true << QStringLiteral("send close 4001 done")
                              << int(FrameRecorder::Send);
}

void TestFrameRecorder::recordsRealTask()
{
    QFETCH(bool, weClose);
    QFETCH(QString, closeLine);
    QFETCH(int, closeDirection);

    FrameRecorder recorder;
    SocketTask task(m_server->url());
    recorder.watch(&task);
    recorder.watch(&task); // twice is once
    QCOMPARE(recorder.connectionCount(), 1);
    QCOMPARE(recorder.connectionAt(0).state, SocketTask::Connecting);
    QSignalSpy changed(&recorder, &FrameRecorder::connectionChanged);

    task.open(optionsFor(m_server->url()));
    QTRY_COMPARE(task.readyState(), SocketTask::Open);
    const RecordedConnection *c = recorder.connection(task.taskId());
    QVERIFY(c);
    QCOMPARE(c->state, SocketTask::Open);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(c->url, m_server->url());
    QVERIFY(c->openedAtUs > 0);
    QVERIFY(c->createdAtUs <= c->openedAtUs);
    QCOMPARE(c->response.statusCode, 101);
    QVERIFY(!c->response.headers.isEmpty());
    QVERIFY(c->profile.handshakeDone > 0);
    QVERIFY(c->profile.tlsDone > 0);

    QVERIFY(task.send(QStringLiteral("hello ✓")).ok());
    QTRY_COMPARE(c->framesReceived, 1);
    QVERIFY(task.send(QByteArray(300, 'z')).ok());
    QTRY_COMPARE(c->framesReceived, 2);
    QVERIFY(task.send(QStringLiteral("cmd:ping:p")).ok()); // the server pings us
    QTRY_COMPARE(recorder.frameAt(recorder.frameCount() - 1).type, FrameRecorder::Ping);
    if (weClose)
        QVERIFY(task.close(4001, QStringLiteral("done")).ok());
    else
        QVERIFY(task.send(QStringLiteral("cmd:close:4000:bye")).ok());
    QTRY_COMPARE(task.readyState(), SocketTask::Closed);
    c = recorder.connection(task.taskId());

    QStringList expected {
            QStringLiteral("send text hello ✓"),
            QStringLiteral("receive text hello ✓"),
            QStringLiteral("send binary 300"),
            QStringLiteral("receive binary 300"),
            QStringLiteral("send text cmd:ping:p"),
            QStringLiteral("receive control %1").arg(int(FrameRecorder::Ping)),
    };
    if (!weClose)
        expected << QStringLiteral("send text cmd:close:4000:bye");
    expected << closeLine;
    QCOMPARE(frameLines(recorder, task.taskId()), expected);
    QCOMPARE(c->state, SocketTask::Closed);
    QCOMPARE(int(c->closeDirection), closeDirection);
    QCOMPARE(c->closeCode, weClose ? 4001 : 4000);
    QVERIFY(c->closedAtUs >= c->openedAtUs);
    // Close frames are not messages: counters are about data.
    QCOMPARE(c->framesSent, weClose ? 3 : 4);
    QCOMPARE(c->framesReceived, 2);
    QCOMPARE(c->bytesReceived, qint64(QStringLiteral("hello ✓").toUtf8().size() + 300));
    // Frames are in time order.
    for (int i = 1; i < recorder.frameCount(); ++i)
        QVERIFY(recorder.frameAt(i - 1).timeUs <= recorder.frameAt(i).timeUs);
}

void TestFrameRecorder::failedConnectionHasErrorAndNoCloseFrame()
{
    FrameRecorder recorder;
    QUrl url = m_server->url();
    url.setPort(1); // nothing listens there
    SocketTask task(url);
    recorder.watch(&task);
    task.open(optionsFor(url));
    QTRY_COMPARE(task.readyState(), SocketTask::Closed);
    const RecordedConnection *c = recorder.connection(task.taskId());
    QVERIFY(!c->lastError.isEmpty());
    QCOMPARE(c->closeCode, 1006);
    QCOMPARE(c->openedAtUs, 0);
    QCOMPARE(recorder.frameCount(), 0);
}

void TestFrameRecorder::watchesEveryTaskOfApi()
{
    SimulatorSettings settings;
    settings.addCaCertificates({SwanTest::TestCertificates::instance().caCertificate()});
    settings.setAllowedDomains({QStringLiteral("localhost")});
    SocketApi api(&settings);
    FrameRecorder recorder;
    recorder.watch(&api);
    SocketTask *task = api.connectSocket({{QStringLiteral("url"), m_server->url().toString()}});
    QVERIFY(task);
    QCOMPARE(recorder.connectionCount(), 1);
    QTRY_COMPARE(task->readyState(), SocketTask::Open);
    api.send(task, {{QStringLiteral("data"), QStringLiteral("via api")}});
    QTRY_COMPARE(recorder.connection(task->taskId())->framesReceived, 1);
    QCOMPARE(frameLines(recorder, task->taskId()),
             QStringList({QStringLiteral("send text via api"),
                          QStringLiteral("receive text via api")}));
    api.closeSocket({});
    QTRY_COMPARE(recorder.connection(task->taskId())->state, SocketTask::Closed);
}

void TestFrameRecorder::payloadIsShared()
{
    FrameRecorder recorder;
    SocketTask task;
    recorder.watch(&task);
    const QString text(1000, u'x');
    const QByteArray bytes(1000, 'y');
    Q_EMIT task.textMessageReceived(text);
    Q_EMIT task.binaryMessageReceived(bytes);
    // Same storage: implicit sharing, no copy per frame.
    QCOMPARE(recorder.frameAt(0).text.constData(), text.constData());
    QCOMPARE(recorder.frameAt(1).data.constData(), bytes.constData());
}

void TestFrameRecorder::perFrameCost()
{
    // The hot path as a task drives it: a signal per message, recorded into the ring.
    FrameRecorder recorder;
    recorder.setMaxFrames(200000); // the ring wraps: dropping is part of the cost
    SocketTask task;
    recorder.watch(&task);
    const QString message(64, u'm');
    constexpr int Frames = 1000000;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Frames; ++i)
        Q_EMIT task.textMessageReceived(message);
    const qint64 ns = timer.nsecsElapsed();
    QCOMPARE(recorder.connection(task.taskId())->framesReceived, Frames);
    QCOMPARE(recorder.droppedFrames(), Frames - 200000);
    // What the signal alone costs, to tell the recorder's share.
    SocketTask bare;
    QObject receiver;
    qint64 received = 0;
    connect(&bare, &SocketTask::textMessageReceived, &receiver,
            [&received](const QString &m) { received += m.size(); });
    timer.restart();
    for (int i = 0; i < Frames; ++i)
        Q_EMIT bare.textMessageReceived(message);
    const qint64 signalNs = timer.nsecsElapsed();
    QCOMPARE(received, qint64(Frames) * 64);
    qInfo("recording %d frames of 64 chars: %.1f ns/frame, of which the signal alone %.1f", Frames,
          double(ns) / Frames, double(signalNs) / Frames);
    // A loose bound, also for Debug builds and busy machines: the real budget is ~1 µs.
    QVERIFY2(ns / Frames < 5000, qPrintable(QString::number(ns / Frames)));
}

QTEST_GUILESS_MAIN(TestFrameRecorder)
#include "tst_framerecorder.moc"
