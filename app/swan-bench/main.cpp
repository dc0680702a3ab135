// swan-bench: raw QWebSocket, SocketTask, the JS host, node-ws, Chromium and a plain-TLS floor
// on the same workloads, against one echo server in its own process (swan-bench-server).
// See BENCHMARKS.md. Started again with --client-worker, it is one client of one run.
#include "benchrunner.h"
#include "floorclient.h"
#include "qtclients.h"
#include "workloads.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

using namespace SwanBench;

namespace {

enum ExitCode { BadUsage = 2 };

[[noreturn]] void usageError(const QString &message)
{
    std::fprintf(stderr, "swan-bench: %s\nTry 'swan-bench --help' for more information.\n",
                 qPrintable(message));
    std::exit(BadUsage);
}

/// "a,b,c" checked against @p known; exits on anything unknown.
QStringList listValue(const QString &value, const QStringList &known, const char *what)
{
    QStringList chosen;
    const QStringList items = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        if (!known.contains(item))
            usageError(QStringLiteral("unknown %1 \"%2\" (known: %3)")
                               .arg(QLatin1String(what), item, known.join(QLatin1Char(','))));
        if (!chosen.contains(item))
            chosen << item;
    }
    if (chosen.isEmpty())
        usageError(QStringLiteral("no %1 given").arg(QLatin1String(what)));
    // Keep the canonical order: rows and interleaving do not depend on how they were typed.
    QStringList ordered;
    for (const QString &item : known) {
        if (chosen.contains(item))
            ordered << item;
    }
    return ordered;
}

qint64 numberValue(const QCommandLineParser &parser, const QCommandLineOption &option,
                   qint64 minimum)
{
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < minimum)
        usageError(QStringLiteral("bad --%1 %2: expected a whole number of at least %3")
                           .arg(option.names().constFirst(), parser.value(option))
                           .arg(minimum));
    return value;
}

