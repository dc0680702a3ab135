// swan-run: runs a mini-program script headless against real servers, with every simulator
// setting as a flag. Exit status: 0 when nothing is left to do, 124 when --timeout ran out,
// 1 when the script threw while loading, 2 for bad usage.
#include <SwanSocket/framelogwriter.h>
#include <SwanSocket/jshost.h>
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>
#include <SwanSocket/validation.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <QRegularExpression>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>

using namespace SwanSocket;

namespace {

/// The context of swan-run's user-visible strings, for lupdate.
struct SwanRun
{
    Q_DECLARE_TR_FUNCTIONS(SwanRun)
};

enum ExitCode { Done = 0, ScriptFailed = 1, BadUsage = 2, TimedOut = 124 };

void printLine(std::FILE *stream, const QString &text)
{
    const QByteArray line = text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stream);
    std::fflush(stream);
}

[[noreturn]] void usageError(const QString &message)
{
    printLine(stderr, QStringLiteral("swan-run: %1").arg(message));
    printLine(stderr, SwanRun::tr("Try 'swan-run --help' for more information."));
    std::exit(BadUsage);
}

/// The library's own log lines (e.g. the development-switch warning) in swan-run's voice.
void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const char *kind = type == QtDebugMsg ? "debug"
            : type == QtInfoMsg           ? "info"
            : type == QtWarningMsg        ? "warning"
                                          : "error";
    const QString category = QString::fromLatin1(context.category ? context.category : "default");
    printLine(stderr,
              category == QLatin1String("default")
                      ? QStringLiteral("swan-run: %1: %2").arg(QLatin1String(kind), message)
                      : QStringLiteral("swan-run: %1: [%2] %3")
                                .arg(QLatin1String(kind), category, message));
    if (type == QtFatalMsg)
        std::abort();
}

/**
 * Ends a run that outlives --timeout. A timer in the event loop is not enough: a script stuck
 * in `while (true) {}` never returns to it, so a thread interrupts the engine, then the
 * queued quit runs once the script is out.
 */
class Watchdog
{
public:
    Watchdog(std::chrono::milliseconds timeout, QJSEngine *engine)
        : m_thread([this, timeout, engine] {
              std::unique_lock<std::mutex> lock(m_mutex);
              if (m_wake.wait_for(lock, timeout, [this] { return m_cancelled; }))
                  return;
              m_expired = true;
              engine->setInterrupted(true);
              QMetaObject::invokeMethod(
                      QCoreApplication::instance(), [] { QCoreApplication::exit(TimedOut); },
                      Qt::QueuedConnection);
          })
    {
    }
    ~Watchdog()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_cancelled = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    bool expired() const { return m_expired; }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_cancelled = false;
    std::atomic<bool> m_expired {false};
    std::thread m_thread;
};

struct Options
{
    QString script;
    std::optional<double> timeoutSeconds;
    QString frameLog;
};

