#include "qtclients.h"

#include "procstats.h"

#include <SwanSocket/jshost.h>
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#if __has_include(<SwanSocket/framerecorder.h>)
#    include <SwanSocket/framerecorder.h>
#    define SWANBENCH_HAVE_RECORDER 1
#else
#    define SWANBENCH_HAVE_RECORDER 0
#endif

#include <QCoreApplication>
#include <QFile>
#include <QJSEngine>
#include <QJsonDocument>
#include <QSslConfiguration>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace SwanBench {

namespace {

constexpr double MiB = 1024.0 * 1024.0;

/// What the workloads need from a client: raw QWebSocket and SocketTask behind one face.
/// Callbacks are std::function rather than signals so the face costs next to nothing.
class Channel
{
public:
    virtual ~Channel() = default;
    virtual void open() = 0;
    virtual void sendText(const QString &text) = 0;
    virtual void sendBinary(const QByteArray &data) = 0;
    virtual void close() = 0;

    std::function<void()> onOpen = [] {};
    std::function<void(const QString &)> onText = [](const QString &) {};
    std::function<void(const QByteArray &)> onBinary = [](const QByteArray &) {};
    std::function<void()> onClosed = [] {};
    std::function<void(const QString &)> onFailed = [](const QString &) {};
};

/// The reference: QWebSocket as an application would use it, Qt's defaults untouched.
class WebSocketChannel : public Channel
{
public:
    WebSocketChannel(const QUrl &url, const QSslConfiguration &ssl) : m_url(url)
    {
        m_socket.setSslConfiguration(ssl);
        QObject::connect(&m_socket, &QWebSocket::connected, &m_socket, [this] { onOpen(); });
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &message) { onText(message); });
        QObject::connect(&m_socket, &QWebSocket::binaryMessageReceived, &m_socket,
                         [this](const QByteArray &message) { onBinary(message); });
        QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket, [this] {
            if (m_closing)
                onClosed();
            else
                onFailed(QStringLiteral("disconnected: %1").arg(m_socket.errorString()));
        });
        // Qt 6.4: the signal is error(); errorOccurred() arrived in 6.5.
        QObject::connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error),
                         &m_socket, [this](QAbstractSocket::SocketError) {
                             if (!m_closing)
                                 onFailed(m_socket.errorString());
                         });
    }
    void open() override { m_socket.open(m_url); }
    void sendText(const QString &text) override { m_socket.sendTextMessage(text); }
    void sendBinary(const QByteArray &data) override { m_socket.sendBinaryMessage(data); }
    void close() override
    {
        m_closing = true;
        m_socket.close();
    }

private:
    QUrl m_url;
    QWebSocket m_socket;
    bool m_closing = false;
};

/// Our C++ API: a SocketTask with its defaults (paced sends, the send window given or default),
/// watched by @p recorder when there is one (the "recorder" client).
class SocketTaskChannel : public Channel
{
public:
    SocketTaskChannel(const QUrl &url, const QSslConfiguration &ssl, qint64 sendWindow,
                      qint64 readBufferSize, QObject *recorder)
        : m_task(url)
    {
#if SWANBENCH_HAVE_RECORDER
        if (recorder)
            static_cast<SwanSocket::FrameRecorder *>(recorder)->watch(&m_task);
#else
        Q_UNUSED(recorder);
#endif
        m_options.url = url;
        m_options.sslConfiguration = ssl;
        if (sendWindow > 0)
            m_options.sendWindow = sendWindow;
        if (readBufferSize >= 0)
            m_options.readBufferSize = readBufferSize;
        using SwanSocket::SocketTask;
        QObject::connect(&m_task, &SocketTask::opened, &m_task, [this] { onOpen(); });
        QObject::connect(&m_task, &SocketTask::textMessageReceived, &m_task,
                         [this](const QString &message) { onText(message); });
        QObject::connect(&m_task, &SocketTask::binaryMessageReceived, &m_task,
                         [this](const QByteArray &message) { onBinary(message); });
        QObject::connect(&m_task, &SocketTask::errorOccurred, &m_task,
                         [this](const QString &message) { onFailed(message); });
        QObject::connect(&m_task, &SocketTask::closed, &m_task,
                         [this](int code, const QString &reason) {
                             if (m_closing)
                                 onClosed();
                             else
                                 onFailed(QStringLiteral("closed %1 %2").arg(code).arg(reason));
                         });
    }
    void open() override { m_task.open(m_options); }
    void sendText(const QString &text) override { check(m_task.send(text)); }
    void sendBinary(const QByteArray &data) override { check(m_task.send(data)); }
    void close() override
    {
        m_closing = true;
        check(m_task.close());
    }

private:
    void check(const SwanSocket::Outcome &outcome)
    {
        if (!outcome.ok())
            onFailed(outcome.reason);
    }

