#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace SwanBench {

/**
 * One workload of perf-anchors.md. Every client runs exactly this, in its own process:
 * - w1: one connection; `messages` text messages of `size` bytes sent back to back; msg/s from
 *   the first send to the last echo.
 * - w2: one connection; `messages` round trips, each sent when the previous echo arrived;
 *   p50/p99 of the round-trip times in µs.
 * - w3: one connection; `messages` distinct binary messages of `size` bytes (message i filled
 *   with byte i % 256, made before the clock starts and held by the workload until handed to
 *   the client), all sent at once; MiB/s to the last echo; echoes checked in order.
 * - w4: one binary message of `size` bytes and its echo; seconds.
 * - w5: `connections` connections opened at once, each sending `messages` text messages of
 *   `size` bytes and closing when all came back; seconds until the last is closed.
 */
struct WorkloadSpec
{
    QString name;
    int messages = 0;
    qint64 size = 0;
    int connections = 1;
};

/// The specs of w1..w5; @p quick makes them small enough for a smoke run.
WorkloadSpec workloadSpec(const QString &name, bool quick);
QStringList allWorkloads();

/// What a client worker process needs (the orchestrator passes it on the command line).
struct WorkerOptions
{
    QString client;
    WorkloadSpec spec;
    QUrl url; ///< wss://localhost:<port>/ for WebSocket clients
    quint16 floorPort = 0; ///< plain TLS echo, for the floor client
    QString caFile;
    qint64 sendWindow = 0; ///< SocketTask::Options::sendWindow; 0 = the library default
    qint64 readBufferSize = -1; ///< SocketTask::Options::readBufferSize; -1 = the default
};

/// The marker in front of a worker's one result line, so it can be found among other output.
inline constexpr char ResultMarker[] = "SWANBENCH ";

/// Prints the result line: {"value", "p50", "p99", "seconds", "rss_mib", "baseline_mib"} or
/// {"error"}.
void printWorkerResult(const QJsonObject &result);

/// Nanoseconds from an arbitrary fixed point (CLOCK_MONOTONIC).
qint64 monotonicNs();

/// p (0..1) of @p sortedValues, nearest rank below; the same rule as the JS workloads.
double percentile(const std::vector<double> &sortedValues, double p);

} // namespace SwanBench
