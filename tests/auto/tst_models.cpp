// ConnectionModel, FrameModel and FrameFilterModel over a FrameRecorder: batched rows, roles,
// filters and the detail-pane accessors.
#include <SwanSocket/connectionmodel.h>
#include <SwanSocket/framefiltermodel.h>
#include <SwanSocket/framemodel.h>
#include <SwanSocket/framerecorder.h>
#include <SwanSocket/sockettask.h>

#include <QAbstractItemModelTester>
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

RecordedFrame makeFrame(int taskId, FrameRecorder::Direction direction,
                        FrameRecorder::FrameType type, const QString &text,
                        const QByteArray &data = {}, quint16 closeCode = 0)
{
    RecordedFrame frame;
    frame.taskId = taskId;
    frame.direction = direction;
    frame.type = type;
    frame.text = text;
    frame.data = data;
    frame.closeCode = closeCode;
    frame.size = type == FrameRecorder::Text || type == FrameRecorder::Close
            ? text.toUtf8().size() + (closeCode ? 2 : 0)
            : data.size();
    frame.timeUs = nowUs();
    return frame;
}

void addTexts(FrameRecorder &recorder, int taskId, int count, const QString &prefix = {})
{
    for (int i = 0; i < count; ++i)
        recorder.addFrame(makeFrame(taskId, FrameRecorder::Receive, FrameRecorder::Text,
                                    prefix + QString::number(i)));
}

void addText(FrameRecorder &recorder, int taskId, const QString &text)
{
    recorder.addFrame(makeFrame(taskId, FrameRecorder::Receive, FrameRecorder::Text, text));
}

/// What each row of @p model says in @p role, as strings.
QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, 0).data(role).toString();
    return values;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frameRowsArriveInBatches_data();
    void frameRowsArriveInBatches();
    void droppedFramesLeaveFromTheTop_data();
    void droppedFramesLeaveFromTheTop();
    void clearResetsFrameModel();
    void frameRoles();
    void previewOfLongAndBinaryFrames();
    void prettyJson_data();
    void prettyJson();
    void hexDumpAndBase64();
    void filter_data();
    void filter();
    void invalidRegexMatchesNothing();
    void filterFollowsNewFrames();
    void connectionRowsAndBatchedCounters();
    void connectionRolesAndDetails();
    void stateNamesAreTranslatable();
};

void TestModels::frameRowsArriveInBatches_data()
{
    QTest::addColumn<int>("framesA");
    QTest::addColumn<int>("framesB");
    QTest::addColumn<bool>("onlyB");

    QTest::newRow("all, one connection") << 1000 << 0 << false;
    QTest::newRow("all, two connections") << 700 << 300 << false;
    QTest::newRow("one connection of two") << 700 << 300 << true;
    QTest::newRow("one connection without frames") << 50 << 0 << true;
}

void TestModels::frameRowsArriveInBatches()
{
    QFETCH(int, framesA);
    QFETCH(int, framesB);
    QFETCH(bool, onlyB);

    FrameRecorder recorder;
    const int a = recorder.addConnection({});
    const int b = recorder.addConnection({});
    FrameModel model;
    QAbstractItemModelTester tester(&model);
    model.setRecorder(&recorder);
    if (onlyB)
        model.setTaskId(b);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy count(&model, &FrameModel::countChanged);

    for (int i = 0; i < std::max(framesA, framesB); ++i) {
        if (i < framesA)
            addText(recorder, a, QStringLiteral("a%1").arg(i));
        if (i < framesB)
            addText(recorder, b, QStringLiteral("b%1").arg(i));
    }
    QCOMPARE(model.rowCount(), 0); // rows come with the batch, not per frame
    const int expected = onlyB ? framesB : framesA + framesB;
    QTRY_COMPARE(model.rowCount(), expected);
    QCOMPARE(inserted.size(), expected ? 1 : 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(count.size(), expected ? 1 : 0);
    if (expected) {
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), expected - 1);
        const QStringList texts = column(model, FrameModel::TextRole);
        QCOMPARE(texts.last(),
                 onlyB || framesB >= framesA ? QStringLiteral("b%1").arg(framesB - 1)
                                             : QStringLiteral("a%1").arg(framesA - 1));
        if (onlyB) {
            for (const QString &text : texts)
                QVERIFY(text.startsWith(u'b'));
        }
    }
    // A second batch appends behind the first.
    addTexts(recorder, b, 5, QStringLiteral("more"));
    QTRY_COMPARE(model.rowCount(), expected + 5);
    QCOMPARE(inserted.size(), expected ? 2 : 1);
    QCOMPARE(inserted.last().at(1).toInt(), expected);
    QCOMPARE(reset.size(), 0);
}

