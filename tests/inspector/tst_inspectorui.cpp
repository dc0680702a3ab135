// The inspector's window, driven through its models the way a user drives it with the mouse:
// the demo fills it, a JSON frame opens as a tree, the handshake shows real response headers,
// the composer sends into a task a script created and opens, uses and closes its own, a HAR
// export comes back as offline connections, and the language switches while it runs.
// Each state is saved as ui-*.png next to the test, for people to look at.
#include "composer.h"
#include "consolemodel.h"
#include "framedetail.h"
#include "inspector.h"
#include "inspectorsettings.h"
#include "jsontreemodel.h"

#include <SwanSocket/connectionmodel.h>
#include <SwanSocket/framefiltermodel.h>
#include <SwanSocket/framemodel.h>
#include <SwanSocket/framerecorder.h>

#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

Q_IMPORT_QML_PLUGIN(SwanInspectorPlugin)
Q_IMPORT_QML_PLUGIN(SwanInspector_UiPlugin)

using namespace SwanSocket;

class tst_InspectorUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void demoShowsConnectionsAndFrames();
    void jsonFrameOpensAsTree();
    void binaryFrameOpensAsHex();
    void handshakeShowsResponseHeaders();
    void composerSendsIntoScriptTask();
    void composerConnectsSendsBinaryAndCloses();
    void composerRefusesBadInput();
    void framesStickToTheBottomUnlessScrolled();
    void harExportComesBackOffline();
    void settingsShowWhatTheDemoAdded();
    void developmentSwitchIsShownLoudly();
    void languageSwitchesAtRuntime();
    void stopEndsScriptsAndClosesTheirTasks();
    void cleanupTestCase();

private:
    QObject *item(const char *objectName) const;
    int findFrame(const std::function<bool(const QModelIndex &)> &matches) const;
    int taskIdOfScript(const QString &scriptName) const;
    void selectFrame(int row);
    void save(const QString &name);
    QStringList visibleTexts() const;

    std::unique_ptr<Inspector> m_inspector;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QTemporaryDir m_files;
};

QObject *tst_InspectorUi::item(const char *objectName) const
{
    return m_window->findChild<QObject *>(QLatin1String(objectName));
}

int tst_InspectorUi::findFrame(const std::function<bool(const QModelIndex &)> &matches) const
{
    const FrameFilterModel *frames = m_inspector->frames();
    for (int row = frames->rowCount() - 1; row >= 0; --row) {
        if (matches(frames->index(row, 0)))
            return row;
    }
    return -1;
}

int tst_InspectorUi::taskIdOfScript(const QString &scriptName) const
{
    const ConnectionModel *connections = m_inspector->connections();
    for (int row = 0; row < connections->rowCount(); ++row) {
        const int taskId = connections->index(row).data(ConnectionModel::TaskIdRole).toInt();
        if (m_inspector->taskOrigin(taskId) == scriptName)
            return taskId;
    }
    return -1;
}

void tst_InspectorUi::selectFrame(int row)
{
    QObject *table = item("frameTable");
    QVERIFY(table);
    QVERIFY(table->setProperty("currentIndex", row));
}

void tst_InspectorUi::save(const QString &name)
{
    // Deliver pending binding updates; grabWindow() then renders the scene synchronously.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    const QImage image = m_window->grabWindow();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QStringLiteral("ui-%1.png").arg(name)));
}

QStringList tst_InspectorUi::visibleTexts() const
{
    // The visual tree, popups (the overlay's children) included, as far as it is visible.
    QStringList texts;
    std::function<void(const QQuickItem *)> collect = [&](const QQuickItem *quickItem) {
        if (!quickItem->isVisible())
            return;
        const QVariant text = quickItem->property("text");
        if (text.isValid())
            texts.append(text.toString());
        for (const QQuickItem *child : quickItem->childItems())
            collect(child);
    };
    collect(m_window->contentItem());
    return texts;
}

void tst_InspectorUi::initTestCase()
{
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    m_inspector = std::make_unique<Inspector>(nullptr);
    m_inspector->settings()->setPersistent(false);
    m_inspector->applyLanguage(QStringLiteral("en"), false);
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_inspector->setEngine(m_engine.get());
    m_engine->addImportPath(QStringLiteral("qrc:/"));
    QSignalSpy warnings(m_engine.get(), &QQmlEngine::warnings);
    m_engine->load(QUrl(QStringLiteral("qrc:/SwanInspector/Ui/Main.qml")));
    QCOMPARE(m_engine->rootObjects().size(), 1);
    m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QCOMPARE(warnings.count(), 0);
    QVERIFY(m_inspector->startDemo());
}

