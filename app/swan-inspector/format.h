#pragma once

#include <QObject>
#include <QQmlEngine>

/**
 * Numbers as the inspector shows them: byte sizes, durations, counts. Units are symbols
 * (B, KiB, ms, s) that read the same in every language the inspector speaks.
 */
class Format : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit Format(QObject *parent = nullptr);

    /// "512 B", "1.5 KiB", "12.0 MiB".
    Q_INVOKABLE static QString bytes(qint64 bytes);
    /// "870 ms", "4.2 s", "3:07", "1:02:03"; "" when @p milliseconds is negative.
    Q_INVOKABLE static QString duration(qint64 milliseconds);
    /// "12,345" in the current locale.
    Q_INVOKABLE static QString count(qint64 value);
    /// A rate with at most one decimal ("0.5", "12", "1.2k").
    Q_INVOKABLE static QString rate(double perSecond);
};
