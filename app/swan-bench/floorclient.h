#pragma once

#include "workloads.h"

namespace SwanBench {

/// The floor: the workload's bytes echoed over plain TLS (OpenSSL, no WebSocket framing, no
/// Qt), each message one SSL_write. What the wire and the crypto cost on this machine; prints
/// the result line and returns the exit status.
int runFloorClient(const WorkerOptions &options);

} // namespace SwanBench
