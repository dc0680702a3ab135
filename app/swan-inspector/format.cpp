#include "format.h"

#include <QLocale>

#include <cmath>

Format::Format(QObject *parent) : QObject(parent) { }

QString Format::bytes(qint64 bytes)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(QLocale().toString(value, 'f', value < 100 ? 1 : 0),
                                       QLatin1String(units[unit]));
}

QString Format::duration(qint64 milliseconds)
{
    if (milliseconds < 0)
        return {};
    if (milliseconds < 1000)
        return QStringLiteral("%1 ms").arg(milliseconds);
    if (milliseconds < 60 * 1000)
        return QStringLiteral("%1 s").arg(QLocale().toString(milliseconds / 1000.0, 'f', 1));
    const qint64 seconds = milliseconds / 1000;
    const QLatin1Char zero('0');
    if (seconds < 3600)
        return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, zero);
    return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(seconds / 60 % 60, 2, 10, zero)
            .arg(seconds % 60, 2, 10, zero);
}

QString Format::count(qint64 value) { return QLocale().toString(value); }

QString Format::rate(double perSecond)
{
    if (perSecond >= 10000)
        return QStringLiteral("%1k").arg(QLocale().toString(perSecond / 1000, 'f', 0));
    if (perSecond >= 1000)
        return QStringLiteral("%1k").arg(QLocale().toString(perSecond / 1000, 'f', 1));
    if (perSecond == std::floor(perSecond))
        return QLocale().toString(qint64(perSecond));
    return QLocale().toString(perSecond, 'f', 1);
}
