#pragma once

#include "workloads.h"

namespace SwanBench {

/// Runs one workload with one of the in-process Qt clients ("qwebsocket", "sockettask",
/// "recorder", "js") and prints its result line; returns the exit status. Needs a
/// QCoreApplication.
int runQtClient(const WorkerOptions &options);

/// Whether this build has the frame recorder (SwanSocket::FrameRecorder) for the recorder client.
bool recorderAvailable();

} // namespace SwanBench
