#include "benchrunner.h"

#include "procstats.h"
#include "qtclients.h"
#include "workloads.h"

#include "throwawaycertificates.h"

#include <SwanSocket/sockettask.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <sched.h>
#include <unistd.h>
#include <vector>

namespace SwanBench {

namespace {

const QString Reference = QStringLiteral("qwebsocket");
constexpr double MiB = 1024.0 * 1024.0;

void say(std::FILE *stream, const QString &text)
{
    const QByteArray line = text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stream);
    std::fflush(stream);
}

/// A row of the results: one metric of one workload. w2 gives two (p50 and p99).
struct Metric
{
    QString key; ///< "w1", "w2p50", …: the "workload" of a result and the key of its ratio
    QString workload;
    QString resultField; ///< what the worker reports it as
    QString unit;
    bool higherIsBetter;
};

QList<Metric> metricsOf(const QString &workload)
{
    if (workload == QLatin1String("w1"))
        return {{QStringLiteral("w1"), workload, QStringLiteral("value"), QStringLiteral("msg/s"),
                 true}};
    if (workload == QLatin1String("w2"))
        return {{QStringLiteral("w2p50"), workload, QStringLiteral("p50"), QStringLiteral("µs"),
                 false},
                {QStringLiteral("w2p99"), workload, QStringLiteral("p99"), QStringLiteral("µs"),
                 false}};
    if (workload == QLatin1String("w3"))
        return {{QStringLiteral("w3"), workload, QStringLiteral("value"), QStringLiteral("MiB/s"),
                 true}};
    return {{workload, workload, QStringLiteral("value"), QStringLiteral("s"), false}};
}

/// Workloads whose peak RSS is a goal get a "<key>rss" ratio.
bool hasRssRatio(const QString &workload)
{
    return workload == QLatin1String("w3") || workload == QLatin1String("w4");
}

double median(std::vector<double> values)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

/// Every run of one client on one metric.
struct Series
{
    std::vector<double> values;
    std::vector<double> rssMib;
    std::vector<double> baselineMib;
    std::vector<double> serverCpu; ///< the server's CPU share during each run (0..1 per core)
    QString lastError;
    int failures = 0;

    bool measured() const { return !values.empty(); }
};

QString formatValue(double value, const QString &unit)
{
    if (std::isnan(value))
        return QStringLiteral("–");
    if (unit == QLatin1String("msg/s"))
        return value >= 10000 ? QStringLiteral("%1k").arg(value / 1000, 0, 'f', 0)
                              : QStringLiteral("%1k").arg(value / 1000, 0, 'f', 1);
    if (unit == QStringLiteral("µs"))
        return QString::number(value, 'f', 0);
    if (unit == QLatin1String("MiB/s"))
        return QString::number(value, 'f', value >= 100 ? 0 : 1);
    return QString::number(value, 'f', value >= 10 ? 1 : value >= 0.1 ? 2 : 3); // seconds
}

QString formatRatio(double ratio)
{
    return std::isnan(ratio) ? QString() : QStringLiteral("%1×").arg(ratio, 0, 'f', 2);
}

QString formatPercent(double share)
{
    return std::isnan(share) ? QStringLiteral("–")
                             : QStringLiteral("%1%").arg(share * 100, 0, 'f', 1);
}

/// Restricts @p pid (0: the calling process) to @p cpu, or to every CPU it may use when @p cpu
/// is -1 (then @p all is that set).
void pinTo(pid_t pid, int cpu, const cpu_set_t &all)
{
    if (cpu < 0) {
        sched_setaffinity(pid, sizeof all, &all);
        return;
    }
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    sched_setaffinity(pid, sizeof one, &one);
}

/// The 1, 5 and 15 minute load averages.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

/// Pads for the terminal; the table stays valid Markdown.
QString pad(const QString &text, int width) { return text.leftJustified(width); }

class Bench
{
public:
    explicit Bench(const BenchOptions &options) : m_options(options) { }
    ~Bench() { stopServer(); }

    int run();

private:
    bool prepare();
    bool makeCertificates();
    bool extractScripts();
    bool startServer();
    void stopServer();
    std::optional<double> serverCpuSeconds();
    void detectClients();
    bool prepareChromium();
    QString versionOf(const QString &program, const QStringList &arguments);

    /// One client, one workload, one round: the worker's result object, or {"error"}.
    QJsonObject runOnce(const QString &client, const WorkloadSpec &spec, int round);
    QJsonObject runWorker(const QString &client, const WorkloadSpec &spec);
    QJsonObject runChromium(const WorkloadSpec &spec, int round);
    /// What web-workloads.js needs, for node-ws and Chromium alike.
    QJsonObject webClientParams(const WorkloadSpec &spec) const;
    QJsonObject parseResultLine(const QByteArray &output, const QString &client) const;