void tst_InspectorUi::init()
{
    // Any warning from the QML (a binding that failed, a layout loop) fails the test.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("^qrc:/")));
}

void tst_InspectorUi::demoShowsConnectionsAndFrames()
{
    // Seven API examples and the chat (its allow-list refusal makes one more, never opened).
    QTRY_VERIFY_WITH_TIMEOUT(m_inspector->connections()->rowCount() >= 8, 10000);
    QVERIFY(m_inspector->isDemoRunning());
    // The chat ticks every second: text out and back, binary every third tick.
    QTRY_VERIFY_WITH_TIMEOUT(
            findFrame([](const QModelIndex &frame) {
                return frame.data(FrameModel::TypeRole).toInt() == FrameRecorder::Binary
                        && frame.data(FrameModel::DirectionRole).toInt() == FrameRecorder::Receive;
            }) >= 0,
            10000);
    QVERIFY(taskIdOfScript(QStringLiteral("chat.js")) > 0);
    QVERIFY(taskIdOfScript(QStringLiteral("06-close.js")) > 0);
    // 05-on-message.js prints what the server echoed.
    const ConsoleModel *console = m_inspector->console();
    QTRY_VERIFY_WITH_TIMEOUT(
            console->toPlainText().contains(QStringLiteral("收到服务器内容： baidu")), 5000);
    QVERIFY(console->toPlainText().contains(QStringLiteral("WebSocket 已关闭！")));
    save(QStringLiteral("demo"));
}

void tst_InspectorUi::jsonFrameOpensAsTree()
{
    const int row = findFrame([](const QModelIndex &frame) {
        return frame.data(FrameModel::TextRole)
                .toString()
                .startsWith(QLatin1String("{\"type\":\"chat\""));
    });
    QVERIFY(row >= 0);
    selectFrame(row);
    auto *detail = m_window->findChild<FrameDetail *>();
    QVERIFY(detail);
    QTRY_VERIFY(detail->isJson());
    QCOMPARE(detail->type(), int(FrameRecorder::Text));
    auto *payloadTabs = item("payloadTabs");
    QVERIFY(payloadTabs);
    QTRY_COMPARE(payloadTabs->property("currentIndex").toInt(), 1); // the JSON view
    auto *tree = m_window->findChild<JsonTreeModel *>();
    QVERIFY(tree);
    QTRY_VERIFY(tree->rowCount() > 4); // root + type, seq, from, text, sentAt
    const int before = tree->rowCount();
    tree->toggle(0);
    QCOMPARE(tree->rowCount(), 1);
    tree->toggle(0);
    QCOMPARE(tree->rowCount(), before);
    save(QStringLiteral("json"));
}

void tst_InspectorUi::binaryFrameOpensAsHex()
{
    const int row = findFrame([](const QModelIndex &frame) {
        return frame.data(FrameModel::TypeRole).toInt() == FrameRecorder::Binary;
    });
    QVERIFY(row >= 0);
    selectFrame(row);
    auto *detail = m_window->findChild<FrameDetail *>();
    QTRY_VERIFY(detail->isBinary());
    QVERIFY(detail->hexDump().contains(QLatin1String("53 57 41 4e")));
    QVERIFY(detail->hexDump().contains(QLatin1String("|SWAN")));
    QVERIFY(detail->base64().startsWith(QLatin1String("U1dBTg")));
    QTRY_COMPARE(item("payloadTabs")->property("currentIndex").toInt(), 2); // the hex view
    save(QStringLiteral("binary"));
}

