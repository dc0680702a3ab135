#include "screenshotter.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

Screenshotter::Screenshotter(QQuickWindow *window, const QString &file, int delayMs,
                             Summary summary, QObject *parent)
    : QObject(parent), m_window(window), m_file(file), m_summary(std::move(summary))
{
    QTimer::singleShot(delayMs, this, &Screenshotter::finish);
}

void Screenshotter::finish()
{
    int status = 0;
    QString line;
    if (!m_file.isEmpty()) {
        const QImage image = m_window ? m_window->grabWindow() : QImage();
        if (!image.isNull() && image.save(m_file)) {
            line = QStringLiteral("swan-inspector: saved %1 (%2x%3)")
                           .arg(m_file)
                           .arg(image.width())
                           .arg(image.height());
        } else {
            line = QStringLiteral("swan-inspector: could not save %1").arg(m_file);
            status = 1;
        }
    } else {
        line = QStringLiteral("swan-inspector: quitting");
    }
    if (m_summary)
        line += QStringLiteral("; ") + m_summary();
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), status ? stderr : stdout);
    std::fflush(status ? stderr : stdout);
    QCoreApplication::exit(status);
}