    double ratio(const Metric &metric, const QString &client) const;
    double rssRatio(const QString &workload, const QString &client) const;
    const Series *series(const QString &key, const QString &client) const;
    void printTables();
    QJsonObject goalsAndPrint();
    QJsonObject machine();
    QJsonObject json(const QJsonObject &goals);

    const BenchOptions m_options;
    QTemporaryDir m_dir {QDir::tempPath() + QStringLiteral("/swan-bench-XXXXXX")};
    QString m_node;
    QString m_chromium;
    QString m_certutil;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;
    quint16 m_floorPort = 0;
    QMap<QString, QString> m_skipped; ///< client -> why (and what to install)
    QMap<QString, QMap<QString, Series>> m_series; ///< metric key -> client -> runs
    /// The CPU w2 runs the server and the client on (-1: not pinned), and every CPU we may use.
    int m_roundTripCpu = -1;
    cpu_set_t m_allCpus;
    int m_pinnedCpu = -1; ///< the CPU the current runs are pinned to, -1 when none
    QString m_loadBefore; ///< /proc/loadavg when the runs started: others' work makes noise
    QString m_loadAfter;
    bool m_anyFailure = false;
};

QString Bench::versionOf(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(15000))
        return {};
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

bool Bench::prepare()
{
    if (!m_dir.isValid()) {
        say(stderr, QStringLiteral("swan-bench: cannot make a temporary directory"));
        return false;
    }
    return makeCertificates() && extractScripts() && startServer();
}

bool Bench::makeCertificates()
{
    const ThrowawayCertificates certificates {QStringLiteral("swan-bench throw-away CA"),
                                              QStringLiteral("localhost"),
                                              {QStringLiteral("DNS:localhost"),
                                               QStringLiteral("IP:127.0.0.1"),
                                               QStringLiteral("IP:::1")},
                                              7};
    QString error;
    if (!certificates.make(m_dir.path(), &error)) {
        say(stderr, QStringLiteral("swan-bench: %1").arg(error));
        return false;
    }
    return true;
}

bool Bench::extractScripts()
{
    // Shipped inside the binary; node and Chromium need them as files.
    QDir().mkpath(m_dir.path() + QStringLiteral("/www"));
    for (const char *name : {"web-workloads.js", "node-client.js", "chromium.html"}) {
        const QString target = m_dir.path() + QStringLiteral("/www/") + QLatin1String(name);
        if (!QFile::copy(QStringLiteral(":/swan-bench/") + QLatin1String(name), target)) {
            say(stderr, QStringLiteral("swan-bench: cannot write %1").arg(target));
            return false;
        }
    }
    return true;
}

bool Bench::startServer()
{
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server->start(m_options.serverExecutable,
                    {QStringLiteral("--cert"), m_dir.path() + QStringLiteral("/server.pem"),
                     QStringLiteral("--key"), m_dir.path() + QStringLiteral("/server.key"),
                     QStringLiteral("--docroot"), m_dir.path() + QStringLiteral("/www")});
    if (!m_server->waitForStarted(10000)) {
        say(stderr,
            QStringLiteral("swan-bench: cannot start %1: %2")
                    .arg(m_options.serverExecutable, m_server->errorString()));
        return false;
    }
    QElapsedTimer waited;
    waited.start();
    while (!m_server->canReadLine() && waited.elapsed() < 10000)
        m_server->waitForReadyRead(1000);
    const QList<QByteArray> fields = m_server->readLine().trimmed().split(' ');
    if (fields.size() < 3 || fields.first() != "PORTS") {
        say(stderr, QStringLiteral("swan-bench: swan-bench-server did not start"));
        return false;
    }
    m_port = quint16(fields.at(1).toUInt());
    m_floorPort = quint16(fields.at(2).toUInt());
    return true;
}

void Bench::stopServer()
{
    if (!m_server)
        return;
    m_server->closeWriteChannel(); // it ends at the end of its stdin
    if (!m_server->waitForFinished(5000)) {
        m_server->kill();
        m_server->waitForFinished(5000);
    }
    m_server.reset();
}

std::optional<double> Bench::serverCpuSeconds()
{
    if (!m_server || m_server->state() != QProcess::Running)
        return std::nullopt;
    m_server->write("cpu\n");
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 5000) {
        if (!m_server->canReadLine()) {
            m_server->waitForReadyRead(500);
            continue;
        }
        const QByteArray line = m_server->readLine().trimmed();
        if (line.startsWith("CPU "))
            return line.mid(4).toDouble() / 1e6;
    }
    return std::nullopt;
}