void tst_InspectorUi::handshakeShowsResponseHeaders()
{
    const int chat = taskIdOfScript(QStringLiteral("chat.js"));
    m_inspector->setSelectedTaskId(chat);
    QCOMPARE(m_inspector->frameModel()->taskId(), chat);
    const QVariantMap details = m_inspector->connectionDetails(chat);
    QCOMPARE(details.value(QStringLiteral("statusCode")).toInt(), 101);
    QCOMPARE(details.value(QStringLiteral("protocol")).toString(), QStringLiteral("chat.v1"));
    bool upgrade = false;
    for (const QVariant &header : details.value(QStringLiteral("responseHeaders")).toList())
        upgrade |= header.toMap()
                           .value(QStringLiteral("name"))
                           .toString()
                           .compare(QLatin1String("Upgrade"), Qt::CaseInsensitive)
                == 0;
    QVERIFY(upgrade);
    // The offered subprotocol, what chat.js passed to connectSocket and the fixed Referer, as
    // SocketTask::requestHeaders() reports them (wire order).
    const QVariantList request = details.value(QStringLiteral("requestHeaders")).toList();
    QStringList names;
    for (const QVariant &header : request)
        names.append(header.toMap().value(QStringLiteral("name")).toString());
    QCOMPARE(names,
             QStringList({QStringLiteral("Sec-WebSocket-Protocol"), QStringLiteral("X-Demo-Client"),
                          QStringLiteral("Referer")}));
    QVERIFY(item("detailTabs")->setProperty("currentIndex", 1));
    QTRY_VERIFY2(visibleTexts().contains(QStringLiteral("chat.v1")),
                 qPrintable(visibleTexts().join(QLatin1Char('|'))));
    save(QStringLiteral("handshake"));
}

void tst_InspectorUi::composerSendsIntoScriptTask()
{
    const int chat = taskIdOfScript(QStringLiteral("chat.js"));
    Composer *composer = m_inspector->composer();
    QVERIFY(composer->send(chat, QStringLiteral("{\"type\":\"composer\",\"text\":\"hi\"}"),
                           Composer::Text));
    QTRY_COMPARE(composer->status(), QStringLiteral("#%1 sendSocketMessage:ok").arg(chat));
    QVERIFY(!composer->statusIsError());
    QTRY_VERIFY(findFrame([](const QModelIndex &frame) {
                    return frame.data(FrameModel::DirectionRole).toInt() == FrameRecorder::Receive
                            && frame.data(FrameModel::TextRole)
                                       .toString()
                                       .contains(QLatin1String("\"composer\""));
                })
                >= 0);
}

void tst_InspectorUi::composerConnectsSendsBinaryAndCloses()
{
    Composer *composer = m_inspector->composer();
    const int taskId
            = composer->connectTo(QStringLiteral("wss://example.baidu.com/composer"),
                                  QStringLiteral("X-Trace: 42"), QStringLiteral("chat.v1"));
    QVERIFY(taskId > 0);
    QVERIFY(m_inspector->taskOrigin(taskId).isEmpty());
    const ConnectionModel *connections = m_inspector->connections();
    const auto state = [&] {
        return connections->index(connections->rowOfTask(taskId))
                .data(ConnectionModel::StateRole)
                .toInt();
    };
    QTRY_COMPARE_WITH_TIMEOUT(state(), int(SocketTask::Open), 5000);
    const QVariantList request = m_inspector->connectionDetails(taskId)
                                         .value(QStringLiteral("requestHeaders"))
                                         .toList();
    QVERIFY(request.contains(QVariantMap {{QStringLiteral("name"), QStringLiteral("X-Trace")},
                                          {QStringLiteral("value"), QStringLiteral("42")}}));

    m_inspector->setSelectedTaskId(taskId);
    QVERIFY(composer->send(taskId, QStringLiteral("73 77 61 6e"), Composer::Hex));
    QVERIFY(composer->send(taskId, QStringLiteral("c3dhbg=="), Composer::Base64));
    QTRY_COMPARE(m_inspector->frames()->rowCount(), 4); // two out, two echoes
    for (int row = 0; row < 4; ++row) {
        const QModelIndex frame = m_inspector->frames()->index(row, 0);
        QCOMPARE(frame.data(FrameModel::TypeRole).toInt(), int(FrameRecorder::Binary));
        QCOMPARE(m_inspector->frames()->base64(row), QStringLiteral("c3dhbg=="));
    }
    QVERIFY(item("bottomTabs")->setProperty("currentIndex", 1));
    save(QStringLiteral("composer"));

    QVERIFY(composer->close(taskId, 4000, QStringLiteral("done here")));
    QTRY_COMPARE_WITH_TIMEOUT(state(), int(SocketTask::Closed), 5000);
    const QModelIndex closed = connections->index(connections->rowOfTask(taskId));
    QCOMPARE(closed.data(ConnectionModel::CloseCodeRole).toInt(), 4000);
    QCOMPARE(closed.data(ConnectionModel::CloseReasonRole).toString(), QStringLiteral("done here"));
}