    SwanSocket::SocketTask m_task;
    SwanSocket::SocketTask::Options m_options;
    bool m_closing = false;
};

/// Runs one workload (see workloads.h) over channels, then prints the result and quits.
class Driver
{
public:
    using Factory = std::function<std::unique_ptr<Channel>()>;

    Driver(const WorkerOptions &options, Factory factory)
        : m_spec(options.spec), m_make(std::move(factory))
    {
    }

    void start()
    {
        if (m_spec.name == QLatin1String("w1"))
            startPipelined();
        else if (m_spec.name == QLatin1String("w2"))
            startRoundTrips();
        else if (m_spec.name == QLatin1String("w3") || m_spec.name == QLatin1String("w4"))
            startBinary();
        else
            startManyTasks();
    }

private:
    Channel *addChannel()
    {
        m_channels.push_back(m_make());
        Channel *channel = m_channels.back().get();
        channel->onFailed = [this](const QString &message) { fail(message); };
        return channel;
    }

    void startClock()
    {
        m_baselineMib = peakRssMib();
        m_startNs = monotonicNs();
    }
    double elapsedSeconds() const { return double(monotonicNs() - m_startNs) / 1e9; }

    void startPipelined()
    {
        m_text = QString(int(m_spec.size), QLatin1Char('a'));
        Channel *channel = addChannel();
        channel->onOpen = [this, channel] {
            startClock();
            for (int i = 0; i < m_spec.messages; ++i)
                channel->sendText(m_text);
        };
        channel->onText = [this](const QString &) {
            if (++m_received == m_spec.messages) {
                const double seconds = elapsedSeconds();
                finish({{QStringLiteral("value"), m_spec.messages / seconds},
                        {QStringLiteral("seconds"), seconds}});
            }
        };
        channel->open();
    }

    void startRoundTrips()
    {
        m_text = QString(int(m_spec.size), QLatin1Char('a'));
        m_latenciesUs.reserve(size_t(m_spec.messages));
        Channel *channel = addChannel();
        channel->onOpen = [this, channel] {
            startClock();
            m_sentNs = monotonicNs();
            channel->sendText(m_text);
        };
        channel->onText = [this, channel](const QString &) {
            const qint64 now = monotonicNs();
            m_latenciesUs.push_back(double(now - m_sentNs) / 1e3);
            if (int(m_latenciesUs.size()) < m_spec.messages) {
                m_sentNs = monotonicNs();
                channel->sendText(m_text);
                return;
            }
            const double seconds = elapsedSeconds();
            std::sort(m_latenciesUs.begin(), m_latenciesUs.end());
            const double p50 = percentile(m_latenciesUs, 0.50);
            finish({{QStringLiteral("value"), p50},
                    {QStringLiteral("p50"), p50},
                    {QStringLiteral("p99"), percentile(m_latenciesUs, 0.99)},
                    {QStringLiteral("seconds"), seconds}});
        };
        channel->open();
    }