void Bench::detectClients()
{
    if (!recorderAvailable())
        m_skipped.insert(QStringLiteral("recorder"),
                         QStringLiteral("this build has no frame recorder "
                                        "(SwanSocket/framerecorder.h)"));
    const bool wantsNode = m_options.clients.contains(QStringLiteral("node-ws"));
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (wantsNode) {
        bool haveWs = false;
        if (!m_node.isEmpty()) {
            QProcess probe;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("NODE_PATH"),
                               QStringLiteral("/usr/share/nodejs:")
                                       + environment.value(QStringLiteral("NODE_PATH")));
            probe.setProcessEnvironment(environment);
            probe.start(m_node, {QStringLiteral("-e"), QStringLiteral("require('ws')")});
            haveWs = probe.waitForFinished(20000) && probe.exitCode() == 0;
        }
        if (!haveWs)
            m_skipped.insert(QStringLiteral("node-ws"),
                             QStringLiteral("apt install nodejs node-ws"));
    }
    if (m_options.clients.contains(QStringLiteral("chromium"))) {
        m_chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        m_certutil = QStandardPaths::findExecutable(QStringLiteral("certutil"));
        if (m_chromium.isEmpty() || m_certutil.isEmpty())
            m_skipped.insert(QStringLiteral("chromium"),
                             QStringLiteral("apt install chromium libnss3-tools"));
        else if (!prepareChromium())
            m_skipped.insert(QStringLiteral("chromium"),
                             QStringLiteral("could not make the NSS database (certutil failed)"));
    }
}

bool Bench::prepareChromium()
{
    // Chromium trusts the throw-away CA through the NSS database of a HOME of its own; no
    // certificate check is switched off.
    const QString nssDir = m_dir.path() + QStringLiteral("/home/.pki/nssdb");
    QDir().mkpath(nssDir);
    const QString database = QStringLiteral("sql:") + nssDir;
    const QList<QStringList> commands {
            {QStringLiteral("-d"), database, QStringLiteral("-N"),
             QStringLiteral("--empty-password")},
            {QStringLiteral("-d"), database, QStringLiteral("-A"), QStringLiteral("-t"),
             QStringLiteral("C,,"), QStringLiteral("-n"),
             QStringLiteral("swan-bench throw-away CA"), QStringLiteral("-i"),
             m_dir.path() + QStringLiteral("/ca.pem")},
    };
    for (const QStringList &arguments : commands) {
        QProcess process;
        process.start(m_certutil, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            say(stderr,
                QStringLiteral("swan-bench: certutil %1 failed: %2")
                        .arg(arguments.join(u' '),
                             QString::fromLocal8Bit(process.readAllStandardError())));
            return false;
        }
    }
    return true;
}

QJsonObject Bench::parseResultLine(const QByteArray &output, const QString &client) const
{
    const QByteArray marker(ResultMarker);
    const qsizetype at = output.lastIndexOf(marker);
    if (at < 0)
        return {{QStringLiteral("error"), QStringLiteral("%1 printed no result").arg(client)}};
    qsizetype end = output.indexOf('\n', at);
    QByteArray line = output.mid(at + marker.size(), end < 0 ? -1 : end - at - marker.size());
    // Chromium's log wraps console text: … "SWANBENCH {…}", source: https://… (12)
    const qsizetype wrapped = line.lastIndexOf("\", source:");
    if (wrapped >= 0)
        line.truncate(wrapped);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (!document.isObject())
        return {{QStringLiteral("error"),
                 QStringLiteral("%1: unreadable result (%2)").arg(client, error.errorString())}};
    return document.object();
}

QJsonObject Bench::runWorker(const QString &client, const WorkloadSpec &spec)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString program;
    QStringList arguments;
    if (client == QLatin1String("node-ws")) {
        const QJsonObject params = webClientParams(spec);
        environment.insert(QStringLiteral("NODE_PATH"),
                           QStringLiteral("/usr/share/nodejs:")
                                   + environment.value(QStringLiteral("NODE_PATH")));
        program = m_node;
        arguments = {m_dir.path() + QStringLiteral("/www/node-client.js"),
                     QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)),
                     m_dir.path() + QStringLiteral("/ca.pem")};
    } else {
        program = m_options.executable;
        arguments = {QStringLiteral("--client-worker"),
                     client,
                     QStringLiteral("--workload"),
                     spec.name,
                     QStringLiteral("--messages"),
                     QString::number(spec.messages),
                     QStringLiteral("--size"),
                     QString::number(spec.size),
                     QStringLiteral("--connections"),
                     QString::number(spec.connections),
                     QStringLiteral("--port"),
                     QString::number(m_port),
                     QStringLiteral("--floor-port"),
                     QString::number(m_floorPort),
                     QStringLiteral("--ca"),
                     m_dir.path() + QStringLiteral("/ca.pem")};
        if (m_options.sendWindow > 0)
            arguments << QStringLiteral("--send-window") << QString::number(m_options.sendWindow);
        if (m_options.readBufferSize >= 0)
            arguments << QStringLiteral("--read-buffer")
                      << QString::number(m_options.readBufferSize);
    }
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    const int cpu = m_pinnedCpu;
    const cpu_set_t all = m_allCpus;
    process.setChildProcessModifier([cpu, all] { pinTo(0, cpu, all); });
    process.start(program, arguments);
    if (!process.waitForFinished(m_options.runTimeoutSeconds * 1000)) {
        const QString why = process.state() == QProcess::Running
                ? QStringLiteral("timed out after %1 s").arg(m_options.runTimeoutSeconds)
                : process.errorString();
        process.kill();
        process.waitForFinished(5000);
        return {{QStringLiteral("error"), why}};
    }
    const QByteArray errors = process.readAllStandardError();
    QJsonObject result = parseResultLine(process.readAllStandardOutput(), client);
    if (result.contains(QStringLiteral("error")) && !errors.trimmed().isEmpty())
        result.insert(QStringLiteral("stderr"), QString::fromLocal8Bit(errors.right(500)));
    return result;
}