/// Reads the command line into @p settings; exits with status 2 on anything wrong.
Options parseArguments(const QCoreApplication &app, SimulatorSettings *settings)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(SwanRun::tr(
            "Runs a smart-program script (the swan.connectSocket API family) headless."));
    parser.addPositionalArgument(QStringLiteral("SCRIPT.js"), SwanRun::tr("The script to run."));
    const QCommandLineOption allowDomain(QStringLiteral("allow-domain"),
                                         SwanRun::tr("Add HOST to the allow-list (repeatable)."),
                                         QStringLiteral("HOST"));
    const QCommandLineOption noDomainCheck(
            QStringLiteral("no-domain-check"),
            SwanRun::tr(
                    "The development switch: allow ws://, skip the allow-list and TLS checks."));
    const QCommandLineOption caCert(QStringLiteral("ca-cert"),
                                    SwanRun::tr("Trust this PEM CA as well (repeatable)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption connectTo(
            QStringLiteral("connect-to"),
            SwanRun::tr("curl's --connect-to (repeatable; empty H1/P1 match any)."),
            QStringLiteral("H1:P1:H2:P2"));
    const QCommandLineOption baseVersion(
            QStringLiteral("base-version"),
            SwanRun::tr("Base library version to behave as (default: newest)."),
            QStringLiteral("X.Y.Z"));
    const QCommandLineOption maxTasks(QStringLiteral("max-tasks"),
                                      SwanRun::tr("Concurrent task limit (default 5)."),
                                      QStringLiteral("N"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     SwanRun::tr("Give up after SEC seconds (exit 124)."),
                                     QStringLiteral("SEC"));
    const QCommandLineOption logFrames(QStringLiteral("log-frames"),
                                       SwanRun::tr("Write every frame as one JSON line "
                                                   "(time, task, direction, type, size, data)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption platform(
            QStringLiteral("platform"),
            SwanRun::tr("Which error-code table: ios (default) or android."),
            QStringLiteral("ios|android"));
    const QCommandLineOption appKey(QStringLiteral("app-key"),
                                    SwanRun::tr("The appKey in the fixed Referer."),
                                    QStringLiteral("KEY"));
    parser.addOptions({allowDomain, noDomainCheck, caCert, connectTo, baseVersion, maxTasks,
                       timeout, logFrames, platform, appKey});
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    // parse(), not process(): process() exits with 1 on an unknown flag, and bad usage is 2.
    if (!parser.parse(app.arguments()))
        usageError(parser.errorText());
    if (parser.isSet(help))
        parser.showHelp(Done);
    if (parser.isSet(version))
        parser.showVersion();

    Options options;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        usageError(SwanRun::tr("missing SCRIPT.js"));
    if (positional.size() > 1)
        usageError(SwanRun::tr("one script at a time (got %1)").arg(positional.join(u' ')));
    options.script = positional.first();
    if (!QFileInfo(options.script).isFile() || !QFile(options.script).open(QIODevice::ReadOnly))
        usageError(SwanRun::tr("cannot read script %1").arg(options.script));

    for (const QString &host : parser.values(allowDomain)) {
        if (Validation::normalizeAllowedDomain(host).isEmpty())
            usageError(SwanRun::tr("bad --allow-domain %1: not a host name").arg(host));
        settings->addAllowedDomain(host);
    }
    for (const QString &file : parser.values(caCert)) {
        QString error;
        if (!settings->addCaCertificateFile(file, &error))
            usageError(SwanRun::tr("bad --ca-cert: %1").arg(error));
    }
    for (const QString &rule : parser.values(connectTo)) {
        if (!settings->addConnectTo(rule))
            usageError(
                    SwanRun::tr("bad --connect-to %1: expected HOST1:PORT1:HOST2:PORT2").arg(rule));
    }
    if (parser.isSet(baseVersion)) {
        static const QRegularExpression versionPattern(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"));
        const QString value = parser.value(baseVersion);
        if (!versionPattern.match(value).hasMatch())
            usageError(SwanRun::tr("bad --base-version %1: expected X.Y.Z").arg(value));
        settings->setBaseVersion(value);
    }
    if (parser.isSet(maxTasks)) {
        bool ok = false;
        const int value = parser.value(maxTasks).toInt(&ok);
        if (!ok || value < 1)
            usageError(SwanRun::tr("bad --max-tasks %1: expected a whole number of at least 1")
                               .arg(parser.value(maxTasks)));
        settings->setMaxTasks(value);
    }
    if (parser.isSet(timeout)) {
        bool ok = false;
        const double value = parser.value(timeout).toDouble(&ok);
        if (!ok || !(value > 0) || value > 1e6)
            usageError(SwanRun::tr("bad --timeout %1: expected seconds greater than 0")
                               .arg(parser.value(timeout)));
        options.timeoutSeconds = value;
    }
    if (parser.isSet(platform)) {
        const QString value = parser.value(platform);
        if (value != QLatin1String("ios") && value != QLatin1String("android"))
            usageError(SwanRun::tr("bad --platform %1: expected ios or android").arg(value));
        settings->setPlatformName(value);
    }
    if (parser.isSet(appKey))
        settings->setAppKey(parser.value(appKey));
    options.frameLog = parser.value(logFrames);
    // Last, after every other check: SimulatorSettings says it loudly, once, on stderr.
    if (parser.isSet(noDomainCheck))
        settings->setDevelopmentMode(true);
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("swan-run"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWANSOCKET_VERSION));
    qInstallMessageHandler(messageHandler);

    SimulatorSettings settings;
    const Options options = parseArguments(app, &settings);

    QFile frameLogFile(options.frameLog);
    if (!options.frameLog.isEmpty()
        && !frameLogFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        usageError(SwanRun::tr("cannot write --log-frames %1: %2")
                           .arg(options.frameLog, frameLogFile.errorString()));

    SocketApi api(&settings);
    FrameLogWriter frameLog(&frameLogFile);
    if (frameLogFile.isOpen())
        QObject::connect(&api, &SocketApi::taskCreated, &frameLog, &FrameLogWriter::watch);

    JsHost host(&api);
    QObject::connect(&host, &JsHost::consoleMessage, &app,
                     [](JsHost::ConsoleLevel level, const QString &text) {
                         const bool toStderr = level == JsHost::ConsoleLevel::Warn
                                 || level == JsHost::ConsoleLevel::Error;
                         printLine(toStderr ? stderr : stdout, text);
                     });
    QObject::connect(&host, &JsHost::scriptError, &app, [](const QString &message) {
        printLine(stderr, SwanRun::tr("swan-run: uncaught %1").arg(message));
    });
    std::optional<Watchdog> watchdog;
    // Once the time is up, a task finishing during the wind-down must not turn 124 into 0.
    QObject::connect(&host, &JsHost::becameIdle, &app, [&watchdog] {
        if (!watchdog || !watchdog->expired())
            QCoreApplication::exit(Done);
    });

    if (options.timeoutSeconds)
        watchdog.emplace(std::chrono::milliseconds(qint64(*options.timeoutSeconds * 1000)),
                         host.engine());

    QString error;
    const bool loaded = host.evaluateFile(options.script, &error);
    if (watchdog && watchdog->expired()) {
        // Interrupted while loading: the queued exit(124) below reports it.
    } else if (!loaded) {
        printLine(stderr, QStringLiteral("swan-run: %1").arg(error));
        return ScriptFailed;
    }
    const int status = app.exec();
    if (status == TimedOut)
        printLine(stderr,
                  SwanRun::tr("swan-run: timed out after %1 s").arg(*options.timeoutSeconds));
    return status;
}