    /// w3 and w4: distinct payloads made up front, all sent at once, released once handed over.
    void startBinary()
    {
        m_payloads.reserve(size_t(m_spec.messages));
        for (int i = 0; i < m_spec.messages; ++i)
            m_payloads.emplace_back(qsizetype(m_spec.size), char(i & 0xff));
        Channel *channel = addChannel();
        channel->onOpen = [this, channel] {
            startClock();
            for (const QByteArray &payload : m_payloads)
                channel->sendBinary(payload);
            m_payloads = {};
        };
        channel->onBinary = [this](const QByteArray &message) {
            if (message.size() != m_spec.size || uchar(message.at(0)) != (m_received & 0xff)) {
                fail(QStringLiteral("echo %1 has %2 bytes starting with %3: wrong size or order")
                             .arg(m_received)
                             .arg(message.size())
                             .arg(message.isEmpty() ? -1 : int(uchar(message.at(0)))));
                return;
            }
            if (++m_received < m_spec.messages)
                return;
            const double seconds = elapsedSeconds();
            const double value = m_spec.name == QLatin1String("w3")
                    ? double(m_spec.messages) * double(m_spec.size) / MiB / seconds
                    : seconds;
            finish({{QStringLiteral("value"), value}, {QStringLiteral("seconds"), seconds}});
        };
        channel->open();
    }

    void startManyTasks()
    {
        m_text = QString(int(m_spec.size), QLatin1Char('a'));
        m_receivedPerChannel.assign(size_t(m_spec.connections), 0);
        startClock();
        for (int i = 0; i < m_spec.connections; ++i) {
            Channel *channel = addChannel();
            channel->onOpen = [this, channel] {
                for (int j = 0; j < m_spec.messages; ++j)
                    channel->sendText(m_text);
            };
            channel->onText = [this, channel, i](const QString &) {
                if (++m_receivedPerChannel[size_t(i)] == m_spec.messages)
                    channel->close();
            };
            channel->onClosed = [this] {
                if (++m_closed == m_spec.connections) {
                    const double seconds = elapsedSeconds();
                    finish({{QStringLiteral("value"), seconds},
                            {QStringLiteral("seconds"), seconds}});
                }
            };
        }
        for (const auto &channel : m_channels)
            channel->open();
    }

    void finish(QJsonObject result)
    {
        if (m_done)
            return;
        m_done = true;
        result.insert(QStringLiteral("rss_mib"), peakRssMib());
        result.insert(QStringLiteral("baseline_mib"), m_baselineMib);
        printWorkerResult(result);
        QCoreApplication::exit(0);
    }

    void fail(const QString &message)
    {
        if (m_done)
            return;
        m_done = true;
        printWorkerResult({{QStringLiteral("error"), message}});
        QCoreApplication::exit(1);
    }

    const WorkloadSpec m_spec;
    const Factory m_make;
    std::vector<std::unique_ptr<Channel>> m_channels;
    QString m_text;
    std::vector<QByteArray> m_payloads;
    std::vector<double> m_latenciesUs;
    std::vector<int> m_receivedPerChannel;
    qint64 m_startNs = 0;
    qint64 m_sentNs = 0;
    double m_baselineMib = 0;
    int m_received = 0;
    int m_closed = 0;
    bool m_done = false;
};

/// The `bench` global the mini-program workload script gets on top of swan/console/timers:
/// a clock fine enough for round trips, and the way to hand back its result.
class BenchBridge : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Microseconds on the monotonic clock.
    Q_INVOKABLE double now() const { return double(monotonicNs()) / 1e3; }
    /// Called when the workload's clock starts: the peak RSS so far is the baseline.
    Q_INVOKABLE void startClock() { m_baselineMib = peakRssMib(); }
    Q_INVOKABLE void done(const QString &json)
    {
        QJsonObject result = QJsonDocument::fromJson(json.toUtf8()).object();
        result.insert(QStringLiteral("rss_mib"), peakRssMib());
        result.insert(QStringLiteral("baseline_mib"), m_baselineMib);
        report(result, 0);
    }
    Q_INVOKABLE void fail(const QString &message)
    {
        report({{QStringLiteral("error"), message}}, 1);
    }