void TestModels::droppedFramesLeaveFromTheTop_data()
{
    QTest::addColumn<bool>("oneConnection");
    QTest::newRow("all frames") << false;
    QTest::newRow("one connection's frames") << true;
}

void TestModels::droppedFramesLeaveFromTheTop()
{
    QFETCH(bool, oneConnection);

    FrameRecorder recorder;
    recorder.setMaxFrames(100);
    const int id = recorder.addConnection({});
    FrameModel model;
    QAbstractItemModelTester tester(&model);
    model.setRecorder(&recorder);
    if (oneConnection)
        model.setTaskId(id);
    addTexts(recorder, id, 80);
    QTRY_COMPARE(model.rowCount(), 80);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    addTexts(recorder, id, 50, QStringLiteral("new"));
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(removed.first().at(2).toInt(), 29);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(0).data(FrameModel::TextRole).toString(), QStringLiteral("30"));
    QCOMPARE(model.index(99).data(FrameModel::TextRole).toString(), QStringLiteral("new49"));

    // More than a whole model's worth between two batches: the gap never becomes rows.
    addTexts(recorder, id, 250, QStringLiteral("flood"));
    QTRY_COMPARE(inserted.size(), 2);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.index(0).data(FrameModel::TextRole).toString(), QStringLiteral("flood150"));
    QCOMPARE(reset.size(), 0);
}