QJsonObject Bench::webClientParams(const WorkloadSpec &spec) const
{
    return {{QStringLiteral("workload"), spec.name},
            {QStringLiteral("url"), QStringLiteral("wss://localhost:%1/").arg(m_port)},
            {QStringLiteral("messages"), spec.messages},
            {QStringLiteral("size"), double(spec.size)},
            {QStringLiteral("connections"), spec.connections}};
}

QJsonObject Bench::runChromium(const WorkloadSpec &spec, int round)
{
    const QString profile
            = m_dir.path() + QStringLiteral("/chromium-%1-%2").arg(spec.name).arg(round);
    const QJsonObject params = webClientParams(spec);
    const QString page = QStringLiteral("https://localhost:%1/chromium.html?%2")
                                 .arg(m_port)
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(
                                         QJsonDocument(params).toJson(QJsonDocument::Compact)))));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir.path() + QStringLiteral("/home"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    // Its own process group, so that the whole browser (renderer, network service, …) ends.
    const int cpu = m_pinnedCpu;
    const cpu_set_t all = m_allCpus;
    process.setChildProcessModifier([cpu, all] {
        ::setpgid(0, 0);
        pinTo(0, cpu, all);
    });
    process.start(m_chromium,
                  {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
                   QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
                   QStringLiteral("--no-first-run"),
                   QStringLiteral("--disable-background-networking"),
                   QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
                   QStringLiteral("--user-data-dir=") + profile,
                   QStringLiteral("--enable-logging=stderr"), QStringLiteral("--v=0"), page});
    if (!process.waitForStarted(15000))
        return {{QStringLiteral("error"), process.errorString()}};
    const pid_t pid = pid_t(process.processId());

    QJsonObject result;
    QByteArray output;
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        if (process.waitForReadyRead(200))
            output += process.readAll();
        if (output.contains(ResultMarker)
            && output.indexOf('\n', output.lastIndexOf(ResultMarker)) > 0) {
            result = parseResultLine(output, QStringLiteral("chromium"));
            // Its peak memory: the largest process of the browser's tree (the renderer holds
            // the script's data, the network service the sockets).
            double largest = 0;
            for (pid_t member : processTree(pid))
                largest = std::max(largest, peakRssMib(member));
            if (!result.contains(QStringLiteral("error")))
                result.insert(QStringLiteral("rss_mib"), largest);
            break;
        }
        if (process.state() != QProcess::Running) {
            result = {{QStringLiteral("error"),
                       QStringLiteral("chromium exited without a result: %1")
                               .arg(QString::fromLocal8Bit(output.right(400)))}};
            break;
        }
        if (waited.elapsed() > qint64(m_options.runTimeoutSeconds) * 1000) {
            result = {{QStringLiteral("error"),
                       QStringLiteral("timed out after %1 s").arg(m_options.runTimeoutSeconds)}};
            break;
        }
    }
    ::kill(-pid, SIGKILL);
    process.waitForFinished(10000);
    QDir(profile).removeRecursively();
    return result;
}

QJsonObject Bench::runOnce(const QString &client, const WorkloadSpec &spec, int round)
{
    const std::optional<double> cpuBefore = serverCpuSeconds();
    QJsonObject result = client == QLatin1String("chromium") ? runChromium(spec, round)
                                                             : runWorker(client, spec);
    const std::optional<double> cpuAfter = serverCpuSeconds();
    const double seconds = result.value(QStringLiteral("seconds")).toDouble();
    if (cpuBefore && cpuAfter && seconds > 0)
        result.insert(QStringLiteral("server_cpu"), (*cpuAfter - *cpuBefore) / seconds);
    return result;
}

const Series *Bench::series(const QString &key, const QString &client) const
{
    const auto byKey = m_series.constFind(key);
    if (byKey == m_series.constEnd())
        return nullptr;
    const auto byClient = byKey->constFind(client);
    return byClient == byKey->constEnd() || !byClient->measured() ? nullptr : &*byClient;
}