void tst_InspectorUi::composerRefusesBadInput()
{
    Composer *composer = m_inspector->composer();
    QCOMPARE(composer->payloadSize(QStringLiteral("0x73 0x77"), Composer::Hex), 2);
    QCOMPARE(composer->payloadSize(QStringLiteral("737"), Composer::Hex), -1);
    QCOMPARE(composer->payloadSize(QStringLiteral("zz"), Composer::Hex), -1);
    QCOMPARE(composer->payloadSize(QStringLiteral("c3dh bg=="), Composer::Base64), 4);
    QCOMPARE(composer->payloadSize(QStringLiteral("c3d*"), Composer::Base64), -1);
    QCOMPARE(composer->payloadSize(QStringLiteral("你好"), Composer::Text), 6);
    // A lone surrogate is counted as the U+FFFD it is sent as (SocketTask::encodeText).
    QCOMPARE(composer->payloadSize(QString(QChar(0xD800)), Composer::Text), 3);
    QVERIFY(!composer->checkHeaders(QStringLiteral("X-Ok: 1\nnot a header")).isEmpty());
    QVERIFY(composer->checkHeaders(QStringLiteral("X-Ok: 1\n\nX-Also: 2")).isEmpty());

    // Off the allow-list: refused by the API with its own words, nothing opens.
    QVERIFY(composer->connectTo(QStringLiteral("wss://elsewhere.example/"), {}, {}) > 0);
    QTRY_VERIFY(composer->statusIsError());
    QVERIFY(composer->status().contains(QLatin1String("connectSocket:fail")));
    // A header the API forbids.
    QVERIFY(composer->connectTo(QStringLiteral("wss://example.baidu.com/"),
                                QStringLiteral("Referer: me"), {})
            > 0);
    QTRY_VERIFY(composer->status().contains(QLatin1String("Referer")));
}