void TestModels::clearResetsFrameModel()
{
    FrameRecorder recorder;
    const int id = recorder.addConnection({});
    FrameModel model;
    model.setRecorder(&recorder);
    addTexts(recorder, id, 10);
    QTRY_COMPARE(model.rowCount(), 10);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    recorder.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::frameRoles()
{
    FrameRecorder recorder;
    const int id = recorder.addConnection({});
    FrameModel model;
    model.setRecorder(&recorder);
    recorder.addFrame(
            makeFrame(id, FrameRecorder::Send, FrameRecorder::Text, QStringLiteral("héllo")));
    recorder.addFrame(makeFrame(id, FrameRecorder::Receive, FrameRecorder::Close,
                                QStringLiteral("bye"), {}, 4000));
    QTRY_COMPARE(model.rowCount(), 2);

    const QModelIndex text = model.index(0);
    QCOMPARE(text.data(FrameModel::TaskIdRole).toInt(), id);
    QCOMPARE(text.data(FrameModel::DirectionRole).toInt(), int(FrameRecorder::Send));
    QCOMPARE(text.data(FrameModel::DirectionNameRole).toString(), QStringLiteral("Sent"));
    QCOMPARE(text.data(FrameModel::TypeRole).toInt(), int(FrameRecorder::Text));
    QCOMPARE(text.data(FrameModel::TypeNameRole).toString(), QStringLiteral("Text"));
    QCOMPARE(text.data(FrameModel::SizeRole).toLongLong(), 6);
    QCOMPARE(text.data(FrameModel::TextRole).toString(), QStringLiteral("héllo"));
    QCOMPARE(text.data(FrameModel::IsBinaryRole).toBool(), false);
    QCOMPARE(text.data(FrameModel::IsControlRole).toBool(), false);
    QCOMPARE(text.data(FrameModel::SerialRole).toLongLong(), 0);
    QCOMPARE(text.data(FrameModel::TimeUsRole).toLongLong(), recorder.frameAt(0).timeUs);
    QCOMPARE(text.data(FrameModel::TimeRole).toDateTime().toMSecsSinceEpoch(),
             recorder.frameAt(0).timeUs / 1000);
    QCOMPARE(text.data(FrameModel::TimeTextRole).toString().size(), 12); // hh:mm:ss.zzz

    const QModelIndex close = model.index(1);
    QCOMPARE(close.data(FrameModel::TypeNameRole).toString(), QStringLiteral("Close"));
    QCOMPARE(close.data(FrameModel::CloseCodeRole).toInt(), 4000);
    QCOMPARE(close.data(FrameModel::CloseReasonRole).toString(), QStringLiteral("bye"));
    QCOMPARE(close.data(FrameModel::PreviewRole).toString(), QStringLiteral("4000 bye"));
    QCOMPARE(close.data(FrameModel::IsControlRole).toBool(), true);

    const QHash<int, QByteArray> roles = model.roleNames();
    for (const char *name : {"direction", "time", "type", "size", "preview", "text", "isBinary",
                             "taskId", "closeCode", "closeReason"})
        QVERIFY2(roles.values().contains(name), name);
}

void TestModels::previewOfLongAndBinaryFrames()
{
    RecordedFrame text = makeFrame(1, FrameRecorder::Receive, FrameRecorder::Text,
                                   QString(500, u'x') + QStringLiteral("\nend"));
    QCOMPARE(FrameModel::preview(text).size(), FrameModel::PreviewLength);
    RecordedFrame lines
            = makeFrame(1, FrameRecorder::Receive, FrameRecorder::Text, QStringLiteral("a\nb\tc"));
    QCOMPARE(FrameModel::preview(lines), QStringLiteral("a b c"));
    RecordedFrame binary = makeFrame(1, FrameRecorder::Receive, FrameRecorder::Binary, {},
                                     QByteArray::fromHex("00017fff"));
    QCOMPARE(FrameModel::preview(binary), QStringLiteral("00 01 7f ff"));
    binary.data = QByteArray(1000, '\xab');
    QVERIFY(FrameModel::preview(binary).size() <= FrameModel::PreviewLength);
}

void TestModels::prettyJson_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("expected");

    QTest::newRow("object") << QByteArray(R"({"a":1,"b":[true]})")
                            << QStringLiteral("{\n    \"a\": 1,\n    \"b\": [\n        true\n"
                                              "    ]\n}");
    QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("[\n    1,\n    2\n]");
    QTest::newRow("not JSON") << QByteArray("hello {") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("trailing garbage") << QByteArray("{} x") << QString();
}

void TestModels::prettyJson()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, expected);
    QCOMPARE(FrameModel::prettyJson(payload), expected);

    FrameRecorder recorder;
    const int id = recorder.addConnection({});
    FrameModel model;
    model.setRecorder(&recorder);
    recorder.addFrame(
            makeFrame(id, FrameRecorder::Receive, FrameRecorder::Text, QString::fromUtf8(payload)));
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.prettyJson(0), expected);
    QCOMPARE(model.payloadText(0), QString::fromUtf8(payload));
    QCOMPARE(model.prettyJson(5), QString());
}

void TestModels::hexDumpAndBase64()
{
    QByteArray bytes("0123456789abcdef\x00\xff"
                     "Z",
                     19);
    QCOMPARE(FrameModel::hexDump(bytes),
             QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  "
                            "|0123456789abcdef|\n"
                            "00000010  00 ff 5a                                          "
                            "|..Z|\n"));
    QCOMPARE(FrameModel::hexDump(QByteArray()), QString());

    FrameRecorder recorder;
    const int id = recorder.addConnection({});
    FrameModel model;
    model.setRecorder(&recorder);
    recorder.addFrame(makeFrame(id, FrameRecorder::Receive, FrameRecorder::Binary, {}, bytes));
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.base64(0), QString::fromLatin1(bytes.toBase64()));
    QCOMPARE(model.hexDump(0), FrameModel::hexDump(bytes));
    QCOMPARE(model.index(0).data(FrameModel::IsBinaryRole).toBool(), true);
    QCOMPARE(model.index(0).data(FrameModel::TextRole).toString(), QString());
}