/// > 1 means better than the reference, for every metric.
double Bench::ratio(const Metric &metric, const QString &client) const
{
    const Series *reference = series(metric.key, Reference);
    const Series *mine = series(metric.key, client);
    if (!reference || !mine)
        return std::nan("");
    const double ours = median(mine->values);
    const double theirs = median(reference->values);
    return metric.higherIsBetter ? ours / theirs : theirs / ours;
}

double Bench::rssRatio(const QString &workload, const QString &client) const
{
    const Series *reference = series(metricsOf(workload).first().key, Reference);
    const Series *mine = series(metricsOf(workload).first().key, client);
    if (!reference || !mine || mine->rssMib.empty() || reference->rssMib.empty())
        return std::nan("");
    return median(reference->rssMib) / median(mine->rssMib);
}

int Bench::run()
{
    if (!prepare())
        return 1;
    // Every CPU we may use; w2 uses the last of them when pinning.
    CPU_ZERO(&m_allCpus);
    sched_getaffinity(0, sizeof m_allCpus, &m_allCpus);
    if (m_options.pinRoundTrips && CPU_COUNT(&m_allCpus) > 1) {
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
            if (CPU_ISSET(cpu, &m_allCpus))
                m_roundTripCpu = cpu;
        }
    }
    detectClients();
    QStringList runnable;
    for (const QString &client : m_options.clients) {
        if (m_skipped.contains(client))
            say(stderr,
                QStringLiteral("swan-bench: %1 skipped: %2").arg(client, m_skipped.value(client)));
        else
            runnable << client;
    }
    say(stderr,
        QStringLiteral("swan-bench: server on wss://localhost:%1 (floor: TLS port %2), "
                       "%3 round(s)%4")
                .arg(m_port)
                .arg(m_floorPort)
                .arg(m_options.rounds)
                .arg(m_options.quick ? QStringLiteral(", quick") : QString()));

    m_loadBefore = loadAverage();
    if (m_loadBefore.section(QLatin1Char(' '), 0, 0).toDouble() > 0.5)
        say(stderr,
            QStringLiteral("swan-bench: load average %1 before the runs: other work is "
                           "going on, expect noise (ratios of one run stay comparable)")
                    .arg(m_loadBefore));
    QElapsedTimer total;
    total.start();
    for (const QString &workload : m_options.workloads) {
        const WorkloadSpec spec = workloadSpec(workload, m_options.quick);
        // w2 (see BenchOptions::pinRoundTrips): the server and the client on one CPU.
        m_pinnedCpu = workload == QLatin1String("w2") ? m_roundTripCpu : -1;
        pinTo(pid_t(m_server->processId()), m_pinnedCpu, m_allCpus);
        for (int round = 1; round <= m_options.rounds; ++round) {
            for (const QString &client : runnable) {
                const QJsonObject result = runOnce(client, spec, round);
                const QList<Metric> metrics = metricsOf(workload);
                if (result.contains(QStringLiteral("error"))) {
                    m_anyFailure = true;
                    const QString error = result.value(QStringLiteral("error")).toString()
                            + QLatin1Char(' ') + result.value(QStringLiteral("stderr")).toString();
                    for (const Metric &metric : metrics) {
                        Series &runs = m_series[metric.key][client];
                        ++runs.failures;
                        runs.lastError = error.trimmed();
                    }
                    say(stderr,
                        QStringLiteral("[%1 %2/%3] %4: FAILED: %5")
                                .arg(workload)
                                .arg(round)
                                .arg(m_options.rounds)
                                .arg(client, error.trimmed()));
                    continue;
                }
                QStringList shown;
                for (const Metric &metric : metrics) {
                    Series &runs = m_series[metric.key][client];
                    const double value = result.value(metric.resultField).toDouble(std::nan(""));
                    runs.values.push_back(value);
                    if (result.contains(QStringLiteral("rss_mib")))
                        runs.rssMib.push_back(result.value(QStringLiteral("rss_mib")).toDouble());
                    if (result.contains(QStringLiteral("baseline_mib")))
                        runs.baselineMib.push_back(
                                result.value(QStringLiteral("baseline_mib")).toDouble());
                    if (result.contains(QStringLiteral("server_cpu")))
                        runs.serverCpu.push_back(
                                result.value(QStringLiteral("server_cpu")).toDouble());
                    shown << QStringLiteral("%1 %2").arg(formatValue(value, metric.unit),
                                                         metric.unit);
                }
                say(stderr,
                    QStringLiteral("[%1 %2/%3] %4: %5, peak RSS %6 MiB, server CPU %7")
                            .arg(workload)
                            .arg(round)
                            .arg(m_options.rounds)
                            .arg(client, shown.join(QStringLiteral(", ")))
                            .arg(result.value(QStringLiteral("rss_mib")).toDouble(), 0, 'f', 0)
                            .arg(formatPercent(result.value(QStringLiteral("server_cpu"))
                                                       .toDouble(std::nan("")))));
            }
        }
    }
    m_loadAfter = loadAverage();
    say(stderr,
        QStringLiteral("swan-bench: done in %1 s").arg(double(total.elapsed()) / 1000, 0, 'f', 0));
    stopServer();

    printTables();
    const QJsonObject goals = goalsAndPrint();
    if (m_options.json)
        say(stdout, QString::fromUtf8(QJsonDocument(json(goals)).toJson(QJsonDocument::Compact)));
    return m_anyFailure ? 1 : 0;
}

