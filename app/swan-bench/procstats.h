#pragma once

#include <QList>
#include <QString>

#include <sys/types.h>

namespace SwanBench {

/// Peak resident set (VmHWM) of this process, in MiB.
double peakRssMib();
/// Peak resident set of process @p pid, in MiB; 0 when it cannot be read.
double peakRssMib(pid_t pid);
/// @p root and every process below it (children, grandchildren, …).
QList<pid_t> processTree(pid_t root);

/// One line describing the CPU ("AMD EPYC, 2 cores") and the memory.
QString machineDescription();

} // namespace SwanBench