void TestModels::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<int>("direction");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("control");
    QTest::addColumn<QStringList>("expected");

    const auto all = FrameFilterModel::AllDirections;
    const auto any = FrameFilterModel::AllTypes;
    // The frames: see filter() below; each row shows its preview.
    QTest::newRow("no filter") << QString() << false << int(all) << int(any) << true
                               << QStringList {"Hello world",    "hello again", "{\"id\":42}",
                                               "48 45 4c 4c 4f", "1000 bye",    ""};
    QTest::newRow("text, any case")
            << QStringLiteral("HELLO") << false << int(all) << int(any) << true
            << QStringList {"Hello world", "hello again", "48 45 4c 4c 4f"};
    QTest::newRow("close reason") << QStringLiteral("bye") << false << int(all) << int(any) << true
                                  << QStringList {"1000 bye"};
    QTest::newRow("regex") << QStringLiteral("^hello\\s+a") << true << int(all) << int(any) << true
                           << QStringList {"hello again"};
    QTest::newRow("regex special chars as text") << QStringLiteral("\"id\":4") << false << int(all)
                                                 << int(any) << true << QStringList {"{\"id\":42}"};
    QTest::newRow("sent only") << QString() << false << int(FrameFilterModel::SentOnly) << int(any)
                               << true << QStringList {"Hello world", "{\"id\":42}"};
    QTest::newRow("received only")
            << QString() << false << int(FrameFilterModel::ReceivedOnly) << int(any) << true
            << QStringList {"hello again", "48 45 4c 4c 4f", "1000 bye", ""};
    QTest::newRow("text only") << QString() << false << int(all) << int(FrameFilterModel::TextOnly)
                               << true << QStringList {"Hello world", "hello again", "{\"id\":42}"};
    QTest::newRow("binary only") << QString() << false << int(all)
                                 << int(FrameFilterModel::BinaryOnly) << true
                                 << QStringList {"48 45 4c 4c 4f"};
    QTest::newRow("control only") << QString() << false << int(all)
                                  << int(FrameFilterModel::ControlOnly) << true
                                  << QStringList {"1000 bye", ""};
    QTest::newRow("control frames hidden")
            << QString() << false << int(all) << int(any) << false
            << QStringList {"Hello world", "hello again", "{\"id\":42}", "48 45 4c 4c 4f"};
    QTest::newRow("all together") << QStringLiteral("hello") << false
                                  << int(FrameFilterModel::ReceivedOnly)
                                  << int(FrameFilterModel::TextOnly) << false
                                  << QStringList {"hello again"};
}

void TestModels::filter()
{
    QFETCH(QString, text);
    QFETCH(bool, regex);
    QFETCH(int, direction);
    QFETCH(int, type);
    QFETCH(bool, control);
    QFETCH(QStringList, expected);

    FrameRecorder recorder;
    const int id = recorder.addConnection({});
    using R = FrameRecorder;
    recorder.addFrame(makeFrame(id, R::Send, R::Text, QStringLiteral("Hello world")));
    recorder.addFrame(makeFrame(id, R::Receive, R::Text, QStringLiteral("hello again")));
    recorder.addFrame(makeFrame(id, R::Send, R::Text, QStringLiteral("{\"id\":42}")));
    recorder.addFrame(makeFrame(id, R::Receive, R::Binary, {}, QByteArray("HELLO")));
    recorder.addFrame(makeFrame(id, R::Receive, R::Close, QStringLiteral("bye"), {}, 1000));
    recorder.addFrame(makeFrame(id, R::Receive, R::Pong, {}));

    FrameModel frames;
    frames.setRecorder(&recorder);
    QTRY_COMPARE(frames.rowCount(), 6);
    FrameFilterModel filter;
    QAbstractItemModelTester tester(&filter);
    filter.setSourceModel(&frames);
    filter.setFilterIsRegex(regex);
    filter.setFilterText(text);
    filter.setDirectionFilter(FrameFilterModel::DirectionFilter(direction));
    filter.setTypeFilter(FrameFilterModel::TypeFilter(type));
    filter.setShowControlFrames(control);
    QVERIFY(filter.isValid());
    QCOMPARE(column(filter, FrameModel::PreviewRole), expected);
    QCOMPARE(filter.count(), expected.size());
    if (!expected.isEmpty()) {
        // Detail accessors go through the proxy to the right frame.
        const int last = filter.count() - 1;
        QCOMPARE(filter.base64(last), frames.base64(filter.sourceRow(last)));
        QCOMPARE(filter.payloadText(0), frames.payloadText(filter.sourceRow(0)));
    }
    QCOMPARE(filter.sourceRow(expected.size()), -1);
}

