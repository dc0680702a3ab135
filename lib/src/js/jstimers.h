#pragma once

#include <QHash>
#include <QObject>

namespace SwanSocket {

/**
 * The clock behind setTimeout/setInterval: hands out timer ids and says when each one is due.
 * It knows nothing of JavaScript; the callbacks stay on the script side (swan.js), keyed by id.
 *
 * Ids are positive, increasing and never reused. Timers due at the same time fire in the order
 * they were added.
 */
class JsTimers : public QObject
{
    Q_OBJECT

public:
    explicit JsTimers(QObject *parent = nullptr);
    ~JsTimers() override;

    /// Starts a timer; @p ms is clamped to [0, INT_MAX] (NaN is 0), and to at least 1 ms for a
    /// repeating one so an interval cannot spin the event loop.
    int add(double ms, bool repeat);
    /// Stops a timer; unknown or finished ids are ignored.
    void remove(int id);
    /// Timers that will still fire: pending timeouts and running intervals.
    int activeCount() const;

Q_SIGNALS:
    /// Timer @p id is due; @p finished when it will not fire again (a timeout), in which case it
    /// no longer counts as active when this is emitted.
    void fired(int id, bool finished);
    /// A timer stopped counting as active (fired for the last time or was removed).
    void timerFinished();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Entry
    {
        int id;
        bool repeat;
    };
    QHash<int, Entry> m_byQtId; // QObject timer id -> ours
    QHash<int, int> m_qtIdById;
    int m_lastId = 0;
};

} // namespace SwanSocket