void Bench::printTables()
{
    // Side by side: one row per client, the median of every metric and its ratio to the
    // reference (> 1 is better).
    QStringList header {QStringLiteral("client")};
    for (const QString &workload : m_options.workloads) {
        for (const Metric &metric : metricsOf(workload))
            header << QStringLiteral("%1 %2").arg(metric.key, metric.unit);
        if (hasRssRatio(workload))
            header << QStringLiteral("%1 RSS MiB").arg(workload);
    }
    QList<QStringList> rows {header};
    for (const QString &client : m_options.clients) {
        QStringList cells {client};
        if (m_skipped.contains(client)) {
            cells << QStringLiteral("skipped: %1").arg(m_skipped.value(client));
            rows << cells;
            continue;
        }
        for (const QString &workload : m_options.workloads) {
            for (const Metric &metric : metricsOf(workload)) {
                const Series *runs = series(metric.key, client);
                if (!runs) {
                    cells << QStringLiteral("failed");
                    continue;
                }
                const QString shown = formatValue(median(runs->values), metric.unit);
                cells << (client == Reference ? shown
                                              : QStringLiteral("%1 (%2)").arg(
                                                      shown, formatRatio(ratio(metric, client))));
            }
            if (hasRssRatio(workload)) {
                const Series *runs = series(metricsOf(workload).first().key, client);
                if (!runs || runs->rssMib.empty()) {
                    cells << QStringLiteral("–");
                    continue;
                }
                const QString shown = QString::number(median(runs->rssMib), 'f', 0);
                cells << (client == Reference
                                  ? shown
                                  : QStringLiteral("%1 (%2)").arg(
                                          shown, formatRatio(rssRatio(workload, client))));
            }
        }
        rows << cells;
    }
    // Column widths from the cells (a skipped row's one long cell does not count).
    QList<int> widths(header.size(), 3);
    for (const QStringList &cells : std::as_const(rows)) {
        if (cells.size() != header.size())
            continue;
        for (qsizetype i = 0; i < cells.size(); ++i)
            widths[i] = std::max(widths[i], int(cells.at(i).size()));
    }
    auto print = [&](const QStringList &cells) {
        QStringList padded;
        for (qsizetype i = 0; i < cells.size(); ++i)
            padded << (cells.size() == header.size() || i == 0 ? pad(cells.at(i), widths.at(i))
                                                               : cells.at(i));
        say(stdout, QStringLiteral("| %1 |").arg(padded.join(QStringLiteral(" | "))));
    };
    say(stdout,
        QStringLiteral("\nMedians of %1 round(s); (×) = against qwebsocket in this run, "
                       "> 1 is better.\n")
                .arg(m_options.rounds));
    print(header);
    QStringList rule;
    for (int width : std::as_const(widths))
        rule << QString(width, QLatin1Char('-'));
    print(rule);
    for (qsizetype i = 1; i < rows.size(); ++i)
        print(rows.at(i));

    // In detail: spread, memory and the server's share for every figure.
    say(stdout,
        QStringLiteral("\n| metric | client | median | min–max | unit | vs qwebsocket | "
                       "peak RSS MiB (baseline) | server CPU |"));
    say(stdout, QStringLiteral("| --- | --- | --- | --- | --- | --- | --- | --- |"));
    for (const QString &workload : m_options.workloads) {
        for (const Metric &metric : metricsOf(workload)) {
            for (const QString &client : m_options.clients) {
                if (m_skipped.contains(client))
                    continue;
                const Series *runs = series(metric.key, client);
                const Series &any = m_series.value(metric.key).value(client);
                if (!runs) {
                    say(stdout,
                        QStringLiteral("| %1 | %2 | failed: %3 | | | | | |")
                                .arg(metric.key, client,
                                     any.lastError.left(120).replace(QLatin1Char('|'),
                                                                     QLatin1Char('/'))));
                    continue;
                }
                const auto [low, high]
                        = std::minmax_element(runs->values.begin(), runs->values.end());
                QString memory = runs->rssMib.empty()
                        ? QStringLiteral("–")
                        : QString::number(median(runs->rssMib), 'f', 0);
                if (!runs->baselineMib.empty())
                    memory += QStringLiteral(" (%1)").arg(median(runs->baselineMib), 0, 'f', 0);
                QString failures;
                if (any.failures > 0)
                    failures = QStringLiteral(" (%1 failed)").arg(any.failures);
                say(stdout,
                    QStringLiteral("| %1 | %2 | %3%4 | %5–%6 | %7 | %8 | %9 | %10 |")
                            .arg(metric.key, client, formatValue(median(runs->values), metric.unit),
                                 failures, formatValue(*low, metric.unit),
                                 formatValue(*high, metric.unit), metric.unit,
                                 client == Reference ? QStringLiteral("1")
                                                     : formatRatio(ratio(metric, client)),
                                 memory)
                            .arg(formatPercent(median(runs->serverCpu))));
            }
        }
    }
}