void TestModels::invalidRegexMatchesNothing()
{
    FrameRecorder recorder;
    const int id = recorder.addConnection({});
    addTexts(recorder, id, 3, QStringLiteral("(a"));
    FrameModel frames;
    frames.setRecorder(&recorder);
    QTRY_COMPARE(frames.rowCount(), 3);
    FrameFilterModel filter;
    filter.setSourceModel(&frames);
    QSignalSpy valid(&filter, &FrameFilterModel::validChanged);

    filter.setFilterText(QStringLiteral("(a"));
    QCOMPARE(filter.count(), 3); // as plain text it is fine
    filter.setFilterIsRegex(true);
    QCOMPARE(filter.isValid(), false);
    QCOMPARE(valid.size(), 1);
    QVERIFY(!filter.errorString().isEmpty());
    QCOMPARE(filter.count(), 0);
    filter.setFilterText(QStringLiteral("\\(a1"));
    QCOMPARE(filter.isValid(), true);
    QCOMPARE(valid.size(), 2);
    QCOMPARE(filter.errorString(), QString());
    QCOMPARE(column(filter, FrameModel::TextRole), QStringList {QStringLiteral("(a1")});
}

void TestModels::filterFollowsNewFrames()
{
    FrameRecorder recorder;
    recorder.setMaxFrames(10);
    const int id = recorder.addConnection({});
    FrameModel frames;
    frames.setRecorder(&recorder);
    FrameFilterModel filter;
    QAbstractItemModelTester tester(&filter);
    filter.setSourceModel(&frames);
    filter.setFilterText(QStringLiteral("keep"));
    QSignalSpy count(&filter, &FrameFilterModel::countChanged);
    for (int i = 0; i < 8; ++i)
        addText(recorder, id, (i % 2 ? QStringLiteral("keep%1") : QStringLiteral("skip%1")).arg(i));
    QTRY_COMPARE(filter.count(), 4);
    QVERIFY(count.size() >= 1);
    // Dropping the oldest (keep1 goes with skip0..) reaches the filter too.
    addTexts(recorder, id, 4, QStringLiteral("skip-late"));
    QTRY_COMPARE(frames.rowCount(), 10);
    QCOMPARE(column(filter, FrameModel::TextRole),
             QStringList(
                     {QStringLiteral("keep3"), QStringLiteral("keep5"), QStringLiteral("keep7")}));
}

