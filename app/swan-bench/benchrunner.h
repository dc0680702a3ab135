#pragma once

#include <QString>
#include <QStringList>

namespace SwanBench {

/// Every client, in the order rows are printed; "qwebsocket" is the reference of all ratios.
QStringList allClients();

struct BenchOptions
{
    QStringList clients = allClients();
    QStringList workloads;
    int rounds = 7;
    bool quick = false;
    bool json = false;
    qint64 sendWindow = 0; ///< passed to sockettask and js; 0 = the library default
    qint64 readBufferSize = -1; ///< passed to sockettask and recorder; -1 = the library default
    int runTimeoutSeconds = 180; ///< one client, one workload, one round
    /// w2 runs the server and each client on one CPU. On a VM a wake-up across CPUs costs tens
    /// of µs and sometimes milliseconds (an idle vCPU is descheduled), which made w2 bimodal:
    /// ~29 µs or ~65 µs p50 from round to round, for every client alike.
    bool pinRoundTrips = true;
    QString executable; ///< swan-bench itself, started again as a client worker
    QString serverExecutable; ///< swan-bench-server
};

/**
 * The orchestrator: makes a throw-away CA and server certificate with the openssl CLI, starts
 * swan-bench-server, then runs every workload with every client, interleaved (one round = each
 * client once), each run in its own process. Prints the table (and with BenchOptions::json a
 * last line of JSON) on stdout, progress on stderr. Returns the exit status: 0 when every run
 * of every available client succeeded.
 */
int runBench(const BenchOptions &options);

} // namespace SwanBench