QJsonObject Bench::goalsAndPrint()
{
    // The goals, checked against this run's medians.
    struct Goal
    {
        QString name;
        double measured;
        double target;
        bool atLeast; ///< measured >= target (else <=)
    };
    auto value = [this](const QString &key, const QString &client) {
        const Series *runs = series(key, client);
        return runs ? median(runs->values) : std::nan("");
    };
    auto rss = [this](const QString &key, const QString &client) {
        const Series *runs = series(key, client);
        return runs && !runs->rssMib.empty() ? median(runs->rssMib) : std::nan("");
    };
    auto metric = [](const QString &key) {
        for (const QString &workload : allWorkloads()) {
            for (const Metric &m : metricsOf(workload)) {
                if (m.key == key)
                    return m;
            }
        }
        return Metric {};
    };
    const WorkloadSpec w3 = workloadSpec(QStringLiteral("w3"), m_options.quick);
    const WorkloadSpec w4 = workloadSpec(QStringLiteral("w4"), m_options.quick);
    const double w3Held = double(w3.messages) * double(w3.size) / MiB;
    const double w4Message = double(w4.size) / MiB;
    const QString st = QStringLiteral("sockettask");
    const QString js = QStringLiteral("js");
    const QString node = QStringLiteral("node-ws");
    const QList<Goal> goals {
            {QStringLiteral("w1 sockettask ratio"), ratio(metric(QStringLiteral("w1")), st), 0.95,
             true},
            {QStringLiteral("w1 recorder ratio"),
             ratio(metric(QStringLiteral("w1")), QStringLiteral("recorder")), 0.90, true},
            {QStringLiteral("w1 js ratio"), ratio(metric(QStringLiteral("w1")), js), 0.5, true},
            {QStringLiteral("w2 sockettask p50 ratio"), ratio(metric(QStringLiteral("w2p50")), st),
             0.95, true},
            {QStringLiteral("w2 sockettask p99 ratio"), ratio(metric(QStringLiteral("w2p99")), st),
             0.95, true},
            {QStringLiteral("w2 js p50 ratio"), ratio(metric(QStringLiteral("w2p50")), js), 0.66,
             true},
            {QStringLiteral("w3 sockettask ratio"), ratio(metric(QStringLiteral("w3")), st), 5,
             true},
            {QStringLiteral("w3 sockettask / node-ws"),
             value(QStringLiteral("w3"), st) / value(QStringLiteral("w3"), node), 2, true},
            {QStringLiteral("w3 sockettask peak RSS MiB (held + 64)"),
             rss(QStringLiteral("w3"), st), w3Held + 64, false},
            {QStringLiteral("w3 js / sockettask"),
             value(QStringLiteral("w3"), js) / value(QStringLiteral("w3"), st), 0.9, true},
            {QStringLiteral("w4 sockettask s (≤ node-ws)"), value(QStringLiteral("w4"), st),
             value(QStringLiteral("w4"), node), false},
            {QStringLiteral("w4 sockettask peak RSS MiB (2.5 × message)"),
             rss(QStringLiteral("w4"), st), 2.5 * w4Message, false},
            {QStringLiteral("w5 sockettask ratio"), ratio(metric(QStringLiteral("w5")), st), 0.9,
             true},
    };
    if (m_options.quick)
        say(stdout,
            QStringLiteral("\nThe goals are set for the full sizes; with --quick they "
                           "are only indicative."));
    say(stdout, QStringLiteral("\n| goal | measured | target | met |"));
    say(stdout, QStringLiteral("| --- | --- | --- | --- |"));
    QJsonArray list;
    for (const Goal &goal : goals) {
        const bool known = !std::isnan(goal.measured) && !std::isnan(goal.target);
        const bool met = known
                && (goal.atLeast ? goal.measured >= goal.target : goal.measured <= goal.target);
        const QString verdict = !known ? QStringLiteral("n/a")
                : met                  ? QStringLiteral("yes")
                                       : QStringLiteral("NO");
        say(stdout,
            QStringLiteral("| %1 | %2 | %3 %4 | %5 |")
                    .arg(goal.name)
                    .arg(known ? QString::number(goal.measured, 'f', 2) : QStringLiteral("–"))
                    .arg(goal.atLeast ? QStringLiteral("≥") : QStringLiteral("≤"))
                    .arg(std::isnan(goal.target) ? QStringLiteral("–")
                                                 : QString::number(goal.target, 'f', 2))
                    .arg(verdict));
        list.append(QJsonObject {
                {QStringLiteral("goal"), goal.name},
                {QStringLiteral("measured"), known ? QJsonValue(goal.measured) : QJsonValue()},
                {QStringLiteral("target"),
                 std::isnan(goal.target) ? QJsonValue() : QJsonValue(goal.target)},
                {QStringLiteral("met"), known ? QJsonValue(met) : QJsonValue()}});
    }
    return {{QStringLiteral("goals"), list}};
}