void tst_InspectorUi::framesStickToTheBottomUnlessScrolled()
{
    m_inspector->setSelectedTaskId(-1);
    auto *table = qobject_cast<QQuickItem *>(item("frameTable"));
    QVERIFY(table);
    QVERIFY(table->setProperty("currentIndex", -1));
    // Enough frames to scroll: the chat adds two or three a second.
    QTRY_VERIFY_WITH_TIMEOUT(table->property("contentHeight").toReal() > 2 * table->height(),
                             20000);
    const int before = m_inspector->frames()->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(m_inspector->frames()->rowCount() > before, 5000);
    QTRY_VERIFY(table->property("atYEnd").toBool());

    // The user scrolls up: the list stays where it was while frames keep coming.
    const QPoint middle(int(table->width() / 2), int(table->height() / 2));
    const QPointF at = table->mapToScene(middle);
    QWheelEvent wheel(at, m_window->mapToGlobal(at), QPoint(), QPoint(0, 1200), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(m_window, &wheel);
    QTRY_VERIFY(!table->property("followsLatest").toBool());
    QTRY_VERIFY(!table->property("moving").toBool()); // a wheel flick slows down first
    QVERIFY(!table->property("followsLatest").toBool());
    QVERIFY2(!table->property("atYEnd").toBool(),
             qPrintable(QStringLiteral("contentY %1 height %2 contentHeight %3")
                                .arg(table->property("contentY").toReal())
                                .arg(table->height())
                                .arg(table->property("contentHeight").toReal())));
    const qreal scrolledTo = table->property("contentY").toReal();
    const int rows = m_inspector->frames()->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(m_inspector->frames()->rowCount() > rows, 5000);
    // Run whatever the view queued for the new rows (a follow-latest, if it were wrong).
    QTRY_COMPARE(table->property("count").toInt(), m_inspector->frames()->rowCount());
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(table->property("contentY").toReal(), scrolledTo);
    save(QStringLiteral("scrolled"));

    // "Jump to latest" sticks to the bottom again.
    QVERIFY(QMetaObject::invokeMethod(table, "jumpToLatest"));
    QVERIFY(table->property("atYEnd").toBool());
    const int more = m_inspector->frames()->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(m_inspector->frames()->rowCount() > more, 5000);
    QTRY_VERIFY(table->property("atYEnd").toBool());
}

void tst_InspectorUi::harExportComesBackOffline()
{
    const QString file = m_files.filePath(QStringLiteral("session.har"));
    const int connectionsBefore = m_inspector->recorder()->connectionCount();
    QVERIFY(m_inspector->saveHar(QUrl::fromLocalFile(file), false));
    QVERIFY(QFileInfo(file).size() > 0);
    QVERIFY(m_inspector->openHar(QUrl::fromLocalFile(file)));
    QCOMPARE(m_inspector->harFile(), QStringLiteral("session.har"));
    QCOMPARE(m_inspector->recorder()->connectionCount(), 2 * connectionsBefore);
    const ConnectionModel *connections = m_inspector->connections();
    const QModelIndex last = connections->index(connections->rowCount() - 1);
    QVERIFY(last.data(ConnectionModel::OfflineRole).toBool());
    QCOMPARE(m_inspector->taskOrigin(last.data(ConnectionModel::TaskIdRole).toInt()),
             QStringLiteral("session.har"));
    m_inspector->setSelectedTaskId(-1);
    save(QStringLiteral("har"));
}

void tst_InspectorUi::settingsShowWhatTheDemoAdded()
{
    QObject *loader = item("settingsLoader");
    QVERIFY(loader);
    QVERIFY(loader->setProperty("active", true));
    // The demo's allow-list entry and redirection apply for this session, marked as such.
    QTRY_VERIFY(visibleTexts().contains(QStringLiteral("this session")));
    QVERIFY(visibleTexts().contains(QStringLiteral("example.baidu.com")));
    save(QStringLiteral("settings"));
    QVERIFY(loader->setProperty("active", false));
}

void tst_InspectorUi::developmentSwitchIsShownLoudly()
{
    InspectorSettings *settings = m_inspector->settings();
    settings->setDevelopmentMode(true);
    QTRY_VERIFY(visibleTexts().contains(QStringLiteral("DEVELOPMENT SWITCH ON")));
    QVERIFY(visibleTexts().contains(QStringLiteral("Turn off")));
    save(QStringLiteral("development"));
    settings->setDevelopmentMode(false);
    QTRY_VERIFY(!visibleTexts().contains(QStringLiteral("DEVELOPMENT SWITCH ON")));
}

void tst_InspectorUi::languageSwitchesAtRuntime()
{
    QVERIFY(item("detailTabs")->setProperty("currentIndex", 0));
    QVERIFY(visibleTexts().contains(QStringLiteral("Connections")));
    m_inspector->setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(m_inspector->language(), QStringLiteral("zh_CN"));
    QTRY_VERIFY(visibleTexts().contains(QStringLiteral("连接")));
    QVERIFY(!visibleTexts().contains(QStringLiteral("Connections")));
    save(QStringLiteral("zh_CN"));
    m_inspector->setLanguage(QStringLiteral("en"));
    QTRY_VERIFY2(visibleTexts().contains(QStringLiteral("Connections")),
                 qPrintable(visibleTexts().join(QLatin1Char('|'))));
}

void tst_InspectorUi::stopEndsScriptsAndClosesTheirTasks()
{
    const int chat = taskIdOfScript(QStringLiteral("chat.js"));
    QVERIFY(!m_inspector->runningScripts().isEmpty());
    m_inspector->stopScripts();
    QVERIFY(m_inspector->runningScripts().isEmpty());
    const ConnectionModel *connections = m_inspector->connections();
    const QModelIndex row = connections->index(connections->rowOfTask(chat));
    QTRY_COMPARE_WITH_TIMEOUT(row.data(ConnectionModel::StateRole).toInt(), int(SocketTask::Closed),
                              5000);
    QCOMPARE(row.data(ConnectionModel::CloseCodeRole).toInt(), 1000);
    const auto allClosed = [connections] {
        for (int i = 0; i < connections->rowCount(); ++i) {
            if (connections->index(i).data(ConnectionModel::StateRole).toInt() != SocketTask::Closed
                && !connections->index(i).data(ConnectionModel::OfflineRole).toBool())
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allClosed(), 5000);
    // The chat's timer is gone with its engine: no frame follows the closes.
    const int frames = m_inspector->recorder()->frameCount();
    QTest::qWait(1500);
    QCOMPARE(m_inspector->recorder()->frameCount(), frames);
}

void tst_InspectorUi::cleanupTestCase()
{
    m_engine.reset();
    m_inspector.reset();
}

QTEST_MAIN(tst_InspectorUi)
#include "tst_inspectorui.moc"
