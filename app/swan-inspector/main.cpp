// swan-inspector: watch WebSocket connections and their frames live — a mini-program script's,
// the composer's, or a HAR file's. With no arguments it runs its own demo: a local wss echo
// server and the API's examples, so there is something to see at once.
#include "inspector.h"
#include "inspectorsettings.h"
#include "screenshotter.h"

#include <SwanSocket/framerecorder.h>

#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QUrl>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(SwanInspectorPlugin)
Q_IMPORT_QML_PLUGIN(SwanInspector_UiPlugin)

namespace {

enum ExitCode { Done = 0, Failed = 1, BadUsage = 2 };

[[noreturn]] void usageError(const QString &message)
{
    const QByteArray text = QStringLiteral("swan-inspector: %1\nTry 'swan-inspector --help' for "
                                           "more information.\n")
                                    .arg(message)
                                    .toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::exit(BadUsage);
}

struct Options
{
    QString harFile;
    QString script;
    QString screenshot;
    int quitAfterMs = -1;
    QString language;
    bool demo = true;
};

Options parseArguments(const QGuiApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Shows WebSocket connections and frames live. Without arguments it runs a demo "
            "against a local wss echo server."));
    parser.addPositionalArgument(QStringLiteral("FILE.har"),
                                 QStringLiteral("A HAR file to browse offline."),
                                 QStringLiteral("[FILE.har]"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("Run this mini-program script."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the window as a PNG file and quit "
                                                       "(after --quit-after, default 3000 ms)."),
                                        QStringLiteral("FILE.png"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                       QStringLiteral("Quit after MS milliseconds."),
                                       QStringLiteral("MS"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("UI language for this run: zh_CN or en."),
                                  QStringLiteral("zh_CN|en"));
    const QCommandLineOption noDemo(QStringLiteral("no-demo"),
                                    QStringLiteral("Start empty, without the demo."));
    parser.addOptions({run, screenshot, quitAfter, lang, noDemo});
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    if (!parser.parse(app.arguments()))
        usageError(parser.errorText());
    if (parser.isSet(help))
        parser.showHelp(Done);
    if (parser.isSet(version))
        parser.showVersion();

    Options options;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        usageError(QStringLiteral("one HAR file at a time"));
    if (!positional.isEmpty()) {
        options.harFile = positional.constFirst();
        if (!QFileInfo(options.harFile).isFile())
            usageError(QStringLiteral("cannot read %1").arg(options.harFile));
    }
    options.script = parser.value(run);
    if (!options.script.isEmpty() && !QFileInfo(options.script).isFile())
        usageError(QStringLiteral("cannot read script %1").arg(options.script));
    options.screenshot = parser.value(screenshot);
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        options.quitAfterMs = parser.value(quitAfter).toInt(&ok);
        if (!ok || options.quitAfterMs < 0)
            usageError(QStringLiteral("bad --quit-after %1: expected milliseconds")
                               .arg(parser.value(quitAfter)));
    } else if (!options.screenshot.isEmpty()) {
        options.quitAfterMs = 3000;
    }
    if (parser.isSet(lang)) {
        options.language = parser.value(lang);
        if (options.language != QLatin1String("zh_CN") && options.language != QLatin1String("en"))
            usageError(QStringLiteral("bad --lang %1: expected zh_CN or en").arg(options.language));
    }
    // The demo is the default only when nothing else was asked for.
    options.demo = !parser.isSet(noDemo) && options.harFile.isEmpty() && options.script.isEmpty();
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("SwanSocket"));
    QGuiApplication::setApplicationName(QStringLiteral("swan-inspector"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("SwanSocket Inspector"));
    QGuiApplication::setApplicationVersion(QStringLiteral(SWANSOCKET_VERSION));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    const Options options = parseArguments(app);
    const bool throwAway = options.quitAfterMs >= 0;

    Inspector inspector(nullptr);
    // A timed run (tests, screenshots) neither reads nor writes the user's settings.
    inspector.settings()->setPersistent(!throwAway);
    if (!throwAway)
        inspector.settings()->load();
    inspector.applyLanguage(options.language.isEmpty() ? inspector.settings()->language()
                                                       : options.language,
                            false);

    QQmlApplicationEngine engine;
    inspector.setEngine(&engine);
    // Qt 6.4: modules built into the binary sit under qrc:/, which 6.4 does not search by
    // itself (6.5 searches qrc:/qt/qml). Delete with the move to Qt 6.5.
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/SwanInspector/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return Failed;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());

    if (!options.harFile.isEmpty())
        inspector.openHar(QUrl::fromLocalFile(QFileInfo(options.harFile).absoluteFilePath()));
    if (!options.script.isEmpty())
        inspector.runScript(QUrl::fromLocalFile(QFileInfo(options.script).absoluteFilePath()));
    if (options.demo)
        inspector.startDemo();

    if (options.quitAfterMs >= 0) {
        new Screenshotter(
                window, options.screenshot, options.quitAfterMs,
                [&inspector] {
                    const SwanSocket::FrameRecorder *recorder = inspector.recorder();
                    return QStringLiteral("language %1, connections %2, frames %3")
                            .arg(inspector.language())
                            .arg(recorder->connectionCount())
                            .arg(recorder->frameCount());
                },
                &app);
    }
    return app.exec();
}