QJsonObject Bench::machine()
{
    QJsonObject machine {
            {QStringLiteral("description"), machineDescription()},
            {QStringLiteral("os"), QSysInfo::prettyProductName()},
            {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("tls"), QSslSocket::sslLibraryVersionString()},
            {QStringLiteral("load_before"), m_loadBefore},
            {QStringLiteral("load_after"), m_loadAfter},
    };
    if (!m_node.isEmpty() && !m_skipped.contains(QStringLiteral("node-ws")))
        machine.insert(QStringLiteral("node"), versionOf(m_node, {QStringLiteral("--version")}));
    if (!m_chromium.isEmpty() && !m_skipped.contains(QStringLiteral("chromium")))
        machine.insert(QStringLiteral("chromium"),
                       versionOf(m_chromium, {QStringLiteral("--version")}));
    return machine;
}

QJsonObject Bench::json(const QJsonObject &goals)
{
    auto number = [](double value) { return std::isnan(value) ? QJsonValue() : QJsonValue(value); };
    QJsonArray results;
    QJsonObject ratios;
    for (const QString &workload : m_options.workloads) {
        for (const Metric &metric : metricsOf(workload)) {
            for (const QString &client : m_options.clients) {
                const Series *runs = series(metric.key, client);
                QJsonObject entry {{QStringLiteral("client"), client},
                                   {QStringLiteral("workload"), metric.key},
                                   {QStringLiteral("unit"), metric.unit}};
                if (runs) {
                    const auto [low, high]
                            = std::minmax_element(runs->values.begin(), runs->values.end());
                    entry.insert(QStringLiteral("median"), median(runs->values));
                    entry.insert(QStringLiteral("min"), *low);
                    entry.insert(QStringLiteral("max"), *high);
                    entry.insert(QStringLiteral("rss_mib"), number(median(runs->rssMib)));
                    entry.insert(QStringLiteral("server_cpu"), number(median(runs->serverCpu)));
                    entry.insert(QStringLiteral("runs"), int(runs->values.size()));
                    if (!runs->baselineMib.empty())
                        entry.insert(QStringLiteral("baseline_mib"), median(runs->baselineMib));
                } else {
                    for (const char *key : {"median", "min", "max", "rss_mib", "server_cpu"})
                        entry.insert(QLatin1String(key), QJsonValue());
                    entry.insert(m_skipped.contains(client) ? QStringLiteral("skipped")
                                                            : QStringLiteral("error"),
                                 m_skipped.contains(client)
                                         ? m_skipped.value(client)
                                         : m_series.value(metric.key).value(client).lastError);
                }
                results.append(entry);
                if (client == Reference || !runs)
                    continue;
                ratios.insert(QStringLiteral("%1.%2").arg(metric.key, client),
                              number(ratio(metric, client)));
                if (hasRssRatio(workload))
                    ratios.insert(QStringLiteral("%1rss.%2").arg(workload, client),
                                  number(rssRatio(workload, client)));
            }
        }
    }
    return {{QStringLiteral("machine"), machine()},
            {QStringLiteral("config"),
             QJsonObject {
                     {QStringLiteral("rounds"), m_options.rounds},
                     {QStringLiteral("quick"), m_options.quick},
                     {QStringLiteral("w2_cpu"),
                      m_roundTripCpu < 0 ? QJsonValue() : QJsonValue(m_roundTripCpu)},
                     {QStringLiteral("send_window"),
                      double(m_options.sendWindow > 0 ? m_options.sendWindow
                                                      : SwanSocket::SocketTask::DefaultSendWindow)},
                     {QStringLiteral("read_buffer"),
                      double(m_options.readBufferSize >= 0
                                     ? m_options.readBufferSize
                                     : SwanSocket::SocketTask::DefaultReadBufferSize)}}},
            {QStringLiteral("results"), results},
            {QStringLiteral("ratios"), ratios},
            {QStringLiteral("goals"), goals.value(QStringLiteral("goals"))}};
}

} // namespace

QStringList allClients()
{
    return {QStringLiteral("qwebsocket"), QStringLiteral("sockettask"), QStringLiteral("recorder"),
            QStringLiteral("js"),         QStringLiteral("node-ws"),    QStringLiteral("chromium"),
            QStringLiteral("floor")};
}

int runBench(const BenchOptions &options)
{
    Bench bench(options);
    return bench.run();
}

} // namespace SwanBench
