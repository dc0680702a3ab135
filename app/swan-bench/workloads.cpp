#include "workloads.h"

#include <QJsonDocument>

#include <cmath>
#include <cstdio>
#include <ctime>

namespace SwanBench {

WorkloadSpec workloadSpec(const QString &name, bool quick)
{
    constexpr qint64 MiB = 1024 * 1024;
    WorkloadSpec spec;
    spec.name = name;
    if (name == QLatin1String("w1")) {
        spec.messages = quick ? 10000 : 100000;
        spec.size = 64;
    } else if (name == QLatin1String("w2")) {
        spec.messages = quick ? 1000 : 10000;
        spec.size = 64;
    } else if (name == QLatin1String("w3")) {
        spec.messages = quick ? 32 : 256;
        spec.size = MiB;
    } else if (name == QLatin1String("w4")) {
        spec.messages = 1;
        spec.size = quick ? 16 * MiB : 64 * MiB;
    } else if (name == QLatin1String("w5")) {
        spec.connections = quick ? 10 : 100;
        spec.messages = quick ? 100 : 1000;
        spec.size = 64;
    } else {
        spec.name.clear();
    }
    return spec;
}

QStringList allWorkloads()
{
    return {QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("w3"), QStringLiteral("w4"),
            QStringLiteral("w5")};
}

void printWorkerResult(const QJsonObject &result)
{
    const QByteArray line
            = ResultMarker + QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

qint64 monotonicNs()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

double percentile(const std::vector<double> &sortedValues, double p)
{
    if (sortedValues.empty())
        return 0;
    const auto index = size_t(std::floor(p * double(sortedValues.size() - 1)));
    return sortedValues[index];
}

} // namespace SwanBench
