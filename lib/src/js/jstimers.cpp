#include "jstimers.h"

#include <QTimerEvent>

#include <climits>
#include <cmath>

namespace SwanSocket {

JsTimers::JsTimers(QObject *parent) : QObject(parent) { }

JsTimers::~JsTimers() = default;

int JsTimers::add(double ms, bool repeat)
{
    if (std::isnan(ms) || ms < 0)
        ms = 0;
    int interval = ms >= double(INT_MAX) ? INT_MAX : int(ms);
    if (repeat)
        interval = qMax(1, interval);
    // Precise: coarse timers may be reordered by up to 5%, and scripts rely on call order.
    const int qtId = startTimer(interval, Qt::PreciseTimer);
    const int id = ++m_lastId;
    m_byQtId.insert(qtId, {id, repeat});
    m_qtIdById.insert(id, qtId);
    return id;
}

void JsTimers::remove(int id)
{
    const auto it = m_qtIdById.find(id);
    if (it == m_qtIdById.end())
        return;
    killTimer(*it);
    m_byQtId.remove(*it);
    m_qtIdById.erase(it);
    Q_EMIT timerFinished();
}

int JsTimers::activeCount() const { return int(m_qtIdById.size()); }

void JsTimers::timerEvent(QTimerEvent *event)
{
    const auto it = m_byQtId.constFind(event->timerId());
    if (it == m_byQtId.constEnd())
        return;
    const Entry entry = *it;
    if (!entry.repeat) {
        killTimer(event->timerId());
        m_byQtId.remove(event->timerId());
        m_qtIdById.remove(entry.id);
    }
    Q_EMIT fired(entry.id, !entry.repeat);
    if (!entry.repeat)
        Q_EMIT timerFinished();
}

} // namespace SwanSocket
