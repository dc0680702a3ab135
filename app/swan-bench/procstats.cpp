#include "procstats.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QThread>

namespace SwanBench {

namespace {

/// A "Name:  value kB" line of /proc/<pid>/status (or /proc/meminfo), in MiB.
double statusValueMib(const QString &path, const QByteArray &name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith(name))
            continue;
        const QList<QByteArray> fields = line.mid(name.size()).simplified().split(' ');
        return fields.value(0).toDouble() / 1024.0; // kB
    }
    return 0;
}

} // namespace

double peakRssMib() { return statusValueMib(QStringLiteral("/proc/self/status"), "VmHWM:"); }

double peakRssMib(pid_t pid)
{
    return statusValueMib(QStringLiteral("/proc/%1/status").arg(pid), "VmHWM:");
}

QList<pid_t> processTree(pid_t root)
{
    // The parent of every process, from /proc/<pid>/stat ("pid (comm) state ppid …"; comm may
    // hold spaces and parentheses, so read after the last ')').
    QHash<pid_t, QList<pid_t>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const pid_t pid = pid_t(entry.toInt(&isPid));
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children[pid_t(fields.at(1).toInt())].append(pid);
    }
    QList<pid_t> tree {root};
    for (qsizetype i = 0; i < tree.size(); ++i)
        tree += children.value(tree.at(i));
    return tree;
}

QString machineDescription()
{
    QString cpu;
    QFile cpuInfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuInfo.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = cpuInfo.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
        }
    }
    const double memoryGib = statusValueMib(QStringLiteral("/proc/meminfo"), "MemTotal:") / 1024.0;
    return QStringLiteral("%1, %2 cores, %3 GiB RAM")
            .arg(cpu.isEmpty() ? QStringLiteral("unknown CPU") : cpu)
            .arg(QThread::idealThreadCount())
            .arg(memoryGib, 0, 'f', 1);
}

} // namespace SwanBench