QCommandLineOption hidden(const QString &name, const QString &valueName)
{
    QCommandLineOption option(name, QString(), valueName);
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("swan-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Runs the workloads w1..w5 with every client, interleaved, against a wss echo "
            "server in its own process, and reports medians with min–max (see BENCHMARKS.md)."));
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("Smoke run: one round, smaller counts."));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    QStringLiteral("Rounds (default 7; 1 with --quick)."),
                                    QStringLiteral("N"));
    const QCommandLineOption only(
            QStringLiteral("only"),
            QStringLiteral("Clients to run, comma-separated (default all: %1).")
                    .arg(allClients().join(QLatin1Char(','))),
            QStringLiteral("CLIENTS"));
    const QCommandLineOption workloads(QStringLiteral("workloads"),
                                       QStringLiteral("Workloads to run (default w1,w2,w3,w4,w5)."),
                                       QStringLiteral("LIST"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("End with one line of JSON: machine, results, "
                                                 "ratios (> 1 is better than qwebsocket)."));
    const QCommandLineOption sendWindow(
            QStringLiteral("send-window"),
            QStringLiteral(
                    "SocketTask send window for sockettask and js (default: the library's)."),
            QStringLiteral("BYTES"));
    const QCommandLineOption readBuffer(
            QStringLiteral("read-buffer"),
            QStringLiteral("SocketTask read buffer for sockettask and recorder, 0 = unlimited "
                           "(default: the library's)."),
            QStringLiteral("BYTES"));
    const QCommandLineOption noPin(
            QStringLiteral("no-pin"),
            QStringLiteral(
                    "Let w2's server and client run on any CPU (default: one CPU for both)."));
    const QCommandLineOption timeout(
            QStringLiteral("timeout"),
            QStringLiteral("Give up on one run after SEC seconds (default 180)."),
            QStringLiteral("SEC"));
    // A client worker: one client, one workload, one run; started by the orchestrator.
    const QCommandLineOption worker
            = hidden(QStringLiteral("client-worker"), QStringLiteral("CLIENT"));
    const QCommandLineOption workload = hidden(QStringLiteral("workload"), QStringLiteral("W"));
    const QCommandLineOption messages = hidden(QStringLiteral("messages"), QStringLiteral("N"));
    const QCommandLineOption size = hidden(QStringLiteral("size"), QStringLiteral("BYTES"));
    const QCommandLineOption connections
            = hidden(QStringLiteral("connections"), QStringLiteral("N"));
    const QCommandLineOption port = hidden(QStringLiteral("port"), QStringLiteral("PORT"));
    const QCommandLineOption floorPort
            = hidden(QStringLiteral("floor-port"), QStringLiteral("PORT"));
    const QCommandLineOption ca = hidden(QStringLiteral("ca"), QStringLiteral("FILE"));
    parser.addOptions({quick, rounds, only, workloads, json, sendWindow, readBuffer, noPin, timeout,
                       worker, workload, messages, size, connections, port, floorPort, ca});
    const QCommandLineOption help = parser.addHelpOption();

    if (!parser.parse(QCoreApplication::arguments()))
        usageError(parser.errorText());
    if (parser.isSet(help))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        usageError(
                QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().first()));

    if (parser.isSet(worker)) {
        WorkerOptions options;
        options.client = parser.value(worker);
        options.spec.name = parser.value(workload);
        options.spec.messages = int(numberValue(parser, messages, 1));
        options.spec.size = numberValue(parser, size, 1);
        options.spec.connections = int(numberValue(parser, connections, 1));
        options.url = QUrl(QStringLiteral("wss://localhost:%1/").arg(parser.value(port)));
        options.floorPort = quint16(numberValue(parser, floorPort, 1));
        options.caFile = parser.value(ca);
        if (parser.isSet(sendWindow))
            options.sendWindow = numberValue(parser, sendWindow, 1);
        if (parser.isSet(readBuffer))
            options.readBufferSize = numberValue(parser, readBuffer, 0);
        if (!allWorkloads().contains(options.spec.name))
            usageError(QStringLiteral("unknown workload %1").arg(options.spec.name));
        if (options.client == QLatin1String("floor"))
            return runFloorClient(options);
        if (options.client == QLatin1String("qwebsocket")
            || options.client == QLatin1String("sockettask")
            || options.client == QLatin1String("recorder") || options.client == QLatin1String("js"))
            return runQtClient(options);
        usageError(QStringLiteral("%1 is not an in-process client").arg(options.client));
    }

    BenchOptions options;
    options.quick = parser.isSet(quick);
    options.rounds = options.quick ? 1 : 7;
    options.runTimeoutSeconds = options.quick ? 60 : 180;
    if (parser.isSet(rounds))
        options.rounds = int(numberValue(parser, rounds, 1));
    if (parser.isSet(only))
        options.clients = listValue(parser.value(only), allClients(), "client");
    options.workloads = parser.isSet(workloads)
            ? listValue(parser.value(workloads), allWorkloads(), "workload")
            : allWorkloads();
    options.json = parser.isSet(json);
    options.pinRoundTrips = !parser.isSet(noPin);
    if (parser.isSet(sendWindow))
        options.sendWindow = numberValue(parser, sendWindow, 64 * 1024);
    if (parser.isSet(readBuffer))
        options.readBufferSize = numberValue(parser, readBuffer, 0);
    if (parser.isSet(timeout))
        options.runTimeoutSeconds = int(numberValue(parser, timeout, 1));
    options.executable = QCoreApplication::applicationFilePath();
    options.serverExecutable = QDir(QCoreApplication::applicationDirPath())
                                       .filePath(QStringLiteral("swan-bench-server"));
    if (!QFileInfo(options.serverExecutable).isExecutable())
        usageError(QStringLiteral("swan-bench-server not found next to swan-bench (%1)")
                           .arg(options.serverExecutable));
    return runBench(options);
}