void TestModels::connectionRowsAndBatchedCounters()
{
    FrameRecorder recorder;
    ConnectionModel model;
    QAbstractItemModelTester tester(&model);
    model.setRecorder(&recorder);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    SocketTask live;
    recorder.watch(&live);
    const int offline = recorder.addConnection({});
    QCOMPARE(model.rowCount(), 2); // connections appear at once
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.rowOfTask(live.taskId()), 0);
    QCOMPARE(model.rowOfTask(offline), 1);
    QCOMPARE(model.rowOfTask(-5), -1);

    for (int i = 0; i < 1000; ++i)
        Q_EMIT live.textMessageReceived(QStringLiteral("0123456789"));
    QCOMPARE(changed.size(), 0); // counters come with the batch
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 0);
    QCOMPARE(model.index(0).data(ConnectionModel::FramesReceivedRole).toLongLong(), 1000);
    QCOMPARE(model.index(0).data(ConnectionModel::BytesReceivedRole).toLongLong(), 10000);
    QCOMPARE(reset.size(), 0);

    // State changes are rare: they come at once.
    changed.clear();
    Q_EMIT live.readyStateChanged(SocketTask::Closed);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0).data(ConnectionModel::StateRole).toInt(), int(SocketTask::Closed));

    recorder.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::connectionRolesAndDetails()
{
    FrameRecorder recorder;
    RecordedConnection c;
    c.url = QUrl(QStringLiteral("wss://echo.test/chat?x=1"));
    c.state = SocketTask::Closed;
    c.protocol = QStringLiteral("chat");
    c.createdAtUs = 1772658000000000;
    c.openedAtUs = 1772658000250000;
    c.closedAtUs = 1772658010250000;
    c.closeCode = 4000;
    c.closeReason = QStringLiteral("bye");
    c.closeDirection = FrameRecorder::Send;
    c.lastError = QStringLiteral("boom");
    c.requestHeaders = {{"X-Test", "1"}};
    c.response.statusCode = 101;
    c.response.reasonPhrase = "Switching Protocols";
    c.response.headers = {{"Upgrade", "websocket"}, {"Sec-WebSocket-Protocol", "chat"}};
    c.profile = {1772658000000, 1772658000100, 1772658000200, 1772658000250};
    const int id = recorder.addConnection(c);
    recorder.addFrame(
            makeFrame(id, FrameRecorder::Send, FrameRecorder::Text, QStringLiteral("hi")));

    ConnectionModel model;
    model.setRecorder(&recorder);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex row = model.index(0);
    QCOMPARE(row.data(ConnectionModel::TaskIdRole).toInt(), id);
    QCOMPARE(row.data(ConnectionModel::UrlRole).toUrl(), c.url);
    QCOMPARE(row.data(ConnectionModel::StateNameRole).toString(), QStringLiteral("Closed"));
    QCOMPARE(row.data(ConnectionModel::ProtocolRole).toString(), QStringLiteral("chat"));
    QCOMPARE(row.data(ConnectionModel::OpenedAtRole).toDateTime().toMSecsSinceEpoch(),
             1772658000250);
    QCOMPARE(row.data(ConnectionModel::DurationRole).toLongLong(), 10000);
    QCOMPARE(row.data(ConnectionModel::FramesSentRole).toLongLong(), 1);
    QCOMPARE(row.data(ConnectionModel::CloseCodeRole).toInt(), 4000);
    QCOMPARE(row.data(ConnectionModel::CloseReasonRole).toString(), QStringLiteral("bye"));
    QCOMPARE(row.data(ConnectionModel::LastErrorRole).toString(), QStringLiteral("boom"));
    QCOMPARE(row.data(ConnectionModel::StatusCodeRole).toInt(), 101);
    QCOMPARE(row.data(ConnectionModel::OfflineRole).toBool(), true);

    const QVariantMap details = model.details(0);
    QCOMPARE(details.value(QStringLiteral("closeCode")).toInt(), 4000);
    const QVariantList response = details.value(QStringLiteral("responseHeaders")).toList();
    QCOMPARE(response.size(), 2);
    QCOMPARE(response.at(1).toMap().value(QStringLiteral("name")).toString(),
             QStringLiteral("Sec-WebSocket-Protocol"));
    QCOMPARE(details.value(QStringLiteral("requestHeaders")).toList().size(), 1);
    QCOMPARE(details.value(QStringLiteral("profile"))
                     .toMap()
                     .value(QStringLiteral("tlsDone"))
                     .toLongLong(),
             1772658000200);
    QVERIFY(model.details(3).isEmpty());

    // A closed connection's chart ends where it closed.
    const QVariantList rates = model.rates(0, 5);
    QCOMPARE(rates.size(), 5);
    QCOMPARE(rates.last().toMap().value(QStringLiteral("time")).toLongLong(), 1772658010000);
}

void TestModels::stateNamesAreTranslatable()
{
    QCOMPARE(ConnectionModel::stateName(SocketTask::Connecting), QStringLiteral("Connecting"));
    QCOMPARE(ConnectionModel::stateName(SocketTask::Open), QStringLiteral("Open"));
    QCOMPARE(ConnectionModel::stateName(SocketTask::Closing), QStringLiteral("Closing"));
    QCOMPARE(ConnectionModel::stateName(SocketTask::Closed), QStringLiteral("Closed"));
    QCOMPARE(ConnectionModel::stateName(7), QString());
    QCOMPARE(FrameModel::typeName(FrameRecorder::Pong), QStringLiteral("Pong"));
    QCOMPARE(FrameModel::directionName(FrameRecorder::Receive), QStringLiteral("Received"));
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
