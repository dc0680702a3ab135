// The settings pane's model: what the user sets is checked, applied to the SimulatorSettings
// every connection uses, and remembered with QSettings; what a session adds (the demo's
// allow-list entry, redirection and CA) applies but is never stored.
#include "inspectorsettings.h"

#include <SwanSocket/simulatorsettings.h>

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace SwanSocket;

class tst_InspectorSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void checksWhatItTakes_data();
    void checksWhatItTakes();
    void appliesAndRemembers();
    void sessionAdditionsAreNotStored();
    void throwAwayRunsStoreNothing();
};

void tst_InspectorSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SwanSocketTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_inspectorsettings"));
}

void tst_InspectorSettings::init() { QSettings().clear(); }

void tst_InspectorSettings::checksWhatItTakes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("domain") << "domain"
                            << "example.baidu.com" << true;
    QTest::newRow("domain with scheme") << "domain"
                                        << "wss://Example.Baidu.com" << true;
    QTest::newRow("idn domain") << "domain" << QStringLiteral("例子.cn") << true;
    QTest::newRow("empty domain") << "domain"
                                  << "  " << false;
    QTest::newRow("domain with a space") << "domain"
                                         << "exa mple.com" << false;
    QTest::newRow("connect-to") << "connectTo"
                                << "example.baidu.com:443:127.0.0.1:8443" << true;
    QTest::newRow("connect-to any host") << "connectTo"
                                         << ":443:127.0.0.1:" << true;
    QTest::newRow("connect-to half") << "connectTo"
                                     << "example.baidu.com:443" << false;
    QTest::newRow("version") << "baseVersion"
                             << "1.9.4" << true;
    QTest::newRow("newest version") << "baseVersion"
                                    << "" << true;
    QTest::newRow("short version") << "baseVersion"
                                   << "1.9" << false;
    QTest::newRow("CA that is no file") << "ca"
                                        << "/nonexistent/ca.pem" << false;
}

void tst_InspectorSettings::checksWhatItTakes()
{
    QFETCH(QString, kind);
    QFETCH(QString, input);
    QFETCH(bool, accepted);
    SimulatorSettings simulator;
    InspectorSettings settings(&simulator);
    settings.setPersistent(false);
    QString error;
    if (kind == QLatin1String("domain"))
        error = settings.addAllowedDomain(input);
    else if (kind == QLatin1String("connectTo"))
        error = settings.addConnectTo(input);
    else if (kind == QLatin1String("baseVersion"))
        error = settings.setBaseVersion(input);
    else
        error = settings.addCaCertificateFile(QUrl::fromLocalFile(input));
    QCOMPARE(error.isEmpty(), accepted);
}

void tst_InspectorSettings::appliesAndRemembers()
{
    {
        SimulatorSettings simulator;
        InspectorSettings settings(&simulator);
        settings.load();
        QCOMPARE(settings.addAllowedDomain(QStringLiteral("example.baidu.com")), QString());
        QVERIFY(!settings.addAllowedDomain(QStringLiteral("EXAMPLE.baidu.com")).isEmpty());
        QCOMPARE(settings.addConnectTo(QStringLiteral("example.baidu.com:443:127.0.0.1:8443")),
                 QString());
        QCOMPARE(settings.setBaseVersion(QStringLiteral("1.9.3")), QString());
        settings.setMaxTasks(3);
        settings.setPlatform(QStringLiteral("android"));
        settings.setAppKey(QStringLiteral("  myAppKey "));
        settings.setDevelopmentMode(true);
        settings.setLanguage(QStringLiteral("zh_CN"));
        // Applied at once.
        QCOMPARE(simulator.allowedDomains(), QStringList {QStringLiteral("example.baidu.com")});
        QCOMPARE(simulator.connectTo().size(), 1);
        QVERIFY(simulator.singleConnectionMode());
        QCOMPARE(simulator.maxTasks(), 3);
        QCOMPARE(simulator.platformName(), QStringLiteral("android"));
        QCOMPARE(simulator.appKey(), QStringLiteral("myAppKey"));
        QVERIFY(simulator.developmentMode());
        QVERIFY(settings.referer().contains(QLatin1String("myAppKey")));
    }
    SimulatorSettings simulator;
    InspectorSettings settings(&simulator);
    settings.load();
    QCOMPARE(settings.allowedDomains(), QStringList {QStringLiteral("example.baidu.com")});
    QCOMPARE(settings.baseVersion(), QStringLiteral("1.9.3"));
    QCOMPARE(settings.maxTasks(), 3);
    QCOMPARE(settings.platform(), QStringLiteral("android"));
    QCOMPARE(settings.appKey(), QStringLiteral("myAppKey"));
    QVERIFY(settings.developmentMode());
    QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
    QCOMPARE(simulator.maxTasks(), 3);
    QVERIFY(simulator.developmentMode());

    settings.removeAllowedDomain(0);
    settings.removeConnectTo(0);
    QVERIFY(simulator.allowedDomains().isEmpty());
    QVERIFY(simulator.connectTo().isEmpty());
}

void tst_InspectorSettings::sessionAdditionsAreNotStored()
{
    {
        SimulatorSettings simulator;
        InspectorSettings settings(&simulator);
        settings.load();
        settings.addAllowedDomain(QStringLiteral("mine.example.com"));
        settings.addSessionAllowedDomain(QStringLiteral("example.baidu.com"));
        settings.addSessionConnectTo(QStringLiteral("example.baidu.com:443:127.0.0.1:9"));
        QCOMPARE(simulator.allowedDomains(),
                 QStringList({QStringLiteral("mine.example.com"),
                              QStringLiteral("example.baidu.com")}));
        QCOMPARE(simulator.connectTo().size(), 1);
        // A later change of the user's list keeps the session's entries applied.
        settings.setMaxTasks(7);
        QCOMPARE(simulator.allowedDomains().size(), 2);
    }
    SimulatorSettings simulator;
    InspectorSettings settings(&simulator);
    settings.load();
    QCOMPARE(settings.allowedDomains(), QStringList {QStringLiteral("mine.example.com")});
    QVERIFY(settings.sessionAllowedDomains().isEmpty());
    QVERIFY(simulator.connectTo().isEmpty());
}

void tst_InspectorSettings::throwAwayRunsStoreNothing()
{
    {
        SimulatorSettings simulator;
        InspectorSettings settings(&simulator);
        settings.setPersistent(false);
        settings.addAllowedDomain(QStringLiteral("example.baidu.com"));
        settings.setLanguage(QStringLiteral("en"));
    }
    QVERIFY(QSettings().allKeys().isEmpty());
}

QTEST_GUILESS_MAIN(tst_InspectorSettings)
#include "tst_inspectorsettings.moc"
