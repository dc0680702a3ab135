#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QQuickWindow;

/**
 * --screenshot FILE --quit-after MS: after @p delayMs renders @p window into FILE (when one
 * is given), prints one line saying what it saved and what the window showed, and quits
 * (exit status 1 when the file could not be written).
 */
class Screenshotter : public QObject
{
    Q_OBJECT

public:
    using Summary = std::function<QString()>;

    Screenshotter(QQuickWindow *window, const QString &file, int delayMs, Summary summary,
                  QObject *parent = nullptr);

private:
    void finish();

    QPointer<QQuickWindow> m_window;
    QString m_file;
    Summary m_summary;
};