private:
    void report(const QJsonObject &result, int exitCode)
    {
        if (m_reported)
            return;
        m_reported = true;
        printWorkerResult(result);
        QCoreApplication::exit(exitCode);
    }

    double m_baselineMib = 0;
    bool m_reported = false;
};

int runMiniProgram(const WorkerOptions &options)
{
    SwanSocket::SimulatorSettings settings;
    settings.addAllowedDomain(QStringLiteral("localhost"));
    QString error;
    if (!settings.addCaCertificateFile(options.caFile, &error)) {
        printWorkerResult({{QStringLiteral("error"), error}});
        return 1;
    }
    settings.setMaxTasks(std::max(SwanSocket::SimulatorSettings::DefaultMaxTasks,
                                  options.spec.connections)); // w5: the task limit raised
    if (options.sendWindow > 0)
        settings.setSendWindow(options.sendWindow);
    SwanSocket::SocketApi api(&settings);
    SwanSocket::JsHost host(&api);
    BenchBridge bridge;

    QObject::connect(&host, &SwanSocket::JsHost::scriptError, &bridge,
                     [&bridge](const QString &message) { bridge.fail(message); });
    QObject::connect(&host, &SwanSocket::JsHost::consoleMessage, &bridge,
                     [](SwanSocket::JsHost::ConsoleLevel, const QString &text) {
                         std::fprintf(stderr, "js: %s\n", qPrintable(text));
                     });

    QJSEngine *engine = host.engine();
    QJSEngine::setObjectOwnership(&bridge, QJSEngine::CppOwnership);
    engine->globalObject().setProperty(QStringLiteral("bench"), engine->newQObject(&bridge));
    const QVariantMap params {{QStringLiteral("workload"), options.spec.name},
                              {QStringLiteral("url"), options.url.toString()},
                              {QStringLiteral("messages"), options.spec.messages},
                              {QStringLiteral("size"), double(options.spec.size)},
                              {QStringLiteral("connections"), options.spec.connections}};
    engine->globalObject().setProperty(QStringLiteral("benchParams"),
                                       engine->toScriptValue(params));

    const QString script = QStringLiteral(":/swan-bench/miniprogram-workloads.js");
    if (!host.evaluateFile(script, &error)) {
        printWorkerResult({{QStringLiteral("error"), error}});
        return 1;
    }
    return QCoreApplication::exec();
}

} // namespace

bool recorderAvailable() { return SWANBENCH_HAVE_RECORDER; }

int runQtClient(const WorkerOptions &options)
{
    if (options.client == QLatin1String("js"))
        return runMiniProgram(options);

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!ssl.addCaCertificates(options.caFile)) {
        printWorkerResult({{QStringLiteral("error"),
                            QStringLiteral("cannot read CA %1").arg(options.caFile)}});
        return 1;
    }
    // The recorder client: SocketTask with a FrameRecorder (its default budget) watching
    // every task, as the inspector runs it.
    std::unique_ptr<QObject> recorder;
#if SWANBENCH_HAVE_RECORDER
    if (options.client == QLatin1String("recorder"))
        recorder = std::make_unique<SwanSocket::FrameRecorder>();
#endif
    Driver::Factory factory;
    if (options.client == QLatin1String("qwebsocket")) {
        factory = [url = options.url, ssl] {
            return std::unique_ptr<Channel>(new WebSocketChannel(url, ssl));
        };
    } else {
        factory = [url = options.url, ssl, window = options.sendWindow,
                   readBuffer = options.readBufferSize, r = recorder.get()] {
            return std::unique_ptr<Channel>(new SocketTaskChannel(url, ssl, window, readBuffer, r));
        };
    }
    Driver driver(options, factory);
    driver.start();
    return QCoreApplication::exec();
}

} // namespace SwanBench

#include "qtclients.moc"
